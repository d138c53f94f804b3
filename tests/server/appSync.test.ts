import 'fake-indexeddb/auto'
// The app's sync engine (src/sync) against the real school server on loopback, with the app's real
// database (Dexie on fake-indexeddb): the admin's device creates the school on the server from its own
// data, teachers join by invite and by password, homework set offline on two devices reaches both,
// a lost answer and a duplicated push change nothing, an expired access token is renewed, a change of a
// teacher's classes resets her copy without losing her unsent changes, and the same field edited on
// two devices leaves one conflict notice that both see. No mocked transport: fetch over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppDB } from '@/db/database'
import { META } from '@/db/constants'
import { getAssignment, listClassAssignments } from '@/db/repos/assignments'
import { createAssignments, updateAssignment } from '@/db/repos/assignmentEdits'
import { listClasses } from '@/db/repos/classes'
import { setUpSchool } from '@/db/repos/schoolSetup'
import { listStudents } from '@/db/repos/students'
import { addStudents } from '@/db/repos/studentEdits'
import { countWaiting, listConflicts } from '@/db/sync'
import { getSession, saveSession } from '@/db/session'
import { NetworkError } from '@/sync/api'
import { apiFor, syncOnce } from '@/sync/engine'
import { createSchoolOnServer, replaceWithServerSchool, signInWithInvite, signInWithPassword } from '@/sync/join'
import { newSetupCode } from '../../server/src/auth/accounts'
import type { RunningServer } from '../../server/src/server'
import { makeStore, post, start, type StoreHandle } from './harness'

let store: StoreHandle
let server: RunningServer
const dbs: AppDB[] = []
let n = 0
const device = () => {
  const db = new AppDB(`app-sync-${Date.now()}-${++n}`)
  dbs.push(db)
  return db
}

beforeAll(async () => {
  store = await makeStore('pglite')
  server = await start(store)
})
afterAll(async () => {
  for (const db of dbs) await db.delete()
  await server?.stop()
  store?.cleanup()
})

const item = (title: string, minutes: number) => ({ title, kind: 'written' as const, where: 'home' as const, tiers: { core: true, extend: true, challenge: true }, minutes, trialMinutes: null })

/** A fetch that delivers the request but loses the answer of the first `n` pushes. */
function losingAnswers(n: number): typeof fetch {
  let left = n
  return async (input, init) => {
    const res = await fetch(input, init)
    if (String(input).endsWith('/push') && left > 0) {
      left--
      await res.text()
      throw new TypeError('network connection lost')
    }
    return res
  }
}

/** A fetch that sends every push twice (a retrying proxy), returning the second answer. */
const doublingPushes: typeof fetch = async (input, init) => {
  if (String(input).endsWith('/push')) await (await fetch(input, init)).text()
  return fetch(input, init)
}

interface World {
  admin: AppDB
  adminTeacherId: string
  classes: { c41: string; c42: string }
  mathDevice: AppDB
  chineseDevice: AppDB
  adminToken: string
  laptop?: AppDB
}
let world: World

