// The grade leader's desk: every class of a grade, evening by evening, against the cap (a heat map with
// the figure in each cell), one evening opened (subjects, items, layers, the heaviest student, the
// findings, the teachers), each subject across the grade against its budget, and what needs attention
// first. policy.md: "the grade leader (年级组长) oversees every class of the grade"; 意见 二.4: "加强学科组、
// 年级组作业统筹". Built on the engine (buildReport), so every figure is the one the class week shows.
import { budgetsOn, type RulesWithBudgets } from './budgets'
import { DEFAULT_CALENDAR, isRestDay, type SchoolCalendar } from './calendar'
import { addDays, dayNumber, eachDate, mondayOf } from './dates'
import { hasError, type Finding, type RuleId } from './findings'
import { buildReport, type EveningLoad } from './report'
import { itemMinutes, spreadEvenings } from './minutes'
import { budgetOf, NATIONAL_2021, resolveRules, rulesForGrade } from './rules/profile'
import { classKey, type Assignment, type ClassRef, type IsoDate, type Roster, type Tier } from './types'

/** Above this share of the cap an evening is 'near' (as the designer's gauge says). */
export const NEAR_FRACTION = 0.8

export type HeatLevel = 'empty' | 'ok' | 'near' | 'warning' | 'over'

export interface HeatCell {
  date: IsoDate
  restDay: boolean
  /** The class average of take-home written minutes; null: no homework that evening. */
  averageMinutes: number | null
  capMinutes: number | null
  level: HeatLevel
  findings: Finding[]
}

export interface HeatRow {
  classId: string
  classRef: ClassRef
  cells: HeatCell[]
}

export interface HeatWeek {
  monday: IsoDate
  /** Index of the first of its dates in `dates`, and how many dates of the range fall in it. */
  first: number
  span: number
}

export interface HeatMap {
  dates: IsoDate[]
  weeks: HeatWeek[]
  rows: HeatRow[]
  /** The evenings the map was built from, for the other sections of the desk. */
  evenings: EveningLoad[]
}

export interface GradeClass {
  id: string
  classRef: ClassRef
}

export interface GradeInput {
  classes: readonly GradeClass[]
  /** The grade's assignments touching [from, to]; each with its class's ClassRef. */
  assignments: readonly Assignment[]
  rosters: readonly Roster[]
  calendar?: SchoolCalendar
  rules?: RulesWithBudgets
  from: IsoDate
  to: IsoDate
}

export function heatLevel(load: Pick<EveningLoad, 'averageMinutes' | 'capMinutes' | 'findings'> | null): HeatLevel {
  if (!load) return 'empty'
  if (hasError(load.findings)) return 'over'
  if (load.findings.length > 0) return 'warning'
  if (load.capMinutes !== null && load.capMinutes > 0 && load.averageMinutes > load.capMinutes * NEAR_FRACTION) return 'near'
  return 'ok'
}

/** Classes × dates, each evening's class average against its cap. Linear in the grade's items and evenings. */
export function buildHeatMap(input: GradeInput): HeatMap {
  const calendar = input.calendar ?? DEFAULT_CALENDAR
  const evenings = buildReport({ assignments: input.assignments, rosters: input.rosters, calendar, ...(input.rules ? { rules: input.rules } : {}), from: input.from, to: input.to })
  const dates = eachDate(input.from, input.to)
  const index = new Map(dates.map((d, i) => [d, i]))
  const rest = dates.map((d) => isRestDay(calendar, d))
  const byClass = new Map<string, (EveningLoad | undefined)[]>()
  for (const e of evenings) {
    const key = classKey(e.classRef)
    let row = byClass.get(key)
    if (!row) byClass.set(key, (row = new Array<EveningLoad | undefined>(dates.length)))
    const i = index.get(e.date)
    if (i !== undefined) row[i] = e
  }
  const rows = input.classes.map((c) => {
    const row = byClass.get(classKey(c.classRef))
    return {
      classId: c.id,
      classRef: c.classRef,
      cells: dates.map((date, i): HeatCell => {
        const load = row?.[i]
        return { date, restDay: rest[i]!, averageMinutes: load ? load.averageMinutes : null, capMinutes: load ? load.capMinutes : null, level: heatLevel(load ?? null), findings: load?.findings ?? [] }
      }),
    }
  })
  const weeks: HeatWeek[] = []
  dates.forEach((d, i) => {
    const monday = mondayOf(d)
    const last = weeks.at(-1)
    if (last && last.monday === monday) last.span++
    else weeks.push({ monday, first: i, span: 1 })
  })
  return { dates, weeks, rows, evenings }
}

