// 统筹 per grade (意见 二.4): the grade leader's split of the cap, per weekday if wished, and how the
// engine's subject-budget finding follows it.
import { describe, expect, it } from 'vitest'
import { budgetFigure, budgetsOn, budgetTotal, gradeBudgetsOn, subjectBudgetOn, withGradeBudgets, type GradeBudget } from '@hl/core/domain/budgets'
import { buildReport } from '@hl/core/domain/report'
import { NATIONAL_2021, resolveRules, type RulesLayer } from '@hl/core/domain/rules/profile'
import { assignment, cls, item } from './builders'

const row = (subject: string, schoolDay: number | null, over: Partial<GradeBudget> = {}): GradeBudget => ({ subject, schoolDay, mon: null, tue: null, wed: null, thu: null, fri: null, restDay: null, ...over })
// 2026-11-23 is a Monday; 11-24 a Tuesday; 11-28 a Saturday.
const MON = '2026-11-23'
const TUE = '2026-11-24'
const SAT = '2026-11-28'

describe('a grade budget on a day', () => {
  it.each([
    ['Monday with its own figure', row('数学', 20, { mon: 25 }), MON, false, 25],
    ['Tuesday without one takes the school-day figure', row('数学', 20, { mon: 25 }), TUE, false, 20],
    ['a rest day takes the rest-day figure', row('数学', 20, { restDay: 15 }), SAT, true, 15],
    ['a rest day without one has none', row('数学', 20), SAT, true, null],
    ['a make-up Saturday (a school day) takes the school-day figure', row('数学', 20, { mon: 25 }), SAT, false, 20],
    ['no school-day figure, no weekday figure', row('数学', null), TUE, false, null],
  ])('%s', (_name, b, date, rest, expected) => {
    expect(budgetFigure(b, date, rest)).toBe(expected)
  })

  it('lists each subject, and 其他学科 for the rest', () => {
    const on = gradeBudgetsOn([row('语文', 20), row('数学', 20), row('英语', 15), row('', 5)], MON, false)
    expect(on).toEqual({ bySubject: { 语文: 20, 数学: 20, 英语: 15 }, otherSubjects: 5 })
    // The split of 语数英 20 + 20 + 15 and others 5 for 语数英 and two others: 65 > 60 is worth saying.
    expect(budgetTotal([row('语文', 20), row('数学', 20), row('英语', 15), row('', 5)], ['语文', '数学', '英语', '科学', '道德与法治'], MON, false)).toBe(65)
  })

  it('a subject named like an Object property is a subject like any other', () => {
    const on = gradeBudgetsOn([row('constructor', 10)], MON, false)!
    expect(subjectBudgetOn(withGradeBudgets(resolveRules(), { 5: [row('constructor', 10)] }), 5, 'toString', MON, false)).toBeNull()
    expect(on.bySubject.constructor).toBe(10)
  })
})

describe('which budgets apply', () => {
  const school: RulesLayer = { id: 's', kind: 'school', name: '实验小学', version: 1, levels: { upperPrimary: { subjectBudgets: { bySubject: { 数学: 30 }, otherSubjects: 15 }, restDaySubjectBudgets: { bySubject: {}, otherSubjects: 10 } } } }
  const rules = withGradeBudgets(resolveRules(NATIONAL_2021, [school]), { 5: [row('数学', 20)] })

  it.each([
    ['grade 5 on a school day: the grade leader’s', 5, MON, false, { minutes: 20, setBy: 'grade' }],
    ['grade 5, a subject the grade does not list: no figure from the grade (its rows replace the school’s split for the day)', 5, MON, false, null, '语文'],
    ['grade 5 on a rest day: the grade says nothing, the school’s rest-day split applies', 5, SAT, true, { minutes: 10, setBy: 'school' }],
    ['grade 4 (no budgets of its own): the school’s', 4, MON, false, { minutes: 30, setBy: 'school' }],
  ])('%s', (_name, grade, date, rest, expected, subject = '数学') => {
    expect(subjectBudgetOn(rules, grade, subject, date, rest)).toEqual(expected)
  })

  it('no budgets anywhere: none', () => {
    expect(budgetsOn(resolveRules(), 5, MON, false)).toBeNull()
  })
})

describe('the engine checks the grade’s budgets', () => {
  const c = cls(5)
  const evenings = (plans: Record<number, GradeBudget[]>) =>
    buildReport({ assignments: [assignment(c, '数学', MON, [item(22)]), assignment(c, '数学', TUE, [item(22)])], rules: withGradeBudgets(resolveRules(), plans) })

  it.each([
    ['20 a day: both evenings over', [row('数学', 20)], [true, true]],
    ['20, Monday 25: only Tuesday over', [row('数学', 20, { mon: 25 })], [false, true]],
    ['no budget for 数学, 其他 30: none over', [row('', 30)], [false, false]],
  ])('%s', (_name, budgets, over) => {
    const found = evenings({ 5: budgets }).map((e) => e.findings.some((f) => f.rule === 'subject-budget' && f.subject === '数学'))
    expect(found).toEqual(over)
  })

  it('names the budget it found in the finding', () => {
    const [mon] = evenings({ 5: [row('数学', 20, { mon: 21 })] })
    expect(mon!.findings.find((f) => f.rule === 'subject-budget')?.figures).toEqual({ averageMinutes: 22, budgetMinutes: 21 })
  })
})
