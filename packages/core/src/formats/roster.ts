// roster.csv: `grade,class,student`, then one column per subject holding the student's layer in it
// (empty: core). A roster may only name classes the plan has homework for: anything else is almost
// always a typo in the class name, which would silently count that class's students as all core.
import { TEXT_MAX } from '../domain/assignmentDraft'
import { classKey, emptyTierRecord, type Assignment, type Roster, type Student } from '../domain/types'
import { checkLength, parseClassName, parseGrade } from './cells'
import { formatError, sortErrors, type FormatError, type FormatErrorCode, type FormatErrorParams } from './errors'
import { cellText } from './sanitize'
import { readTable, type ColumnSpec } from './table'
import { TIER_WORDS, lookupWord } from './vocab'

type RosterColumn = 'grade' | 'class' | 'student'

export const ROSTER_COLUMNS: readonly ColumnSpec<RosterColumn>[] = [
  { key: 'grade', names: ['年级', 'grade'], required: true },
  { key: 'class', names: ['班级', 'class'], required: true },
  { key: 'student', names: ['学生', '姓名', 'student', 'name'], required: true },
]

export interface RosterRead {
  rosters: Roster[]
  /** The line of each class's first row, by classKey, to point at when the class is unknown. */
  classLines: ReadonlyMap<string, number>
  file: string
  /** The class column's header as the file writes it. */
  classColumn: string
}

export type RosterResult = RosterRead | { errors: FormatError[] }

export function readRosterCsv(text: string, fileName: string): RosterResult {
  const table = readTable(text, fileName, ROSTER_COLUMNS)
  const errors = [...table.errors]
  const classes = new Map<string, { roster: Roster; students: Student[] }>()
  const classLines = new Map<string, number>()

  for (const row of table.rows) {
    const fail = (column: string, code: FormatErrorCode, params: FormatErrorParams = {}) => errors.push(formatError(fileName, row.line, code, params, column))
    let grade: number | undefined
    let className: string | undefined
    if (table.present.has('grade')) {
      const parsed = parseGrade(row.cell('grade'))
      if (parsed.ok) grade = parsed.value
      else if (row.cell('grade') === '') fail(row.header('grade'), 'gradeMissing')
      else fail(row.header('grade'), parsed.code, parsed.params)
    }
    if (table.present.has('class')) {
      const parsed = parseClassName(row.cell('class'), grade)
      if (parsed.ok) className = parsed.value
      else fail(row.header('class'), parsed.code, parsed.params)
    }
    const name = row.cell('student')
    if (table.present.has('student') && name === '') fail(row.header('student'), 'studentMissing')
    const nameOk = checkLength(name, TEXT_MAX.studentName)
    if (!nameOk.ok) fail(row.header('student'), nameOk.code, nameOk.params)

    // A null-prototype record: a subject named `__proto__` or `constructor` is a key like any other.
    const tiers = emptyTierRecord()
    for (const [subject, cell] of row.extra) {
      if (cell === '') continue
      const tier = lookupWord(TIER_WORDS, cell)
      if (tier) tiers[subject] = tier
      else fail(subject, 'rosterTierUnknown', { value: cellText(cell) })
    }

    if (grade === undefined || className === undefined || name === '' || !nameOk.ok) continue
    const key = classKey({ grade, className })
    let entry = classes.get(key)
    if (!entry) {
      const students: Student[] = []
      entry = { roster: { classRef: { grade, className }, students }, students }
      classes.set(key, entry)
      classLines.set(key, row.line)
    }
    entry.students.push({ name, tiers })
  }
  if (errors.length > 0) return { errors: sortErrors(errors) }
  const classColumn = table.rows[0]?.header('class') ?? '班级'
  return { rosters: [...classes.values()].map((c) => c.roster), classLines, file: fileName, classColumn }
}

/** Roster classes with no homework in the plan: one error each, at the class's first roster line. */
export function unknownRosterClasses(roster: RosterRead, assignments: readonly Assignment[]): FormatError[] {
  const planned = new Set(assignments.map((a) => classKey(a.classRef)))
  return roster.rosters
    .filter((r) => !planned.has(classKey(r.classRef)))
    .map((r) =>
      formatError(roster.file, roster.classLines.get(classKey(r.classRef)) ?? 1, 'rosterClassNotInPlan', { grade: r.classRef.grade, className: r.classRef.className }, roster.classColumn),
    )
}
