// Names from users (subjects, classes, students) that are also properties of plain objects must behave
// like any other name: a roster subject named `__proto__` once lost its layers (the student counted as
// core), and a subject named `constructor` found Object.prototype's function as its budget.
import { describe, expect, it } from 'vitest'
import { buildReport } from '@hl/core/domain/report'
import { budgetOf, NATIONAL_2021, resolveRules, type RulesLayer } from '@hl/core/domain/rules/profile'
import { emptyTierRecord, type Assignment, type Tier } from '@hl/core/domain/types'
import { toRoster } from '@/db/toDomain'
import type { StudentRow, StudentTierRow } from '@hl/core/records'

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']
const tiersWith = (subject: string, tier: Tier) => {
  const tiers = emptyTierRecord()
  tiers[subject] = tier
  return tiers
}

describe('names that are properties of plain objects', () => {
  it.each(NAMES)('a subject %s counts each student in their layer', (subject) => {
    const classRef = { grade: 5, className: NAMES[0]! }
    const assignment: Assignment = {
      id: 'a',
      classRef,
      subject,
      date: '2026-03-02',
      items: [
        { title: '基础', kind: 'written', where: 'home', tiers: ['core', 'extend', 'challenge'], minutes: 20 },
        { title: '拓展', kind: 'written', where: 'home', tiers: ['challenge'], minutes: 30 },
      ],
    }
    const students = [
      { name: 'constructor', tiers: tiersWith(subject, 'challenge') },
      { name: '__proto__', tiers: emptyTierRecord() },
    ]
    const [evening] = buildReport({ assignments: [assignment], rosters: [{ classRef, students }] })
    expect(evening).toMatchObject({ studentCount: 2, averageMinutes: 35, maxStudentMinutes: 50 })
  })

  it.each(NAMES)('the stored layers of a subject %s reach the engine (toRoster)', (subject) => {
    const cls = { grade: 5, name: '5(1)' }
    const student = { id: 's1', name: '张三' } as StudentRow
    const tier = { studentId: 's1', subject, tier: 'extend' } as StudentTierRow
    const roster = toRoster(cls, [student], [tier])
    expect(Object.entries(roster.students[0]!.tiers)).toEqual([[subject, 'extend']])
    expect(toRoster(cls, [student], []).students[0]!.tiers[subject]).toBeUndefined()
  })

  it.each(NAMES)('a subject %s without a budget of its own gets the other subjects’ budget', (subject) => {
    const budgets = { bySubject: { 语文: 30 }, otherSubjects: 15 }
    expect(budgetOf(budgets, subject)).toBe(15)
    const school: RulesLayer = { id: 'school', kind: 'school', name: '学校', version: 1, levels: { upperPrimary: { subjectBudgets: budgets } } }
    const assignment: Assignment = { id: 'a', classRef: { grade: 5, className: '5(1)' }, subject, date: '2026-03-02', items: [{ title: 'x', kind: 'written', where: 'home', tiers: ['core'], minutes: 20 }] }
    const [evening] = buildReport({ assignments: [assignment], rules: resolveRules(NATIONAL_2021, [school]) })
    expect(evening?.findings.map((f) => [f.rule, f.subject])).toEqual([['subject-budget', subject]])
  })
})
