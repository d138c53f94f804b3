// Cell parsers shared by the readers: each returns the value, or an error code with its parameters
// (the reader adds the file, line and column; the words are in the i18n tables). A cell quoted in a
// parameter is cleaned and shortened here (cellText), so no raw file text reaches a message.
import { DATE_MAX, DATE_MIN, isDateInRange, isValidMinutes, MINUTES_MAX } from '../domain/assignmentDraft'
import { isIsoDate } from '../domain/dates'
import { isValidGrade } from '../domain/rules/profile'
import type { IsoDate } from '../domain/types'
import type { FormatErrorCode, FormatErrorParams } from './errors'
import { cellText } from './sanitize'

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: FormatErrorCode; params: FormatErrorParams }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const bad = (code: FormatErrorCode, params: FormatErrorParams = {}): Parsed<never> => ({ ok: false, code, params })

const NOT_HALF_WIDTH = /[０-９（）\s]/

/** Full-width digits, brackets and spaces (what a Chinese input method types) as ASCII. */
export function halfWidth(cell: string): string {
  // Most cells have none of them: those are returned as they are (the readers call this on every cell).
  if (!NOT_HALF_WIDTH.test(cell)) return cell
  return cell
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '')
}

/**
 * 'YYYY-MM-DD'; also 'YYYY/M/D' and 'YYYY-M-D', which spreadsheets write when they reformat a date.
 * Only dates of a plausible school year (DATE_MIN–DATE_MAX) are homework dates.
 */
export function parseDate(cell: string): Parsed<IsoDate> {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(halfWidth(cell))
  if (!m) return bad('dateInvalid', { value: cellText(cell) })
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  if (!isIsoDate(date)) return bad('dateNotReal', { value: cellText(cell) })
  if (!isDateInRange(date)) return bad('dateOutOfRange', { value: date, min: DATE_MIN, max: DATE_MAX })
  return ok(date)
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** '5', '12', '五', '十二', '二十三' as a number (1–99); undefined for anything else. */
export function parseCount(text: string): number | undefined {
  if (/^\d{1,3}$/.test(text)) return Number(text)
  const m = /^(?:([一二两三四五六七八九])?(十))?([一二两三四五六七八九])?$/.exec(text)
  if (!m || text === '') return undefined
  const tens = m[2] ? (m[1] ? CHINESE_DIGITS[m[1]]! : 1) : 0
  const ones = m[3] ? CHINESE_DIGITS[m[3]]! : 0
  return tens * 10 + ones
}

// How teachers name a grade: 5, 5年级, 五年级, 小学五年级, 七年级, 初一 / 初中一年级 (7), 高二 / 高中二年级 (11),
// and in English 'Grade 5'.
const GRADE_WORDS = /^(?:(小学|初中|高中)?([0-9一二两三四五六七八九十]{1,3})年级|(初|高)([0-9一二三])|(?:grade)?(\d{1,2}))$/i

/** A grade name as a grade number, or undefined when the text is not one. */
export function gradeOf(text: string): number | undefined {
  const m = GRADE_WORDS.exec(text)
  if (!m) return undefined
  if (m[5] !== undefined) return Number(m[5])
  if (m[3] !== undefined) {
    const n = parseCount(m[4]!)
    return n === undefined || n > 3 ? undefined : (m[3] === '初' ? 6 : 9) + n
  }
  const n = parseCount(m[2]!)
  if (n === undefined) return undefined
  if (m[1] === '初中' || m[1] === '高中') return n > 3 ? undefined : (m[1] === '初中' ? 6 : 9) + n
  if (m[1] === '小学' && n > 6) return undefined
  return n
}

export function parseGrade(cell: string): Parsed<number> {
  const grade = gradeOf(halfWidth(cell))
  return grade !== undefined && isValidGrade(grade) ? ok(grade) : bad('gradeInvalid', { value: cellText(cell) })
}

/** A class as the file names it: its name, and its number within the grade when it has one. */
export interface ClassCell {
  /** '4(2)' for any way of writing grade 4's class 2; otherwise the name as written, spaces removed. */
  name: string
  number?: number
  /** The grade the cell itself names ('四年级二班' names grade 4), when it does. */
  grade?: number
}

const BRACKETED = /^(.*?)\((\d{1,2})\)班?$/
const NUMBERED = /^(.*?)(\d{1,2}|[一二两三四五六七八九十]{1,3})班$/

/** Reads '4(2)', '4（2）', '(2)', '四年级二班', '4年级2班', '初一(3)班', '2班', '二班'; other names stay as written. */
export function classCell(cell: string): ClassCell {
  const name = halfWidth(cell)
  const m = BRACKETED.exec(name) ?? NUMBERED.exec(name)
  const number = m ? parseCount(m[2]!) : undefined
  if (!m || number === undefined || number < 1) return { name }
  const prefix = m[1]!
  if (prefix === '') return { name, number }
  const grade = gradeOf(prefix)
  return grade === undefined ? { name } : { name, number, grade }
}

/** The one name of a class: `${grade}(${number})` when it has a number, so every spelling of it is one class. */
export function canonicalClassName(cls: ClassCell, grade: number): string {
  return cls.number === undefined ? cls.name : `${grade}(${cls.number})`
}

/**
 * A class name such as '4(2)' under a grade. A grade the cell itself names must be that grade: grade 5
 * with class '4(2)' is a typing mistake, not a class.
 */
export function parseClassName(cell: string, grade: number | undefined): Parsed<string> {
  const cls = classCell(cell)
  if (cls.name === '') return bad('classMissing')
  if (cls.grade !== undefined && grade !== undefined && cls.grade !== grade) {
    return bad('classGradeMismatch', { value: cellText(cell), classGrade: cls.grade, grade })
  }
  const g = grade ?? cls.grade
  return ok(g === undefined ? cls.name : canonicalClassName(cls, g))
}

/** Minutes: a number from 0 to a day (MINUTES_MAX), decimals allowed. */
export function parseMinutes(cell: string): Parsed<number> {
  const text = halfWidth(cell)
  const minutes = /^\d+(\.\d+)?$|^\.\d+$/.test(text) ? Number(text) : Number.NaN
  if (Number.isNaN(minutes)) return bad('minutesInvalid', { value: cellText(cell) })
  return isValidMinutes(minutes) ? ok(minutes) : bad('minutesTooLarge', { value: cellText(cell), max: MINUTES_MAX })
}

/** Text with a length limit (TEXT_MAX), counted in characters as a person counts them. */
export function checkLength(cell: string, max: number): Parsed<string> {
  return cell.length <= max || Array.from(cell).length <= max ? ok(cell) : bad('textTooLong', { max, length: Array.from(cell).length })
}
