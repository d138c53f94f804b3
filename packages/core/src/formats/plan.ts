// plan.csv: one homework item a row. Rows with the same (date, due, grade, class, subject) are one
// Assignment whose items are those rows in file order.
//
// Decisions (documented for teachers in the error messages):
// - `title` (内容) is required and may not be empty: the 公示 entry parents read carries the content
//   (policy.md, "Subject coordination and publicity"), and a row without it cannot be checked by anyone.
// - `minutes` (时长) wins over `trial_minutes` (先做时长); both are kept on the item when both are given,
//   and the engine uses the trial time × the school's multiplier only when `minutes` is empty.
// - `due` must be after `date` and at most DUE_MAX_DAYS later: the homework is done on the evenings from
//   `date` to the day before `due`, and an unbounded due date would spread it over millions of evenings.
// - A grade is written as teachers write it (5, 五年级, 初一, 高二); a class as 4(2), 4（2）, 四年级二班 or
//   2班, all read as one class '4(2)'. An empty grade is taken from a class that names it.
import { DUE_MAX_DAYS, isDueInRange, TEXT_MAX } from '../domain/assignmentDraft'
import { dayNumber } from '../domain/dates'
import { classKey, TIERS, type Assignment, type AssignmentItem, type IsoDate, type Tier } from '../domain/types'
import { checkLength, classCell, parseClassName, parseDate, parseGrade, parseMinutes, type Parsed } from './cells'
import { formatError, sortErrors, type FormatError, type FormatErrorCode } from './errors'
import { cellText } from './sanitize'
import { TableReader, type ColumnSpec, type TableRow } from './table'
import { KIND_WORDS, TIER_SEPARATOR, TIER_WORDS, WHERE_WORDS, lookupWord } from './vocab'

export type PlanColumn = 'date' | 'due' | 'grade' | 'class' | 'subject' | 'title' | 'kind' | 'where' | 'tiers' | 'minutes' | 'trialMinutes'

export const PLAN_COLUMNS: readonly ColumnSpec<PlanColumn>[] = [
  { key: 'date', names: ['日期', 'date'], required: true },
  { key: 'due', names: ['截止', 'due'] },
  { key: 'grade', names: ['年级', 'grade'], required: true },
  { key: 'class', names: ['班级', 'class'], required: true },
  { key: 'subject', names: ['学科', 'subject'], required: true },
  { key: 'title', names: ['内容', 'title'], required: true },
  { key: 'kind', names: ['类型', 'kind'] },
  { key: 'where', names: ['地点', 'where'] },
  { key: 'tiers', names: ['分层', 'tiers'] },
  { key: 'minutes', names: ['时长', 'minutes'] },
  { key: 'trialMinutes', names: ['先做时长', 'trial_minutes'] },
]

/** A class of the school the plan is imported into, and the subjects its grade is taught. */
export interface PlanSchool {
  classes: readonly { id: string; grade: number; name: string }[]
  /** The school's subjects of each grade, in the school's order. */
  subjectsByGrade: ReadonlyMap<number, readonly string[]>
}

export type PlanResult =
  | {
      assignments: Assignment[]
      /** The school's class of each assignment, by assignment id (only when read for a school). */
      classIds: ReadonlyMap<string, string>
      rowCount: number
      headerLine: number
    }
  | { errors: FormatError[]; rowCount: number }

/** The school's classes by grade and the one name every spelling of a class reads as. */
function classIndex(school: PlanSchool): Map<string, string> {
  const index = new Map<string, string>()
  for (const c of school.classes) {
    const parsed = parseClassName(c.name, c.grade)
    index.set(classKey({ grade: c.grade, className: parsed.ok ? parsed.value : c.name }), c.id)
  }
  return index
}

/** The stable id of an assignment: its grouping keys. */
export function assignmentId(date: string, due: string | undefined, grade: number, className: string, subject: string): string {
  return [date, due ?? '', grade, className, subject].join('|')
}

const EMPTY: Readonly<Partial<Record<PlanColumn, FormatErrorCode>>> = {
  date: 'dateMissing',
  grade: 'gradeMissing',
  class: 'classMissing',
  subject: 'subjectMissing',
  title: 'titleMissing',
}

/**
 * Reads a plan; with `school`, also checks each row against it: the class must be one of the school's
 * and the subject one its grade is taught. Every error of the file comes back at once.
 */
export function readPlanCsv(text: string, fileName: string, school?: PlanSchool): PlanResult {
  const reader = new PlanReader(fileName, school)
  reader.push(text)
  return reader.end()
}

/**
 * readPlanCsv a chunk of text at a time (a school's whole term is 300,000 rows): only the plan read so
 * far is kept, never the file's text or its table. `rowsRead` says how far it got, for a progress bar.
 */
