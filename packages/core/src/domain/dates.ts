// Calendar dates. A date is a 'YYYY-MM-DD' string in China Standard Time (house-style habit 2): China
// has no daylight saving, and a school day is a calendar day, so dates never carry a time or a zone.
// Arithmetic goes through whole days since 1970-01-01 (UTC-based, so no local zone can shift it).
// Display formatting is in formatDate.ts, the one module that uses dayjs (kept off the first load).
import type { IsoDate } from './types'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

// A term has a few hundred distinct dates but the engine converts them hundreds of thousands of times:
// remember the conversions (bounded, so a long-running tab cannot grow it without limit).
const CACHE_LIMIT = 20_000
const dayNumbers = new Map<string, number>()
const isoDates = new Map<number, IsoDate>()

const CHINA_OFFSET_MS = 8 * 3_600_000

/** The calendar date in China Standard Time (UTC+8, no daylight saving) at the instant `epochMs`. */
export function chinaDate(epochMs: number): IsoDate {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** Whole days since 1970-01-01 of a valid ISO date; NaN for anything else (including 2026-02-30). */
export function dayNumber(date: string): number {
  const known = dayNumbers.get(date)
  if (known !== undefined) return known
  const day = parseDayNumber(date)
  if (dayNumbers.size >= CACHE_LIMIT) dayNumbers.clear()
  dayNumbers.set(date, day)
  return day
}

function parseDayNumber(date: string): number {
  const m = ISO_DATE.exec(date)
  if (!m) return Number.NaN
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return Number.NaN
  return ms / MS_PER_DAY
}

export function isIsoDate(date: string): boolean {
  return !Number.isNaN(dayNumber(date))
}

export function fromDayNumber(day: number): IsoDate {
  let date = isoDates.get(day)
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
    if (isoDates.size >= CACHE_LIMIT) isoDates.clear()
    isoDates.set(day, date)
  }
  return date
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days)
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a)
}

/** 1 = Monday … 7 = Sunday (ISO weekday). */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1
}

/** The Monday of the week that holds `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date))
}

/** Every date from `from` to `to`, both included. */
export function eachDate(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = []
  for (let d = dayNumber(from), end = dayNumber(to); d <= end; d++) out.push(fromDayNumber(d))
  return out
}
