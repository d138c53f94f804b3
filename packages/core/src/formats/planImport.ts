// A plan CSV (the format of `npm run report`, read by readPlanCsv) checked against one school before it
// is imported: every class must exist in the school (matched by grade and class name, the way the file
// names them), and every time must be one the app can store (at most a day, like the designer's check).
// Pure: the caller passes the school's classes; src/db/importPlan.ts writes the result.
import { isValidMinutes } from '../domain/assignmentDraft'
import { TIERS, classKey, compareClasses, type Assignment } from '../domain/types'
import { parseClassName, parseGrade, parseMinutes } from './cells'
import { sortErrors, type FormatError } from './errors'
import { PLAN_COLUMNS, readPlanCsv } from './plan'
import { readTable } from './table'

export interface SchoolClass {
  id: string
  grade: number
  name: string
}

/** One assignment to add, with the school's class it goes to. */
export interface PlannedAssignment {
  classId: string
  assignment: Assignment
}

export type PlanImportResult =
  | { ok: true; planned: PlannedAssignment[]; rowCount: number }
  | { ok: false; errors: FormatError[]; rowCount: number }

/** Class names as the school and the file write them are compared after the reader's normalisation. */
function normalisedKey(grade: number, name: string): string {
  const parsed = parseClassName(name, undefined)
  return classKey({ grade, className: parsed.ok ? parsed.value : name })
}

export function readPlanForSchool(text: string, fileName: string, classes: readonly SchoolClass[]): PlanImportResult {
  const byKey = new Map(classes.map((c) => [normalisedKey(c.grade, c.name), c.id]))
  const table = readTable(text, fileName, PLAN_COLUMNS)
  const rowCount = table.rows.length
  const errors: FormatError[] = []

  // The reader knows nothing of the school: a row whose class is not one of ours, or whose time the
  // app cannot store, is reported here with its line, beside the reader's own errors.
  for (const row of table.rows) {
    const grade = parseGrade(row.cell('grade'))
    const cls = grade.ok ? parseClassName(row.cell('class'), grade.value) : undefined
    if (grade.ok && cls?.ok && !byKey.has(classKey({ grade: grade.value, className: cls.value }))) {
      errors.push({ file: fileName, line: row.line, column: row.header('class'), message: `班级「${row.cell('class')}」在本校不存在（${grade.value} 年级没有这个班）` })
    }
    for (const key of ['minutes', 'trialMinutes'] as const) {
      const cell = row.cell(key)
      const m = cell === '' ? undefined : parseMinutes(cell)
      if (m?.ok && !isValidMinutes(m.value)) errors.push({ file: fileName, line: row.line, column: row.header(key), message: `「${cell}」分钟超过一天（1440 分钟），请检查` })
    }
  }

  const plan = readPlanCsv(text, fileName)
  if ('errors' in plan || errors.length > 0) {
    const all = 'errors' in plan ? [...plan.errors, ...errors] : errors
    return { ok: false, errors: dedupe(sortErrors(all)), rowCount }
  }
  if (plan.assignments.length === 0) {
    return { ok: false, errors: [{ file: fileName, line: table.headerLine, message: '文件只有表头，没有作业行' }], rowCount }
  }
  const planned = plan.assignments.map((assignment) => ({ classId: byKey.get(classKey(assignment.classRef))!, assignment }))
  return { ok: true, planned, rowCount }
}

function dedupe(errors: FormatError[]): FormatError[] {
  const seen = new Set<string>()
  return errors.filter((e) => {
    const key = `${e.line}|${e.column ?? ''}|${e.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Decodes a chosen CSV file: strict UTF-8 (BOM dropped); a GBK file, Excel's default on Chinese Windows, is refused. */
export function decodeCsvBytes(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    return text.startsWith('\uFEFF') ? text.slice(1) : text
  } catch {
    return undefined
  }
}

/** The preview of an import, per class and evening: what will be added. */
export interface PlanPreviewGroup {
  classId: string
  grade: number
  className: string
  date: string
  entries: { subject: string; due: string; items: { title: string; minutes: number | null; trialMinutes: number | null; kind: string; where: string; everyone: boolean }[] }[]
}

export function planPreview(planned: readonly PlannedAssignment[]): PlanPreviewGroup[] {
  const groups = new Map<string, PlanPreviewGroup>()
  for (const { classId, assignment: a } of planned) {
    const key = `${classId}|${a.date}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { classId, grade: a.classRef.grade, className: a.classRef.className, date: a.date, entries: [] }))
    group.entries.push({
      subject: a.subject,
      due: a.due ?? '',
      items: a.items.map((i) => ({
        title: i.title,
        minutes: i.minutes ?? null,
        trialMinutes: i.trialMinutes ?? null,
        kind: i.kind,
        where: i.where,
        everyone: TIERS.every((t) => i.tiers.includes(t)),
      })),
    })
  }
  return [...groups.values()].sort((a, b) => compareClasses(a, b) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}
