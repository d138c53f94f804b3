import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppDB } from '@/db/database'
import { getAssignment, listClassAssignments, listTeacherAssignments } from '@/db/repos/assignments'
import { createAssignments, InvalidDraftError, removeAssignments, restoreAssignments, updateAssignment, copyAssignment } from '@/db/repos/assignmentEdits'
import { listClasses, listGradeSubjects } from '@/db/repos/classes'
import { createClass, DuplicateClassError } from '@/db/repos/classEdits'
import { getSchoolContext, hasSchool, schoolRules } from '@/db/repos/school'
import { setUpSchool, SchoolExistsError, type SchoolSetup } from '@/db/repos/schoolSetup'
import { listStudents, listStudentTiers } from '@/db/repos/students'
import { addPastedStudents, addStudents, moveStudent, moveStudents, removeStudents, restoreStudents, returnStudents, setTiers } from '@/db/repos/studentEdits'
import { toAssignment, toRoster } from '@/db/toDomain'
import type { AssignmentDraft, ItemDraft } from '@hl/core/domain/assignmentDraft'
import { buildReport } from '@hl/core/domain/report'
import { loadClassWeek, loadTeacherWeek } from '@/db/repos/weeks'
import { freshDb } from './helpers'

let db: AppDB
afterEach(async () => {
  await db?.delete()
})

const setup: SchoolSetup = {
  name: '示例实验小学',
  regionId: 'national',
  term: { name: '2026—2027 学年第一学期', startDate: '2026-09-01', endDate: '2027-01-22' },
  calendar: [{ date: '2026-10-01', type: 'rest', note: '国庆节' }],
  grades: [{ grade: 5, classNames: ['5(1)', '5(2)'], subjects: ['语文', '数学', '英语'] }],
  me: { name: '王老师', teaching: [{ grade: 5, className: '5(1)', subject: '数学' }, { grade: 5, className: '5(2)', subject: '数学' }], homeroomOf: { grade: 5, className: '5(1)' }, gradeLeaderOf: null },
}

const item = (minutes: number, over: Partial<ItemDraft> = {}): ItemDraft => ({ title: `练习 ${minutes}`, kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes, trialMinutes: null, ...over })
const draft = (subject: string, date: string, items: ItemDraft[], due = ''): AssignmentDraft => ({ subject, date, due, items })

async function school() {
  db = freshDb()
  const { teacherId } = await setUpSchool(db, setup)
  const classes = await listClasses(db)
  return { teacherId, c1: classes[0]!, c2: classes[1]! }
}

describe('school setup', () => {
  it('creates the school, term, calendar, classes, subjects and me in one go', async () => {
    await school()
    const ctx = await getSchoolContext(db)
    expect(ctx?.school.name).toBe('示例实验小学')
    expect(await hasSchool(db)).toBe(true)
    expect(ctx?.me?.name).toBe('王老师')
    expect(ctx?.term?.startDate).toBe('2026-09-01')
    expect((await listClasses(db)).map((c) => c.name)).toEqual(['5(1)', '5(2)'])
    expect((await listGradeSubjects(db, 5)).map((s) => s.subject)).toEqual(['语文', '数学', '英语'])
    expect(await db.roles.count()).toBe(1)
    expect(await db.teachings.count()).toBe(2)
  })

  it('refuses a second school and a setup naming an unknown class, leaving nothing behind', async () => {
    await school()
    await expect(setUpSchool(db, setup)).rejects.toBeInstanceOf(SchoolExistsError)
    const other = freshDb()
    const bad = { ...setup, me: { ...setup.me, teaching: [{ grade: 5, className: '5(9)', subject: '数学' }] } }
    await expect(setUpSchool(other, bad)).rejects.toThrow()
    expect(await other.classes.count()).toBe(0)
    expect(await other.outbox.count()).toBe(0)
    expect(await getSchoolContext(other)).toBeNull()
    expect(await hasSchool(other)).toBe(false)
    await other.delete()
  })

  it('resolves the rules with the region layer', () => {
    expect(schoolRules({ id: 's', name: 'S', regionId: 'anshan', rules: {} }).levels.upperPrimary.dailyCapMinutes.value).toBe(45)
    expect(schoolRules({ id: 's', name: 'S', regionId: 'national', rules: { upperPrimary: { dailyCapMinutes: 50 } } }).levels.upperPrimary.dailyCapMinutes).toMatchObject({ value: 50, setBy: 's' })
  })

  it('refuses a duplicate class', async () => {
    await school()
    await expect(createClass(db, 5, '5(1)')).rejects.toBeInstanceOf(DuplicateClassError)
    await createClass(db, 5, '5(3)')
    expect((await listClasses(db)).map((c) => c.name)).toEqual(['5(1)', '5(2)', '5(3)'])
  })
})

