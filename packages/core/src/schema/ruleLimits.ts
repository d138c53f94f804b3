// The bounds of the values a rules override may set, checked by its schema (rules.ts) and by each edit on
// 规则 (domain/rules/check.ts). A module of its own, without the schema, so the checks and the forms load
// no schema library.

/** Bounds of the values a rules override may set. */
export const RULE_LIMITS = {
  /** 先做 multiplier: more than 0 (a teacher's time must turn into some student time), at most 10. */
  teacherMultiplierMin: 0.1,
  teacherMultiplierMax: 10,
  sleepHoursMin: 4,
  sleepHoursMax: 14,
} as const

/** 'HH:mm', 00:00–23:59. */
export const BEDTIME = /^([01]\d|2[0-3]):[0-5]\d$/
