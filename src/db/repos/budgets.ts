// 统筹: the grades' subject budgets, set by the grade leader on the desk (budgets.ts in the domain says
// how the engine reads them). One row per grade and subject (a natural id), so two leaders editing
// different subjects both win, and each figure is its own field. They are read with the school
// (listGradeBudgets in school.ts); here are their edits.
import { checkGradeBudget, isEmptyBudget, type BudgetProblem, type GradeBudget } from '@hl/core/domain/budgets'
import { rulesForGrade, type ResolvedRules } from '@hl/core/domain/rules/profile'
import { naturalIdOf } from '@hl/core/schema/tables'
import type { AppDB } from '../database'
import { write } from '../write'

export class InvalidBudgetError extends Error {
  constructor(readonly problems: readonly BudgetProblem[]) {
    super(`The budget is not valid: ${problems.map((p) => `${p.field} ${p.code}`).join(', ')}`)
    this.name = 'InvalidBudgetError'
  }
}

export function budgetId(grade: number, subject: string): string {
  return naturalIdOf('gradeBudgets', { grade, subject, schoolDay: null, mon: null, tue: null, wed: null, thu: null, fri: null, restDay: null })!
}

/**
 * Sets one subject's budget in a grade (checked against the grade's caps in `rules`: a bad figure
 * changes nothing). A budget with no figure left is removed. Only changed figures count as changes.
 */
export async function setGradeBudget(db: AppDB, grade: number, budget: GradeBudget, rules: ResolvedRules): Promise<void> {
  const level = rulesForGrade(rules, grade)
  const problems = checkGradeBudget(budget, { schoolDay: level.dailyCapMinutes, restDay: level.restDayCap })
  if (problems.length) throw new InvalidBudgetError(problems)
  const id = budgetId(grade, budget.subject)
  await write(db, ['gradeBudgets'], async (w) => {
    if (isEmptyBudget(budget)) return w.remove('gradeBudgets', id)
    const { subject, schoolDay, mon, tue, wed, thu, fri, restDay } = budget
    await w.upsert('gradeBudgets', id, { grade, subject, schoolDay, mon, tue, wed, thu, fri, restDay })
  })
}

export async function removeGradeBudget(db: AppDB, grade: number, subject: string): Promise<void> {
  await write(db, ['gradeBudgets'], (w) => w.remove('gradeBudgets', budgetId(grade, subject)))
}
