// Minutes of items and assignments, and how an assignment with a later due date spreads over evenings.
import { addDays, daysBetween } from './dates'
import type { Assignment, AssignmentItem, IsoDate } from './types'

/**
 * The minutes a typical student needs for an item: the teacher's estimate when set; otherwise 先做,
 * the teacher's own time × the multiplier (policy.md: "No official multiplier … about 3×"; a setting
 * per school level). An item with neither counts 0.
 */
export function itemMinutes(item: AssignmentItem, teacherMultiplier: number): number {
  if (item.minutes !== undefined) return item.minutes
  if (item.trialMinutes !== undefined) return item.trialMinutes * teacherMultiplier
  return 0
}

/** Minutes as people read them: at most one decimal (72, 72.5). Stored and computed minutes stay exact. */
export function roundMinutes(minutes: number): number {
  return Math.round(minutes * 10) / 10
}

/** One evening's share of an assignment. */
export interface EveningShare {
  date: IsoDate
  /** The fraction of the assignment's minutes done this evening; the shares of an assignment sum to 1. */
  fraction: number
}

/**
 * The evenings an assignment is done on: its own date alone, or, with a later due date, every evening
 * from its date up to the day before it is due, in equal parts (Friday's homework due Monday is three
 * evenings of a third each). A due date on or before the date counts as no due date; the readers of
 * outside data reject such input before it gets here.
 */
export function spreadEvenings(assignment: Pick<Assignment, 'date' | 'due'>): EveningShare[] {
  const evenings = assignment.due === undefined ? 1 : Math.max(1, daysBetween(assignment.date, assignment.due))
  const fraction = 1 / evenings
  const out: EveningShare[] = []
  for (let i = 0; i < evenings; i++) out.push({ date: addDays(assignment.date, i), fraction })
  return out
}
