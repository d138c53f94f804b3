// The school calendar: Monday–Friday are school days and Saturday–Sunday rest days, unless a date is
// overridden either way (China's public holidays, and the make-up school days of 调休).
import { isoWeekday } from './dates'
import type { IsoDate } from './types'

export type DayType = 'school' | 'rest'

export interface SchoolCalendar {
  /** Dates whose type differs from the Monday–Friday default, or that are stated anyway. */
  overrides: Readonly<Record<IsoDate, DayType>>
}

export const DEFAULT_CALENDAR: SchoolCalendar = { overrides: {} }

export function dayType(calendar: SchoolCalendar, date: IsoDate): DayType {
  return calendar.overrides[date] ?? (isoWeekday(date) >= 6 ? 'rest' : 'school')
}

export function isRestDay(calendar: SchoolCalendar, date: IsoDate): boolean {
  return dayType(calendar, date) === 'rest'
}
