// What the desk changes: decisions (审核), the school's approval setting, the grades' subject budgets
// (统筹), and files merged from teachers' devices. Each goes through its repository (checked there; a
// bad value changes nothing and throws a coded error the page words).
import type { GradeBudget } from '@hl/core/domain/budgets'
import type { ResolvedRules } from '@hl/core/domain/rules/profile'
import { appDb } from '@/db/database'
import { decide, setApprovalOn, type DecisionInput } from '@/db/repos/approvals'
import { removeGradeBudget, setGradeBudget } from '@/db/repos/budgets'
import { readBackupForThisApp } from '@/db/backup'
import { mergeBackupFile, type MergeSummary } from '@/db/fileMerge'
import { decodeBackupBytes } from '@hl/core/formats/backup'

export { InvalidDecisionError } from '@/db/repos/approvals'
export { InvalidBudgetError } from '@/db/repos/budgets'
export { OtherSchoolError } from '@/db/fileMerge'
export type { MergeSummary }

export const deskActions = {
  decide: (input: DecisionInput) => decide(appDb(), input),
  setApprovalOn: (schoolId: string, on: boolean) => setApprovalOn(appDb(), schoolId, on),
  setBudget: (grade: number, budget: GradeBudget, rules: ResolvedRules) => setGradeBudget(appDb(), grade, budget, rules),
  removeBudget: (grade: number, subject: string) => removeGradeBudget(appDb(), grade, subject),
  /** Reads a teacher's exported file and merges it; `bad` when the file is not one this app can read. */
  async mergeFile(bytes: Uint8Array): Promise<{ ok: true; summary: MergeSummary } | { ok: false; reason: 'bad' }> {
    const decoded = decodeBackupBytes(bytes)
    if (!decoded.ok) return { ok: false, reason: 'bad' }
    const read = readBackupForThisApp(decoded.text)
    if (!read.ok) return { ok: false, reason: 'bad' }
    return { ok: true, summary: await mergeBackupFile(appDb(), read.backup) }
  },
}
