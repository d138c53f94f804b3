// The values a school (or a backup) may set in its own layer of rules, checked before anything stores
// them: a cap of -5, a multiplier of 0 or a bedtime of 99:99 would otherwise reach the gauge and every
// check. One home for these checks: 规则 uses it for each edit, the backup importer for a whole file.
// A school may make the caps above it (national, then its region's) stricter, never looser (意见 二.5:
// "不超过"), and may not send written homework home in grades 1–2.
import { isValidMinutes } from '../assignmentDraft'
import { BEDTIME, RULE_LIMITS } from '../../schema/ruleLimits'
import { TEXT_LIMITS } from '../../schema/textLimits'
import { LEVEL_RULE_KEYS, LEVELS, resolveRules, type LevelId, type LevelRuleKey, type LevelRules, type ResolvedRules, type SubjectBudgets } from './profile'

// The bounds have one home, the stored shape's schema (schema/rules.ts), so what 规则 accepts is what a
// backup or a sync payload may carry; this module adds what a schema cannot know (the caps above).

export type RulesOverrides = Partial<Record<LevelId, Partial<LevelRules>>>

export type RuleProblemCode =
  | 'unknownLevel'
  | 'unknownRule'
  | 'notABoolean'
  | 'minutesInvalid'
  | 'capLooser'
  | 'homeWrittenNotAllowed'
  | 'multiplierInvalid'
  | 'bedtimeInvalid'
  | 'bedtimeLater'
  | 'sleepHoursInvalid'
  | 'budgetsInvalid'
  | 'subjectInvalid'
  | 'stopTimeInvalid'
  | 'stopLimitInvalid'
  | 'gradeScaleInvalid'

export interface RuleProblem {
  code: RuleProblemCode
  /** The level, or the unknown key found where a level belongs. */
  level: string
  /** The rule, or '' for a problem with the level itself. */
  key: string
  /** For a budget: the subject whose minutes are wrong ('' for the other subjects' budget). */
  subject?: string
  /** The limit the value broke, for the message (e.g. the national cap, or the latest bedtime). */
  limit?: number | string
}

/** The earliest bedtime a school may set: an evening, not a typing slip such as 09:30 or 00:30. */
export const EARLIEST_BEDTIME = '18:00'

const LEVEL_IDS = new Set<string>(LEVELS.map((l) => l.id))
const RULE_KEYS = new Set<string>(LEVEL_RULE_KEYS)

/** Minutes a rule may hold: the same rule as an item's minutes (0–1440, finite). */
export function isRuleMinutes(value: unknown): value is number {
  return typeof value === 'number' && isValidMinutes(value)
}

/** 'HH:mm' on a 24-hour clock, 00:00–23:59. */
export function isClockTime(value: unknown): value is string {
  return typeof value === 'string' && BEDTIME.test(value)
}

export function isMultiplier(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= RULE_LIMITS.teacherMultiplierMin && value <= RULE_LIMITS.teacherMultiplierMax
}

function budgetProblems(level: string, key: string, budgets: unknown): RuleProblem[] {
  if (budgets === null) return []
  if (typeof budgets !== 'object' || budgets === undefined) return [{ code: 'budgetsInvalid', level, key }]
  const { bySubject, otherSubjects } = budgets as Partial<SubjectBudgets>
  if (typeof bySubject !== 'object' || bySubject === null || (otherSubjects !== null && otherSubjects !== undefined && typeof otherSubjects !== 'number')) {
    return [{ code: 'budgetsInvalid', level, key }]
  }
  const out: RuleProblem[] = []
  for (const [subject, minutes] of Object.entries(bySubject)) {
    if (!subject.trim() || subject.length > TEXT_LIMITS.subject) out.push({ code: 'subjectInvalid', level, key, subject })
    else if (!isRuleMinutes(minutes)) out.push({ code: 'minutesInvalid', level, key, subject })
  }
  if (otherSubjects !== null && otherSubjects !== undefined && !isRuleMinutes(otherSubjects)) out.push({ code: 'minutesInvalid', level, key, subject: '' })
  return out
}

const NATIONAL = resolveRules()

/**
 * The problems of one rule's value at one level; none when the value may be stored. `below` is the
 * rules the value would override (national and region): its caps are the ceiling.
 */
