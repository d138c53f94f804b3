// Who may read and write what, on a real server (PGlite and PostgreSQL): the role × record kind table,
// class and school isolation, revoked devices, wrong passwords, and refused payloads.
import { encodeHlc } from '@hl/core/domain/hlc'
import { naturalId } from '@hl/core/ids'
import type { TableName } from '@hl/core/schema/tables'
import { SCHEMA_VERSION, type Session } from '@hl/core/sync/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOGIN_POLICY } from '../../server/src/auth/signIn'
import type { RunningServer } from '../../server/src/server'
import { assignment, item, makeSchool, uid, type School } from './fixture'
import { call, makeStore, post, start, STORES, type CapturedLog, type StoreHandle } from './harness'
import { SimClient } from './simClient'

type Who = keyof School['sessions'] | 'admin'
const WHO: Who[] = ['admin', 'mathA', 'chineseA', 'homeroomA', 'leader4', 'mathB', 'leader5']

/** Record kinds of class a (grade 4), and who reads / writes each: the scope rules as a table. */
const TIERS = ['core', 'extend', 'challenge']
const KINDS: { kind: string; table: TableName; reads: Who[]; writes: Who[]; change: (row: Record<string, unknown>) => Record<string, unknown> }[] = [
  { kind: 'a student of class a', table: 'students', reads: ['mathA', 'chineseA', 'homeroomA', 'leader4'], writes: ['admin', 'homeroomA'], change: (r) => ({ position: Number(r.position) + 1 }) },
  { kind: 'a student’s 数学 layer in class a', table: 'studentTiers', reads: ['mathA', 'chineseA', 'homeroomA', 'leader4'], writes: ['admin', 'homeroomA', 'mathA'], change: (r) => ({ tier: TIERS[(TIERS.indexOf(String(r.tier)) + 1) % 3] }) },
  { kind: 'a 数学 assignment of class a', table: 'assignments', reads: ['mathA', 'chineseA', 'homeroomA', 'leader4'], writes: ['admin', 'mathA'], change: (r) => ({ due: r.due === '2026-11-25' ? '2026-11-26' : '2026-11-25' }) },
  { kind: 'an item of that assignment', table: 'items', reads: ['mathA', 'chineseA', 'homeroomA', 'leader4'], writes: ['admin', 'mathA'], change: (r) => ({ minutes: Number(r.minutes) + 1 }) },
  { kind: 'a 先做 timer of the 数学 teacher', table: 'trials', reads: ['mathA'], writes: ['mathA'], change: (r) => ({ elapsedMs: Number(r.elapsedMs) + 1000 }) },
  { kind: 'grade 4’s subjects', table: 'gradeSubjects', reads: WHO, writes: ['admin', 'leader4'], change: (r) => ({ position: Number(r.position) + 1 }) },
  { kind: 'class a itself', table: 'classes', reads: WHO, writes: ['admin'], change: (r) => ({ name: `${String(r.name)}′` }) },
  { kind: 'a teacher (accounts are server-owned)', table: 'teachers', reads: WHO, writes: ['admin'], change: (r) => ({ name: `${String(r.name)}′` }) },
  { kind: 'the school', table: 'schools', reads: WHO, writes: ['admin'], change: (r) => ({ name: `${String(r.name)}′` }) },
  // 审核 on or off is a school setting: the admin's alone, never a grade leader's or a teacher's.
  { kind: 'the school’s approval setting', table: 'schools', reads: WHO, writes: ['admin'], change: (r) => ({ approval: r.approval !== true }) },
  // 审核: a decision on that assignment, made by the class teacher in her own name. Only she may change it
  // (the grade leader may decide too, but never in another's name); the maths teacher, whose homework it
  // is, may never write one.
  { kind: 'a decision on that assignment', table: 'approvals', reads: ['mathA', 'chineseA', 'homeroomA', 'leader4'], writes: ['homeroomA'], change: (r) => ({ reason: `${String(r.reason)}！` }) },
  // 统筹: grade 4's budget of 数学, the grade leader's.
  { kind: 'grade 4’s 数学 budget', table: 'gradeBudgets', reads: WHO, writes: ['admin', 'leader4'], change: (r) => ({ schoolDay: Number(r.schoolDay) + 1 }) },
]

