// calendar.csv: `date,type`, the dates whose type differs from Monday–Friday school, Saturday–Sunday
// rest: public holidays (rest) and the make-up school days of 调休 (school).
import type { DayType, SchoolCalendar } from '../domain/calendar'
import { parseDate } from './cells'
import { sortErrors, type FormatError } from './errors'
import { readTable, type ColumnSpec } from './table'
import { DAY_TYPE_WORDS, acceptedWords, lookupWord } from './vocab'

type CalendarColumn = 'date' | 'type'

export const CALENDAR_COLUMNS: readonly ColumnSpec<CalendarColumn>[] = [
  { key: 'date', names: ['日期', 'date'], required: true },
  { key: 'type', names: ['类型', 'type'], required: true },
]

export type CalendarResult = { calendar: SchoolCalendar } | { errors: FormatError[] }

export function readCalendarCsv(text: string, fileName: string): CalendarResult {
  const table = readTable(text, fileName, CALENDAR_COLUMNS)
  const errors = [...table.errors]
  const overrides: Record<string, DayType> = {}
  const lineOf = new Map<string, number>()
  if (errors.length > 0 && table.present.size < CALENDAR_COLUMNS.length) return { errors }

  for (const row of table.rows) {
    const fail = (key: CalendarColumn, message: string) => errors.push({ file: fileName, line: row.line, column: row.header(key), message })
    const dateCell = row.cell('date')
    const parsed = parseDate(dateCell)
    if (dateCell === '') fail('date', '日期不能为空')
    else if (!parsed.ok) fail('date', parsed.message)
    const typeCell = row.cell('type')
    const type = lookupWord(DAY_TYPE_WORDS, typeCell)
    if (type === undefined) fail('type', typeCell === '' ? '类型不能为空' : `「${typeCell}」不是有效的类型，可填 ${acceptedWords(DAY_TYPE_WORDS)}`)
    if (!parsed.ok || type === undefined) continue

    const date = parsed.value
    const earlier = overrides[date]
    if (earlier !== undefined && earlier !== type) {
      fail('type', `日期 ${date} 在第 ${lineOf.get(date)} 行已写为${earlier === 'rest' ? '休息' : '上课'}，前后矛盾`)
      continue
    }
    overrides[date] = type
    lineOf.set(date, row.line)
  }
  return errors.length > 0 ? { errors: sortErrors(errors) } : { calendar: { overrides } }
}
