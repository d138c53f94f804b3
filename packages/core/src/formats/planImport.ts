// A plan CSV (the format of `npm run report`, read by readPlanCsv) checked against one school before it
// is imported: every class must be one of the school's (however the file spells it) and every subject
// one its grade is taught. What the school already has is found, so importing a file twice adds nothing.
// Pure: the caller passes the school's classes, subjects and homework; src/db/importPlan.ts writes.
import type { SchoolCalendar } from '../domain/calendar'
import { dayNumber } from '../domain/dates'
import { hasError } from '../domain/findings'
import { spreadEvenings } from '../domain/minutes'
import { buildReport, type EveningLoad } from '../domain/report'
import type { ResolvedRules } from '../domain/rules/profile'
import { compareClasses } from '../domain/order'
import { TIERS, type Assignment, type Roster } from '../domain/types'
import { formatError, type FormatError } from './errors'
import { writeCsv } from './csv'
import { PLAN_COLUMNS, readPlanCsv, type PlanSchool } from './plan'

export type { PlanSchool }

/** One assignment to add, with the school's class it goes to. */
export interface PlannedAssignment {
  classId: string
  assignment: Assignment
}

export type PlanImportResult =
  | { ok: true; planned: PlannedAssignment[]; rowCount: number }
  | { ok: false; errors: FormatError[]; rowCount: number }

export function readPlanForSchool(text: string, fileName: string, school: PlanSchool): PlanImportResult {
  const plan = readPlanCsv(text, fileName, school)
  if ('errors' in plan) return { ok: false, errors: plan.errors, rowCount: plan.rowCount }
  if (plan.assignments.length === 0) return { ok: false, errors: [formatError(fileName, plan.headerLine, 'headerOnly')], rowCount: plan.rowCount }
  // The school's own spelling of each class, so the preview and the checks name it as every screen does.
  const byId = new Map(school.classes.map((c) => [c.id, c]))
  const planned = plan.assignments.map((assignment) => {
    const cls = byId.get(plan.classIds.get(assignment.id)!)!
    return { classId: cls.id, assignment: { ...assignment, classRef: { grade: cls.grade, className: cls.name } } }
  })
  return { ok: true, planned, rowCount: plan.rowCount }
}

/** A stored assignment as the re-import check needs it: where and when, and its items' titles. */
export interface ExistingAssignment {
  classId: string
  subject: string
  date: string
  titles: readonly string[]
}

/** Titles compare as a teacher reads them: surrounding and repeated spaces do not make new content. */
export function sameContentKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ')
}

const placeKey = (classId: string, subject: string, date: string) => `${classId}\u0000${subject.trim()}\u0000${date}`

export interface PlanSplit {
  /** What is new: each planned assignment with only its items the school does not have yet. */
  toAdd: PlannedAssignment[]
  /** Items already there: same class, subject and evening, and an item with the same content (title). */
  existingItems: number
  /** Planned assignments of which every item is already there. */
  existingAssignments: number
}

/**
 * Splits a plan into what the school already has and what it does not. An item is already there when
 * the school has homework of the same class, subject and date holding an item of the same content, so
 * importing one file twice adds nothing, and a file with a few rows added adds only those rows.
 */
export function splitExisting(planned: readonly PlannedAssignment[], existing: readonly ExistingAssignment[]): PlanSplit {
  const have = new Map<string, Set<string>>()
  for (const e of existing) {
    const key = placeKey(e.classId, e.subject, e.date)
    let titles = have.get(key)
    if (!titles) have.set(key, (titles = new Set()))
    for (const t of e.titles) titles.add(sameContentKey(t))
  }
  const toAdd: PlannedAssignment[] = []
  let existingItems = 0
  let existingAssignments = 0
  for (const p of planned) {
    const titles = have.get(placeKey(p.classId, p.assignment.subject, p.assignment.date))
    const items = titles ? p.assignment.items.filter((i) => !titles.has(sameContentKey(i.title))) : p.assignment.items
    existingItems += p.assignment.items.length - items.length
    if (items.length === 0) existingAssignments++
    else toAdd.push(items.length === p.assignment.items.length ? p : { ...p, assignment: { ...p.assignment, items } })
  }
  return { toAdd, existingItems, existingAssignments }
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

/** One class as the load check needs it: its stored homework around the plan's evenings, and its students. */
export interface ClassLoadContext {
  classId: string
  /** The class's stored homework with an evening in the plan's range (the engine's shape). */
  existing: readonly Assignment[]
  roster: Roster
}

/** An evening the import would leave over a rule: the load after it, and whether it was over before. */
export interface OverCapEvening {
  classId: string
  evening: EveningLoad
  /** Already over without this file (the file makes it no better). */
  alreadyOver: boolean
}

/**
 * The evenings the plan would put over the cap (an error finding), by the same engine and with the
 * school's rules, calendar and students as the class week, counting the homework already stored.
 * Sorted by date, then class.
 */
export function planOverCap(
  planned: readonly PlannedAssignment[],
  classes: readonly ClassLoadContext[],
  rules: ResolvedRules,
  calendar: SchoolCalendar,
): OverCapEvening[] {
  const byClass = new Map<string, { added: Assignment[]; dates: Set<string> }>()
  for (const p of planned) {
    let entry = byClass.get(p.classId)
    if (!entry) byClass.set(p.classId, (entry = { added: [], dates: new Set() }))
    entry.added.push(p.assignment)
    for (const share of spreadEvenings(p.assignment)) entry.dates.add(share.date)
  }
  const out: OverCapEvening[] = []
  for (const cls of classes) {
    const entry = byClass.get(cls.classId)
    if (!entry) continue
    const dates = [...entry.dates].sort()
    const range = { from: dates[0]!, to: dates[dates.length - 1]! }
    const base = { rosters: [cls.roster], rules, calendar, ...range }
    const before = new Map(buildReport({ ...base, assignments: cls.existing }).map((e) => [e.date, e]))
    for (const evening of buildReport({ ...base, assignments: [...cls.existing, ...entry.added] })) {
      if (!entry.dates.has(evening.date) || !hasError(evening.findings)) continue
      out.push({ classId: cls.classId, evening, alreadyOver: hasError(before.get(evening.date)?.findings ?? []) })
    }
  }
  return out.sort((a, b) => dayNumber(a.evening.date) - dayNumber(b.evening.date) || compareClasses(a.evening.classRef, b.evening.classRef))
}

/** The example row of the template: a real class and subject of the school, so the file imports as it is. */
export interface TemplateExample {
  date: string
  grade: number
  className: string
  subject: string
}

const GRADE_WORDS = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级', '高一', '高二', '高三']

/**
 * A plan template a teacher fills in with Excel or WPS: the Chinese headers (the reader also takes the
 * English ones) and one example row, as CSV that Excel opens as UTF-8 (writeCsv adds the BOM).
 */
export function planTemplate(example: TemplateExample): string {
  const header = PLAN_COLUMNS.map((c) => c.names[0]!)
  const values: Record<string, string | number> = {
    date: example.date,
    due: '',
    grade: GRADE_WORDS[example.grade - 1] ?? example.grade,
    class: example.className,
    subject: example.subject,
    title: '练习册第 12 页',
    kind: '书面',
    where: '家庭',
    tiers: '',
    minutes: 20,
    trialMinutes: '',
  }
  return writeCsv([header, PLAN_COLUMNS.map((c) => values[c.key] ?? '')])
}
