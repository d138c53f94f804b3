// The school calendar out of the box: the State Council's yearly holiday arrangement (国务院办公厅关于
// 部分节假日安排的通知, published each autumn for the next year) where it exists, and the statutory
// holidays (holidays.ts) for a year whose arrangement is not published yet. The arrangement is what
// schools follow: the weekdays bridged into a holiday are rest days (2026 国庆: 1–7 October) and the
// weekend make-up days are school days (2026: Sunday 20 September and Saturday 10 October).
//
// Data: the npm package chinese-days (MIT, no dependencies), which follows the notices and is released
// when one is published; a newer release of it brings a newer year. Its JSON table is read, not its
// code. Only the dates that differ from the Monday–Friday default are returned: a Saturday inside a
// holiday is a rest day anyway. Days a school entered itself override these (the caller lays them over).
import table from 'chinese-days/dist/chinese-days.json'
import { dayType, DEFAULT_CALENDAR, type DayType } from './calendar'
import { dayNumber } from './dates'
import { holidayNote, lunarHolidaysKnown, statutoryHolidays, type HolidayId } from './holidays'
import type { IsoDate } from './types'

/** The arrangement as chinese-days ships it: date → 'English name,中文名,statutory days'. */
export interface ArrangementTable {
  /** Rest days of the holidays, weekends and bridged weekdays included. */
  holidays: Readonly<Record<IsoDate, string>>
  /** Make-up working (school) days, on weekends. */
  workdays: Readonly<Record<IsoDate, string>>
}

export const OFFICIAL_ARRANGEMENTS: ArrangementTable = table

/** Where a day of the out-of-the-box calendar comes from. */
export type CalendarDaySource = 'official' | 'statutory'

export interface OfficialDay {
  date: IsoDate
  type: DayType
  holiday: HolidayId
  /** The note to store, in Chinese like every stored text ('国庆节', '国庆节调休上课'); screens translate it. */
  note: string
  source: CalendarDaySource
}

/** How a year of the range is covered: its published arrangement, or the statutory days only. */
export interface CalendarYear {
  year: number
  published: boolean
  /** For an unpublished year: whether the lunar holidays (春节, 清明, 端午, 中秋) are known at all. */
  lunarKnown: boolean
}

export interface OfficialCalendar {
  /** Dates in the range whose type differs from the Monday–Friday default, by date. */
  days: OfficialDay[]
  years: CalendarYear[]
}

/** chinese-days' English names; a name it adds later falls back to 'other' with its Chinese name kept. */
const HOLIDAY_BY_ENGLISH_NAME: ReadonlyMap<string, HolidayId> = new Map([
  ["New Year's Day", 'newYear'],
  ['Spring Festival', 'springFestival'],
  ['Tomb-sweeping Day', 'qingming'],
  ['Labour Day', 'labourDay'],
  ['Dragon Boat Festival', 'dragonBoat'],
  ['Mid-autumn Festival', 'midAutumn'],
  ['National Day', 'nationalDay'],
  ['Anti-Fascist 70th Day', 'victoryDay'],
])

function parseEntry(value: string): { holiday: HolidayId; chineseName: string } {
  const [english = '', chinese = ''] = value.split(',')
  return { holiday: HOLIDAY_BY_ENGLISH_NAME.get(english) ?? 'other', chineseName: chinese }
}

/** The years whose arrangement the table has: each notice covers 元旦 to 国庆 of its year. */
export function publishedYears(arrangements: ArrangementTable = OFFICIAL_ARRANGEMENTS): number[] {
  const years = new Set<number>()
  for (const [date, value] of Object.entries(arrangements.holidays)) if (parseEntry(value).holiday === 'nationalDay') years.add(Number(date.slice(0, 4)))
  return [...years].sort((a, b) => a - b)
}

/**
 * The out-of-the-box calendar of [from, to] (both included): for each year, its published arrangement
 * or else its statutory holidays, keeping only the dates whose type differs from the Monday–Friday
 * default. Empty for an invalid or inverted range.
 */
export function officialCalendar(from: IsoDate, to: IsoDate, arrangements: ArrangementTable = OFFICIAL_ARRANGEMENTS): OfficialCalendar {
  const start = dayNumber(from)
  const end = dayNumber(to)
  if (Number.isNaN(start) || Number.isNaN(end) || start > end) return { days: [], years: [] }
  const published = new Set(publishedYears(arrangements))
  const inRange = (date: IsoDate) => {
    const d = dayNumber(date)
    return d >= start && d <= end
  }
  const byDate = new Map<IsoDate, OfficialDay>()
  const add = (date: IsoDate, type: DayType, holiday: HolidayId, source: CalendarDaySource, otherName = '') => {
    // Only what differs from an ordinary week; the first holiday named on a date wins (中秋 on 国庆).
    if (byDate.has(date) || dayType(DEFAULT_CALENDAR, date) === type) return
    byDate.set(date, { date, type, holiday, note: holidayNote(holiday, type, otherName), source })
  }

  const years: CalendarYear[] = []
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const isPublished = published.has(year)
    const first = `${String(year).padStart(4, '0')}-01-01`
    years.push({ year, published: isPublished, lunarKnown: isPublished || lunarHolidaysKnown(first, `${String(year).padStart(4, '0')}-12-31`) })
    if (isPublished) continue
    for (const h of statutoryHolidays(first, `${String(year).padStart(4, '0')}-12-31`)) if (inRange(h.date)) add(h.date, 'rest', h.holiday, 'statutory')
  }
  const official = (entries: Readonly<Record<IsoDate, string>>, type: DayType) => {
    for (const [date, value] of Object.entries(entries)) {
      if (!published.has(Number(date.slice(0, 4))) || !inRange(date)) continue
      const { holiday, chineseName } = parseEntry(value)
      add(date, type, holiday, 'official', chineseName)
    }
  }
  official(arrangements.holidays, 'rest')
  official(arrangements.workdays, 'school')
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return { days, years }
}

/** The years of a range whose arrangement is not published yet (their statutory days are used instead). */
export function unpublishedYears(calendar: OfficialCalendar): number[] {
  return calendar.years.filter((y) => !y.published).map((y) => y.year)
}
