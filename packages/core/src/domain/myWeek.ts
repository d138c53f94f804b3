// 我的作业: a teacher's week, day by day — each assignment they set, its minutes, and the evening total
// of its class across every subject (from the report), so a teacher sees at once whether their homework
// lands on an evening that is already full.
import { addDays } from './dates'
import { hasError } from './findings'
import { itemMinutes } from './minutes'
import type { EveningLoad } from './report'
import { rulesForGrade, type ResolvedRules } from './rules/profile'
import { classKey, compareClasses, TIERS, zhOrder, type Assignment, type IsoDate } from './types'
import type { DayState } from './weekGrid'

export interface MyWeekAssignment {
  assignment: Assignment
  classId: string
  status: 'draft' | 'published'
}

export interface MyWeekEntry {
  assignmentId: string
  classId: string
  grade: number
  className: string
  subject: string
  titles: string[]
  /** The heaviest layer's minutes of the whole assignment (all kinds, home and school). */
  minutes: number
  status: 'draft' | 'published'
  /** Spread over several evenings until this due date; '' when not. */
  due: IsoDate | ''
  /** The class's evening (the date it is set) across all subjects; null when the class has none counted. */
  evening: { averageMinutes: number; capMinutes: number | null; state: DayState } | null
}

export interface MyWeekDay {
  date: IsoDate
  entries: MyWeekEntry[]
}

/** The heaviest layer's minutes of an assignment: what a student doing the most of it spends. */
export function assignmentMinutes(assignment: Assignment, teacherMultiplier: number): number {
  return Math.max(...TIERS.map((t) => assignment.items.filter((i) => i.tiers.includes(t)).reduce((sum, i) => sum + itemMinutes(i, teacherMultiplier), 0)))
}

export function buildMyWeek(monday: IsoDate, mine: readonly MyWeekAssignment[], loads: readonly EveningLoad[], rules: ResolvedRules): MyWeekDay[] {
  const loadOf = new Map(loads.map((l) => [`${classKey(l.classRef)}|${l.date}`, l]))
  const days: MyWeekDay[] = Array.from({ length: 7 }, (_, i) => ({ date: addDays(monday, i), entries: [] }))
  for (const { assignment: a, classId, status } of mine) {
    const day = days.find((d) => d.date === a.date)
    if (!day) continue
    const load = loadOf.get(`${classKey(a.classRef)}|${a.date}`)
    day.entries.push({
      assignmentId: a.id,
      classId,
      grade: a.classRef.grade,
      className: a.classRef.className,
      subject: a.subject,
      titles: a.items.map((i) => i.title),
      minutes: assignmentMinutes(a, rulesForGrade(rules, a.classRef.grade).teacherMultiplier),
      status,
      due: a.due ?? '',
      evening: load
        ? { averageMinutes: load.averageMinutes, capMinutes: load.capMinutes, state: hasError(load.findings) ? 'error' : load.findings.length ? 'warning' : 'ok' }
        : null,
    })
  }
  for (const d of days) d.entries.sort((x, y) => compareClasses(x, y) || zhOrder.compare(x.subject, y.subject))
  return days
}
