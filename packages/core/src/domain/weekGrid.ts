// The class week as a grid: subjects down, Monday to Sunday across (班级周表). Built from the week table
// (weekTable.ts), which already did the maths; this only arranges it and names each day's state, so the
// view renders without computing anything.
import { addDays, isIsoDate, mondayOf } from './dates'
import { hasError } from './findings'
import type { IsoDate } from './types'
import type { WeekTable, WeekTableDay, WeekTableEntry } from './weekTable'

export type DayState = 'empty' | 'ok' | 'warning' | 'error'

export interface WeekGridRow {
  subject: string
  /** Seven cells, Monday first: the subject's entries that evening. */
  cells: WeekTableEntry[][]
}

export interface WeekGrid {
  rows: WeekGridRow[]
  days: (WeekTableDay & { state: DayState })[]
}

export function dayState(day: WeekTableDay): DayState {
  if (!day.load) return 'empty'
  if (hasError(day.load.findings)) return 'error'
  return day.load.findings.length > 0 ? 'warning' : 'ok'
}

/**
 * Rows in the school's subject order (`subjectOrder`, e.g. the grade's subjects), then any other subject
 * in the order the week first shows it.
 */
export function buildWeekGrid(table: WeekTable, subjectOrder: readonly string[] = []): WeekGrid {
  const rank = (s: string) => {
    const i = subjectOrder.indexOf(s)
    return i === -1 ? subjectOrder.length + table.subjects.indexOf(s) : i
  }
  const subjects = [...table.subjects].sort((a, b) => rank(a) - rank(b))
  const rows = subjects.map((subject) => ({ subject, cells: table.days.map((d) => d.entries.filter((e) => e.subject === subject)) }))
  return { rows, days: table.days.map((d) => ({ ...d, state: dayState(d) })) }
}

/** The Monday of the week to show: of `?date=` when it is a real date, else of today. */
export function weekStartFor(dateParam: unknown, today: IsoDate): IsoDate {
  return typeof dateParam === 'string' && isIsoDate(dateParam) ? mondayOf(dateParam) : mondayOf(today)
}

export function shiftWeek(monday: IsoDate, weeks: number): IsoDate {
  return addDays(monday, 7 * weeks)
}


