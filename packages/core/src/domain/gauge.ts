// The live load gauge of the designer: one class's evening across all subjects — the homework already
// stored for it plus the draft being typed — checked by the same engine as every other screen
// (buildReport). Pure and synchronous, so the view can recompute it on every keystroke.
// policy.md: "The cap limits the average completion time of the class, summed over all subjects for that
// day … the app should also show the heaviest layer's total so no group is overloaded."
import { isValidMinutes, tiersOf, type AssignmentDraft, type ItemDraft } from './assignmentDraft'
import { DEFAULT_CALENDAR, isRestDay, type SchoolCalendar } from './calendar'
import { checkEvening } from './checks'
import { isIsoDate } from './dates'
import { hasError, type Finding } from './findings'
import { zeroTiers } from './load'
import { buildReport, type EveningLoad } from './report'
import { NATIONAL_2021, resolveRules, rulesForGrade, type ResolvedRules } from './rules/profile'
import type { Assignment, AssignmentItem, ClassRef, IsoDate, Roster, TierMinutes } from './types'

/** A draft item as the engine sees it; a number still being typed (not a valid time) counts as absent. */
export function toAssignmentItem(item: ItemDraft): AssignmentItem {
  return {
    title: item.title,
    kind: item.kind,
    where: item.where,
    tiers: tiersOf(item.tiers),
    ...(item.minutes !== null && isValidMinutes(item.minutes) ? { minutes: item.minutes } : {}),
    ...(item.trialMinutes !== null && isValidMinutes(item.trialMinutes) ? { trialMinutes: item.trialMinutes } : {}),
  }
}

/** The draft as an assignment of one class, or null while its date is not a valid date yet. */
export function draftAsAssignment(id: string, draft: AssignmentDraft, classRef: ClassRef): Assignment | null {
  if (!isIsoDate(draft.date)) return null
  const due = draft.due !== '' && isIsoDate(draft.due) && draft.due > draft.date ? draft.due : undefined
  return { id, classRef, subject: draft.subject.trim(), date: draft.date, ...(due ? { due } : {}), items: draft.items.map(toAssignmentItem) }
}

export interface GaugeInput {
  classRef: ClassRef
  /** The evening shown. */
  date: IsoDate
  /** The class's stored homework around that evening, without the assignment being edited. */
  others: readonly Assignment[]
  /** The draft for this class (draftAsAssignment), or null. */
  draft: Assignment | null
  roster?: Roster
  calendar?: SchoolCalendar
  rules?: ResolvedRules
}

/** 'over': a rule is broken (an error finding); 'near': above 80 % of the cap; 'noCap': no cap applies. */
export type GaugeStatus = 'ok' | 'near' | 'over' | 'noCap'

export interface GaugeSubject {
  subject: string
  /** Mean over students of this subject's take-home written minutes. */
  averageMinutes: number
  /** True for the subject of the draft (its minutes include the draft's share). */
  mine: boolean
}

export interface Gauge {
  classRef: ClassRef
  date: IsoDate
  restDay: boolean
  /** Students on the class list; 0 when it has none yet (every figure then counts one core-layer student). */
  studentCount: number
  capMinutes: number | null
  averageMinutes: number
  maxStudentMinutes: number
  tierTotals: TierMinutes
  atSchoolMinutes: number
  otherMinutes: number
  /** The draft's own share of the class average this evening. */
  draftAverageMinutes: number
  subjects: GaugeSubject[]
  findings: Finding[]
  status: GaugeStatus
  /** Bar geometry in percent of the bar's width: the average, the heaviest student, the cap mark. */
  averagePercent: number
  maxPercent: number
  capPercent: number | null
}

const NEAR_FRACTION = 0.8

function eveningOf(assignments: readonly Assignment[], input: GaugeInput, rules: ResolvedRules): EveningLoad | undefined {
  if (assignments.length === 0) return undefined
  return buildReport({
    assignments,
    ...(input.roster ? { rosters: [input.roster] } : {}),
    calendar: input.calendar ?? DEFAULT_CALENDAR,
    rules,
    from: input.date,
    to: input.date,
  })[0]
}

export function buildGauge(input: GaugeInput): Gauge {
  const rules = input.rules ?? resolveRules(NATIONAL_2021)
  const calendar = input.calendar ?? DEFAULT_CALENDAR
  const all = input.draft ? [...input.others, input.draft] : [...input.others]
  const evening = eveningOf(all, input, rules)
  const mine = input.draft ? eveningOf([input.draft], input, rules) : undefined

  const restDay = isRestDay(calendar, input.date)
  const levelRules = rulesForGrade(rules, input.classRef.grade)
  // An evening with no homework yet still has a cap to show.
  const capMinutes = evening ? evening.capMinutes : checkEvening(emptyFigures(), levelRules, restDay).capMinutes
  const averageMinutes = evening?.averageMinutes ?? 0
  const maxStudentMinutes = evening?.maxStudentMinutes ?? 0
  const findings = evening?.findings ?? []
  const draftSubject = input.draft?.subject

  const status: GaugeStatus = hasError(findings)
    ? 'over'
    : capMinutes === null
      ? 'noCap'
      : capMinutes > 0 && averageMinutes > capMinutes * NEAR_FRACTION
        ? 'near'
        : 'ok'
  // The bar runs to a quarter past the cap (or to the heaviest figure, if beyond), so the cap mark sits
  // at the same place on every gauge of one level and an overload shows as a bar past the mark.
  const scale = Math.max(capMinutes ? capMinutes * 1.25 : 0, averageMinutes, maxStudentMinutes, 1)
  const pct = (m: number) => Math.min(100, (m / scale) * 100)

  return {
    classRef: input.classRef,
    date: input.date,
    restDay,
    studentCount: input.roster?.students.length ?? 0,
    capMinutes,
    averageMinutes,
    maxStudentMinutes,
    tierTotals: evening?.tierTotals ?? zeroTiers(),
    atSchoolMinutes: evening?.atSchoolMinutes ?? 0,
    otherMinutes: evening?.otherMinutes ?? 0,
    draftAverageMinutes: mine?.averageMinutes ?? 0,
    subjects: (evening?.subjects ?? []).map((s) => ({ subject: s.subject, averageMinutes: s.averageMinutes, mine: s.subject === draftSubject })),
    findings,
    status,
    averagePercent: pct(averageMinutes),
    maxPercent: pct(maxStudentMinutes),
    capPercent: capMinutes === null ? null : pct(capMinutes),
  }
}

function emptyFigures() {
  return { studentCount: 0, averageMinutes: 0, maxStudentMinutes: 0, tierTotals: zeroTiers(), atSchoolMinutes: 0, otherMinutes: 0, subjects: [] }
}
