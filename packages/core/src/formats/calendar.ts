// calendar.csv: `date,type`, the dates whose type differs from Monday–Friday school, Saturday–Sunday
// rest: public holidays (rest) and the make-up school days of 调休 (school).
import type { DayType, SchoolCalendar } from '../domain/calendar'
import { parseDate } from './cells'
import { formatError, sortErrors, type FormatError, type FormatErrorCode, type FormatErrorParams } from './errors'
import { cellText } from './sanitize'
import { readTable, type ColumnSpec } from './table'
import { DAY_TYPE_WORDS, lookupWord } from './vocab'

type CalendarColumn = 'date' | 'type'

export const CALENDAR_COLUMNS: readonly ColumnSpec<CalendarColumn>[] = [
  { key: 'date', names: ['日期', 'date'], required: true },
  { key: 'type', names: ['类型', 'type'], required: true },
]

export type CalendarResult = { calendar: SchoolCalendar } | { errors: FormatError[] }

export function readCalendarCsv(text: string, fileName: string): CalendarResult {
  const table = readTable(text, fileName, CALENDAR_COLUMNS)
  const errors = [...table.errors]
  const overrides = new Map<string, { type: DayType; line: number }>()
  if (errors.length > 0 && table.present.size < CALENDAR_COLUMNS.length) return { errors }

  for (const row of table.rows) {
    const fail = (key: CalendarColumn, code: FormatErrorCode, params: FormatErrorParams = {}) => errors.push(formatError(fileName, row.line, code, params, row.header(key)))
    const dateCell = row.cell('date')
    const parsed = parseDate(dateCell)
    if (dateCell === '') fail('date', 'dateMissing')
    else if (!parsed.ok) fail('date', parsed.code, parsed.params)
    const typeCell = row.cell('type')
    const type = lookupWord(DAY_TYPE_WORDS, typeCell)
    if (type === undefined && typeCell === '') fail('type', 'typeMissing')
    else if (type === undefined) fail('type', 'dayTypeUnknown', { value: cellText(typeCell) })
    if (!parsed.ok || type === undefined) continue

    const date = parsed.value
    const earlier = overrides.get(date)
    if (earlier !== undefined && earlier.type !== type) {
      fail('type', 'dayTypeConflict', { date, line: earlier.line })
      continue
    }
    overrides.set(date, { type, line: row.line })
  }
  if (errors.length > 0) return { errors: sortErrors(errors) }
  return { calendar: { overrides: Object.fromEntries([...overrides].map(([date, { type }]) => [date, type])) } }
}
