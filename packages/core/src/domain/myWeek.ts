// 我的作业: a teacher's week, day by day — each assignment they set, what it adds to its class's evening,
// and the evening total of that class across every subject, so a teacher sees at once whether their
// homework lands on an evening that is already full.
//
// policy.md: "The cap limits the average completion time of the class … Only written homework counts
// toward the cap … The cap is on take-home written work … the app should also show the heaviest layer's
// total so no group is overloaded." So an assignment's figures are the engine's (buildReport) for that
// assignment alone: the class average of its written take-home minutes and its heaviest layer, with the
// at-school and not-written minutes counted apart — never a plain sum of every item.
import type { ApprovalState } from './approval'
import type { SchoolCalendar } from './calendar'
import { addDays, daysBetween } from './dates'
import { hasError } from './findings'
import { buildReport, type EveningLoad } from './report'
import type { ResolvedRules } from './rules/profile'
import { compareClasses, zhOrder } from './order'
import { classKey, TIERS, type Assignment, type IsoDate, type Roster } from './types'
import type { DayState } from './weekGrid'

export interface MyWeekAssignment {
  assignment: Assignment
  classId: string
  status: ApprovalState
}

/** One class my assignments touch, with its whole week (every subject's homework) and its students. */
export interface MyWeekClass {
  assignments: readonly Assignment[]
  roster?: Roster
}

/** What one assignment adds to its class's evening (one evening's share when it spreads over several). */
export interface AssignmentLoad {
  /** Mean over the class's students of the assignment's written take-home minutes: what the caps count. */
  averageMinutes: number
  /** Written take-home minutes of the heaviest layer (a student doing every layer's items of it). */
  heaviestLayerMinutes: number
  /** Mean over students of its written minutes done at school (counted apart from the cap). */
  atSchoolMinutes: number
  /** Mean over students of its not-written minutes (oral, reading, …), counted apart from the cap. */
  otherMinutes: number
}

export interface MyWeekEntry {
  assignmentId: string
  classId: string
  grade: number
  className: string
  subject: string
  titles: string[]
  /** On the evening it is set. */
  load: AssignmentLoad
  /** How many evenings it is spread over (1 without a later due date); `load` is one evening's share. */
  evenings: number
  status: ApprovalState
  /** Spread over several evenings until this due date; '' when not. */
  due: IsoDate | ''
  /** The class's evening (the date it is set) across all subjects; null when the class has none counted. */
  evening: { averageMinutes: number; capMinutes: number | null; state: DayState } | null
}

export interface MyWeekDay {
  date: IsoDate
  entries: MyWeekEntry[]
}

export interface MyWeekInput {
  monday: IsoDate
  mine: readonly MyWeekAssignment[]
  /** The classes `mine` touches; an assignment of a class not listed counts every student as core. */
  classes: readonly MyWeekClass[]
  calendar?: SchoolCalendar
  rules: ResolvedRules
}

const NO_LOAD: AssignmentLoad = { averageMinutes: 0, heaviestLayerMinutes: 0, atSchoolMinutes: 0, otherMinutes: 0 }

/** The assignment alone on the evening of its date, through the engine, with the class's roster. */
export function assignmentLoad(assignment: Assignment, roster: Roster | undefined, rules: ResolvedRules, calendar?: SchoolCalendar): AssignmentLoad {
  const [evening] = buildReport({
    assignments: [assignment],
    ...(roster ? { rosters: [roster] } : {}),
    ...(calendar ? { calendar } : {}),
    rules,
    from: assignment.date,
    to: assignment.date,
  })
  if (!evening) return NO_LOAD
  return {
    averageMinutes: evening.averageMinutes,
    heaviestLayerMinutes: Math.max(...TIERS.map((t) => evening.tierTotals[t])),
    atSchoolMinutes: evening.atSchoolMinutes,
    otherMinutes: evening.otherMinutes,
  }
}

function eveningState(load: EveningLoad): DayState {
  return hasError(load.findings) ? 'error' : load.findings.length ? 'warning' : 'ok'
}

export function buildMyWeek(input: MyWeekInput): MyWeekDay[] {
  const { monday, rules, calendar } = input
  const sunday = addDays(monday, 6)
  const rosterOf = new Map<string, Roster>()
  const loadOf = new Map<string, EveningLoad>()
  for (const c of input.classes) {
    if (c.roster) rosterOf.set(classKey(c.roster.classRef), c.roster)
    const loads = buildReport({
      assignments: c.assignments,
      ...(c.roster ? { rosters: [c.roster] } : {}),
      ...(calendar ? { calendar } : {}),
      rules,
      from: monday,
      to: sunday,
    })
    for (const l of loads) loadOf.set(`${classKey(l.classRef)}|${l.date}`, l)
  }

  const days: MyWeekDay[] = Array.from({ length: 7 }, (_, i) => ({ date: addDays(monday, i), entries: [] }))
  for (const { assignment: a, classId, status } of input.mine) {
    const day = days.find((d) => d.date === a.date)
    if (!day) continue
    const evening = loadOf.get(`${classKey(a.classRef)}|${a.date}`)
    day.entries.push({
      assignmentId: a.id,
      classId,
      grade: a.classRef.grade,
      className: a.classRef.className,
      subject: a.subject,
      titles: a.items.map((i) => i.title),
      load: assignmentLoad(a, rosterOf.get(classKey(a.classRef)), rules, calendar),
      evenings: a.due === undefined ? 1 : Math.max(1, daysBetween(a.date, a.due)),
      status,
      due: a.due ?? '',
      evening: evening ? { averageMinutes: evening.averageMinutes, capMinutes: evening.capMinutes, state: eveningState(evening) } : null,
    })
  }
  for (const d of days) d.entries.sort((x, y) => compareClasses(x, y) || zhOrder.compare(x.subject, y.subject))
  return days
}