describe('the app joins a school server', () => {
  it('the admin creates the school on the server from the device’s own school, with its ids', async () => {
    const admin = device()
    const { teacherId } = await setUpSchool(admin, {
      name: '实验小学',
      regionId: 'national',
      term: { name: '2026 秋', startDate: '2026-09-01', endDate: '2027-01-20' },
      calendar: [{ date: '2026-10-01', type: 'rest', note: '国庆节' }],
      grades: [{ grade: 4, classNames: ['4(1)', '4(2)'], subjects: ['语文', '数学'] }],
      me: { name: '王校长', teaching: [], homeroomOf: null, gradeLeaderOf: null },
    })
    const classes = await listClasses(admin)
    const c41 = classes.find((c) => c.name === '4(1)')!.id
    const c42 = classes.find((c) => c.name === '4(2)')!.id
    await addStudents(admin, c42, [
      { number: '01', name: '李明' },
      { number: '02', name: '张华' },
    ])
    await addStudents(admin, c41, [{ number: '01', name: '赵雪' }])

    const code = await newSetupCode(server.ctx.db, server.ctx.now())
    const outcome = await createSchoolOnServer(admin, server.url, { code, adminName: '王校长', schoolName: '', login: 'principal', password: 'long enough pw' }, 'office PC')
    expect(outcome.kind).toBe('same')
    // What the notice says is being sent: every record waiting, those queued as they were written included.
    const waiting = await countWaiting(admin)
    expect(waiting).toBeGreaterThan(0)
    expect(outcome).toEqual({ kind: 'same', queued: waiting })
    await syncOnce({ db: admin })
    expect(await countWaiting(admin)).toBe(0)
    const session = (await getSession(admin))!
    expect(session.school.id).toBe((await admin.meta.get(META.schoolId))?.value)
    expect(session.account.teacherId).toBe(teacherId)

    // Two teachers of 4(2): maths and Chinese, invited by the admin.
    const invite = async (name: string, login: string, subject: string) => {
      const res = await post<{ invite: { code: string } }>(server, '/admin/accounts', { name, login, roles: [{ role: 'teacher', classId: c42, subject }] }, session.accessToken)
      expect(res.status).toBe(201)
      return res.body.invite.code
    }
    const mathCode = await invite('数学老师', 'math42', '数学')
    const chineseCode = await invite('语文老师', 'chinese42', '语文')
    await syncOnce({ db: admin }) // the accounts' teacher records arrive

    const mathDevice = device()
    expect((await signInWithInvite(mathDevice, server.url, { code: mathCode, password: 'math password 1' }, 'phone')).kind).toBe('fresh')
    await syncOnce({ db: mathDevice })
    const chineseDevice = device()
    await signInWithInvite(chineseDevice, server.url, { code: chineseCode, password: 'chinese password 1' }, 'laptop')
    await syncOnce({ db: chineseDevice })

    // The school arrived, with 4(2)'s students (she teaches it) and not 4(1)'s.
    expect((await listClasses(mathDevice)).map((c) => c.name).sort()).toEqual(['4(1)', '4(2)'])
    expect((await listStudents(mathDevice, c42)).map((s) => s.name)).toEqual(['李明', '张华'])
    expect(await listStudents(mathDevice, c41)).toEqual([])
    expect(await mathDevice.students.where('classId').equals(c41).count()).toBe(0)
    world = { admin, adminTeacherId: teacherId, classes: { c41, c42 }, mathDevice, chineseDevice, adminToken: session.accessToken }
  })

  it('homework set offline on two devices reaches both: each gauge can sum the whole evening', async () => {
    const { mathDevice, chineseDevice, classes } = world
    const mathMe = (await mathDevice.meta.get(META.me))!.value as string
    const chineseMe = (await chineseDevice.meta.get(META.me))!.value as string
    await createAssignments(mathDevice, { classIds: [classes.c42], teacherId: mathMe, status: 'published', draft: { subject: '数学', date: '2026-11-23', due: '', items: [item('练习册 p23', 40)] } })
    await createAssignments(chineseDevice, { classIds: [classes.c42], teacherId: chineseMe, status: 'published', draft: { subject: '语文', date: '2026-11-23', due: '', items: [item('作文', 35)] } })
    await syncOnce({ db: mathDevice })
    await syncOnce({ db: chineseDevice })
    await syncOnce({ db: mathDevice })
    for (const db of [mathDevice, chineseDevice]) {
      const evening = await listClassAssignments(db, classes.c42, '2026-11-23', '2026-11-23')
      expect(evening.map((a) => `${a.assignment.subject} ${a.items[0]?.minutes}`).sort()).toEqual(['数学 40', '语文 35'])
    }
  })

  it('the poke: the school’s version moves when another device sends a change', async () => {
    const { mathDevice, chineseDevice, classes } = world
    const api = apiFor(chineseDevice, (await getSession(chineseDevice))!)
    const before = (await api.version()).version
    const mathMe = (await mathDevice.meta.get(META.me))!.value as string
    await createAssignments(mathDevice, { classIds: [classes.c42], teacherId: mathMe, status: 'draft', draft: { subject: '数学', date: '2026-11-27', due: '', items: [item('预习', 5)] } })
    await syncOnce({ db: mathDevice })
    expect((await api.version()).version).toBeGreaterThan(before)
  })

  it('a lost answer is resent as the same changes, which the server skips: nothing doubles', async () => {
    const { mathDevice, chineseDevice, classes } = world
    const mathMe = (await mathDevice.meta.get(META.me))!.value as string
    await createAssignments(mathDevice, { classIds: [classes.c42], teacherId: mathMe, status: 'published', draft: { subject: '数学', date: '2026-11-24', due: '', items: [item('口算', 10)] } })
    await expect(syncOnce({ db: mathDevice, fetch: losingAnswers(1) })).rejects.toBeInstanceOf(NetworkError)
    expect(await countWaiting(mathDevice)).toBeGreaterThan(0) // still waiting, marked as sent
    await syncOnce({ db: mathDevice, fetch: doublingPushes })
    expect(await countWaiting(mathDevice)).toBe(0)
    await syncOnce({ db: chineseDevice })
    expect((await listClassAssignments(chineseDevice, classes.c42, '2026-11-24', '2026-11-24')).map((a) => a.items.map((i) => i.title))).toEqual([['口算']])
  })

  it('an expired access token is renewed with the refresh token, and the run goes on', async () => {
    const { mathDevice } = world
    const session = (await getSession(mathDevice))!
    await saveSession(mathDevice, { ...session, accessToken: 'not-a-token', accessExpiresAt: Date.now() + 3_600_000 })
    await syncOnce({ db: mathDevice })
    const renewed = (await getSession(mathDevice))!
    expect(renewed.accessToken).not.toBe('not-a-token')
  })

  it('the same field edited offline on two devices: the later wins and one conflict notice reaches both', async () => {
    const { mathDevice, classes } = world
    // The maths teacher's second device: her laptop.
    const laptop = device()
    await signInWithPassword(laptop, server.url, { login: 'math42', password: 'math password 1' }, 'laptop')
    await syncOnce({ db: laptop })
    const evening = await listClassAssignments(mathDevice, classes.c42, '2026-11-23', '2026-11-23')
    const onPhone = evening.find((a) => a.assignment.subject === '数学')!
    const id = onPhone.assignment.id
    const onLaptop = (await getAssignment(laptop, id))!
    const draftOf = (a: typeof onPhone, minutes: number) => ({ subject: a.assignment.subject, date: a.assignment.date, due: a.assignment.due, items: [{ ...a.items[0]!, minutes }] })
    // Both offline: the laptop first, then the phone.
    await updateAssignment(laptop, id, draftOf(onLaptop, 50), [onLaptop.items[0]!.id])
    await new Promise((r) => setTimeout(r, 5))
    await updateAssignment(mathDevice, id, draftOf(onPhone, 45), [onPhone.items[0]!.id])
    await syncOnce({ db: laptop })
    await syncOnce({ db: mathDevice })
    await syncOnce({ db: laptop })
    expect((await getAssignment(laptop, id))!.items[0]!.minutes).toBe(45) // the later edit, on both
    expect((await getAssignment(mathDevice, id))!.items[0]!.minutes).toBe(45)
    const phoneConflicts = await listConflicts(mathDevice)
    const laptopConflicts = await listConflicts(laptop)
    expect(phoneConflicts.map((c) => [c.field, c.kept, c.lost])).toEqual([['minutes', 45, 50]])
    expect(laptopConflicts.map((c) => c.id)).toEqual(phoneConflicts.map((c) => c.id))
    world.laptop = laptop
  })

  it('a teacher whose classes change gets a reset: what she may no longer read goes, her unsent change stays', async () => {
    const { chineseDevice, classes, adminToken } = world
    const chineseMe = (await chineseDevice.meta.get(META.me))!.value as string
    // Offline, she sets more homework; meanwhile the admin moves her from 4(2) to 4(1).
    await createAssignments(chineseDevice, { classIds: [classes.c42], teacherId: chineseMe, status: 'draft', draft: { subject: '语文', date: '2026-11-25', due: '', items: [item('背诵', 15)] } })
    const list = await fetch(`${server.url}/api/v1/admin/accounts`, { headers: { authorization: `Bearer ${adminToken}` } }).then((r) => r.json() as Promise<{ id: string; teacherId: string }[]>)
    const account = list.find((x) => x.teacherId === chineseMe)!
    const res = await fetch(`${server.url}/api/v1/admin/accounts/${account.id}/roles`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: [{ role: 'teacher', classId: classes.c41, subject: '语文' }] }),
    })
    expect(res.status).toBe(200)
    await syncOnce({ db: chineseDevice })
    // 4(1)'s student arrived; 4(2)'s students are gone from this device.
    expect((await listStudents(chineseDevice, classes.c41)).map((s) => s.name)).toEqual(['赵雪'])
    expect(await chineseDevice.students.where('classId').equals(classes.c42).count()).toBe(0)
    // Her change to 4(2), sent after the move, was refused with a reason she can read, not dropped silently.
    const state = (await chineseDevice.meta.get(META.syncState))?.value as { rejected: { code: string; table: string; fields: Record<string, unknown> }[] }
    // (the item is refused because its assignment, refused just before, is not on the server)
    expect(state.rejected.map((r) => [r.table, r.code, r.fields.title ?? r.fields.subject])).toEqual([
      ['assignments', 'forbidden', '语文'],
      ['items', 'unknownParent', '背诵'],
    ])
  })

  it('a teacher whose device holds another school keeps her homework in the server school’s classes', async () => {
    const { adminToken, classes } = world
    // She set up "her" school on the phone before the school had a server, and set homework there.
    const phone = device()
    const { teacherId } = await setUpSchool(phone, {
      name: '我的学校',
      regionId: 'national',
      term: { name: '秋', startDate: '2026-09-01', endDate: '2027-01-20' },
      calendar: [],
      grades: [{ grade: 4, classNames: ['4(2)', '4(9)'], subjects: ['数学'] }],
      me: { name: '新老师', teaching: [{ grade: 4, className: '4(2)', subject: '数学' }], homeroomOf: null, gradeLeaderOf: null },
    })
    const local = await listClasses(phone)
    await createAssignments(phone, { classIds: [local.find((c) => c.name === '4(2)')!.id], teacherId, status: 'published', draft: { subject: '数学', date: '2026-11-26', due: '', items: [item('应用题', 20)] } })
    await createAssignments(phone, { classIds: [local.find((c) => c.name === '4(9)')!.id], teacherId, status: 'published', draft: { subject: '数学', date: '2026-11-26', due: '', items: [item('没有这个班', 20)] } })

    const res = await post<{ invite: { code: string } }>(server, '/admin/accounts', { name: '新老师', login: 'newmath', roles: [{ role: 'teacher', classId: classes.c42, subject: '数学' }] }, adminToken)
    const outcome = await signInWithInvite(phone, server.url, { code: res.body.invite.code, password: 'new password 1' }, 'phone')
    expect(outcome.kind).toBe('otherSchool')
    if (outcome.kind !== 'otherSchool') return
    expect(outcome.localSchool).toBe('我的学校')
    const moved = await replaceWithServerSchool(phone, outcome.session)
    expect(moved).toEqual({ moved: 1, unmatched: 1 })
    // Her 4(2) homework is now in the server's 4(2), sent, and on the server for the others.
    expect(await countWaiting(phone)).toBe(0)
    await syncOnce({ db: world.mathDevice })
    expect((await listClassAssignments(world.mathDevice, classes.c42, '2026-11-26', '2026-11-26')).map((a) => a.items[0]?.title)).toEqual(['应用题'])
  })

  it('a second device of the same teacher, signed in with a login and password, holds her classes’ homework', async () => {
    const laptop = world.laptop!
    await syncOnce({ db: laptop })
    expect((await listClassAssignments(laptop, world.classes.c42, '2026-11-23', '2026-11-24')).length).toBeGreaterThanOrEqual(3)
    // the 先做 timers and other owner-only records are hers alone: none of the admin's arrive
    expect(await laptop.trials.count()).toBe(0)
  })
})