describe('students and layers', () => {
  it('adds, layers, moves, removes and restores students', async () => {
    const { c1, c2 } = await school()
    const [a, b] = await addStudents(db, c1.id, [{ number: '01', name: ' 张三 ' }, { number: '02', name: '李四' }])
    await setTiers(db, c1.id, '数学', [{ studentId: a!.id, tier: 'challenge' }, { studentId: b!.id, tier: 'extend' }])
    await setTiers(db, c1.id, '数学', [{ studentId: b!.id, tier: 'core' }])
    expect((await listStudents(db, c1.id)).map((s) => s.name)).toEqual(['张三', '李四'])
    expect((await listStudentTiers(db, c1.id)).map((t) => t.tier)).toEqual(['challenge'])

    await moveStudent(db, a!.id, c2.id)
    expect((await listStudents(db, c2.id)).map((s) => s.name)).toEqual(['张三'])
    expect(await listStudentTiers(db, c2.id)).toHaveLength(1)

    const removed = await removeStudents(db, [a!.id])
    expect(await listStudents(db, c2.id)).toEqual([])
    expect(await listStudentTiers(db, c2.id)).toEqual([])
    await restoreStudents(db, removed)
    expect((await listStudents(db, c2.id)).map((s) => s.name)).toEqual(['张三'])
    expect((await listStudentTiers(db, c2.id)).map((t) => t.tier)).toEqual(['challenge'])
  })
})

