// roster.csv: `grade,class,student`, then one column per subject holding the student's layer in it
// (empty: core). A roster may only name classes the plan has homework for: anything else is almost
// always a typo in the class name, which would silently count that class's students as all core.
import { classKey, type Assignment, type Roster, type Student, type Tier } from '../domain/types'
import { parseClassName, parseGrade } from './cells'
import { sortErrors, type FormatError } from './errors'
import { readTable, type ColumnSpec } from './table'
import { TIER_WORDS, acceptedWords, lookupWord } from './vocab'

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
    const fail = (column: string, message: string) => errors.push({ file: fileName, line: row.line, column, message })
    let grade: number | undefined
    let className: string | undefined
    if (table.present.has('grade')) {
      const parsed = parseGrade(row.cell('grade'))
      if (parsed.ok) grade = parsed.value
      else fail(row.header('grade'), row.cell('grade') === '' ? '年级不能为空' : parsed.message)
    }
    if (table.present.has('class')) {
      const parsed = parseClassName(row.cell('class'), grade)
      if (parsed.ok) className = parsed.value
      else fail(row.header('class'), parsed.message)
    }
    const name = row.cell('student')
    if (table.present.has('student') && name === '') fail(row.header('student'), '学生姓名不能为空')

    const tiers: Record<string, Tier> = {}
    for (const [subject, cell] of row.extra) {
      if (cell === '') continue
      const tier = lookupWord(TIER_WORDS, cell)
      if (tier) tiers[subject] = tier
      else fail(subject, `「${cell}」不是有效的分层，可填 ${acceptedWords(TIER_WORDS)}，空着表示基础`)
    }

    if (grade === undefined || className === undefined || name === '') continue
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
    .map((r) => ({
      file: roster.file,
      line: roster.classLines.get(classKey(r.classRef)) ?? 1,
      column: roster.classColumn,
      message: `计划里没有 ${r.classRef.grade} 年级「${r.classRef.className}」班的作业，请检查年级和班级是否写错`,
    }))
}
