// times.csv: students' real times of written homework, one report a row:
//   date, grade, class, subject, student, minutes, stopped   (日期, 年级, 班级, 学科, 学生, 用时, 熔断)
// `student` may be empty (a report that names nobody: read against the class average). `stopped` is
// empty, 0 or 否 (finished) or 1 or 是 (stopped at the school's cut-off after `minutes`: 作业熔断). A
// report must be of homework the plan has: a class, date and subject with no homework cannot be read
// against any estimate, and is almost always a typo.
import type { EveningLoad } from '../domain/report'
import type { TimeRow } from '../domain/reportCalibration'
import { classKey, type Roster } from '../domain/types'
import { TEXT_MAX } from '../domain/assignmentDraft'
import { checkLength, parseClassName, parseDate, parseGrade, parseMinutes } from './cells'
import { formatError, sortErrors, type FormatError, type FormatErrorCode, type FormatErrorParams } from './errors'
import { cellText } from './sanitize'
import { readTable, type ColumnSpec } from './table'
import { lookupWord, STOPPED_WORDS } from './vocab'

type TimesColumn = 'date' | 'grade' | 'class' | 'subject' | 'student' | 'minutes' | 'stopped'

export const TIMES_COLUMNS: readonly ColumnSpec<TimesColumn>[] = [
  { key: 'date', names: ['日期', 'date'], required: true },
  { key: 'grade', names: ['年级', 'grade'], required: true },
  { key: 'class', names: ['班级', 'class'], required: true },
  { key: 'subject', names: ['学科', 'subject'], required: true },
  { key: 'student', names: ['学生', '姓名', 'student', 'name'] },
  { key: 'minutes', names: ['用时', 'minutes'], required: true },
  { key: 'stopped', names: ['熔断', 'stopped'] },
]

export interface TimesRead {
  rows: (TimeRow & { line: number })[]
  file: string
  headers: Readonly<Record<'date' | 'class' | 'subject' | 'student', string>>
}

export type TimesResult = TimesRead | { errors: FormatError[] }

export function readTimesCsv(text: string, fileName: string): TimesResult {
  const table = readTable(text, fileName, TIMES_COLUMNS)
  const errors = [...table.errors]
  if (errors.length > 0 && table.rows.length === 0) return { errors }
  const rows: TimesRead['rows'] = []
  const seen = new Map<string, number>()
  for (const row of table.rows) {
    const fail = (key: TimesColumn, code: FormatErrorCode, params: FormatErrorParams = {}) => errors.push(formatError(fileName, row.line, code, params, row.header(key)))
    const dateCell = row.cell('date')
    const date = parseDate(dateCell)
    if (dateCell === '') fail('date', 'dateMissing')
    else if (!date.ok) fail('date', date.code, date.params)
    let grade: number | undefined
    if (row.cell('grade') === '') fail('grade', 'gradeMissing')
    else {
      const g = parseGrade(row.cell('grade'))
      if (g.ok) grade = g.value
      else fail('grade', g.code, g.params)
    }
    const cls = parseClassName(row.cell('class'), grade)
    if (!cls.ok) fail('class', cls.code, cls.params)
    const subject = row.cell('subject')
    if (subject === '') fail('subject', 'subjectMissing')
    const subjectOk = checkLength(subject, TEXT_MAX.subject)
    if (!subjectOk.ok) fail('subject', subjectOk.code, subjectOk.params)
    const student = row.cell('student')
    const studentOk = checkLength(student, TEXT_MAX.studentName)
    if (!studentOk.ok) fail('student', studentOk.code, studentOk.params)
    const minutesCell = row.cell('minutes')
    const minutes = parseMinutes(minutesCell)
    if (minutesCell === '') fail('minutes', 'minutesMissing')
    else if (!minutes.ok) fail('minutes', minutes.code, minutes.params)
    const stoppedCell = row.cell('stopped')
    const stopped = stoppedCell === '' ? false : lookupWord(STOPPED_WORDS, stoppedCell)
    if (stopped === undefined) fail('stopped', 'stoppedUnknown', { value: cellText(stoppedCell) })

    if (!date.ok || grade === undefined || !cls.ok || subject === '' || !subjectOk.ok || !studentOk.ok || !minutes.ok || stopped === undefined) continue
    if (student !== '') {
      const key = [date.value, grade, cls.value, subject, student].join('\u0000')
      const earlier = seen.get(key)
      if (earlier !== undefined) {
        fail('student', 'timesDuplicate', { value: cellText(student), line: earlier })
        continue
      }
      seen.set(key, row.line)
    }
    rows.push({ date: date.value, classRef: { grade, className: cls.value }, subject, student, minutes: minutes.value, stopped, line: row.line })
  }
  if (errors.length > 0) return { errors: sortErrors(errors) }
  const headers = { date: table.rows[0]?.header('date') ?? '日期', class: table.rows[0]?.header('class') ?? '班级', subject: table.rows[0]?.header('subject') ?? '学科', student: table.rows[0]?.header('student') ?? '学生' }
  return { rows, file: fileName, headers }
}

/**
 * Reports the plan cannot read: a class, date and subject with no homework in the plan, and, with a
 * roster, a student the class's roster does not have. `evenings` are every evening of the plan.
 */
export function unmatchedTimes(read: TimesRead, evenings: readonly EveningLoad[], rosters: readonly Roster[] | undefined): FormatError[] {
  const subjects = new Map(evenings.map((e) => [`${classKey(e.classRef)}|${e.date}`, new Set(e.subjects.map((s) => s.subject))]))
  const names = new Map((rosters ?? []).map((r) => [classKey(r.classRef), new Set(r.students.map((s) => s.name))]))
  const errors: FormatError[] = []
  for (const row of read.rows) {
    const has = subjects.get(`${classKey(row.classRef)}|${row.date}`)
    if (!has?.has(row.subject)) {
      errors.push(formatError(read.file, row.line, 'timesNoHomework', { date: row.date, grade: row.classRef.grade, className: row.classRef.className, value: cellText(row.subject) }, read.headers.subject))
      continue
    }
    const roster = names.get(classKey(row.classRef))
    if (row.student !== '' && roster && !roster.has(row.student)) {
      errors.push(formatError(read.file, row.line, 'timesStudentUnknown', { value: cellText(row.student), className: row.classRef.className }, read.headers.student))
    }
  }
  return errors
}