describe('assignments', () => {
  it('sets homework for parallel classes as one batch, and the engine sees it', async () => {
    const { teacherId, c1, c2 } = await school()
    const rows = await createAssignments(db, { classIds: [c1.id, c2.id], teacherId, status: 'published', draft: draft('数学', '2026-11-23', [item(30), item(20, { tiers: { core: false, extend: true, challenge: true } })]) })
    expect(rows).toHaveLength(2)
    expect(new Set(rows.map((r) => r.batchId)).size).toBe(1)
    const week = await listClassAssignments(db, c1.id, '2026-11-23', '2026-11-29')
    expect(week).toHaveLength(1)
    expect(week[0]!.items.map((i) => i.title)).toEqual(['练习 30', '练习 20'])
    const [s1] = await addStudents(db, c1.id, [{ number: '1', name: '甲' }, { number: '2', name: '乙' }])
    await setTiers(db, c1.id, '数学', [{ studentId: s1!.id, tier: 'challenge' }])
    const roster = toRoster(c1, await listStudents(db, c1.id), await listStudentTiers(db, c1.id))
    const [evening] = buildReport({ assignments: week.map((a) => toAssignment(a, c1)), rosters: [roster] })
    expect(evening).toMatchObject({ averageMinutes: 40, maxStudentMinutes: 50 })
  })

  it('finds an assignment set before the week whose due date spreads it into the week', async () => {
    const { teacherId, c1 } = await school()
    await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('语文', '2026-11-20', [item(90)], '2026-11-24') })
    await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('语文', '2026-11-13', [item(10)], '2026-11-16') })
    // Set after the week, with a due date: not in it. Set before it and spreading in, then removed: not in it.
    await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('语文', '2026-11-30', [item(10)], '2026-12-02') })
    const [removed] = await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('数学', '2026-11-21', [item(10)], '2026-11-25') })
    await removeAssignments(db, [removed!.id])
    const week = await listClassAssignments(db, c1.id, '2026-11-23', '2026-11-29')
    expect(week.map((a) => a.assignment.date)).toEqual(['2026-11-20'])
    expect(week[0]!.items.map((i) => i.minutes)).toEqual([90])
    expect(await listTeacherAssignments(db, teacherId, '2026-11-16', '2026-11-22')).toHaveLength(1)
  })

  it('reads a term of assignments with each one’s own items, in order, and stays live', async () => {
    const { teacherId, c1, c2 } = await school()
    // 40 evenings in two classes: more assignments than one cursor's jumps are read with (rowsWhereAnyOf).
    const dates = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10))
    for (const date of dates) await createAssignments(db, { classIds: [c1.id, c2.id], teacherId, status: 'published', draft: draft('数学', date, [item(10, { title: `${date} 甲` }), item(5, { title: `${date} 乙` })]) })
    const term = await listClassAssignments(db, c1.id, '2026-09-01', '2027-01-22')
    expect(term.map((a) => a.assignment.date)).toEqual(dates)
    expect(term.every((a) => a.assignment.classId === c1.id)).toBe(true)
    expect(term.map((a) => a.items.map((i) => i.title))).toEqual(dates.map((d) => [`${d} 甲`, `${d} 乙`]))
    const { liveQuery } = await import('dexie')
    const seen: number[][] = []
    const sub = liveQuery(() => listClassAssignments(db, c1.id, '2026-09-01', '2027-01-22')).subscribe((rows) => seen.push(rows.map((a) => a.items.length)))
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    await updateAssignment(db, term[17]!.assignment.id, draft('数学', dates[17]!, [item(10)]), [term[17]!.items[0]!.id])
    await vi.waitFor(() => expect(seen.at(-1)![17]).toBe(1))
    sub.unsubscribe()
  })

  it('the week screens’ reads (one read transaction each) stay live: a change anywhere they read shows', async () => {
    const { teacherId, c1 } = await school()
    const { liveQuery } = await import('dexie')
    const seen: { mine: number; classTotal: number[]; me: string | undefined }[] = []
    const sub = liveQuery(async () => {
      const [week, ctx] = await Promise.all([loadTeacherWeek(db, teacherId, '2026-11-23'), getSchoolContext(db)])
      return { mine: week.mine.length, classTotal: week.classes.map((c) => c.assignments.length), me: ctx?.me?.name }
    }).subscribe((v) => seen.push(v))
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    expect(seen[0]).toMatchObject({ mine: 0, classTotal: [] })
    const [row] = await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('数学', '2026-11-24', [item(20)]) })
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ mine: 1, classTotal: [1] }))
    await removeAssignments(db, [row!.id])
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ mine: 0, classTotal: [] }))
    await db.teachers.update(teacherId, { name: '改名' })
    await vi.waitFor(() => expect(seen.at(-1)!.me).toBe('改名'))
    const cls = await loadClassWeek(db, c1.id, '2026-11-23')
    expect(cls?.cls.id).toBe(c1.id)
    sub.unsubscribe()
  })

  it('edits keep item ids, removes dropped items, and rejects an invalid draft without writing', async () => {
    const { teacherId, c1 } = await school()
    const [row] = await createAssignments(db, { classIds: [c1.id], teacherId, status: 'draft', draft: draft('数学', '2026-11-23', [item(30), item(10)]) })
    const before = (await getAssignment(db, row!.id))!
    await updateAssignment(db, row!.id, draft('数学', '2026-11-23', [item(25)]), [before.items[0]!.id])
    const after = (await getAssignment(db, row!.id))!
    expect(after.items.map((i) => [i.id, i.minutes])).toEqual([[before.items[0]!.id, 25]])
    const outboxBefore = await db.outbox.count()
    await expect(updateAssignment(db, row!.id, draft('数学', '2026-11-23', [item(-5)]))).rejects.toBeInstanceOf(InvalidDraftError)
    expect(await db.outbox.count()).toBe(outboxBefore)
  })

  it('a draft may be incomplete but not wrong; publishing needs everything', async () => {
    const { teacherId, c1 } = await school()
    // Timer still running (no minutes yet), no title, an item no layer does: fine for a draft.
    const unfinished = { ...item(10), title: '', minutes: null, tiers: { core: false, extend: false, challenge: false } }
    const [row] = await createAssignments(db, { classIds: [c1.id], teacherId, status: 'draft', draft: draft('数学', '2026-11-23', [unfinished]) })
    expect((await getAssignment(db, row!.id))?.items[0]).toMatchObject({ title: '', minutes: null, trialMinutes: null })
    // ...but not as published homework, and never with an impossible time.
    await expect(updateAssignment(db, row!.id, draft('数学', '2026-11-23', [unfinished]), [], 'published')).rejects.toBeInstanceOf(InvalidDraftError)
    await expect(createAssignments(db, { classIds: [c1.id], teacherId, status: 'draft', draft: draft('数学', '2026-11-23', [item(5000)]) })).rejects.toBeInstanceOf(InvalidDraftError)
  })

  it('deletes with undo, and copies to another day and class as drafts', async () => {
    const { teacherId, c1, c2 } = await school()
    const [row] = await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('数学', '2026-11-23', [item(30)]) })
    const copies = await copyAssignment(db, row!.id, { date: '2026-11-24', due: '', classIds: [c2.id], teacherId })
    expect(copies[0]).toMatchObject({ classId: c2.id, date: '2026-11-24', status: 'draft' })
    const removed = await removeAssignments(db, [row!.id])
    expect(await listClassAssignments(db, c1.id, '2026-11-23', '2026-11-23')).toEqual([])
    await restoreAssignments(db, removed)
    expect((await listClassAssignments(db, c1.id, '2026-11-23', '2026-11-23'))[0]?.items).toHaveLength(1)
  })
})

