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

export interface WeekGridDay {
  day: WeekGrid['days'][number]
  /** The subjects with homework that day, in the grid's row order, each with its entries. */
  subjects: { subject: string; entries: WeekTableEntry[] }[]
}

/** The grid read day by day (the phone's list): each day with its own subjects, none left empty. */
export function gridByDay(grid: WeekGrid): WeekGridDay[] {
  return grid.days.map((day, i) => ({
    day,
    subjects: grid.rows.flatMap((r) => (r.cells[i]?.length ? [{ subject: r.subject, entries: r.cells[i]! }] : [])),
  }))
}

/** The Monday of the week to show: of `?date=` when it is a real date, else of today. */
export function weekStartFor(dateParam: unknown, today: IsoDate): IsoDate {
  return typeof dateParam === 'string' && isIsoDate(dateParam) ? mondayOf(dateParam) : mondayOf(today)
}

export function shiftWeek(monday: IsoDate, weeks: number): IsoDate {
  return addDays(monday, 7 * weeks)
}



/**
 * The order the phone's day list reads in: today first when it falls in the week (what a teacher opens
 * the week for), then the other days Monday to Sunday. Another week reads Monday to Sunday.
 */
export function todayFirst<T>(days: readonly T[], today: IsoDate, dateOf: (d: T) => IsoDate): T[] {
  const i = days.findIndex((d) => dateOf(d) === today)
  return i === -1 ? [...days] : [days[i]!, ...days.slice(0, i), ...days.slice(i + 1)]
}