export function checkLevelRule(level: LevelId, key: LevelRuleKey, value: unknown, below: ResolvedRules = NATIONAL): RuleProblem[] {
  const problem = (code: RuleProblemCode, limit?: number | string): RuleProblem[] => [{ code, level, key, ...(limit !== undefined ? { limit } : {}) }]
  const base = below.levels[level]
  switch (key) {
    case 'homeWrittenAllowed':
      if (typeof value !== 'boolean') return problem('notABoolean')
      return value && !base.homeWrittenAllowed.value ? problem('homeWrittenNotAllowed') : []
    case 'dailyCapMinutes': {
      const cap = base.dailyCapMinutes.value
      if (value === null) return cap === null ? [] : problem('capLooser', cap)
      if (!isRuleMinutes(value)) return problem('minutesInvalid')
      return cap !== null && value > cap ? problem('capLooser', cap) : []
    }
    case 'restDayCapMinutes':
      return value === 'schoolDayCap' || isRuleMinutes(value) ? [] : problem('minutesInvalid')
    case 'bedtime': {
      if (!isClockTime(value) || value < EARLIEST_BEDTIME) return problem('bedtimeInvalid')
      // 睡眠通知 三: "不晚于": a school may send children to bed earlier, not later.
      const latest = base.bedtime.value
      return value > latest ? problem('bedtimeLater', latest) : []
    }
    case 'sleepHours':
      return typeof value === 'number' && Number.isFinite(value) && value >= RULE_LIMITS.sleepHoursMin && value <= RULE_LIMITS.sleepHoursMax ? [] : problem('sleepHoursInvalid')
    case 'teacherMultiplier':
      return isMultiplier(value) ? [] : problem('multiplierInvalid')
    case 'subjectBudgets':
    case 'restDaySubjectBudgets':
      return budgetProblems(level, key, value)
    case 'stopTime':
      // 作业熔断: the cut-off is a clock time; a school may set it before bedtime (a Zhuhai school: bedtime − 20 min).
      return isClockTime(value) ? [] : problem('stopTimeInvalid')
    case 'weeklyStopLimit':
    case 'weeklySubjectStopLimit':
      return value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 7) ? [] : problem('stopLimitInvalid')
    case 'gradeScale':
      return value === 'levels' || value === 'letters' || value === 'score' ? [] : problem('gradeScaleInvalid')
  }
}

/**
 * Every problem of a school's (or a region's) overrides, level by level and rule by rule: unknown
 * levels and rules, values of the wrong kind or out of range, and caps looser than those of `below`
 * (the national rules unless given; a school's are checked against its region's too).
 * Accepts any value (a backup's rules arrive unchecked); an empty list means it may be stored.
 */
export function checkLevelRules(overrides: unknown, below: ResolvedRules = NATIONAL): RuleProblem[] {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return [{ code: 'unknownLevel', level: '', key: '' }]
  const out: RuleProblem[] = []
  for (const [level, rules] of Object.entries(overrides)) {
    if (!LEVEL_IDS.has(level)) {
      out.push({ code: 'unknownLevel', level, key: '' })
      continue
    }
    if (rules === undefined) continue
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
      out.push({ code: 'unknownLevel', level, key: '' })
      continue
    }
    for (const [key, value] of Object.entries(rules)) {
      if (!RULE_KEYS.has(key)) out.push({ code: 'unknownRule', level, key })
      else if (value !== undefined) out.push(...checkLevelRule(level as LevelId, key as LevelRuleKey, value, below))
    }
  }
  return out
}

/**
 * The school's overrides with one rule of one level set to `value`, or taken out again (`undefined`:
 * back to the region's or the national value). Levels left with no override disappear.
 */
export function withRule<K extends LevelRuleKey>(overrides: RulesOverrides, level: LevelId, key: K, value: LevelRules[K] | undefined): RulesOverrides {
  const next: RulesOverrides = { ...overrides }
  const rules: Partial<LevelRules> = { ...(overrides[level] ?? {}) }
  if (value === undefined) delete rules[key]
  else rules[key] = value
  if (Object.keys(rules).length) next[level] = rules
  else delete next[level]
  return next
}
