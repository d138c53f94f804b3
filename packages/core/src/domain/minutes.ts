// Minutes of items and assignments, and how an assignment with a later due date spreads over evenings.
import { dayNumber, daysBetween, fromDayNumber } from './dates'
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
  /** 0-based: which of the assignment's evenings this is. */
  index: number
  /** The fraction of the assignment's minutes done this evening; the shares of an assignment sum to 1. */
  fraction: number
}

/**
 * How many evenings an assignment is done on: its own date alone, or, with a later due date, every
 * evening from its date up to the day before it is due. A due date on or before the date counts as no
 * due date; the readers of outside data reject such input before it gets here.
 */
export function eveningCount(assignment: Pick<Assignment, 'date' | 'due'>): number {
  if (assignment.due === undefined) return 1
  const days = daysBetween(assignment.date, assignment.due)
  return Number.isFinite(days) ? Math.max(1, days) : 1
}

/**
 * The evenings an assignment is done on, in equal parts (Friday's homework due Monday is three evenings
 * of a third each), within `window` when given. The cost grows with the evenings asked for, never with
 * the distance to the due date: a stored due date years away must not build millions of shares to show
 * one week.
 */
export function spreadEvenings(assignment: Pick<Assignment, 'date' | 'due'>, window?: { from: IsoDate; to: IsoDate }): EveningShare[] {
  const evenings = eveningCount(assignment)
  const fraction = 1 / evenings
  const first = dayNumber(assignment.date)
  const start = window ? Math.max(0, dayNumber(window.from) - first) : 0
  const end = window ? Math.min(evenings - 1, dayNumber(window.to) - first) : evenings - 1
  const out: EveningShare[] = []
  for (let i = start; i <= end; i++) out.push({ date: fromDayNumber(first + i), index: i, fraction })
  return out
}
