// The checks of one evening against the rules. Each finding names its rule and the clause it applies.
import { FINDING_SOURCES, type Finding } from './findings'
import type { EveningFigures } from './load'
import { budgetOf, type EffectiveRules, type SubjectBudgets } from './rules/profile'

/** Minutes within this much of a limit count as on it: a third of 90 summed three times is not over 90. */
const EPSILON = 1e-6

export interface EveningCheck {
  /** The cap that applies this evening; null when the level has none. */
  capMinutes: number | null
  findings: Finding[]
}

/**
 * `budgets`: the subject budgets of this evening when something more specific than the level's rules
 * sets them (a grade leader's 统筹, per weekday: budgets.ts); absent, the level's rules apply.
 */
export function checkEvening(figures: EveningFigures, rules: EffectiveRules, restDay: boolean, budgets?: SubjectBudgets | null): EveningCheck {
  const findings: Finding[] = []
  const { averageMinutes, maxStudentMinutes } = figures
  const capMinutes = restDay ? rules.restDayCap : rules.dailyCapMinutes

  // 意见 二.5: "学校要确保小学一、二年级不布置家庭书面作业". Any student with written work at home breaks it.
  if (!rules.homeWrittenAllowed) {
    if (maxStudentMinutes > EPSILON) {
      findings.push({ rule: 'no-written-homework', severity: 'error', figures: { maxStudentMinutes, averageMinutes }, source: FINDING_SOURCES['no-written-homework'] })
    }
    return { capMinutes: 0, findings }
  }

  // 意见 二.5: the cap is on the class's AVERAGE completion time, summed over all subjects; on rest days
  // "也要控制书面作业时间" (default: no more than a school day's cap).
  if (capMinutes !== null) {
    if (averageMinutes > capMinutes + EPSILON) {
      const rule = restDay ? 'rest-day' : 'cap'
      findings.push({ rule, severity: 'error', figures: { averageMinutes, capMinutes }, source: FINDING_SOURCES[rule] })
    } else if (maxStudentMinutes > capMinutes + EPSILON) {
      // Within the law, but one group of students carries more than the cap: show it so no layer is overloaded.
      findings.push({ rule: 'cap-heaviest', severity: 'warning', figures: { maxStudentMinutes, averageMinutes, capMinutes }, source: FINDING_SOURCES['cap-heaviest'] })
    }
  }

  // 意见 二.4: "加强学科组、年级组作业统筹": a school's split of the cap among subjects.
  const split = budgets !== undefined ? budgets : restDay ? rules.restDaySubjectBudgets : rules.subjectBudgets
  if (split) {
    for (const s of figures.subjects) {
      const budgetMinutes = budgetOf(split, s.subject)
      if (budgetMinutes !== null && s.averageMinutes > budgetMinutes + EPSILON) {
        findings.push({ rule: 'subject-budget', severity: 'warning', subject: s.subject, figures: { averageMinutes: s.averageMinutes, budgetMinutes }, source: FINDING_SOURCES['subject-budget'] })
      }
    }
  }
  return { capMinutes, findings }
}
