// The evening report: every class's load on every evening that has homework, checked against the rules.
// This is what `npm run report` prints and what the screens show; one engine for both.
import { budgetsOn, type RulesWithBudgets } from './budgets'
import { DEFAULT_CALENDAR, isRestDay, type SchoolCalendar } from './calendar'
import { checkEvening } from './checks'
import { dayNumber, fromDayNumber } from './dates'
import type { Finding } from './findings'
import { addItem, addShare, emptySubjectEvening, eveningFigures, indexRoster, type EveningFigures, type SubjectEvening } from './load'
import { eveningCount, itemMinutes } from './minutes'
import { NATIONAL_2021, resolveRules, rulesForGrade, type EffectiveRules, type ResolvedRules } from './rules/profile'
import { compareClasses } from './order'
import { classKey, type Assignment, type ClassRef, type IsoDate, type Roster } from './types'

export type { SubjectLoad } from './load'

export interface ReportInput {
  assignments: readonly Assignment[]
  /** Class rosters with each student's layer per subject; a class without one counts every student as core. */
  rosters?: readonly Roster[]
  calendar?: SchoolCalendar
  /** Resolved rules (with the grades' own subject budgets, if any); the national profile when absent. */
  rules?: ResolvedRules | RulesWithBudgets
  /** Inclusive date range of evenings to report; all evenings with homework when absent. */
  from?: IsoDate
  to?: IsoDate
}

export interface EveningLoad extends EveningFigures {
  classRef: ClassRef
  date: IsoDate
  restDay: boolean
  /** The cap that applies this evening (the rest-day cap on rest days); null: no cap. */
  capMinutes: number | null
  findings: Finding[]
}

interface ClassAssignments {
  classRef: ClassRef
  assignments: Assignment[]
}

/**
 * Every class's evenings with homework in [from, to], sorted by date, then grade, then class.
 * Cost is linear in items and evenings spread over, plus students × subjects per evening.
 */
export function buildReport(input: ReportInput): EveningLoad[] {
  const rules: RulesWithBudgets = input.rules ?? defaultRules()
  const calendar = input.calendar ?? DEFAULT_CALENDAR
  const fromDay = input.from === undefined ? -Infinity : dayNumber(input.from)
  const toDay = input.to === undefined ? Infinity : dayNumber(input.to)

  const rulesByGrade = new Map<number, EffectiveRules>()
  const rulesOf = (grade: number): EffectiveRules => {
    let r = rulesByGrade.get(grade)
    if (!r) rulesByGrade.set(grade, (r = rulesForGrade(rules, grade)))
    return r
  }

  // First the assignments of each class, then one class at a time: a class's evenings are built, checked
  // and done with before the next class starts, so the working data of a whole school's term is never
  // alive at once (on four times the school, holding it all made the collector, not the engine, set the
  // pace: see scripts/bench/engine.ts).
  const classes = new Map<string, ClassAssignments>()
  const byRef = new Map<ClassRef, ClassAssignments>()
  for (const assignment of input.assignments) {
    // Assignments of one class usually share one ClassRef object: find it by identity before building a key.
    let cls = byRef.get(assignment.classRef)
    if (!cls) {
      const cKey = classKey(assignment.classRef)
      cls = classes.get(cKey)
      if (!cls) classes.set(cKey, (cls = { classRef: assignment.classRef, assignments: [] }))
      byRef.set(assignment.classRef, cls)
    }
    cls.assignments.push(assignment)
  }

  const rosters = new Map<string, Roster>()
  for (const roster of input.rosters ?? []) rosters.set(classKey(roster.classRef), roster)

  // Rank the classes once (grade, then class name in natural order), so that sorting thousands of
  // evenings compares numbers, not collated strings.
  const ordered = [...classes.values()].sort((a, b) => compareClasses(a.classRef, b.classRef))
  // A grade's own budgets (统筹) may differ by weekday: looked up once per grade, weekday and kind of day.
  const budgetCache = new Map<string, ReturnType<typeof budgetsOn>>()
  const budgetsOf = (grade: number, date: string, day: number, restDay: boolean) => {
    if (!rules.gradeBudgets?.[grade]) return undefined
    const key = `${grade}|${restDay ? 'r' : (day + 3) % 7}`
    let found = budgetCache.get(key)
    if (found === undefined && !budgetCache.has(key)) budgetCache.set(key, (found = budgetsOn(rules, grade, date, restDay)))
    return found?.budgets ?? null
  }
  // Evenings by day; the classes come in rank order, so each day's list is already in class order and
  // only the days (a term has about a hundred) are sorted: no sort of every evening of the school.
  const byDay = new Map<number, EveningLoad[]>()
  const whole = emptySubjectEvening('')
  for (const cls of ordered) {
    const levelRules = rulesOf(cls.classRef.grade)
    const multiplier = levelRules.teacherMultiplier
    const days = new Map<number, SubjectEvening[]>()
    for (const assignment of cls.assignments) {
      const first = dayNumber(assignment.date)
      // With a later due date the minutes spread evenly over the evenings up to the day before it is due
      // (spreadEvenings, inlined: this loop runs for every assignment of a term). Only the evenings inside
      // [from, to] are visited, so a far-off due date costs nothing beyond the range asked for.
      const evenings = eveningCount(assignment)
      const start = Math.max(first, fromDay)
      const end = Math.min(first + evenings - 1, toDay)
      if (start > end) continue
      whole.minutes.fill(0)
      for (const item of assignment.items) addItem(whole, item, itemMinutes(item, multiplier))
      for (let day = start; day <= end; day++) {
        let subjects = days.get(day)
        if (!subjects) days.set(day, (subjects = []))
        let subject: SubjectEvening | undefined
        for (const s of subjects) if (s.subject === assignment.subject) subject = s
        if (!subject) subjects.push((subject = emptySubjectEvening(assignment.subject)))
        addShare(subject, whole, 1 / evenings)
      }
    }
    if (days.size === 0) continue
    const roster = rosters.get(classKey(cls.classRef))
    const index = roster ? indexRoster(roster.students) : undefined
    for (const [day, subjects] of days) {
      const date = fromDayNumber(day)
      const restDay = isRestDay(calendar, date)
      const evening = eveningFigures(subjects, index) as EveningLoad
      const { capMinutes, findings } = checkEvening(evening, levelRules, restDay, budgetsOf(cls.classRef.grade, date, day, restDay))
      evening.classRef = cls.classRef
      evening.date = date
      evening.restDay = restDay
      evening.capMinutes = capMinutes
      evening.findings = findings
      const list = byDay.get(day)
      if (list) list.push(evening)
      else byDay.set(day, [evening])
    }
  }
  return [...byDay.keys()].sort((a, b) => a - b).flatMap((day) => byDay.get(day)!)
}

let nationalRules: ResolvedRules | undefined
function defaultRules(): ResolvedRules {
  return (nationalRules ??= resolveRules(NATIONAL_2021))
}