describe('pasting and removing students in bulk', () => {
  it('adds only the pasted students the class does not have yet, also when the same paste comes twice', async () => {
    const { c1 } = await school()
    await addStudents(db, c1.id, [{ number: '2026040201', name: '李明' }, { number: '', name: '张华' }])
    const paste = [
      { number: '2026040201', name: '李明' }, // same 学号
      { number: '', name: '张华' }, // same name, neither numbered
      { number: '2026040203', name: '赵雪' },
      { number: '2026040203', name: '赵雪' }, // repeated in the paste
      { number: '', name: '陈晨' },
    ]
    const first = await addPastedStudents(db, c1.id, paste)
    expect(first.added.map((s) => s.name)).toEqual(['赵雪', '陈晨'])
    expect(first.skipped).toBe(3)
    const again = await addPastedStudents(db, c1.id, paste)
    expect(again).toEqual({ added: [], skipped: 5 })
    expect((await listStudents(db, c1.id)).map((s) => s.name)).toEqual(['李明', '张华', '赵雪', '陈晨'])
  })

  it('removes the students just added in one write, as tombstones, and brings them back with their layers', async () => {
    const { c1 } = await school()
    await addStudents(db, c1.id, [{ number: '01', name: '甲' }])
    const { added } = await addPastedStudents(db, c1.id, [{ number: '02', name: '乙' }, { number: '03', name: '丙' }, { number: '04', name: '丁' }])
    await setTiers(db, c1.id, '数学', [{ studentId: added[0]!.id, tier: 'extend' }])
    const removed = await removeStudents(db, added.map((s) => s.id))
    expect((await listStudents(db, c1.id)).map((s) => s.name)).toEqual(['甲'])
    // Tombstones, not deletions: the rows are still stored, marked deleted, and each record's waiting
    // outbox entry now says it is deleted.
    const rows = await db.students.bulkGet(added.map((s) => s.id))
    expect(rows.every((r) => r?.deletedAt !== undefined)).toBe(true)
    expect(removed).toEqual({ studentIds: added.map((s) => s.id), tierIds: [expect.any(String)] })
    const entries = await db.outbox.filter((e) => e.table === 'students').toArray()
    expect(entries.filter((e) => added.some((s) => s.id === e.recordId)).map((e) => e.op)).toEqual(['delete', 'delete', 'delete'])

    await restoreStudents(db, removed)
    expect((await listStudents(db, c1.id)).map((s) => s.name)).toEqual(['甲', '乙', '丙', '丁'])
    expect((await listStudentTiers(db, c1.id)).map((t) => t.tier)).toEqual(['extend'])
  })

  it('moves several students in one write and puts them back where they were', async () => {
    const { c1, c2 } = await school()
    const [a, b, c] = await addStudents(db, c1.id, [{ number: '01', name: '甲' }, { number: '02', name: '乙' }, { number: '03', name: '丙' }])
    await setTiers(db, c1.id, '数学', [{ studentId: a!.id, tier: 'challenge' }])
    const moved = await moveStudents(db, [a!.id, c!.id], c2.id)
    expect((await listStudents(db, c1.id)).map((s) => s.name)).toEqual(['乙'])
    expect((await listStudents(db, c2.id)).map((s) => s.name)).toEqual(['甲', '丙'])
    expect((await listStudentTiers(db, c2.id)).map((t) => t.tier)).toEqual(['challenge'])
    await returnStudents(db, moved)
    expect((await listStudents(db, c1.id)).map((s) => s.id)).toEqual([a!.id, b!.id, c!.id])
    expect(await listStudentTiers(db, c2.id)).toEqual([])
  })
})
