// 设置 and 规则 edit what setup created: each edit goes through its repository and write(), refuses what
// setup refuses (changing nothing), and a class removal can be undone record for record.
import { afterEach, describe, expect, it } from 'vitest'
import type { AppDB } from '@/db/database'
import { classContents, listClasses, listGradeSubjects } from '@/db/repos/classes'
import { addGrade, createClass, DuplicateClassError, removeClass, renameClass, restoreClass, setGradeSubjects } from '@/db/repos/classEdits'
import { getSchoolContext, listCalendarDays, schoolRules } from '@/db/repos/school'
import { addCalendarDays, InvalidRulesError, InvalidSettingsError, removeCalendarDays, saveTermCalendar, setSchoolRules, updateSchool } from '@/db/repos/schoolSettings'
import { listMyRoles, listMyTeachings } from '@/db/repos/teaching'
import { saveMe } from '@/db/repos/teachingEdits'
import { startItemTrial } from '@/db/repos/trials'
import { rulesForGrade } from '@hl/core/domain/rules/profile'
import { TEXT_LIMITS } from '@hl/core/domain/setupForm'
import { freshDb } from './helpers'
import { seedSchool, snapshot } from './seed'

let db: AppDB
afterEach(async () => {
  await db?.delete()
})

async function seeded() {
  db = freshDb()
  return seedSchool(db)
}

describe('the school and its rules', () => {
  it('renames the school and changes its region', async () => {
    const { schoolId } = await seeded()
    await updateSchool(db, schoolId, { name: ' 第二实验小学 ', regionId: 'anshan' })
    const ctx = await getSchoolContext(db)
    expect(ctx?.school).toMatchObject({ name: '第二实验小学', regionId: 'anshan' })
    expect(rulesForGrade(schoolRules(ctx?.school), 4).dailyCapMinutes).toBe(45)
  })

  it.each([
    ['an empty name', { name: '  ', regionId: 'national' }],
    ['a 50 MB name', { name: '校'.repeat(50_000_000 / 3), regionId: 'national' }],
    ['an unknown region', { name: '实验小学', regionId: 'atlantis' }],
  ])('refuses %s and changes nothing', async (_name, fields) => {
    const { schoolId } = await seeded()
    const before = await snapshot(db)
    await expect(updateSchool(db, schoolId, fields)).rejects.toBeInstanceOf(InvalidSettingsError)
    expect(await snapshot(db)).toEqual(before)
  })

  it('sets the school’s own rules, and the engine uses them at once', async () => {
    const { schoolId } = await seeded()
    await setSchoolRules(db, schoolId, { upperPrimary: { teacherMultiplier: 2 }, seniorHigh: { dailyCapMinutes: 120 } })
    const rules = schoolRules((await getSchoolContext(db))?.school)
    expect(rulesForGrade(rules, 4).teacherMultiplier).toBe(2)
    expect(rules.levels.upperPrimary.teacherMultiplier).toMatchObject({ value: 2, setByKind: 'school' })
    expect(rulesForGrade(rules, 11).dailyCapMinutes).toBe(120)
    // Through write(): the change waits in the outbox for sync.
    const outbox = (await db.outbox.toArray()).filter((e) => e.table === 'schools').at(-1)
    expect(outbox?.fields).toMatchObject({ rules: { upperPrimary: { teacherMultiplier: 2 }, seniorHigh: { dailyCapMinutes: 120 } } })
  })

  it.each([
    ['a cap of -5', { upperPrimary: { dailyCapMinutes: -5 } }],
    ['a multiplier of -3', { juniorHigh: { teacherMultiplier: -3 } }],
    ['a multiplier of 0', { juniorHigh: { teacherMultiplier: 0 } }],
    ['bedtime 99:99', { juniorHigh: { bedtime: '99:99' } }],
    ['a cap looser than the national one', { juniorHigh: { dailyCapMinutes: 120 } }],
  ])('refuses %s and changes nothing', async (_name, rules) => {
    const { schoolId } = await seeded()
    const before = await snapshot(db)
    await expect(setSchoolRules(db, schoolId, rules)).rejects.toBeInstanceOf(InvalidRulesError)
    expect(await snapshot(db)).toEqual(before)
  })

  it('refuses a region stricter than the school’s own caps until the school changes them', async () => {
    const { schoolId } = await seeded()
    await setSchoolRules(db, schoolId, { upperPrimary: { dailyCapMinutes: 50 } })
    await expect(updateSchool(db, schoolId, { name: '实验小学', regionId: 'anshan' })).rejects.toBeInstanceOf(InvalidRulesError)
    expect((await getSchoolContext(db))?.school.regionId).toBe('national')
  })
})

