// China's statutory public holidays (法定节假日) in a date range, to prefill a term's calendar.
// The holidays themselves follow 《全国年节及纪念日放假办法》 (as amended 2024, in force 2025): 元旦 1 day,
// 春节 4 days (除夕 to 正月初三), 清明节 1, 劳动节 2 (May 1–2), 端午节 1, 中秋节 1, 国庆节 3 (Oct 1–3).
// The lunar ones need a table (the Chinese calendar is not computed here); years outside it get the
// fixed-date holidays only. The make-up school days (调休) and the bridged days around a holiday are
// announced yearly by the State Council: officialCalendar.ts has them for the published years, and
// falls back to these statutory days for a year not published yet.
import type { DayType } from './calendar'
import { addDays, dayNumber } from './dates'
import type { IsoDate } from './types'

export type HolidayId =
  | 'newYear'
  | 'springFestival'
  | 'qingming'
  | 'labourDay'
  | 'dragonBoat'
  | 'midAutumn'
  | 'nationalDay'
  /** 2015 only: 中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日 (3 September). */
  | 'victoryDay'
  /** A holiday a later arrangement adds that this code does not know yet: its Chinese name is kept. */
  | 'other'

export type NamedHolidayId = Exclude<HolidayId, 'other'>

export interface Holiday {
  date: IsoDate
  holiday: NamedHolidayId
  /** The holiday's Chinese name, e.g. '国庆节' (for stored notes and the CLI; screens translate `holiday`). */
  name: string
}

export const HOLIDAY_NAMES: Readonly<Record<NamedHolidayId, string>> = {
  newYear: '元旦',
  springFestival: '春节',
  qingming: '清明节',
  labourDay: '劳动节',
  dragonBoat: '端午节',
  midAutumn: '中秋节',
  nationalDay: '国庆节',
  victoryDay: '抗战胜利纪念日',
}

interface LunarYear {
  /** 正月初一. The statutory days are 除夕 (the day before) to 初三. */
  springFestival: IsoDate
  qingming: IsoDate
  dragonBoat: IsoDate
  midAutumn: IsoDate
}

const LUNAR: Readonly<Record<number, LunarYear>> = {
  2026: { springFestival: '2026-02-17', qingming: '2026-04-05', dragonBoat: '2026-06-19', midAutumn: '2026-09-25' },
  2027: { springFestival: '2027-02-06', qingming: '2027-04-05', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' },
  2028: { springFestival: '2028-01-26', qingming: '2028-04-04', dragonBoat: '2028-05-28', midAutumn: '2028-10-03' },
  2029: { springFestival: '2029-02-13', qingming: '2029-04-04', dragonBoat: '2029-06-16', midAutumn: '2029-09-22' },
  2030: { springFestival: '2030-02-03', qingming: '2030-04-05', dragonBoat: '2030-06-05', midAutumn: '2030-09-12' },
}

/** The years whose lunar holidays (春节, 清明, 端午, 中秋) are known here. */
export const LUNAR_YEARS: readonly number[] = Object.keys(LUNAR).map(Number)

/** 正月初一 of a year, when the table has it. */
export function springFestivalDay(year: number): IsoDate | undefined {
  return LUNAR[year]?.springFestival
}

function holidaysOfYear(year: number): Holiday[] {
  const y = String(year).padStart(4, '0')
  const out: Holiday[] = []
  const add = (holiday: NamedHolidayId, date: IsoDate, days = 1) => {
    for (let i = 0; i < days; i++) out.push({ date: addDays(date, i), holiday, name: HOLIDAY_NAMES[holiday] })
  }
  add('newYear', `${y}-01-01`)
  const lunar = LUNAR[year]
  if (lunar) {
    add('springFestival', addDays(lunar.springFestival, -1), 4)
    add('qingming', lunar.qingming)
  }
  add('labourDay', `${y}-05-01`, 2)
  if (lunar) {
    add('dragonBoat', lunar.dragonBoat)
    add('midAutumn', lunar.midAutumn)
  }
  add('nationalDay', `${y}-10-01`, 3)
  return out
}

/**
 * The statutory holidays from `from` to `to` (both included), by date. Empty for an invalid or empty
 * range. Where two holidays fall on one date (中秋 on 国庆, as in 2028) both are listed.
 */
export function statutoryHolidays(from: IsoDate, to: IsoDate): Holiday[] {
  const start = dayNumber(from)
  const end = dayNumber(to)
  if (Number.isNaN(start) || Number.isNaN(end) || start > end) return []
  const out: Holiday[] = []
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of holidaysOfYear(year)) {
      const d = dayNumber(h.date)
      if (d >= start && d <= end) out.push(h)
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** Whether the lunar holidays of every year in [from, to] are known (else only the fixed ones are listed). */
export function lunarHolidaysKnown(from: IsoDate, to: IsoDate): boolean {
  if (!(dayNumber(from) <= dayNumber(to))) return true
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) if (!LUNAR[year]) return false
  return true
}

/** The stored note of a make-up school day: '国庆节调休上课'. */
export const MAKE_UP_SUFFIX = '调休上课'

export function holidayNote(holiday: HolidayId, type: DayType, otherName = ''): string {
  const name = holiday === 'other' ? otherName : HOLIDAY_NAMES[holiday]
  return type === 'school' ? `${name}${MAKE_UP_SUFFIX}` : name
}

/** The holiday a stored note names (as holidayNote writes it), so screens can word it in their language. */
export function parseHolidayNote(note: string): { holiday: NamedHolidayId; makeUp: boolean } | null {
  const text = note.trim()
  const makeUp = text.endsWith(MAKE_UP_SUFFIX)
  const name = makeUp ? text.slice(0, -MAKE_UP_SUFFIX.length) : text
  for (const [id, zh] of Object.entries(HOLIDAY_NAMES) as [NamedHolidayId, string][]) if (zh === name) return { holiday: id, makeUp }
  return null
}
