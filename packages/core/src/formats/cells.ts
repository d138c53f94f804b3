// Cell parsers shared by the readers: each returns the value, or a Chinese message saying what is wrong
// with the cell (the reader adds the file, line and column).
import { isIsoDate } from '../domain/dates'
import { isValidGrade } from '../domain/rules/profile'
import type { IsoDate } from '../domain/types'

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const bad = (message: string): Parsed<never> => ({ ok: false, message })

/** 'YYYY-MM-DD'; also 'YYYY/M/D' and 'YYYY-M-D', which spreadsheets write when they reformat a date. */
export function parseDate(cell: string): Parsed<IsoDate> {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(cell)
  if (!m) return bad(`「${cell}」不是有效的日期（格式为 2026-03-02）`)
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isIsoDate(date) ? ok(date) : bad(`「${cell}」不是存在的日期`)
}

export function parseGrade(cell: string): Parsed<number> {
  const grade = /^\d+$/.test(cell) ? Number(cell) : Number.NaN
  return isValidGrade(grade) ? ok(grade) : bad(`「${cell}」不是有效的年级（须为 1 到 12 的整数）`)
}

/**
 * A class name such as '4(2)'. Full-width brackets are made ASCII so '4（2）' and '4(2)' are one class.
 * A leading number is the grade: grade 5 with class '4(2)' is a typing mistake, not a class.
 */
export function parseClassName(cell: string, grade: number | undefined): Parsed<string> {
  const name = cell.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '')
  if (name === '') return bad('班级不能为空')
  const lead = /^\d+/.exec(name)
  if (lead && grade !== undefined && Number(lead[0]) !== grade) {
    return bad(`班级「${cell}」开头的 ${lead[0]} 与年级 ${grade} 不符`)
  }
  return ok(name)
}

/** Minutes: a number not below 0, decimals allowed. */
export function parseMinutes(cell: string): Parsed<number> {
  const minutes = /^\d+(\.\d+)?$|^\.\d+$/.test(cell) ? Number(cell) : Number.NaN
  return Number.isFinite(minutes) ? ok(minutes) : bad(`「${cell}」不是有效的分钟数（须为不小于 0 的数字）`)
}