describe('the term and its calendar', () => {
  it('changes the term and its days in one go, leaving other terms’ days alone', async () => {
    await seeded()
    const ctx = await getSchoolContext(db)
    await addCalendarDays(db, [{ date: '2026-06-19', type: 'rest', note: '端午节' }])
    await saveTermCalendar(db, {
      termId: ctx!.term!.id,
      term: { name: '2026—2027学年第一学期', startDate: '2026-09-01', endDate: '2027-01-22' },
      calendar: [
        { date: '2026-10-07', type: 'rest', note: '国庆节' },
        { date: '2026-10-10', type: 'school', note: '国庆节调休上课' },
      ],
      shownDates: ['2026-10-01'],
    })
    expect((await getSchoolContext(db))?.term).toMatchObject({ name: '2026—2027学年第一学期', startDate: '2026-09-01' })
    expect((await listCalendarDays(db)).map((d) => `${d.date} ${d.type}`)).toEqual(['2026-06-19 rest', '2026-10-07 rest', '2026-10-10 school'])
    // The removed day is a tombstone, so sync can tell other devices.
    expect((await db.calendarDays.toArray()).find((d) => d.date === '2026-10-01')?.deletedAt).toBeDefined()
  })

  it.each([
    ['an end before the start', { name: '秋季', startDate: '2026-09-01', endDate: '2026-08-01' }, []],
    ['a day outside the term', { name: '秋季', startDate: '2026-09-01', endDate: '2027-01-22' }, [{ date: '2027-03-01', type: 'rest' as const, note: '' }]],
    ['no name', { name: ' ', startDate: '2026-09-01', endDate: '2027-01-22' }, []],
  ])('refuses %s and changes nothing', async (_name, term, calendar) => {
    await seeded()
    const ctx = await getSchoolContext(db)
    const before = await snapshot(db)
    await expect(saveTermCalendar(db, { termId: ctx!.term!.id, term, calendar, shownDates: [] })).rejects.toBeInstanceOf(InvalidSettingsError)
    expect(await snapshot(db)).toEqual(before)
  })

  it('adds the official days the school has not set, keeping the school’s own, with undo', async () => {
    await seeded()
    const added = await addCalendarDays(db, [
      { date: '2026-10-01', type: 'school', note: '不应覆盖' },
      { date: '2026-10-10', type: 'school', note: '国庆节调休上课' },
    ])
    expect(added).toEqual(['2026-10-10'])
    expect((await listCalendarDays(db)).map((d) => `${d.date} ${d.type} ${d.note}`)).toEqual(['2026-10-01 rest 国庆节', '2026-10-10 school 国庆节调休上课'])
    await removeCalendarDays(db, added)
    expect((await listCalendarDays(db)).map((d) => d.date)).toEqual(['2026-10-01'])
  })
})