// ---- one evening opened ----

export interface EveningItem {
  title: string
  kind: Assignment['items'][number]['kind']
  where: Assignment['items'][number]['where']
  tiers: readonly Tier[]
  /** This evening's minutes of the item for a student who does it. */
  minutes: number
}

export interface EveningSubject {
  subject: string
  /** Mean over students of the subject's take-home written minutes. */
  averageMinutes: number
  budgetMinutes: number | null
  assignmentIds: string[]
  items: EveningItem[]
}

export interface EveningDetail {
  load: EveningLoad | null
  subjects: EveningSubject[]
  /** The student with the most take-home written minutes that evening, by their layers; null without a roster. */
  heaviest: { name: string; minutes: number; tiers: Readonly<Record<string, Tier>> } | null
}

/** One class's evening: the engine's load, each subject's items, and the heaviest student. */
export function eveningDetail(input: { classRef: ClassRef; date: IsoDate; assignments: readonly Assignment[]; roster?: Roster; calendar?: SchoolCalendar; rules?: RulesWithBudgets }): EveningDetail {
  const calendar = input.calendar ?? DEFAULT_CALENDAR
  const key = classKey(input.classRef)
  const window = { from: input.date, to: input.date }
  const share = (a: Assignment): number => spreadEvenings(a, window)[0]?.fraction ?? 0
  const mine = input.assignments.filter((a) => classKey(a.classRef) === key && share(a) > 0)
  const load = buildReport({ assignments: mine, ...(input.roster ? { rosters: [input.roster] } : {}), calendar, ...(input.rules ? { rules: input.rules } : {}), from: input.date, to: input.date })[0] ?? null
  const restDay = isRestDay(calendar, input.date)
  const split = input.rules ? budgetsOn(input.rules, input.classRef.grade, input.date, restDay) : null
  const multiplier = rulesForGrade(input.rules ?? resolveRules(NATIONAL_2021), input.classRef.grade).teacherMultiplier
  const subjects: EveningSubject[] = []
  for (const a of mine) {
    let s = subjects.find((x) => x.subject === a.subject)
    if (!s) {
      const average = load?.subjects.find((x) => x.subject === a.subject)?.averageMinutes ?? 0
      subjects.push((s = { subject: a.subject, averageMinutes: average, budgetMinutes: split ? budgetOf(split.budgets, a.subject) : null, assignmentIds: [], items: [] }))
    }
    s.assignmentIds.push(a.id)
    const fraction = share(a)
    for (const item of a.items) s.items.push({ title: item.title, kind: item.kind, where: item.where, tiers: item.tiers, minutes: itemMinutes(item, multiplier) * fraction })
  }
  let heaviest: EveningDetail['heaviest'] = null
  if (load && input.roster && input.roster.students.length > 0) {
    let best = -1
    for (const student of input.roster.students) {
      let minutes = 0
      for (const s of load.subjects) minutes += s.tierMinutes[student.tiers[s.subject] ?? 'core']
      if (minutes > best) {
        best = minutes
        heaviest = { name: student.name, minutes, tiers: student.tiers }
      }
    }
  }
  return { load, subjects, heaviest }
}

// ---- each subject across the grade ----

export interface SubjectDay {
  date: IsoDate
  /** Mean over the grade's classes of the subject's class average (a class without it counts 0). */
  meanMinutes: number
  /** The highest class figure, and which class. */
  maxMinutes: number
  maxClass: ClassRef | null
  budgetMinutes: number | null
  /** Classes whose figure is over the budget. */
  overClasses: number
}

export interface SubjectAcross {
  subject: string
  days: SubjectDay[]
}