export class PlanReader {
  private readonly table: TableReader<PlanColumn>
  private readonly classes: Map<string, string> | undefined
  private readonly classIds = new Map<string, string>()
  private readonly errors: FormatError[] = []
  private readonly groups = new Map<string, Group>()
  /** The group of the row before: a plan's rows of one assignment usually follow each other. */
  private last: Group | undefined
  // A term's 300,000 rows hold a few hundred dates, grades and classes: each is read once.
  private readonly dates = new Memo<IsoDate>(parseDate)
  private readonly dues = new Memo<IsoDate>(parseDate)
  private readonly grades = new Memo<number>(parseGrade)
  /** Class names by grade: how a class cell reads depends on the grade it is under. */
  private readonly classNames = new Map<number | undefined, Memo<string>>()
  private readonly tierLists = new Memo<readonly Tier[]>(parseTiers)
  private readonly minuteCells = new Memo<number>(parseMinutes)
  rowsRead = 0

  constructor(
    private readonly fileName: string,
    private readonly school?: PlanSchool,
  ) {
    this.classes = school ? classIndex(school) : undefined
    this.table = new TableReader(fileName, PLAN_COLUMNS, (row) => this.row(row))
  }

  push(chunk: string): void {
    this.table.push(chunk)
  }

  end(): PlanResult {
    const table = this.table.end()
    const errors = [...table.errors]
    if (!table.present.has('minutes') && !table.present.has('trialMinutes')) {
      errors.push(formatError(this.fileName, table.headerLine, 'missingMinutesColumn'))
    }
    errors.push(...this.errors)
    const rowCount = this.rowsRead
    if (errors.length > 0) return { errors: sortErrors(errors), rowCount }
    return { assignments: [...this.groups.values()].map((g) => ({ ...g.assignment, items: g.items })), classIds: this.classIds, rowCount, headerLine: table.headerLine }
  }

  // The row being read, and the helpers every row uses (made once: a term's file has 300,000 rows).
  private current!: TableRow<PlanColumn>
  /** A missing column is reported once at the header, not again as an empty cell on every row. */
  private readonly has = (key: PlanColumn) => this.table.columns().has(key)
  private readonly fail = (key: PlanColumn, code: FormatErrorCode, params: Record<string, string | number> = {}) => {
    this.errors.push(formatError(this.fileName, this.current.line, code, params, this.current.header(key)))
  }
  private readonly take = <T>(key: PlanColumn, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value
    this.fail(key, parsed.code, parsed.params)
    return undefined
  }
  private readonly required = (key: PlanColumn): string | undefined => {
    const cell = this.current.cell(key)
    if (cell === '' && this.has(key)) this.fail(key, EMPTY[key]!)
    return cell === '' ? undefined : cell
  }
  private readonly text = (key: PlanColumn, max: number): string | undefined => {
    const cell = this.required(key)
    return cell === undefined || cell.length <= max ? cell : this.take(key, checkLength(cell, max))
  }

  private classNameIn(grade: number | undefined): Memo<string> {
    let memo = this.classNames.get(grade)
    if (!memo) this.classNames.set(grade, (memo = new Memo((cell) => parseClassName(cell, grade))))
    return memo
  }

