// Findings: what the engine says about an evening. Each names a stable rule id, a severity, the figures
// that triggered it and the policy clause it applies, so a grade leader can see why a day is red.
import { RULE_SOURCES } from './rules/profile'
import type { SourceRef } from './rules/sources'

export type RuleId = 'no-written-homework' | 'cap' | 'cap-heaviest' | 'subject-budget' | 'rest-day'
export const RULE_IDS: readonly RuleId[] = ['no-written-homework', 'cap', 'cap-heaviest', 'subject-budget', 'rest-day']

export type Severity = 'error' | 'warning'

export interface Finding {
  rule: RuleId
  severity: Severity
  /** The subject concerned, for per-subject rules. */
  subject?: string
  /**
   * The figures that triggered the finding, unrounded:
   * - no-written-homework: { maxStudentMinutes, averageMinutes }
   * - cap, rest-day:        { averageMinutes, capMinutes }
   * - cap-heaviest:         { maxStudentMinutes, averageMinutes, capMinutes }
   * - subject-budget:       { averageMinutes, budgetMinutes }
   */
  figures: Readonly<Record<string, number>>
  source: SourceRef
}

export const FINDING_SOURCES: Readonly<Record<RuleId, SourceRef>> = {
  'no-written-homework': RULE_SOURCES.homeWrittenAllowed,
  cap: RULE_SOURCES.dailyCapMinutes,
  'cap-heaviest': RULE_SOURCES.dailyCapMinutes,
  'subject-budget': RULE_SOURCES.subjectBudgets,
  'rest-day': RULE_SOURCES.restDayCapMinutes,
}

export function hasError(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error')
}
