// 统筹: the grade leader's split of a grade's daily cap among subjects (意见 二.4: "加强学科组、年级组作业
// 统筹，合理调控作业结构"). policy.md: "A school may give each subject a daily budget (统筹) that sums to
// the cap." The school's rules may carry budgets per school level (规则); a grade's own budgets, set by
// its leader, win for that grade wherever they say something for the day (a grade with school-day budgets
// only keeps the school's rest-day budgets).
//
// A grade's budgets are rows, one per subject ('' for every subject without a row of its own), each with
// a school-day figure, optional Monday–Friday figures, and a rest-day figure. A subject with no figure
// for a day takes the 其他学科 figure of that day, as a subject without a row does.
import { isoWeekday } from './dates'
import { budgetOf, rulesForGrade, type ResolvedRules, type SubjectBudgets } from './rules/profile'
import type { Grade, IsoDate } from './types'

export const BUDGET_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const
export type BudgetWeekday = (typeof BUDGET_WEEKDAYS)[number]

/** One subject's budget in one grade ('' = every other subject). Minutes; null: none. */
export interface GradeBudget {
  subject: string
  schoolDay: number | null
  mon: number | null
  tue: number | null
  wed: number | null
  thu: number | null
  fri: number | null
  restDay: number | null
}

/** Each grade's budgets, by grade. */
export type GradeBudgetPlans = Readonly<Record<Grade, readonly GradeBudget[]>>

/** The rules in force with the grades' own budgets laid over them. */
export type RulesWithBudgets = ResolvedRules & { gradeBudgets?: GradeBudgetPlans }

export function withGradeBudgets(rules: ResolvedRules, plans: GradeBudgetPlans): RulesWithBudgets {
  return { ...rules, gradeBudgets: plans }
}

/** The figure of one budget on a day: a weekday's own figure, else the school-day one; the rest-day one on rest days. */
export function budgetFigure(b: GradeBudget, date: IsoDate, restDay: boolean): number | null {
  if (restDay) return b.restDay
  const weekday = isoWeekday(date)
  const own = weekday <= 5 ? b[BUDGET_WEEKDAYS[weekday - 1]!] : null
  return own ?? b.schoolDay
}

/** A grade's budgets on one day as the checks read them; null when they say nothing for that day. */
export function gradeBudgetsOn(budgets: readonly GradeBudget[], date: IsoDate, restDay: boolean): SubjectBudgets | null {
  const bySubject: Record<string, number> = Object.create(null) as Record<string, number>
  let otherSubjects: number | null = null
  let any = false
  for (const b of budgets) {
    const figure = budgetFigure(b, date, restDay)
    if (figure === null) continue
    any = true
    if (b.subject === '') otherSubjects = figure
    else bySubject[b.subject] = figure
  }
  return any ? { bySubject, otherSubjects } : null
}

export type BudgetSetBy = 'grade' | 'school'

/** The budgets that apply to a grade on a day: the grade's own where they say something, else the rules'. */
export function budgetsOn(rules: RulesWithBudgets, grade: Grade, date: IsoDate, restDay: boolean): { budgets: SubjectBudgets; setBy: BudgetSetBy } | null {
  const own = rules.gradeBudgets?.[grade]
  const fromGrade = own && own.length > 0 ? gradeBudgetsOn(own, date, restDay) : null
  if (fromGrade) return { budgets: fromGrade, setBy: 'grade' }
  const level = rulesForGrade(rules, grade)
  const fromRules = restDay ? level.restDaySubjectBudgets : level.subjectBudgets
  return fromRules ? { budgets: fromRules, setBy: 'school' } : null
}

/** One subject's budget on a day (what the designer shows a teacher); null when it has none. */
export function subjectBudgetOn(rules: RulesWithBudgets, grade: Grade, subject: string, date: IsoDate, restDay: boolean): { minutes: number; setBy: BudgetSetBy } | null {
  const found = budgetsOn(rules, grade, date, restDay)
  if (!found) return null
  const minutes = budgetOf(found.budgets, subject)
  return minutes === null ? null : { minutes, setBy: found.setBy }
}

/** The sum of a day's budgets of the listed subjects, against the cap: a split that exceeds the cap is worth saying. */
export function budgetTotal(budgets: readonly GradeBudget[], subjects: readonly string[], date: IsoDate, restDay: boolean): number | null {
  const on = gradeBudgetsOn(budgets, date, restDay)
  if (!on) return null
  let total = 0
  let any = false
  for (const s of subjects) {
    const m = budgetOf(on, s)
    if (m !== null) {
      total += m
      any = true
    }
  }
  return any ? total : null
}

export type BudgetProblem = { field: keyof GradeBudget; code: 'minutes' | 'overCap' | 'subject' }

/**
 * A budget before it is stored: real minutes (0–1440), none above the day's cap (a subject cannot have
 * more than the whole evening), a subject name of at most 40 characters. `caps`: the grade's caps.
 */
export function checkGradeBudget(b: GradeBudget, caps: { schoolDay: number | null; restDay: number | null }): BudgetProblem[] {
  const problems: BudgetProblem[] = []
  if (b.subject.length > 40 || b.subject !== b.subject.trim()) problems.push({ field: 'subject', code: 'subject' })
  const fields = ['schoolDay', ...BUDGET_WEEKDAYS, 'restDay'] as const
  for (const f of fields) {
    const m = b[f]
    if (m === null) continue
    if (!Number.isFinite(m) || m < 0 || m > 1440) problems.push({ field: f, code: 'minutes' })
    else {
      const cap = f === 'restDay' ? caps.restDay : caps.schoolDay
      if (cap !== null && m > cap) problems.push({ field: f, code: 'overCap' })
    }
  }
  return problems
}

/** A budget with no figure at all says nothing: it is removed rather than kept empty. */
export function isEmptyBudget(b: GradeBudget): boolean {
  return b.schoolDay === null && b.restDay === null && BUDGET_WEEKDAYS.every((d) => b[d] === null)
}
