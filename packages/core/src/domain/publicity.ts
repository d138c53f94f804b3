// 公示: the weekly publicity table of one class (policy.md: "A publicity entry … carries: grade and class,
// subject, book and pages (content), estimated minutes, form (written, oral, …), and whether it is done at
// school or at home"; 通知 措施9 "建立作业校内公示制度"). Built from the week table (the same engine and
// figures as the class week), for parents: work not done by every student is shown neutrally as 选做,
// never with a layer's name; no student is named anywhere.
import type { ApprovalState } from './approval'
import type { RulesWithBudgets } from './budgets'
import type { SchoolCalendar } from './calendar'
import { hasError } from './findings'
import { teachingWeek } from './gradeOverview'
import type { Assignment, ClassRef, IsoDate, ItemKind, Roster, Where } from './types'
import { buildWeekTable } from './weekTable'

export interface PublicityEntry {
  subject: string
  content: string
  kind: ItemKind
  where: Where
  /** This evening's minutes of the item for a student who does it (a share when it spreads over evenings). */
  minutes: number
  /** Not every student does it: shown as 选做, never by layer. */
  optional: boolean
  /** Spread over several evenings: which one (1-based) of how many. */
  evening?: { index: number; of: number }
}

export interface PublicityDay {
  date: IsoDate
  restDay: boolean
  entries: PublicityEntry[]
  /** The class average of take-home written minutes (what the cap limits); null without homework. */
  averageMinutes: number | null
  capMinutes: number | null
  /** The day breaks a cap (an error finding): marked in words and a symbol, not only a colour. */
  over: boolean
}

export interface PublicityTable {
  schoolName: string
  classRef: ClassRef
  weekStart: IsoDate
  weekEnd: IsoDate
  /** The teaching week in the term; null outside it. */
  teachingWeek: number | null
  /** Who publishes it (the class teacher or grade leader). */
  publishedBy: string
  days: PublicityDay[]
}

/** What a 公示 shows: published homework, and with approval on only what was approved. */
export function isPublishable(state: ApprovalState): boolean {
  return state === 'published' || state === 'approved'
}

export interface PublicityInput {
  schoolName: string
  publishedBy: string
  termStart?: IsoDate
  classRef: ClassRef
  weekOf: IsoDate
  /** The class's publishable assignments touching the week (isPublishable). */
  assignments: readonly Assignment[]
  roster?: Roster
  calendar?: SchoolCalendar
  rules?: RulesWithBudgets
}

export function buildPublicity(input: PublicityInput): PublicityTable {
  const week = buildWeekTable({
    classRef: input.classRef,
    weekOf: input.weekOf,
    assignments: input.assignments,
    ...(input.roster ? { roster: input.roster } : {}),
    ...(input.calendar ? { calendar: input.calendar } : {}),
    ...(input.rules ? { rules: input.rules } : {}),
  })
  return {
    schoolName: input.schoolName,
    classRef: input.classRef,
    weekStart: week.weekStart,
    weekEnd: week.weekEnd,
    teachingWeek: input.termStart ? teachingWeek(input.termStart, week.weekStart) : null,
    publishedBy: input.publishedBy,
    days: week.days.map((d) => ({
      date: d.date,
      restDay: d.restDay,
      entries: d.entries.map((e) => ({
        subject: e.subject,
        content: e.content,
        kind: e.kind,
        where: e.where,
        minutes: e.minutes,
        optional: !e.everyone,
        ...(e.evening ? { evening: { index: e.evening.index, of: e.evening.of } } : {}),
      })),
      averageMinutes: d.load ? d.load.averageMinutes : null,
      capMinutes: d.capMinutes,
      over: d.load ? hasError(d.load.findings) : false,
    })),
  }
}
