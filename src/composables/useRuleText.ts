// Words for resolved rule values, in the current locale. Only wording lives here: which value applies
// (and what 'schoolDayCap' resolves to) is the domain's business.
import { useI18n } from 'vue-i18n'
import type { LevelRuleKey, ResolvedLevelRules, SubjectBudgets } from '@hl/core/domain/rules/profile'

export function useRuleText() {
  const { t } = useI18n()

  function minutes(n: number): string {
    return t('rules.values.minutes', { n })
  }

  /** The daily cap: 0 means nothing written goes home, null that the school sets it. */
  function capText(cap: number | null): string {
    if (cap === null) return t('rules.values.capNotSet')
    if (cap === 0) return t('rules.values.noWrittenHomework')
    return minutes(cap)
  }

  function budgetsText(budgets: SubjectBudgets | null): string {
    if (!budgets) return t('rules.values.notSet')
    const parts = Object.entries(budgets.bySubject).map(([subject, m]) =>
      t('rules.values.budgetEntry', { subject, minutes: minutes(m) }),
    )
    if (budgets.otherSubjects !== null) parts.push(t('rules.values.otherSubjects', { minutes: minutes(budgets.otherSubjects) }))
    return parts.length ? parts.join(t('rules.values.listSeparator')) : t('rules.values.notSet')
  }

  function valueText(key: LevelRuleKey, rules: ResolvedLevelRules): string {
    switch (key) {
      case 'homeWrittenAllowed':
        return rules.homeWrittenAllowed.value ? t('rules.values.writtenAllowed') : t('rules.values.noWrittenHomework')
      case 'dailyCapMinutes':
        return capText(rules.dailyCapMinutes.value)
      case 'restDayCapMinutes': {
        const rest = rules.restDayCapMinutes.value
        return rest === 'schoolDayCap'
          ? t('rules.values.sameAsSchoolDay', { cap: capText(rules.dailyCapMinutes.value) })
          : capText(rest)
      }
      case 'bedtime':
        return t('rules.values.bedtime', { time: rules.bedtime.value })
      case 'sleepHours':
        return t('rules.values.sleepHours', { n: rules.sleepHours.value })
      case 'teacherMultiplier':
        return t('rules.values.multiplier', { n: rules.teacherMultiplier.value })
      case 'subjectBudgets':
        return budgetsText(rules.subjectBudgets.value)
      case 'restDaySubjectBudgets':
        return budgetsText(rules.restDaySubjectBudgets.value)
      case 'stopTime':
        return t('rules.values.stopTime', { time: rules.stopTime.value })
      case 'weeklyStopLimit':
      case 'weeklySubjectStopLimit': {
        const n = rules[key].value
        return n === null ? t('rules.values.noLimit') : t('rules.values.stopsPerWeek', { n })
      }
      case 'gradeScale':
        return t(`rules.values.scale.${rules.gradeScale.value}`)
    }
  }

  return { capText, valueText }
}
