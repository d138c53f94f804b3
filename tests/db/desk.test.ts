import 'fake-indexeddb/auto'
// The desk's writes through their repositories: 统筹 budgets per grade and subject (a bad figure changes
// nothing; two subjects are two rows), 审核 decisions as rows naming the content they were made on (a
// teacher's change after a return resubmits; the leader's minutes count while the approval stands), and
// the grade's data the desk reads.
import { afterEach, describe, expect, it } from 'vitest'
import type { AppDB } from '@/db/database'
import { decide, InvalidDecisionError, listDecisions, setApprovalOn } from '@/db/repos/approvals'
import { getAssignment } from '@/db/repos/assignments'
import { formOf, saveAssignmentChanges, updateAssignment } from '@/db/repos/assignmentEdits'
import { InvalidBudgetError, setGradeBudget } from '@/db/repos/budgets'
import { listDeskRoles, loadDesk } from '@/db/repos/desk'
import { getSchoolContext, listGradeBudgets, schoolRules } from '@/db/repos/school'
import { toAssignment } from '@/db/toDomain'
import { approvalStatus } from '@hl/core/domain/approval'
import type { GradeBudget } from '@hl/core/domain/budgets'
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
const budget = (subject: string, schoolDay: number | null, over: Partial<GradeBudget> = {}): GradeBudget => ({ subject, schoolDay, mon: null, tue: null, wed: null, thu: null, fri: null, restDay: null, ...over })

describe('subject budgets', () => {
  it('stores one row per grade and subject, refuses a figure over the cap without writing, and removes an empty one', async () => {
    const db = open()
    await seedSchool(db)
    const rules = schoolRules((await getSchoolContext(db))!.school)
    await setGradeBudget(db, 4, budget('数学', 20, { mon: 25 }), rules)
    await setGradeBudget(db, 4, budget('语文', 20), rules)
    expect((await listGradeBudgets(db)).map((b) => [b.subject, b.schoolDay, b.mon]).sort()).toEqual([
      ['数学', 20, 25],
      ['语文', 20, null],
    ])
    const before = await snapshot(db)
    await expect(setGradeBudget(db, 4, budget('英语', 61), rules)).rejects.toBeInstanceOf(InvalidBudgetError)
    await expect(setGradeBudget(db, 4, budget('英语', -1), rules)).rejects.toBeInstanceOf(InvalidBudgetError)
    expect(await snapshot(db)).toEqual(before)
    await setGradeBudget(db, 4, budget('语文', null), rules)
    expect((await listGradeBudgets(db)).map((b) => b.subject)).toEqual(['数学'])
  })

  it('the engine checks the grade’s budgets (the class week’s findings)', async () => {
    const db = open()
    const { c42, maths } = await seedSchool(db)
    const ctx = (await getSchoolContext(db))!
    await setGradeBudget(db, 4, budget('数学', 20), schoolRules(ctx.school))
    const rules = schoolRules(ctx.school, await listGradeBudgets(db))
    const desk = await loadDesk(db, 4, '2026-11-23', '2026-11-29')
    const a = desk.classes.find((c) => c.cls.id === c42.id)!.assignments.find((x) => x.assignment.id === maths.id)!
    const { buildReport } = await import('@hl/core/domain/report')
    const [evening] = buildReport({ assignments: [toAssignment(a, c42)], rules })
    // 30 minutes of written maths against a budget of 20.
    expect(evening!.findings.find((f) => f.rule === 'subject-budget')?.figures.budgetMinutes).toBe(20)
  })
})