/** Per subject and day: the grade's minutes against the subject's budget. */
export function subjectsAcross(map: HeatMap, subjects: readonly string[], rules: RulesWithBudgets | undefined, calendar: SchoolCalendar = DEFAULT_CALENDAR): SubjectAcross[] {
  const classCount = Math.max(1, map.rows.length)
  const byDate = new Map<IsoDate, EveningLoad[]>()
  for (const e of map.evenings) {
    const list = byDate.get(e.date)
    if (list) list.push(e)
    else byDate.set(e.date, [e])
  }
  const grade = map.rows[0]?.classRef.grade
  const seen = new Set(subjects)
  const all = [...subjects]
  for (const e of map.evenings) {
    for (const s of e.subjects) {
      if (seen.has(s.subject)) continue
      all.push(s.subject)
      seen.add(s.subject)
    }
  }
  return all.map((subject) => ({
    subject,
    days: map.dates.map((date): SubjectDay => {
      const restDay = isRestDay(calendar, date)
      const split = rules && grade !== undefined ? budgetsOn(rules, grade, date, restDay) : null
      const budgetMinutes = split ? budgetOf(split.budgets, subject) : null
      let sum = 0
      let max = 0
      let maxClass: ClassRef | null = null
      let over = 0
      for (const e of byDate.get(date) ?? []) {
        const m = e.subjects.find((s) => s.subject === subject)?.averageMinutes ?? 0
        sum += m
        if (m > max) {
          max = m
          maxClass = e.classRef
        }
        if (budgetMinutes !== null && m > budgetMinutes + 1e-6) over++
      }
      return { date, meanMinutes: sum / classCount, maxMinutes: max, maxClass, budgetMinutes, overClasses: over }
    }),
  }))
}

// ---- what needs attention ----

export type AttentionRule = RuleId | 'approval-waiting' | 'approval-returned' | 'grading-open' | 'stop-limit'

export interface AttentionItem {
  rule: AttentionRule
  severity: 'error' | 'warning' | 'info'
  classId: string
  classRef: ClassRef
  date: IsoDate | null
  subject?: string
  /** The figures the rule names (as in a Finding), or a count. */
  figures: Readonly<Record<string, number>>
  assignmentId?: string
  /** The finding this item is, for the engine's rules (its words name the clause). */
  finding?: Finding
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const

/** By how much a finding goes past its limit, in minutes (for ordering). */
function excess(f: Readonly<Record<string, number>>): number {
  const value = f.averageMinutes ?? f.maxStudentMinutes ?? f.count ?? 0
  const limit = f.capMinutes ?? f.budgetMinutes ?? 0
  return value - limit
}

/** The heat map's findings plus other matters (approvals, grading, stops), most serious first, each naming its rule. */
export function attentionList(map: HeatMap, others: readonly AttentionItem[] = []): AttentionItem[] {
  const items: AttentionItem[] = [...others]
  for (const row of map.rows) {
    for (const cell of row.cells) {
      for (const f of cell.findings) {
        items.push({ rule: f.rule, severity: f.severity, classId: row.classId, classRef: row.classRef, date: cell.date, ...(f.subject !== undefined ? { subject: f.subject } : {}), figures: f.figures, finding: f })
      }
    }
  }
  return items.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || excess(b.figures) - excess(a.figures) || (a.date ?? '').localeCompare(b.date ?? '') || a.classRef.className.localeCompare(b.classRef.className, 'zh-CN', { numeric: true }))
}

/** The week of `date` (Monday to Sunday), or the term's dates clipped to whole weeks. */
export function weekRange(date: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = mondayOf(date)
  return { from, to: addDays(from, 6) }
}

export function termRange(term: { startDate: IsoDate; endDate: IsoDate }): { from: IsoDate; to: IsoDate } {
  return { from: mondayOf(term.startDate), to: addDays(mondayOf(term.endDate), 6) }
}

/** The teaching week of a date (1-based) in a term starting on `termStart`; null before the term. */
export function teachingWeek(termStart: IsoDate, date: IsoDate): number | null {
  const n = Math.floor((dayNumber(mondayOf(date)) - dayNumber(mondayOf(termStart))) / 7) + 1
  return n >= 1 ? n : null
}