describe.each(STORES)('scope and security on %s', (kind) => {
  let handle: StoreHandle
  let server: RunningServer & { log: CapturedLog }
  let school: School
  let offset = 0
  const ids: Partial<Record<TableName, string>> = {}
  const session = (who: Who): Session => (who === 'admin' ? school.admin : school.sessions[who])

  beforeAll(async () => {
    handle = await makeStore(kind)
    server = await start(handle, undefined, () => Date.now() + offset)
    school = await makeSchool(server)
    const teacher = school.sessions.mathA.account.teacherId
    // The records of the table above, written by who may.
    const math = new SimClient(uid('dev'), school.sessions.mathA)
    ids.assignments = uid('asg')
    ids.items = uid('item')
    ids.studentTiers = naturalId(school.students.a, '数学')
    ids.trials = naturalId(ids.items, teacher)
    math.put('assignments', ids.assignments, assignment(school.classes.a, '数学', teacher))
    math.put('items', ids.items, item(ids.assignments))
    math.put('studentTiers', ids.studentTiers, { studentId: school.students.a, classId: school.classes.a, subject: '数学', tier: 'core' })
    math.put('trials', ids.trials, { itemId: ids.items, teacherId: teacher, state: 'paused', elapsedMs: 1000, runningSince: null })
    await math.flush(server)
    expect(math.outbox).toEqual([])
    const homeroom = new SimClient(uid('dev'), school.sessions.homeroomA)
    ids.approvals = uid('decision')
    homeroom.put('approvals', ids.approvals, { assignmentId: ids.assignments, decision: 'returned', reason: '时间过长', minutes: {}, basis: encodeHlc({ wall: Date.now(), counter: 0, deviceId: 'dev1' }), teacherId: school.sessions.homeroomA.account.teacherId, decidedAt: Date.now() })
    await homeroom.flush(server)
    expect(homeroom.outbox).toEqual([])
    const leader = new SimClient(uid('dev'), school.sessions.leader4)
    ids.gradeBudgets = naturalId(4, '数学')
    leader.put('gradeBudgets', ids.gradeBudgets, { grade: 4, subject: '数学', schoolDay: 20, mon: null, tue: null, wed: null, thu: null, fri: null, restDay: null })
    await leader.flush(server)
    expect(leader.outbox).toEqual([])
    const admin = new SimClient(uid('dev'), school.admin)
    ids.schools = school.schoolId
    admin.put('schools', school.schoolId, { name: '实验小学', regionId: 'national', rules: {} })
    await admin.flush(server)
    ids.students = school.students.a
    ids.gradeSubjects = naturalId(4, '数学')
    ids.classes = school.classes.a
    ids.teachers = teacher
  })
  afterAll(async () => {
    await server.stop()
    handle.cleanup()
  })

  const cases = KINDS.flatMap((k) => WHO.map((who) => ({ ...k, who })))

  it.each(cases)('$who reading $kind: $reads', async ({ table, who, reads }) => {
    const device = new SimClient(uid('dev'), session(who))
    await device.pullAll(server)
    expect(device.records.has(`${table}/${ids[table]}`)).toBe(reads.includes(who))
  })

  it.each(cases)('$who changing $kind: $writes', async ({ table, who, writes, change }) => {
    const device = new SimClient(uid('dev'), session(who))
    // Each tries from what it holds: a copy pulled if it may read the record, else a guess of the whole row.
    await device.pullAll(server)
    const stored = await server.ctx.db.selectFrom('records').select('data').where('school_id', '=', school.schoolId).where('tbl', '=', table).where('id', '=', ids[table]!).executeTakeFirstOrThrow()
    const { id: _i, updatedAt: _u, fieldClock: _f, version: _v, deletedAt: _d, ...fields } = stored.data
    device.put(table, ids[table]!, { ...fields, ...change(stored.data) })
    const res = (await device.push(server))!
    if (writes.includes(who)) expect(res.rejected).toEqual([])
    else expect(res.rejected).toEqual([expect.objectContaining({ code: 'forbidden' })])
  })

  it('lets a grade leader decide on a class of her grade in her own name, never on another grade’s, and never the homework’s own teacher', async () => {
    const basis = encodeHlc({ wall: Date.now(), counter: 0, deviceId: 'dev1' })
    const decision = (by: Session) => ({ assignmentId: ids.assignments!, decision: 'approved', reason: '', minutes: {}, basis, teacherId: by.account.teacherId, decidedAt: Date.now() })
    const tryAs = async (who: Session, fields: Record<string, unknown>) => {
      const device = new SimClient(uid('dev'), who)
      device.put('approvals', uid('decision'), fields)
      return (await device.push(server))!.rejected.map((r) => r.code)
    }
    expect(await tryAs(school.sessions.leader4, decision(school.sessions.leader4))).toEqual([])
    expect(await tryAs(school.sessions.leader5, decision(school.sessions.leader5))).toEqual(['forbidden'])
    expect(await tryAs(school.sessions.mathA, decision(school.sessions.mathA))).toEqual(['forbidden'])
    expect(await tryAs(school.sessions.leader4, decision(school.sessions.homeroomA))).toEqual(['forbidden'])
  })

  it('gives a teacher of class a nothing of class b: no records, no student names', async () => {
    const mathB = new SimClient(uid('dev'), school.sessions.mathB)
    mathB.put('assignments', uid('asg'), assignment(school.classes.b, '数学', school.sessions.mathB.account.teacherId))
    await mathB.flush(server)
    const math = new SimClient(uid('dev'), school.sessions.mathA)
    await math.pullAll(server)
    const pulled = JSON.stringify([...math.records.values()])
    expect(pulled).not.toContain('李四')
    // Who teaches what is the school's to know; every other record with a class is of class a.
    for (const [key, r] of math.records) if (!/^(teachings|roles)\//.test(key) && 'classId' in r) expect(r.classId, key).toBe(school.classes.a)
    expect(math.records.has(`students/${school.students.b}`)).toBe(false)
    // And may not write there, even creating a record of its own subject.
    math.put('assignments', uid('asg'), assignment(school.classes.b, '数学', school.sessions.mathA.account.teacherId))
    expect((await math.push(server))!.rejected[0]!.code).toBe('forbidden')
  })

  it('keeps schools apart: another school’s records never reach this one, even with the same ids', async () => {
    const other = await makeSchool(server, '第二小学')
    const intruder = new SimClient(uid('dev'), other.admin)
    // The same id as a record of the first school: a different record, in the other school only.
    intruder.put('classes', school.classes.a, { grade: 4, name: '冒名班' })
    intruder.put('students', uid('student'), { classId: school.classes.a, number: '9', name: '赵五', position: 1 })
    await intruder.flush(server)
    expect(intruder.outbox).toEqual([])
    for (const who of WHO) {
      const device = new SimClient(uid('dev'), session(who))
      await device.pullAll(server)
      const text = JSON.stringify([...device.records.values()])
      expect(text).not.toContain('冒名班')
      expect(text).not.toContain('赵五')
      expect(text).not.toContain('第二小学')
    }
    const first = await server.ctx.db.selectFrom('records').select('data').where('school_id', '=', school.schoolId).where('tbl', '=', 'classes').where('id', '=', school.classes.a).executeTakeFirstOrThrow()
    expect(first.data.name).not.toBe('冒名班')
  })

  it('refuses a revoked device at once, and its refresh token too; the account’s other devices go on', async () => {
    const login = school.sessions.chineseA.account.login
    const phone = (await post<Session>(server, '/login', { school: school.admin.school.code, login, password: 'a good password' })).body
    const pc = (await post<Session>(server, '/login', { school: school.admin.school.code, login, password: 'a good password' })).body
    const devices = await call<{ id: string; accountId: string }[]>(server, 'GET', '/admin/devices', undefined, school.admin.accessToken)
    const phoneId = devices.body.filter((d) => d.accountId === school.sessions.chineseA.account.id).at(-2)!.id
    expect((await post(server, `/admin/devices/${phoneId}/revoke`, {}, school.admin.accessToken)).status).toBe(200)
    expect((await post(server, '/pull', { clientId: 'phone', cursor: null }, phone.accessToken)).status).toBe(401)
    expect((await post(server, '/push', { clientId: 'phone', schemaVersion: SCHEMA_VERSION, mutations: [] }, phone.accessToken)).status).toBe(401)
    expect((await post(server, '/token', { refreshToken: phone.refreshToken })).status).toBe(401)
    expect((await post(server, '/pull', { clientId: 'pc', cursor: null }, pc.accessToken)).status).toBe(200)
    expect((await post(server, '/token', { refreshToken: pc.refreshToken })).status).toBe(200)
  })

  it('refuses a disabled account’s devices and sign-ins, until the admin enables it again', async () => {
    const who = school.sessions.leader5
    const id = who.account.id
    expect((await post(server, `/admin/accounts/${id}/disable`, {}, school.admin.accessToken)).status).toBe(200)
    expect((await post(server, '/pull', { clientId: 'x', cursor: null }, who.accessToken)).status).toBe(401)
    expect((await post(server, '/token', { refreshToken: who.refreshToken })).status).toBe(401)
    expect((await post(server, '/login', { school: school.admin.school.code, login: who.account.login, password: 'a good password' })).status).toBe(401)
    expect((await post(server, `/admin/accounts/${id}/enable`, {}, school.admin.accessToken)).status).toBe(200)
    expect((await post(server, '/token', { refreshToken: who.refreshToken })).status).toBe(200)
  })

  it('refuses the admin’s pages to teachers, and requests without a valid token', async () => {
    for (const path of ['/admin/accounts', '/admin/devices']) {
      expect((await call(server, 'GET', path, undefined, school.sessions.leader4.accessToken)).status).toBe(403)
      expect((await call(server, 'GET', path)).status).toBe(401)
      expect((await call(server, 'GET', path, undefined, school.admin.accessToken.slice(0, -2) + 'xx')).status).toBe(401)
    }
  })

  it('refuses oversize and malformed payloads with 413/400, and changes nothing', async () => {
    const token = school.sessions.mathA.accessToken
    const before = await server.ctx.db.selectFrom('schools').select('version').where('school_id', '=', school.schoolId).executeTakeFirstOrThrow()
    const s = encodeHlc({ wall: Date.now(), counter: 0, deviceId: 'x' })
    const m = (seq: number, title: string) => ({ seq, table: 'items', id: ids.items!, op: 'put', baseVersion: 0, hlc: s, fields: { title }, fieldClock: { title: s }, baseClock: {} })
    const tooLarge = JSON.stringify({ clientId: 'big', schemaVersion: SCHEMA_VERSION, mutations: [m(1, 'x'.repeat(1024 * 1024))] })
    const cases: [string, number, string][] = [
      [tooLarge, 413, 'tooLarge'],
      [JSON.stringify({ clientId: 'many', schemaVersion: SCHEMA_VERSION, mutations: Array.from({ length: 101 }, (_, i) => m(i + 1, 'x')) }), 413, 'tooManyMutations'],
      ['{"clientId": "x", "mutations": [', 400, 'malformedJson'],
      [JSON.stringify({ clientId: 'x', schemaVersion: SCHEMA_VERSION, mutations: [{ ...m(1, 'x'), seq: 'one' }] }), 400, 'invalidRequest'],
      [JSON.stringify({ clientId: 'x', schemaVersion: SCHEMA_VERSION, mutations: [{ ...m(1, 'x'), hlc: 'yesterday' }] }), 400, 'invalidRequest'],
      [JSON.stringify({ clientId: 'x', schemaVersion: SCHEMA_VERSION, mutations: [m(1, 'x'), m(1, 'y')] }), 400, 'invalidRequest'],
      [JSON.stringify({ clientId: 'Not Valid!', schemaVersion: SCHEMA_VERSION, mutations: [] }), 400, 'invalidRequest'],
      [JSON.stringify([1, 2, 3]), 400, 'invalidRequest'],
    ]
    for (const [raw, status, code] of cases) {
      const res = await call<{ error: { code: string } }>(server, 'POST', '/push', undefined, token, raw)
      expect([res.status, res.body.error.code]).toEqual([status, code])
    }
    // Sent without a length (chunked, as a stream is): counted as it is read.
    const streamed = async (parts: string[]) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(new TextEncoder().encode(part))
          controller.close()
        },
      })
      const res = await fetch(`${server.url}/api/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body, duplex: 'half' } as RequestInit)
      return { status: res.status, body: (await res.json()) as { error?: { code: string }; lastSeq?: number } }
    }
    const half = Math.ceil(tooLarge.length / 2)
    const big = await streamed([tooLarge.slice(0, half), tooLarge.slice(half)])
    expect([big.status, big.body.error?.code]).toEqual([413, 'tooLarge'])
    // A byte-order mark before the JSON is not part of it (as a web Request's text() has it).
    const marked = await streamed(['\ufeff', JSON.stringify({ clientId: 'marked', schemaVersion: SCHEMA_VERSION, mutations: [] })])
    expect([marked.status, marked.body.lastSeq]).toEqual([200, 0])
    const after = await server.ctx.db.selectFrom('schools').select('version').where('school_id', '=', school.schoolId).executeTakeFirstOrThrow()
    expect(after.version).toBe(before.version)
    const clients = await server.ctx.db.selectFrom('clients').select('client_id').where('client_id', 'in', ['big', 'many', 'x']).execute()
    expect(clients).toEqual([])
    expect((await call(server, 'POST', '/pull', undefined, token, JSON.stringify({ clientId: 'x', limit: 501 }))).status).toBe(400)
  })

  it('slows wrong passwords, then locks the account; the admin unlocks it', async () => {
    const login = school.sessions.homeroomA.account.login
    const attempt = (password: string) => post<{ error?: { code: string; params: { retryAfterS?: number } } }>(server, '/login', { school: school.admin.school.code, login, password })
    for (let i = 0; i < LOGIN_POLICY.freeFailures; i++) expect((await attempt('wrong password')).status).toBe(401)
    // Slowed: the next try must wait, even with the right password.
    let res = await attempt('a good password')
    expect(res.status).toBe(429)
    expect(res.body.error!.params.retryAfterS).toBeGreaterThanOrEqual(1)
    for (let failures = LOGIN_POLICY.freeFailures; failures < LOGIN_POLICY.lockAfter; failures++) {
      offset += LOGIN_POLICY.maxDelayMs
      expect((await attempt('wrong password')).status).toBe(401)
    }
    offset += LOGIN_POLICY.maxDelayMs
    res = await attempt('a good password')
    expect(res).toMatchObject({ status: 423, body: { error: { code: 'accountLocked' } } })
    const admin = (await post<Session>(server, '/login', { school: school.admin.school.code, login: school.admin.account.login, password: 'correct horse 1' })).body
    expect((await post(server, `/admin/accounts/${school.sessions.homeroomA.account.id}/unlock`, {}, admin.accessToken)).status).toBe(200)
    expect((await attempt('a good password')).status).toBe(200)
  })

  it('limits sign-in attempts per address', async () => {
    offset += 60 * 60 * 1000
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) statuses.push((await post(server, '/login', { school: school.admin.school.code, login: `nobody${i}`, password: 'x' })).status)
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })

  it('writes no personal data to its logs: no names, logins, passwords or tokens', () => {
    const text = server.log.lines.join('\n')
    expect(server.log.lines.length).toBeGreaterThan(50)
    for (const secret of ['张三', '李四', '王校长', '数学甲', 'correct horse', 'a good password', school.admin.refreshToken, school.admin.accessToken, school.sessions.mathA.account.login]) {
      expect(text).not.toContain(secret)
    }
  })
})
