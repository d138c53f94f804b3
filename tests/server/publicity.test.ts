// 公示 for parents on a real server (PGlite and PostgreSQL): a class teacher or grade leader makes a
// link for a class's week; the page opens with no sign-in and shows the table and nothing else (no
// student names, no layers, no other class); the token is stored only hashed; a revoked link is refused;
// others may not make, list or revoke links of a class that is not theirs.
import { encodeHlc } from '@hl/core/domain/hlc'
import type { PublicityLinkInfo } from '@hl/core/sync/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/src/server'
import { assignment, makeSchool, uid, type School } from './fixture'
import { call, makeStore, post, start, STORES, type CapturedLog, type StoreHandle } from './harness'
import { SimClient } from './simClient'

const WEEK = '2026-11-23'

describe.each(STORES)('the parents’ 公示 page on %s', (kind) => {
  let handle: StoreHandle
  let server: RunningServer & { log: CapturedLog }
  let school: School
  let assignmentId = ''
  const page = async (url: string) => {
    const res = await fetch(url)
    return { status: res.status, text: await res.text(), headers: res.headers }
  }

  beforeAll(async () => {
    handle = await makeStore(kind)
    server = await start(handle)
    school = await makeSchool(server)
    const math = new SimClient(uid('dev'), school.sessions.mathA)
    const teacher = school.sessions.mathA.account.teacherId
    assignmentId = uid('asg')
    math.put('assignments', assignmentId, assignment(school.classes.a, '数学', teacher, WEEK))
    math.put('items', uid('item'), { assignmentId, position: 0, title: '练习册 p12 <b>第 1–6 题</b>', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 40, trialMinutes: null })
    math.put('items', uid('item'), { assignmentId, position: 1, title: '思维拓展：鸡兔同笼', kind: 'written', where: 'home', tiers: { core: false, extend: false, challenge: true }, minutes: 30, trialMinutes: null })
    math.put('studentTiers', `${school.students.a}|数学`, { studentId: school.students.a, classId: school.classes.a, subject: '数学', tier: 'challenge' })
    // Another class's homework, that must never show on class a's page.
    const mathB = new SimClient(uid('dev'), school.sessions.mathB)
    const b = uid('asg')
    mathB.put('assignments', b, assignment(school.classes.b, '数学', school.sessions.mathB.account.teacherId, WEEK))
    mathB.put('items', uid('item'), { assignmentId: b, position: 0, title: '乙班专用练习', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 10, trialMinutes: null })
    await math.flush(server)
    await mathB.flush(server)
    expect([math.outbox, mathB.outbox]).toEqual([[], []])
  })
  afterAll(async () => {
    await server.stop()
    handle.cleanup()
  })

  it('opens for anyone with the link, with the table and nothing else', async () => {
    const made = await post<PublicityLinkInfo>(server, '/publicity/links', { classId: school.classes.a, weekStart: '2026-11-25' }, school.sessions.homeroomA.accessToken)
    expect(made.status).toBe(201)
    expect(made.body.weekStart).toBe(WEEK)
    expect(made.body.url).toMatch(/\/p\/[A-Za-z0-9_-]{40,}$/)
    expect(made.body.qrSvg).toContain('<svg')
    const shown = await page(made.body.url!)
    expect(shown.status).toBe(200)
    expect(shown.headers.get('content-type')).toContain('text/html')
    expect(shown.headers.get('cache-control')).toBe('no-store')
    expect(shown.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(shown.text).toContain('实验小学 4(1) 作业公示')
    expect(shown.text).toContain('公示人：班主任甲')
    // Text from a record is text: the tag is escaped, never markup.
    expect(shown.text).toContain('练习册 p12 &lt;b&gt;第 1–6 题&lt;/b&gt;')
    expect(shown.text).toContain('选做')
    // One student of one does the challenge item: the day is 70 minutes, over 60, said in words.
    expect(shown.text).toContain('▲ 超出上限')
    // On a phone each cell is a line named by its column (the header row is hidden there).
    expect(shown.text).toMatch(/<td class="num total" rowspan="\d+" data-label="当天合计（分钟）">70<\/td>/)
    expect(shown.text).not.toContain('<script')
    for (const secret of ['张三', '李四', 'challenge', '拓展层', '挑战', '乙班专用练习', school.students.a]) expect(shown.text, secret).not.toContain(secret)
    expect((await page(`${made.body.url!}?lang=en`)).text).toContain('over the cap')
    // Only the token's hash is stored.
    const token = made.body.url!.split('/p/')[1]!
    const rows = await server.ctx.db.selectFrom('publicity_links').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  it('with approval on, shows only what was approved', async () => {
    const admin = new SimClient(uid('dev'), school.admin)
    admin.put('schools', school.schoolId, { name: '实验小学', regionId: 'national', rules: {}, approval: true })
    await admin.flush(server)
    const made = await post<PublicityLinkInfo>(server, '/publicity/links', { classId: school.classes.a, weekStart: WEEK }, school.sessions.leader4.accessToken)
    expect((await page(made.body.url!)).text).not.toContain('练习册 p12')
    const leader = new SimClient(uid('dev'), school.sessions.leader4)
    const stored = await server.ctx.db.selectFrom('records').select('data').where('school_id', '=', school.schoolId).where('class_id', '=', school.classes.a).where('tbl', 'in', ['assignments', 'items']).execute()
    const basis = stored.flatMap((r) => Object.values((r.data as { fieldClock: Record<string, string> }).fieldClock)).sort().at(-1) ?? encodeHlc({ wall: Date.now(), counter: 0, deviceId: 'x' })
    leader.put('approvals', uid('decision'), { assignmentId, decision: 'approved', reason: '', minutes: {}, basis, teacherId: school.sessions.leader4.account.teacherId, decidedAt: Date.now() })
    await leader.flush(server)
    expect(leader.outbox).toEqual([])
    expect((await page(made.body.url!)).text).toContain('练习册 p12')
    admin.put('schools', school.schoolId, { name: '实验小学', regionId: 'national', rules: {}, approval: false })
    await admin.flush(server)
  })

  it('is refused once revoked, saying nothing about the school', async () => {
    const made = await post<PublicityLinkInfo>(server, '/publicity/links', { classId: school.classes.a, weekStart: WEEK }, school.sessions.homeroomA.accessToken)
    expect((await page(made.body.url!)).status).toBe(200)
    const listed = await call<PublicityLinkInfo[]>(server, 'GET', `/publicity/links?classId=${school.classes.a}&weekStart=${WEEK}`, undefined, school.sessions.homeroomA.accessToken)
    expect(listed.body.map((l) => l.id)).toContain(made.body.id)
    expect(JSON.stringify(listed.body)).not.toContain(made.body.url!.split('/p/')[1]!)
    expect((await post(server, `/publicity/links/${made.body.id}/revoke`, {}, school.sessions.homeroomA.accessToken)).status).toBe(200)
    const gone = await page(made.body.url!)
    expect(gone.status).toBe(404)
    expect(gone.text).toContain('这个链接已撤销或不存在')
    expect(gone.text).not.toContain('实验小学')
    expect((await page(`${server.url}/p/${'x'.repeat(43)}`)).status).toBe(404)
  })

  it('lets only the class’s 班主任, its grade’s leader or the admin make, list and revoke its links', async () => {
    const made = await post<PublicityLinkInfo>(server, '/publicity/links', { classId: school.classes.a, weekStart: WEEK }, school.admin.accessToken)
    expect(made.status).toBe(201)
    for (const who of ['mathA', 'leader5', 'mathB'] as const) {
      const token = school.sessions[who].accessToken
      expect((await post(server, '/publicity/links', { classId: school.classes.a, weekStart: WEEK }, token)).status, who).toBe(403)
      expect((await call(server, 'GET', `/publicity/links?classId=${school.classes.a}`, undefined, token)).status, who).toBe(403)
      expect((await post(server, `/publicity/links/${made.body.id}/revoke`, {}, token)).status, who).toBe(403)
    }
    expect((await post(server, '/publicity/links', { classId: school.classes.a, weekStart: WEEK })).status).toBe(401)
    expect((await post(server, '/publicity/links', { classId: school.classes.a, weekStart: 'soon' }, school.admin.accessToken)).status).toBe(400)
    expect((await page(made.body.url!)).status).toBe(200)
  })
})
