// The schema of a school's (or region's) override of the rules, per level. Every value has the range
// the engine can use: a cap of -5, a multiplier of -3 or a bedtime of 99:99 would be shown on 规则 and
// counted in the gauge, so they are refused wherever rules come in (a backup, a sync payload).
import * as v from 'valibot'
import { isValidMinutes } from '../domain/assignmentDraft'
import { BEDTIME, RULE_LIMITS } from './ruleLimits'

const capMinutes = v.pipe(v.number(), v.check(isValidMinutes, 'minutes'))

const budgets = v.nullable(
  v.object({
    bySubject: v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(40)), capMinutes),
    otherSubjects: v.nullable(capMinutes),
  }),
)

/** Stops a week: 0 (no stop allowed without asking) to 7. */
const stopLimit = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(7))

const levelRules = v.object({
  homeWrittenAllowed: v.optional(v.boolean()),
  dailyCapMinutes: v.optional(v.nullable(capMinutes)),
  restDayCapMinutes: v.optional(v.union([capMinutes, v.literal('schoolDayCap')])),
  bedtime: v.optional(v.pipe(v.string(), v.regex(BEDTIME))),
  sleepHours: v.optional(v.pipe(v.number(), v.finite(), v.minValue(RULE_LIMITS.sleepHoursMin), v.maxValue(RULE_LIMITS.sleepHoursMax))),
  teacherMultiplier: v.optional(
    v.pipe(v.number(), v.finite(), v.minValue(RULE_LIMITS.teacherMultiplierMin), v.maxValue(RULE_LIMITS.teacherMultiplierMax)),
  ),
  subjectBudgets: v.optional(budgets),
  restDaySubjectBudgets: v.optional(budgets),
  stopTime: v.optional(v.pipe(v.string(), v.regex(BEDTIME))),
  weeklyStopLimit: v.optional(v.nullable(stopLimit)),
  weeklySubjectStopLimit: v.optional(v.nullable(stopLimit)),
  gradeScale: v.optional(v.picklist(['levels', 'letters', 'score'])),
})

export const LEVEL_RULES_OVERRIDE = v.object({
  lowerPrimary: v.optional(levelRules),
  upperPrimary: v.optional(levelRules),
  juniorHigh: v.optional(levelRules),
  seniorHigh: v.optional(levelRules),
})