describe('grades, classes and subjects', () => {
  it('adds and renames classes with the setup checks', async () => {
    const { c41 } = await seeded()
    await renameClass(db, c41.id, ' 4(5) ')
    await createClass(db, 4, '4(6)')
    expect((await listClasses(db)).map((c) => c.name)).toEqual(['4(2)', '4(5)', '4(6)'])
    await expect(renameClass(db, c41.id, '4(2)')).rejects.toBeInstanceOf(DuplicateClassError)
    await expect(renameClass(db, c41.id, '   ')).rejects.toBeInstanceOf(InvalidSettingsError)
    await expect(createClass(db, 4, '班'.repeat(TEXT_LIMITS.name + 1))).rejects.toBeInstanceOf(InvalidSettingsError)
    expect((await listClasses(db)).map((c) => c.name)).toEqual(['4(2)', '4(5)', '4(6)'])
  })

  it('adds a grade with its first class and subjects; a grade with classes keeps a subject', async () => {
    await seeded()
    await addGrade(db, 7, '7(1)', ['语文', '数学', '历史'])
    expect((await listClasses(db)).map((c) => `${c.grade} ${c.name}`)).toEqual(['4 4(1)', '4 4(2)', '7 7(1)'])
    expect((await listGradeSubjects(db, 7)).map((s) => s.subject)).toEqual(['语文', '数学', '历史'])
    await setGradeSubjects(db, 7, ['数学'])
    expect((await listGradeSubjects(db, 7)).map((s) => s.subject)).toEqual(['数学'])
    await expect(setGradeSubjects(db, 7, [])).rejects.toBeInstanceOf(InvalidSettingsError)
    expect((await listGradeSubjects(db, 7)).map((s) => s.subject)).toEqual(['数学'])
  })

  it('removes a class with its students, layers, homework, timers and teaching, and undo brings all of it back', async () => {
    const { c42, teacherId, maths } = await seeded()
    const item = (await db.items.where('assignmentId').equals(maths.id).toArray())[0]!
    await startItemTrial(db, item.id, teacherId, 1_800_000_000_000)
    await saveMe(db, { name: '王老师', teaching: [{ classId: c42.id, subject: '数学' }], homeroomClassId: c42.id, gradeLeaderOf: null })
    expect(await classContents(db, c42.id)).toEqual({ students: 4, assignments: 2 })
    const before = await snapshot(db)
    const live = (rows: unknown[]) => (rows as { deletedAt?: string }[]).filter((r) => r.deletedAt === undefined).length

    const removed = await removeClass(db, c42.id)
    expect(removed.classes).toEqual([c42.id])
    expect(removed.students).toHaveLength(4)
    expect(removed.assignments).toHaveLength(2)
    expect(removed.trials).toHaveLength(1)
    const after = await snapshot(db)
    expect(live(after.classes!)).toBe(1)
    expect(live(after.students!)).toBe(0)
    expect(live(after.studentTiers!)).toBe(0)
    expect(live(after.trials!)).toBe(0)
    expect(await listMyTeachings(db, teacherId)).toEqual([])
    expect(await listMyRoles(db, teacherId)).toEqual([])

    await restoreClass(db, removed)
    const restored = await snapshot(db)
    for (const table of ['classes', 'students', 'studentTiers', 'teachings', 'roles', 'assignments', 'items', 'trials']) {
      expect(live(restored[table]!), table).toBe(live(before[table]!))
    }
    expect((await listClasses(db)).map((c) => c.name)).toEqual(['4(1)', '4(2)'])
  })
})

describe('me', () => {
  it('changes my name, teaching and roles, tombstoning what I no longer do', async () => {
    const { c41, c42, teacherId } = await seeded()
    await saveMe(db, { name: ' 王芳 ', teaching: [{ classId: c41.id, subject: '数学' }, { classId: c41.id, subject: '语文' }], homeroomClassId: c41.id, gradeLeaderOf: 4 })
    expect((await getSchoolContext(db))?.me?.name).toBe('王芳')
    expect((await listMyTeachings(db, teacherId)).map((t) => `${t.classId === c41.id ? '4(1)' : '4(2)'} ${t.subject}`).sort()).toEqual(['4(1) 数学', '4(1) 语文'])
    expect((await listMyRoles(db, teacherId)).map((r) => `${r.role} ${r.grade}`).sort()).toEqual(['gradeLeader 4', 'homeroomTeacher 4'])
    expect((await db.teachings.toArray()).find((t) => t.classId === c42.id)?.deletedAt).toBeDefined()
  })

  it('lets a grade leader teach no class', async () => {
    const { teacherId } = await seeded()
    await saveMe(db, { name: '张主任', teaching: [], homeroomClassId: null, gradeLeaderOf: 4 })
    expect(await listMyTeachings(db, teacherId)).toEqual([])
    expect((await listMyRoles(db, teacherId)).map((r) => r.role)).toEqual(['gradeLeader'])
  })

  it.each([
    ['no name', { name: ' ', teaching: [], homeroomClassId: null, gradeLeaderOf: null }],
    ['a class that does not exist', { name: '王老师', teaching: [{ classId: 'nope', subject: '数学' }], homeroomClassId: null, gradeLeaderOf: null }],
  ])('refuses %s and changes nothing', async (_name, edit) => {
    await seeded()
    const before = await snapshot(db)
    await expect(saveMe(db, edit)).rejects.toBeInstanceOf(InvalidSettingsError)
    expect(await snapshot(db)).toEqual(before)
  })
})