describe('decisions', () => {
  it('returns with a reason, a teacher’s change resubmits, and approval with the leader’s minutes counts those minutes', async () => {
    const db = open()
    const { schoolId, maths } = await seedSchool(db)
    await setApprovalOn(db, schoolId, true)
    const stateOf = async () => {
      const a = (await getAssignment(db, maths.id))!
      return approvalStatus({ status: a.assignment.status, approvalOn: (await getSchoolContext(db))!.school.approval === true, contentClock: a.approval!.contentClock, decisions: a.approval!.decisions })
    }
    expect((await stateOf()).state).toBe('submitted')
    await expect(decide(db, { assignmentId: maths.id, decision: 'returned', reason: ' ', minutes: {}, teacherId: 'leader' })).rejects.toBeInstanceOf(InvalidDecisionError)
    await decide(db, { assignmentId: maths.id, decision: 'returned', reason: '时间过长', minutes: {}, teacherId: 'leader' })
    expect((await stateOf()).state).toBe('returned')
    expect((await stateOf()).current?.reason).toBe('时间过长')

    // The teacher fixes it (30 → 25 minutes): submitted again, the return kept in the history.
    const a = (await getAssignment(db, maths.id))!
    await updateAssignment(db, maths.id, { subject: '数学', date: '2026-11-23', due: '', items: [item('练习册 p23', 25), item('口算 20 题', 10, { kind: 'oral' })] }, a.items.map((i) => i.id))
    const resubmitted = await stateOf()
    expect([resubmitted.state, resubmitted.resubmitted, resubmitted.history.length]).toEqual(['submitted', true, 1])

    // Approved with the first item at 20: the engine counts 20.
    const fixed = (await getAssignment(db, maths.id))!
    await decide(db, { assignmentId: maths.id, decision: 'approved', reason: '', minutes: { [fixed.items[0]!.id]: 20 }, teacherId: 'leader' })
    expect((await stateOf()).state).toBe('approved')
    const counted = toAssignment((await getAssignment(db, maths.id))!, { grade: 4, name: '4(2)' })
    expect(counted.items.map((i) => i.minutes)).toEqual([20, 10])
    expect((await listDecisions(db, maths.id)).map((d) => [d.decision, d.teacherId])).toEqual([
      ['returned', 'leader'],
      ['approved', 'leader'],
    ])
  })
})

describe('the designer’s save of a returned assignment', () => {
  it('saves the teacher’s change (the save reads the decisions in its own transaction) and resubmits', async () => {
    const db = open()
    const { schoolId, maths } = await seedSchool(db)
    await setApprovalOn(db, schoolId, true)
    await decide(db, { assignmentId: maths.id, decision: 'returned', reason: '时间过长', minutes: {}, teacherId: 'leader' })
    const base = formOf((await getAssignment(db, maths.id))!)
    const mine = { ...base, items: base.items.map((i, n) => (n === 0 ? { ...i, minutes: 25 } : i)) }
    await saveAssignmentChanges(db, maths.id, base, mine, 'published')
    const a = (await getAssignment(db, maths.id))!
    expect(a.items.map((i) => i.minutes)).toEqual([25, 10])
    const state = approvalStatus({ status: 'published', approvalOn: true, contentClock: a.approval!.contentClock, decisions: a.approval!.decisions })
    expect([state.state, state.resubmitted]).toEqual(['submitted', true])
  })
})

describe('the desk’s reads', () => {
  it('names the decider of a decision, a leader who teaches none of the grade’s classes', async () => {
    const db = open()
    const { maths } = await seedSchool(db)
    await db.teachers.put({ id: 'leader', updatedAt: '001800000000000-000000-dev1', fieldClock: {}, version: 1, name: '孙组长' })
    await decide(db, { assignmentId: maths.id, decision: 'returned', reason: '时间过长', minutes: {}, teacherId: 'leader' })
    const desk = await loadDesk(db, 4, '2026-11-23', '2026-11-29')
    expect(desk.teachers.get('leader')?.name).toBe('孙组长')
  })

  it('offers the desk to a grade leader and a class teacher, and loads every class of the grade', async () => {
    const db = open()
    const { teacherId, c41, c42 } = await seedSchool(db)
    expect(await listDeskRoles(db, teacherId)).toEqual({ leadGrades: [], homeroomClasses: [] })
    await db.roles.put({ id: 'r1', updatedAt: '001800000000000-000000-dev1', fieldClock: {}, version: 1, teacherId, role: 'gradeLeader', classId: '', grade: 4 })
    await db.roles.put({ id: 'r2', updatedAt: '001800000000000-000000-dev1', fieldClock: {}, version: 1, teacherId, role: 'homeroomTeacher', classId: c42.id, grade: 4 })
    expect(await listDeskRoles(db, teacherId)).toEqual({ leadGrades: [4], homeroomClasses: [{ id: c42.id, grade: 4, name: '4(2)' }] })
    const desk = await loadDesk(db, 4, '2026-11-23', '2026-11-29')
    expect(desk.classes.map((c) => c.cls.id)).toEqual([c41.id, c42.id])
    expect(desk.classes[1]!.students).toHaveLength(4)
    expect((await loadDesk(db, 4, '2026-11-23', '2026-11-29', c42.id)).classes.map((c) => c.cls.id)).toEqual([c42.id])
  })
})
