// The evening report: every class's load on every evening that has homework, checked against the rules.
// This is what `npm run report` prints and what the screens show; one engine for both.
import { DEFAULT_CALENDAR, isRestDay, type SchoolCalendar } from './calendar'
import { checkEvening } from './checks'
import { dayNumber } from './dates'
import type { Finding } from './findings'
import { addItem, emptySubjectEvening, eveningFigures, type EveningFigures, type SubjectEvening } from './load'
import { itemMinutes, spreadEvenings } from './minutes'
import { NATIONAL_2021, resolveRules, rulesForGrade, type EffectiveRules, type ResolvedRules } from './rules/profile'
import { classKey, type Assignment, type ClassRef, type IsoDate, type Roster, type Student } from './types'

export type { SubjectLoad } from './load'

export interface ReportInput {
  assignments: readonly Assignment[]
  /** Class rosters with each student's layer per subject; a class without one counts every student as core. */
  rosters?: readonly Roster[]
  calendar?: SchoolCalendar
  /** Resolved rules; the national profile when absent. */
  rules?: ResolvedRules
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

interface EveningAccumulator {
  classRef: ClassRef
  date: IsoDate
  subjects: SubjectEvening[]
  bySubject: Map<string, SubjectEvening>
}

const classNameOrder = new Intl.Collator('zh-CN', { numeric: true })

/**
 * Every class's evenings with homework in [from, to], sorted by date, then grade, then class.
 * Cost is linear in items × evenings spread over, plus students × subjects per evening.
 */
export function buildReport(input: ReportInput): EveningLoad[] {
  const rules = input.rules ?? defaultRules()
  const calendar = input.calendar ?? DEFAULT_CALENDAR
  const fromDay = input.from === undefined ? -Infinity : dayNumber(input.from)
  const toDay = input.to === undefined ? Infinity : dayNumber(input.to)

  const rulesByGrade = new Map<number, EffectiveRules>()
  const rulesOf = (grade: number): EffectiveRules => {
    let r = rulesByGrade.get(grade)
    if (!r) rulesByGrade.set(grade, (r = rulesForGrade(rules, grade)))
    return r
  }

  const evenings = new Map<string, EveningAccumulator>()
  for (const assignment of input.assignments) {
    const multiplier = rulesOf(assignment.classRef.grade).teacherMultiplier
    // The assignment's whole minutes once, then a share of them on each evening it spreads over.
    const whole = emptySubjectEvening(assignment.subject)
    for (const item of assignment.items) addItem(whole, item, itemMinutes(item, multiplier))
    const cKey = classKey(assignment.classRef)
    for (const { date, fraction } of spreadEvenings(assignment)) {
      const day = dayNumber(date)
      if (day < fromDay || day > toDay) continue
      const key = `${cKey}|${date}`
      let evening = evenings.get(key)
      if (!evening) evenings.set(key, (evening = { classRef: assignment.classRef, date, subjects: [], bySubject: new Map() }))
      let subject = evening.bySubject.get(assignment.subject)
      if (!subject) {
        subject = emptySubjectEvening(assignment.subject)
        evening.bySubject.set(assignment.subject, subject)
        evening.subjects.push(subject)
      }
      addShare(subject, whole, fraction)
    }
  }

  const studentsByClass = new Map<string, readonly Student[]>()
  for (const roster of input.rosters ?? []) studentsByClass.set(classKey(roster.classRef), roster.students)

  const out: EveningLoad[] = []
  for (const evening of evenings.values()) {
    const restDay = isRestDay(calendar, evening.date)
    const figures = eveningFigures(evening.subjects, studentsByClass.get(classKey(evening.classRef)))
    const { capMinutes, findings } = checkEvening(figures, rulesOf(evening.classRef.grade), restDay)
    out.push({ classRef: evening.classRef, date: evening.date, restDay, capMinutes, ...figures, findings })
  }
  return out.sort(compareEvenings)
}

function addShare(target: SubjectEvening, whole: SubjectEvening, fraction: number): void {
  for (const bucket of ['home', 'school', 'other'] as const) {
    const t = target[bucket]
    const w = whole[bucket]
    t.core += w.core * fraction
    t.extend += w.extend * fraction
    t.challenge += w.challenge * fraction
  }
}

function compareEvenings(a: EveningLoad, b: EveningLoad): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  if (a.classRef.grade !== b.classRef.grade) return a.classRef.grade - b.classRef.grade
  return classNameOrder.compare(a.classRef.className, b.classRef.className)
}

let nationalRules: ResolvedRules | undefined
function defaultRules(): ResolvedRules {
  return (nationalRules ??= resolveRules(NATIONAL_2021))
}
