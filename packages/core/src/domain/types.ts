// The vocabulary of the engine (../shared/glossary.md). One concept, one name.

/** A calendar date in China Standard Time, always 'YYYY-MM-DD'. */
export type IsoDate = string

/** 分层: base layer for all (基础), improvement (提高), challenge (拓展). */
export type Tier = 'core' | 'extend' | 'challenge'
export const TIERS: readonly Tier[] = ['core', 'extend', 'challenge']

/** 作业类型: only 'written' counts toward the national caps. */
export type ItemKind = 'written' | 'oral' | 'reading' | 'practice' | 'exercise' | 'chores'
export const ITEM_KINDS: readonly ItemKind[] = ['written', 'oral', 'reading', 'practice', 'exercise', 'chores']

/** 校内完成 vs take-home: the cap is on take-home written work. */
export type Where = 'home' | 'school'
export const WHERES: readonly Where[] = ['home', 'school']

/** Grades 1–12 of the Chinese system. */
export type Grade = number

/** A class is its grade plus its name within the grade, e.g. grade 4, class '4(2)'. */
export interface ClassRef {
  grade: Grade
  className: string
}

/** Stable key of a class inside one school: grade plus class name. */
export function classKey(ref: ClassRef): string {
  return `${ref.grade}|${ref.className}`
}

/** 作业题: one task inside an assignment. */
export interface AssignmentItem {
  title: string
  kind: ItemKind
  where: Where
  /** The layers that do this item; all three by default. Never empty. */
  tiers: readonly Tier[]
  /** Estimated minutes of a typical student, when the teacher set it. */
  minutes?: number
  /** 先做: the teacher's own time; used × the multiplier when `minutes` is absent. */
  trialMinutes?: number
}

/** 作业: homework for one class in one subject, done on the evening of `date`. */
export interface Assignment {
  id: string
  classRef: ClassRef
  subject: string
  date: IsoDate
  /** Optional later due date: the minutes spread over the evenings from `date` to the day before `due`. */
  due?: IsoDate
  items: readonly AssignmentItem[]
}

/** A student's layer per subject; a subject that is absent means core. */
export interface Student {
  name: string
  tiers: Readonly<Record<string, Tier>>
}

/**
 * A new, empty layers-by-subject record without a prototype: subjects are the school's own words, and on
 * a plain object a subject named `__proto__` would be lost and one named `constructor` found everywhere.
 */
export function emptyTierRecord(): Record<string, Tier> {
  return Object.create(null) as Record<string, Tier>
}

/** The students of one class. A class with no roster counts every student as core. */
export interface Roster {
  classRef: ClassRef
  students: readonly Student[]
}

export type TierMinutes = Record<Tier, number>
