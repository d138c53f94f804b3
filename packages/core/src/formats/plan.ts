// plan.csv: one homework item a row. Rows with the same (date, due, grade, class, subject) are one
// Assignment whose items are those rows in file order.
//
// Decisions (documented for teachers in the error messages):
// - `title` (内容) is required and may not be empty: the 公示 entry parents read carries the content
//   (policy.md, "Subject coordination and publicity"), and a row without it cannot be checked by anyone.
// - `minutes` (时长) wins over `trial_minutes` (先做时长); both are kept on the item when both are given,
//   and the engine uses the trial time × the school's multiplier only when `minutes` is empty.
// - `due` must be after `date`: the homework is done on the evenings from `date` to the day before `due`.
import { dayNumber } from '../domain/dates'
import { TIERS, type Assignment, type AssignmentItem, type Tier } from '../domain/types'
import { parseClassName, parseDate, parseGrade, parseMinutes, type Parsed } from './cells'
import { sortErrors, type FormatError } from './errors'
import { readTable, type ColumnSpec, type TableRow } from './table'
import { KIND_WORDS, TIER_SEPARATOR, TIER_WORDS, WHERE_WORDS, acceptedWords, lookupWord } from './vocab'

type PlanColumn = 'date' | 'due' | 'grade' | 'class' | 'subject' | 'title' | 'kind' | 'where' | 'tiers' | 'minutes' | 'trialMinutes'

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

export type PlanResult = { assignments: Assignment[] } | { errors: FormatError[] }

/** The stable id of an assignment: its grouping keys. */
export function assignmentId(date: string, due: string | undefined, grade: number, className: string, subject: string): string {
  return [date, due ?? '', grade, className, subject].join('|')
}

export function readPlanCsv(text: string, fileName: string): PlanResult {
  const table = readTable(text, fileName, PLAN_COLUMNS)
  const errors = [...table.errors]
  if (!table.present.has('minutes') && !table.present.has('trialMinutes')) {
    errors.push({ file: fileName, line: table.headerLine, message: '缺少列「时长」（minutes）或「先做时长」（trial_minutes），至少要有一列' })
  }
  // A missing column is reported once at the header, not again as an empty cell on every row.
  const has = (key: PlanColumn) => table.present.has(key)

  const groups = new Map<string, { assignment: Omit<Assignment, 'items'>; items: AssignmentItem[] }>()
  for (const row of table.rows) {
    const fail = (key: PlanColumn, message: string) => errors.push({ file: fileName, line: row.line, column: row.header(key), message })
    const take = <T>(key: PlanColumn, parsed: Parsed<T>): T | undefined => {
      if (parsed.ok) return parsed.value
      fail(key, parsed.message)
      return undefined
    }
    const required = (key: PlanColumn, what: string): string | undefined => {
      const cell = row.cell(key)
      if (cell === '' && has(key)) fail(key, `${what}不能为空`)
      return cell === '' ? undefined : cell
    }

    const dateCell = required('date', '日期')
    const date = dateCell === undefined ? undefined : take('date', parseDate(dateCell))
    const due = row.cell('due') === '' ? undefined : take('due', parseDate(row.cell('due')))
    if (date && due && dayNumber(due) <= dayNumber(date)) fail('due', `截止日期 ${due} 须晚于布置日期 ${date}`)
    const gradeCell = required('grade', '年级')
    const grade = gradeCell === undefined ? undefined : take('grade', parseGrade(gradeCell))
    const classCell = required('class', '班级')
    const className = classCell === undefined ? undefined : take('class', parseClassName(classCell, grade))
    const subject = required('subject', '学科')
    const title = required('title', '内容')
    const kind = readWord(row, 'kind', KIND_WORDS, 'written', '类型', fail)
    const where = readWord(row, 'where', WHERE_WORDS, 'home', '地点', fail)
    const tiers = readTiers(row, fail)
    const minutes = row.cell('minutes') === '' ? undefined : take('minutes', parseMinutes(row.cell('minutes')))
    const trialMinutes = row.cell('trialMinutes') === '' ? undefined : take('trialMinutes', parseMinutes(row.cell('trialMinutes')))
    if (row.cell('minutes') === '' && row.cell('trialMinutes') === '' && (has('minutes') || has('trialMinutes'))) {
      fail(has('minutes') ? 'minutes' : 'trialMinutes', '时长和先做时长至少填一个')
    }

    if (!date || grade === undefined || !className || !subject || !title || !kind || !where || !tiers) continue
    if (minutes === undefined && trialMinutes === undefined) continue
    if (row.cell('due') !== '' && (!due || dayNumber(due) <= dayNumber(date))) continue

    const id = assignmentId(date, due, grade, className, subject)
    let group = groups.get(id)
    if (!group) {
      const assignment = { id, classRef: { grade, className }, subject, date, ...(due ? { due } : {}) }
      group = { assignment, items: [] }
      groups.set(id, group)
    }
    group.items.push({
      title,
      kind,
      where,
      tiers,
      ...(minutes !== undefined ? { minutes } : {}),
      ...(trialMinutes !== undefined ? { trialMinutes } : {}),
    })
  }
  if (errors.length > 0) return { errors: sortErrors(errors) }
  return { assignments: [...groups.values()].map((g) => ({ ...g.assignment, items: g.items })) }
}

function readWord<T>(
  row: TableRow<PlanColumn>,
  key: PlanColumn,
  words: Readonly<Record<string, T>>,
  fallback: T,
  what: string,
  fail: (key: PlanColumn, message: string) => void,
): T | undefined {
  const cell = row.cell(key)
  if (cell === '') return fallback
  const value = lookupWord(words, cell)
  if (value === undefined) fail(key, `「${cell}」不是有效的${what}，可填 ${acceptedWords(words)}`)
  return value
}

/** `基础|提高`, `基础、提高` or `core/extend`; empty means every layer. Duplicates collapse. */
function readTiers(row: TableRow<PlanColumn>, fail: (key: PlanColumn, message: string) => void): Tier[] | undefined {
  const cell = row.cell('tiers')
  if (cell === '') return [...TIERS]
  const found = new Set<Tier>()
  const unknown: string[] = []
  for (const part of cell.split(TIER_SEPARATOR).map((p) => p.trim()).filter((p) => p !== '')) {
    const tier = lookupWord(TIER_WORDS, part)
    if (tier) found.add(tier)
    else unknown.push(part)
  }
  if (unknown.length > 0 || found.size === 0) {
    const which = unknown.length > 0 ? `中的「${unknown.join('」「')}」` : ''
    fail('tiers', `「${cell}」${which}不是有效的分层，可填 ${acceptedWords(TIER_WORDS)}，多个用 | 分隔`)
    return undefined
  }
  return TIERS.filter((t) => found.has(t))
}
