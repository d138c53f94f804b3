// The week table: the model behind the 公示 (publicity) table and the class week view. Per class per
// teaching week, each day's homework with its content, minutes, form and where it is done, and the day's
// totals checked against the rules.
//
// policy.md: "A publicity entry … carries: grade and class, subject, book and pages (content), estimated
// minutes, form (written, oral, …), and whether it is done at school or at home." Layer names are never
// shown to parents, so an entry says only whether every student does it.
import { DEFAULT_CALENDAR, isRestDay, type SchoolCalendar } from './calendar'
import { addDays, dayNumber, mondayOf } from './dates'
import { eveningCount, itemMinutes, spreadEvenings } from './minutes'
import { buildReport, type EveningLoad } from './report'
import { NATIONAL_2021, resolveRules, rulesForGrade, type ResolvedRules } from './rules/profile'
import { classKey, TIERS, type Assignment, type ClassRef, type IsoDate, type ItemKind, type Roster, type Where } from './types'

export interface WeekTableEntry {
  assignmentId: string
  subject: string
  /** 内容: book and pages, as the teacher wrote it. */
  content: string
  kind: ItemKind
  where: Where
  /** This evening's minutes of the item for a typical student (a share, when it spreads over evenings). */
  minutes: number
  /** The item's whole minutes. */
  totalMinutes: number
  /** When the item spreads over several evenings: which one this is (1-based) of how many, and the due date. */
  evening?: { index: number; of: number; due: IsoDate }
  /** Whether every student does it (all layers); a parent-facing table shows "选做" neutrally, never a layer name. */
  everyone: boolean
}

export interface WeekTableDay {
  date: IsoDate
  restDay: boolean
  entries: WeekTableEntry[]
  /** The day's load and findings; null when the class has no homework that evening. */
  load: EveningLoad | null
  /** The cap that applies that day, with or without homework; null: none. */
  capMinutes: number | null
}

export interface WeekTable {
  classRef: ClassRef
  /** Monday of the week. */
  weekStart: IsoDate
  /** Sunday of the week. */
  weekEnd: IsoDate
  days: WeekTableDay[]
  /** Every subject with homework in the week, in first-seen order. */
  subjects: string[]
}

export interface WeekTableInput {
  classRef: ClassRef
  /** Any date in the week wanted. */
  weekOf: IsoDate
  /** May hold other classes' and weeks' assignments: only this class's that touch the week are used. */
  assignments: readonly Assignment[]
  roster?: Roster
  calendar?: SchoolCalendar
  rules?: ResolvedRules
}

export function buildWeekTable(input: WeekTableInput): WeekTable {
  const rules = input.rules ?? resolveRules(NATIONAL_2021)
  const calendar = input.calendar ?? DEFAULT_CALENDAR
  const weekStart = mondayOf(input.weekOf)
  const weekEnd = addDays(weekStart, 6)
  const startDay = dayNumber(weekStart)
  const endDay = dayNumber(weekEnd)
  const key = classKey(input.classRef)

  const assignments = input.assignments.filter((a) => {
    if (classKey(a.classRef) !== key) return false
    const first = dayNumber(a.date)
    const last = a.due === undefined ? first : Math.max(first, dayNumber(a.due) - 1)
    return first <= endDay && last >= startDay
  })

  const loads = buildReport({
    assignments,
    rosters: input.roster ? [input.roster] : [],
    calendar,
    rules,
    from: weekStart,
    to: weekEnd,
  })
  const loadByDate = new Map(loads.map((l) => [l.date, l]))
  const levelRules = rulesForGrade(rules, input.classRef.grade)

  const days: WeekTableDay[] = []
  for (let i = 0; i < 7; i++) {
    const date = addDays(weekStart, i)
    const restDay = isRestDay(calendar, date)
    const load = loadByDate.get(date) ?? null
    const capMinutes = load ? load.capMinutes : !levelRules.homeWrittenAllowed ? 0 : restDay ? levelRules.restDayCap : levelRules.dailyCapMinutes
    days.push({ date, restDay, entries: [], load, capMinutes })
  }

  const subjects: string[] = []
  for (const a of assignments) {
    const multiplier = rulesForGrade(rules, a.classRef.grade).teacherMultiplier
    const of = eveningCount(a)
    for (const { date, fraction, index } of spreadEvenings(a, { from: weekStart, to: weekEnd })) {
      const day = dayNumber(date) - startDay
      const target = days[day]
      if (!target) continue
      if (!subjects.includes(a.subject)) subjects.push(a.subject)
      for (const item of a.items) {
        const totalMinutes = itemMinutes(item, multiplier)
        target.entries.push({
          assignmentId: a.id,
          subject: a.subject,
          content: item.title,
          kind: item.kind,
          where: item.where,
          minutes: totalMinutes * fraction,
          totalMinutes,
          ...(of > 1 && a.due !== undefined ? { evening: { index: index + 1, of, due: a.due } } : {}),
          everyone: TIERS.every((t) => item.tiers.includes(t)),
        })
      }
    }
  }
  return { classRef: input.classRef, weekStart, weekEnd, days, subjects }
}
