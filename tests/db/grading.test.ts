import 'fake-indexeddb/auto'
// 全批, real times and the bank through the repositories, on the small seeded school: every mark is one
// record with a natural id and one coalesced outbox entry; progress and 待批 come from the rows; the
// bank file merges by id.
import { afterEach, describe, expect, it } from 'vitest'
import type { AppDB } from '@/db/database'
import { createAssignments } from '@/db/repos/assignmentEdits'
import { importBank, listBank, loadBankStats, removeBankItem, saveToBank, updateBankItem, type BankItemFields } from '@/db/repos/bank'
import { linkBankItem, propagateBankUses } from '@/db/repos/bankLinks'
import { gradingId, listToGrade, loadSheet, loadStudentMistakes } from '@/db/repos/grading'
import { setGrading, setItemMark } from '@/db/repos/gradingEdits'
import { loadCalibrationInput, loadWeekTimes } from '@/db/repos/times'
import { setSurvey, setTimeReport } from '@/db/repos/timeEdits'
import { designerCalibration } from '@hl/core/domain/realTimes'
import { readBankFile, writeBankFile } from '@hl/core/formats/bankFile'
import { freshDb } from './helpers'
import { item, seedSchool, snapshot } from './seed'

const dbs: AppDB[] = []
const open = () => {
  const db = freshDb()
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

describe('grading', () => {
  it('saves each mark at once as one record per notebook, with one outbox entry however many marks', async () => {
    const db = open()
    const { maths, c42, students } = await seedSchool(db)
    const target = { assignmentId: maths.id, studentId: students[1]!.id, classId: c42.id }
    await setGrading(db, target, { level: 'b' })
    await setGrading(db, target, { level: 'a', comment: '字迹工整' })
    const row = await db.gradings.get(gradingId(maths.id, students[1]!.id))
    // A grade records the work as handed in.
    expect(row).toMatchObject({ status: 'submitted', level: 'a', comment: '字迹工整', correction: '' })
    expect(await db.outbox.where('[table+recordId]').equals(['gradings', row!.id]).count()).toBe(1)
  })

  it('builds the sheet from the rows and marks wrong items per student; a mark taken back stays a row', async () => {
    const db = open()
    const { maths, c42, students } = await seedSchool(db)
    const sheet = (await loadSheet(db, maths.id))!
    const first = sheet.items[0]!
    const t = { assignmentId: maths.id, studentId: students[0]!.id, classId: c42.id, itemId: first.id }
    await setItemMark(db, t, { wrong: true })
    await setItemMark(db, t, { wrong: false })
    await setItemMark(db, t, { wrong: true })
    await setItemMark(db, t, { fixed: true })
    const after = (await loadSheet(db, maths.id))!
    expect(after.students).toHaveLength(4)
    expect(after.marks).toEqual([expect.objectContaining({ itemId: first.id, wrong: true, fixed: true })])
  })

  it('lists 待批 across my assignments, oldest first, and leaves out what is fully graded', async () => {
    const db = open()
    const { maths, c42, students, teacherId } = await seedSchool(db)
    const [later] = await createAssignments(db, { classIds: [c42.id], teacherId, status: 'published', draft: { subject: '数学', date: '2026-11-25', due: '', items: [item('练习', 10)] } })
    await createAssignments(db, { classIds: [c42.id], teacherId, status: 'published', draft: { subject: '数学', date: '2026-11-26', due: '', items: [item('朗读', 10, { kind: 'reading' })] } })
    await setGrading(db, { assignmentId: maths.id, studentId: students[0]!.id, classId: c42.id }, { level: 'a' })
    await setGrading(db, { assignmentId: maths.id, studentId: students[1]!.id, classId: c42.id }, { status: 'excused' })
    let list = await listToGrade(db, teacherId, '2026-11-25')
    // the reading-only homework has nothing to grade; the 26th is not due yet
    expect(list.map((e) => [e.date, e.toGrade, e.graded])).toEqual([
      ['2026-11-23', 2, 1],
      ['2026-11-25', 4, 0],
    ])
    for (const s of students) await setGrading(db, { assignmentId: later!.id, studentId: s.id, classId: c42.id }, { level: 'c' })
    list = await listToGrade(db, teacherId, '2026-11-25')
    expect(list.map((e) => e.date)).toEqual(['2026-11-23'])
  })

  it('reads one student’s marks for the printable sheet, and only theirs', async () => {
    const db = open()
    const { maths, c42, students } = await seedSchool(db)
    const items = (await loadSheet(db, maths.id))!.items
    await setItemMark(db, { assignmentId: maths.id, studentId: students[0]!.id, classId: c42.id, itemId: items[0]!.id }, { wrong: true })
    await setItemMark(db, { assignmentId: maths.id, studentId: students[1]!.id, classId: c42.id, itemId: items[1]!.id }, { wrong: true })
    const data = (await loadStudentMistakes(db, students[0]!.id))!
    expect(data.marks.map((m) => m.studentId)).toEqual([students[0]!.id])
    expect(data.assignments.map((a) => a.assignment.id)).toEqual([maths.id])
  })
})

describe('real times and the calibration input', () => {
  it('reads my reports and the subject group’s, before the date, with each student’s layer', async () => {
    const db = open()
    const { maths, c42, c41, students, teacherId } = await seedSchool(db)
    await setTimeReport(db, { assignmentId: maths.id, classId: c42.id, studentId: students[0]!.id }, { minutes: 60, stopped: true, leftItemIds: ['x'], note: '' })
    await setSurvey(db, maths.id, c42.id, { upTo30: 1, upTo60: 2, upTo90: 0, over90: 0 })
    const [other] = await createAssignments(db, { classIds: [c41.id], teacherId: 'someone', status: 'published', draft: { subject: '数学', date: '2026-11-23', due: '', items: [item('练习', 20)] } })
    await setSurvey(db, other!.id, c41.id, { upTo30: 10, upTo60: 20, upTo90: 5, over90: 1 })

    const input = await loadCalibrationInput(db, { teacherId, classId: c42.id, subject: '数学', date: '2026-11-30', multiplier: 3 })
    expect(input.own.map((t) => t.assignmentId)).toEqual([maths.id])
    expect(input.own[0]!.reports).toEqual([{ studentId: students[0]!.id, tier: 'extend', minutes: 60, stopped: true }])
    // 练习册 p23 is 30 written minutes for every layer; 口算 is oral and not counted
    expect(input.own[0]!.byTier).toEqual({ core: 30, extend: 30, challenge: 30 })
    expect(input.group).toHaveLength(2)
    const c = designerCalibration(input.own, input.group)!
    expect(c.source).toBe('own')
    expect(c.summary.reports).toBe(4)
    expect(c.summary.stopped).toBe(1)
    // nothing from the evening itself or later
    expect((await loadCalibrationInput(db, { teacherId, classId: c42.id, subject: '数学', date: '2026-11-23', multiplier: 3 })).group).toEqual([])
  })

  it('counts the week’s stop reports in the whole grade', async () => {
    const db = open()
    const { maths, c42, students } = await seedSchool(db)
    await setTimeReport(db, { assignmentId: maths.id, classId: c42.id, studentId: students[2]!.id }, { minutes: 45, stopped: true, leftItemIds: [], note: '剩第 2 题' })
    await setTimeReport(db, { assignmentId: maths.id, classId: c42.id, studentId: students[3]!.id }, { minutes: 25, stopped: false, leftItemIds: ['ignored'], note: '' })
    const week = (await loadWeekTimes(db, c42.id, '2026-11-23', 3))!
    expect(week.gradeStops).toEqual([{ subject: '数学', studentId: students[2]!.id, date: '2026-11-23', classId: c42.id }])
    expect(week.times[0]!.reports).toHaveLength(2)
    expect((await db.timeReports.toArray()).find((r) => !r.stopped)!.leftItems).toEqual({})
  })
})

const bankFields = (title: string, teacherId: string): BankItemFields => ({
  teacherId,
  grade: 4,
  subject: '数学',
  title,
  book: '练习册',
  pages: 'p23',
  unit: '第二单元',
  points: { 分数加法: true },
  difficulty: 2,
  kind: 'written',
  where: 'home',
  tiers: { core: true, extend: true, challenge: true },
  minutes: 30,
  trialMinutes: null,
})

describe('the item bank', () => {
  it('learns from use: times used, error rate from grading, real minutes from reports', async () => {
    const db = open()
    const { maths, c42, students, teacherId } = await seedSchool(db)
    const first = (await loadSheet(db, maths.id))!.items[0]!
    const saved = await saveToBank(db, bankFields('练习册 p23', teacherId), first.id)
    for (const s of students) await setGrading(db, { assignmentId: maths.id, studentId: s.id, classId: c42.id }, { level: 'b' })
    await setItemMark(db, { assignmentId: maths.id, studentId: students[0]!.id, classId: c42.id, itemId: first.id }, { wrong: true })
    await setTimeReport(db, { assignmentId: maths.id, classId: c42.id, studentId: students[1]!.id }, { minutes: 40, stopped: false, leftItemIds: [], note: '' })
    const stats = (await loadBankStats(db, () => 3)).get(saved.id)!.stats
    expect(stats.timesUsed).toBe(1)
    expect(stats.errorRate).toBe(0.25)
    // the item is the assignment's only written take-home minutes: all 40 reported minutes are its
    expect(stats.meanMinutes).toBe(40)
  })

  it('links the parallel classes’ copies of a picked item', async () => {
    const db = open()
    const { c41, c42, teacherId } = await seedSchool(db)
    const bankItem = await saveToBank(db, bankFields('口算', teacherId))
    const draftItemId = 'draft-item-1'
    await linkBankItem(db, bankItem.id, draftItemId)
    const rows = await createAssignments(db, { classIds: [c42.id, c41.id], teacherId, status: 'published', draft: { subject: '数学', date: '2026-11-27', due: '', items: [item('口算', 10)] }, itemIds: [draftItemId] })
    await propagateBankUses(db, rows.map((r) => r.id))
    const stats = (await loadBankStats(db, () => 3)).get(bankItem.id)!.stats
    expect(stats.timesUsed).toBe(2)
    expect([...stats.classIds].sort()).toEqual([c41.id, c42.id].sort())
  })

  it('a bank file imported twice adds its items once; a bad file changes nothing; a delete here stands', async () => {
    const source = open()
    const { teacherId } = await seedSchool(source)
    await saveToBank(source, bankFields('分数加法', teacherId))
    const gone = await saveToBank(source, bankFields('通分', teacherId))
    const text = writeBankFile(await listBank(source), new Date('2026-11-23T00:00:00Z'))

    const target = open()
    await seedSchool(target, '第二小学')
    const read = readBankFile(text)
    if (!read.ok) throw new Error('own file refused')
    expect(await importBank(target, read.file.items)).toEqual({ added: 2, updated: 0, unchanged: 0, keptDeleted: 0 })
    const after = await snapshot(target)
    expect(await importBank(target, read.file.items)).toEqual({ added: 0, updated: 0, unchanged: 2, keptDeleted: 0 })
    expect(await snapshot(target)).toEqual(after)

    await removeBankItem(target, gone.id)
    expect(await importBank(target, read.file.items)).toMatchObject({ keptDeleted: 1 })
    expect((await listBank(target)).map((i) => i.title)).toEqual(['分数加法'])

    const bad = readBankFile(text.replace('"difficulty": 2', '"difficulty": 7'))
    expect(bad.ok).toBe(false)
  })

  it('an edit made in the group’s file later than mine wins, field by field', async () => {
    const a = open()
    const { teacherId } = await seedSchool(a)
    const saved = await saveToBank(a, bankFields('分数加法', teacherId))
    const b = open()
    await seedSchool(b, '第二小学')
    await importBank(b, await listBank(a))
    // the author edits the title afterwards; the file carries the later clock
    await new Promise((r) => setTimeout(r, 5))
    await updateBankItem(a, saved.id, { title: '分数加法（改）' })
    expect(await importBank(b, await listBank(a))).toMatchObject({ updated: 1 })
    expect((await listBank(b))[0]!.title).toBe('分数加法（改）')
  })
})