  private row(row: TableRow<PlanColumn>): void {
    this.rowsRead++
    this.current = row
    const { classes, school, has, fail, take, required, text } = this
    const dateCell = required('date')
    const date = dateCell === undefined ? undefined : take('date', this.dates.get(dateCell))
    const dueCell = row.cell('due')
    let due = dueCell === '' ? undefined : take('due', this.dues.get(dueCell))
    if (date && due && dayNumber(due) <= dayNumber(date)) {
      fail('due', 'dueNotAfterDate', { due, date })
      due = undefined
    } else if (date && due && !isDueInRange(date, due)) {
      fail('due', 'dueTooLate', { due, date, max: DUE_MAX_DAYS })
      due = undefined
    }
    // The grade may be left empty when the class names it (四年级二班).
    const gradeCell = row.cell('grade')
    let grade: number | undefined
    if (gradeCell !== '') grade = take('grade', this.grades.get(gradeCell))
    else if ((grade = classCell(row.cell('class')).grade) === undefined) required('grade')
    const classCellText = required('class')
    const className = classCellText === undefined ? undefined : take('class', this.classNameIn(grade).get(classCellText))
    if (className !== undefined && className.length > TEXT_MAX.className) take('class', checkLength(className, TEXT_MAX.className))
    const subject = text('subject', TEXT_MAX.subject)
    const title = text('title', TEXT_MAX.title)
    const kind = readWord(row, 'kind', KIND_WORDS, 'written', 'kindUnknown', fail)
    const where = readWord(row, 'where', WHERE_WORDS, 'home', 'whereUnknown', fail)
    // Items share the array of a tiers cell they have in common (items are read, never changed, in place).
    const tiers = take('tiers', this.tierLists.get(row.cell('tiers')))
    const minutesCell = row.cell('minutes')
    const trialCell = row.cell('trialMinutes')
    const minutes = minutesCell === '' ? undefined : take('minutes', this.minuteCells.get(minutesCell))
    const trialMinutes = trialCell === '' ? undefined : take('trialMinutes', this.minuteCells.get(trialCell))
    if (minutesCell === '' && trialCell === '' && (has('minutes') || has('trialMinutes'))) {
      fail(has('minutes') ? 'minutes' : 'trialMinutes', 'minutesMissing')
    }

    let classId: string | undefined
    if (classes && grade !== undefined && className !== undefined) {
      classId = classes.get(classKey({ grade, className }))
      if (classId === undefined) fail('class', 'classUnknown', { value: cellText(row.cell('class')), grade })
      const taught = school!.subjectsByGrade.get(grade) ?? []
      if (subject !== undefined && !taught.includes(subject)) fail('subject', 'subjectNotTaught', { value: cellText(subject), grade, subjects: taught.join('、') })
    }

    if (!date || grade === undefined || !className || !subject || !title || !kind || !where || !tiers) return
    if (classes && classId === undefined) return
    if (minutes === undefined && trialMinutes === undefined) return
    if (dueCell !== '' && !due) return

    let group = this.last
    const a = group?.assignment
    if (!group || a!.date !== date || a!.due !== due || a!.classRef.grade !== grade || a!.classRef.className !== className || a!.subject !== subject) {
      const id = assignmentId(date, due, grade, className, subject)
      group = this.groups.get(id)
      if (!group) {
        const assignment = { id, classRef: { grade, className }, subject, date, ...(due ? { due } : {}) }
        group = { assignment, items: [] }
        this.groups.set(id, group)
      }
      if (classId !== undefined) this.classIds.set(id, classId)
      this.last = group
    }
    const item: AssignmentItem = { title: own(title), kind, where, tiers }
    if (minutes !== undefined) item.minutes = minutes
    if (trialMinutes !== undefined) item.trialMinutes = trialMinutes
    group.items.push(item)
  }
}

interface Group {
  assignment: Omit<Assignment, 'items'>
  items: AssignmentItem[]
}

/**
 * A copy of a cell's text that does not keep the chunk it was cut from alive: V8 cuts strings of 13
 * characters or more as views into their parent, and a plan keeps every title.
 */
function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1)
}

/** Parsed cells by their text (bounded: a file of all-different cells does not grow it without end). */
class Memo<T> {
  private readonly known = new Map<string, Parsed<T>>()
  // The cell of the row before, most often the same one: compared before the map is hashed.
  private lastCell: string | undefined
  private lastParsed: Parsed<T> | undefined
  constructor(private readonly parse: (cell: string) => Parsed<T>) {}
  get(cell: string): Parsed<T> {
    if (cell === this.lastCell) return this.lastParsed!
    let parsed = this.known.get(cell)
    if (parsed === undefined) {
      if (this.known.size >= 10_000) this.known.clear()
      this.known.set(cell, (parsed = this.parse(cell)))
    }
    this.lastCell = cell
    return (this.lastParsed = parsed)
  }
}

type Fail = (key: PlanColumn, code: FormatErrorCode, params?: Record<string, string | number>) => void

function readWord<T>(row: TableRow<PlanColumn>, key: PlanColumn, words: Readonly<Record<string, T>>, fallback: T, code: FormatErrorCode, fail: Fail): T | undefined {
  const cell = row.cell(key)
  if (cell === '') return fallback
  const value = lookupWord(words, cell)
  if (value === undefined) fail(key, code, { value: cellText(cell) })
  return value
}

/** `基础|提高`, `基础、提高` or `core/extend`; empty means every layer. Duplicates collapse. */
function parseTiers(cell: string): Parsed<readonly Tier[]> {
  if (cell === '') return { ok: true, value: TIERS }
  const found = new Set<Tier>()
  const unknown: string[] = []
  for (const part of cell.split(TIER_SEPARATOR).map((p) => p.trim()).filter((p) => p !== '')) {
    const tier = lookupWord(TIER_WORDS, part)
    if (tier) found.add(tier)
    else unknown.push(part)
  }
  if (unknown.length > 0) return { ok: false, code: 'tiersUnknown', params: { value: cellText(cell), unknown: cellText(unknown[0]!) } }
  if (found.size === 0) return { ok: false, code: 'tiersEmpty', params: { value: cellText(cell) } }
  return { ok: true, value: TIERS.filter((t) => found.has(t)) }
}
