// The term a new school most likely sets up, from today's date: the term under way, or the next one
// during a holiday. Chinese schools start the autumn term on 1 September and end it in late January;
// the spring term starts about two weeks after the Spring Festival and ends in early July. These are
// defaults for a form: the school corrects them to its own 校历.
import { addDays, dayNumber, isoWeekday } from './dates'
import { springFestivalDay } from './holidays'
import type { IsoDate } from './types'

export interface TermGuess {
  /** The first calendar year of the school year: 2026 for 2026—2027学年. */
  schoolYear: number
  /** 1: the autumn term (第一学期); 2: the spring term (第二学期). */
  half: 1 | 2
  startDate: IsoDate
  endDate: IsoDate
}

const AUTUMN_START = '-09-01'
const AUTUMN_END = '-01-20'
const SPRING_END = '-07-10'

/** Monday on or after `date`. */
function mondayOnOrAfter(date: IsoDate): IsoDate {
  return addDays(date, (8 - isoWeekday(date)) % 7)
}

/** The first day of the spring term of `year`: the Monday at least 13 days after 正月初一 (about 20 February when unknown). */
export function springTermStart(year: number): IsoDate {
  const festival = springFestivalDay(year)
  return mondayOnOrAfter(festival ? addDays(festival, 13) : `${year}-02-20`)
}

function autumn(year: number): TermGuess {
  return { schoolYear: year, half: 1, startDate: `${year}${AUTUMN_START}`, endDate: `${year + 1}${AUTUMN_END}` }
}

function spring(year: number): TermGuess {
  return { schoolYear: year - 1, half: 2, startDate: springTermStart(year), endDate: `${year}${SPRING_END}` }
}

/** The term containing `today`, or the next one when `today` falls in the winter or summer holiday. */
export function defaultTerm(today: IsoDate): TermGuess {
  if (Number.isNaN(dayNumber(today))) throw new RangeError(`not a date: ${today}`)
  const year = Number(today.slice(0, 4))
  if (today <= `${year}${AUTUMN_END}`) return autumn(year - 1)
  if (today <= `${year}${SPRING_END}`) return spring(year)
  return autumn(year)
}

/** The school's usual name of a term, in Chinese: '2026—2027学年第一学期' (stored data, like a class name). */
export function termNameZh(term: Pick<TermGuess, 'schoolYear' | 'half'>): string {
  return `${term.schoolYear}—${term.schoolYear + 1}学年第${term.half === 1 ? '一' : '二'}学期`
}


/**
 * The school year and half of a term named the usual way, in Chinese ('2026—2027学年第一学期', any dash,
 * spaces allowed) or as the English screens write it ('2026–2027 school year, first term'); null for any
 * other name (a school's own, e.g. '2026 秋季学期'), which screens then show as written.
 */
export function parseTermName(name: string): Pick<TermGuess, 'schoolYear' | 'half'> | null {
  const text = name.trim()
  const zh = /^(\d{4})\s*[—–-]\s*(\d{4})\s*学年\s*第([一二])学期$/.exec(text)
  const en = zh ? null : /^(\d{4})\s*[—–-]\s*(\d{4}) school year, (first|second) term$/i.exec(text)
  const m = zh ?? en
  if (!m) return null
  const from = Number(m[1])
  if (Number(m[2]) !== from + 1) return null
  const half = m[3] === '一' || m[3]?.toLowerCase() === 'first' ? 1 : 2
  return { schoolYear: from, half }
}
