// Who may write a record, as the server and the app both check it (packages/core/src/sync/access.ts).
import { describe, expect, it } from 'vitest'
import { accessScopeOf, canWrite, factsOf } from '@hl/core/sync/access'

const classes = [
  { id: 'c51', grade: 5 },
  { id: 'c52', grade: 5 },
  { id: 'c81', grade: 8 },
]
const leader = accessScopeOf({ teacherId: 'L', roles: [{ role: 'gradeLeader', grade: 5 }] }, classes)
const homeroom = accessScopeOf({ teacherId: 'H', roles: [{ role: 'homeroomTeacher', classId: 'c81' }] }, classes)
const teacher = accessScopeOf({ teacherId: 'T', roles: [{ role: 'teacher', classId: 'c51', subject: '数学' }] }, classes)
const assignmentOf = (classId: string) => factsOf('assignments', { classId, subject: '数学', teacherId: 'T' }, null)
const decision = (classId: string, by: string) => factsOf('approvals', { assignmentId: 'a', teacherId: by }, assignmentOf(classId))
const budget = (grade: number) => factsOf('gradeBudgets', { grade, subject: '数学' }, null)

describe('decisions (审核)', () => {
  it.each([
    ['the grade leader on a class of the grade', leader, decision('c51', 'L'), true],
    ['the grade leader on another grade’s class', leader, decision('c81', 'L'), false],
    ['the class teacher on the class', homeroom, decision('c81', 'H'), true],
    ['the class teacher on another class', homeroom, decision('c51', 'H'), false],
    ['the subject teacher, even on their own class', teacher, decision('c51', 'T'), false],
    ['the grade leader in another’s name', leader, decision('c51', 'H'), false],
  ])('%s', (_name, scope, facts, allowed) => {
    expect(canWrite(scope, 'approvals', facts)).toBe(allowed)
  })
})

describe('budgets (统筹)', () => {
  it.each([
    ['the leader of grade 5 on grade 5', leader, budget(5), true],
    ['the leader of grade 5 on grade 8', leader, budget(8), false],
    ['a class teacher', homeroom, budget(8), false],
  ])('%s', (_name, scope, facts, allowed) => {
    expect(canWrite(scope, 'gradeBudgets', facts)).toBe(allowed)
  })

  it('the leader’s classes are the grade’s', () => {
    expect([...leader.ledClasses].sort()).toEqual(['c51', 'c52'])
  })
})
