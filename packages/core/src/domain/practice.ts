// The four practices across a grade, per teacher and class and week by week (policy.md, "The four
// practices"): 先做 (the share of items with the teacher's own time), 分层 (the share of assignments with
// layers), 全批 (the share of expected notebooks graded), reported against estimated time, and stop
// reports (熔断). Plain counts in, shares out: the desk's table and its trend charts read these.
import { dayNumber, fromDayNumber, mondayOf } from './dates'
import type { IsoDate } from './types'

/** One assignment, reduced to what the practice figures count. */
export interface PracticeAssignment {
  id: string
  classId: string
  teacherId: string
  subject: string
  date: IsoDate
  /** Items, and of them those with the teacher's own time (先做). */
  items: number
  trialItems: number
  /** Some item is not done by every layer (分层). */
  layered: boolean
  /** Has written work to grade, and its evening has passed (全批 counts it). */
  gradable: boolean
  /** Students expected to hand in (the class less 缺交 / 免交), and of them the graded. */
  expected: number
  graded: number
  /** The class average the estimates give, and what the students' reports point to (null: no reports). */
  estimatedMinutes: number
  reportedMinutes: number | null
  stops: number
}

export interface PracticeTotals {
  assignments: number
  items: number
  trialItems: number
  layered: number
  expected: number
  graded: number
  /** Over assignments with reports: the sums of estimated and reported class averages. */
  estimatedWithReports: number
  reported: number
  reportedAssignments: number
  stops: number
  /** Distinct weeks the assignments fall in. */
  weeks: number
}

export interface PracticeShares {
  /** 先做: items with the teacher's own time, of all items (0–1); null without items. */
  trialShare: number | null
  /** 分层: assignments with layers, of all assignments; null without assignments. */
  layeredShare: number | null
  /** 全批: graded notebooks, of those expected; null when nothing was due for grading. */
  gradingShare: number | null
  /** Reported ÷ estimated class average (1 = as estimated); null without reports. */
  reportedRatio: number | null
  /** Stop reports per week. */
  stopsPerWeek: number
}

export function totalsOf(rows: readonly PracticeAssignment[]): PracticeTotals {
  const t: PracticeTotals = { assignments: 0, items: 0, trialItems: 0, layered: 0, expected: 0, graded: 0, estimatedWithReports: 0, reported: 0, reportedAssignments: 0, stops: 0, weeks: 0 }
  const weeks = new Set<IsoDate>()
  for (const a of rows) {
    t.assignments++
    t.items += a.items
    t.trialItems += a.trialItems
    if (a.layered) t.layered++
    if (a.gradable) {
      t.expected += a.expected
      t.graded += Math.min(a.graded, a.expected)
    }
    if (a.reportedMinutes !== null && a.estimatedMinutes > 0) {
      t.estimatedWithReports += a.estimatedMinutes
      t.reported += a.reportedMinutes
      t.reportedAssignments++
    }
    t.stops += a.stops
    weeks.add(mondayOf(a.date))
  }
  t.weeks = weeks.size
  return t
}

export function sharesOf(t: PracticeTotals, weeks = t.weeks): PracticeShares {
  return {
    trialShare: t.items > 0 ? t.trialItems / t.items : null,
    layeredShare: t.assignments > 0 ? t.layered / t.assignments : null,
    gradingShare: t.expected > 0 ? t.graded / t.expected : null,
    reportedRatio: t.reportedAssignments > 0 && t.estimatedWithReports > 0 ? t.reported / t.estimatedWithReports : null,
    stopsPerWeek: weeks > 0 ? t.stops / weeks : 0,
  }
}

export interface PracticeRow {
  teacherId: string
  classId: string
  subject: string
  totals: PracticeTotals
  shares: PracticeShares
}

/** Per teacher, class and subject, in the order first met (the caller sorts by class and subject). */
export function practiceRows(rows: readonly PracticeAssignment[], weeks: number): PracticeRow[] {
  const groups = new Map<string, PracticeAssignment[]>()
  for (const a of rows) {
    const key = `${a.teacherId}\u0000${a.classId}\u0000${a.subject}`
    const list = groups.get(key)
    if (list) list.push(a)
    else groups.set(key, [a])
  }
  return [...groups.values()].map((list) => {
    const totals = totalsOf(list)
    return { teacherId: list[0]!.teacherId, classId: list[0]!.classId, subject: list[0]!.subject, totals, shares: sharesOf(totals, weeks) }
  })
}

export interface PracticeWeek {
  monday: IsoDate
  shares: PracticeShares
}

/** The grade's practice week by week from `from` to `to` (each Monday), empty weeks included: the trend charts. */
export function practiceWeeks(rows: readonly PracticeAssignment[], from: IsoDate, to: IsoDate): PracticeWeek[] {
  const start = dayNumber(mondayOf(from))
  const end = dayNumber(mondayOf(to))
  const byWeek = new Map<number, PracticeAssignment[]>()
  for (const a of rows) {
    const w = dayNumber(mondayOf(a.date))
    const list = byWeek.get(w)
    if (list) list.push(a)
    else byWeek.set(w, [a])
  }
  const out: PracticeWeek[] = []
  for (let w = start; w <= end; w += 7) {
    out.push({ monday: fromDayNumber(w), shares: sharesOf(totalsOf(byWeek.get(w) ?? []), 1) })
  }
  return out
}
