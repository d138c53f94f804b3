// Students' real times and stop reports (作业熔断), read against the estimates. A report says how long a
// student's WRITTEN take-home homework of one assignment took (what the caps count; the survey slips
// ask the same): so its estimate is that assignment's written take-home minutes for the student's own
// layer, and a class survey's is the class average of those. The calibration (./calibration.ts) turns
// them into the factor that predicts the class mean.
import { calibrate, priorOf, surveyObservations, type Calibration, type SurveyCounts, type TimeObservation } from './calibration'
import { mondayOf } from './dates'
import { itemMinutes } from './minutes'
import { type AssignmentItem, type IsoDate, type Tier, type TierMinutes } from './types'

/** An assignment's written take-home minutes per layer (the whole assignment, over all its evenings). */
export function writtenHomeMinutes(items: readonly AssignmentItem[], teacherMultiplier: number): TierMinutes {
  const out: TierMinutes = { core: 0, extend: 0, challenge: 0 }
  for (const item of items) {
    if (item.kind !== 'written' || item.where !== 'home') continue
    const m = itemMinutes(item, teacherMultiplier)
    for (const t of item.tiers) out[t] += m
  }
  return out
}

/** The class average of an assignment's written take-home minutes, from each student's layer. */
export function classAverageEstimate(byTier: TierMinutes, studentTiers: readonly Tier[]): number {
  if (studentTiers.length === 0) return byTier.core
  return studentTiers.reduce((s, t) => s + byTier[t], 0) / studentTiers.length
}

export interface StudentReport {
  studentId: string
  tier: Tier
  minutes: number
  stopped: boolean
}

/** One assignment's reports, with what they are read against. */
export interface AssignmentTimes {
  assignmentId: string
  date: IsoDate
  subject: string
  byTier: TierMinutes
  /** Each student's layer in the subject (for the survey's class average). */
  studentTiers: readonly Tier[]
  reports: readonly StudentReport[]
  survey?: SurveyCounts
}

export function observationsOf(a: AssignmentTimes): TimeObservation[] {
  const out: TimeObservation[] = a.reports.map((r) => ({ kind: r.stopped ? 'stopped' : 'finished', estimatedMinutes: a.byTier[r.tier], minutes: r.minutes }))
  if (a.survey) out.push(...surveyObservations(classAverageEstimate(a.byTier, a.studentTiers), a.survey))
  return out
}

export function surveyTotal(s: SurveyCounts | undefined): number {
  return s ? s.upTo30 + s.upTo60 + s.upTo90 + s.over90 : 0
}

export interface CalibrationSummary {
  calibration: Calibration
  /** Teaching weeks (Monday to Sunday) the reports come from. */
  weeks: number
  /** Reports and surveyed students. */
  reports: number
  stopped: number
}

export function summarize(assignments: readonly AssignmentTimes[], prior?: Calibration): CalibrationSummary {
  const obs = assignments.flatMap(observationsOf)
  const calibration = calibrate(obs, prior ? { prior: priorOf(prior) } : {})
  const weeks = new Set(assignments.filter((a) => a.reports.length > 0 || surveyTotal(a.survey) > 0).map((a) => mondayOf(a.date))).size
  return { calibration, weeks, reports: calibration.reports, stopped: calibration.stopped }
}

export interface DesignerCalibration {
  /** 'own': this teacher's reports of this subject and class; 'group': the subject group's (grade and subject). */
  source: 'own' | 'group'
  summary: CalibrationSummary
  /** The factor to apply to new estimates. */
  factor: number
}

/**
 * The calibration the designer shows: the teacher's own (this subject, this class), shrunk toward the
 * subject group's figure when its reports are few; the group's alone when the teacher has none; null
 * when nobody has reported yet.
 */
export function designerCalibration(own: readonly AssignmentTimes[], group: readonly AssignmentTimes[]): DesignerCalibration | null {
  const groupSummary = summarize(group)
  const ownSummary = summarize(own, groupSummary.reports > 0 ? groupSummary.calibration : undefined)
  if (ownSummary.reports > 0) return { source: 'own', summary: ownSummary, factor: ownSummary.calibration.factor }
  if (groupSummary.reports > 0) return { source: 'group', summary: groupSummary, factor: groupSummary.calibration.factor }
  return null
}

/** The estimate of one assignment's evening corrected: minutes × factor, to the nearest minute for the form. */
export function applyFactor(minutes: number, factor: number): number {
  return Math.max(0, Math.round(minutes * factor))
}

export interface ReportedAverage {
  /** The class average estimate. */
  estimated: number
  /** The class mean the reports point to (stops read as "at least"); null when nobody reported. */
  reported: number | null
  reports: number
  stopped: number
}

/**
 * What one assignment's own reports say the class average was. Read through the same censored model
 * (a stop is a lower bound), trusting the reports almost alone (one pseudo-report keeps a set of stops
 * alone finite).
 */
export function reportedAverage(a: AssignmentTimes): ReportedAverage {
  const estimated = classAverageEstimate(a.byTier, a.studentTiers)
  const obs = observationsOf(a)
  const c = calibrate(obs, { priorStrength: 1 })
  return { estimated, reported: c.reports > 0 && estimated > 0 ? estimated * c.factor : null, reports: c.reports, stopped: c.stopped }
}

// ---- stop reports per week (the stop rule's weekly limits) ----

export interface StopReport {
  studentId: string
  subject: string
  date: IsoDate
}

export interface StopCounts {
  /** Stops per subject in the week, in first-seen order. */
  bySubject: { subject: string; stops: number }[]
  total: number
  /** Students past the weekly limits, in the order given (the class list): never ranked. */
  overLimit: { studentId: string; stops: number; limit: number; subject?: string }[]
}

/** A week's stop reports counted per subject, with the students past the stop rule's weekly limits. */
export function countStops(reports: readonly StopReport[], studentOrder: readonly string[], limits: { weekly: number | null; weeklyPerSubject: number | null }): StopCounts {
  const bySubject = new Map<string, number>()
  const perStudent = new Map<string, number>()
  const perStudentSubject = new Map<string, Map<string, number>>()
  for (const r of reports) {
    bySubject.set(r.subject, (bySubject.get(r.subject) ?? 0) + 1)
    perStudent.set(r.studentId, (perStudent.get(r.studentId) ?? 0) + 1)
    const m = perStudentSubject.get(r.studentId) ?? new Map<string, number>()
    m.set(r.subject, (m.get(r.subject) ?? 0) + 1)
    perStudentSubject.set(r.studentId, m)
  }
  const overLimit: StopCounts['overLimit'] = []
  for (const id of studentOrder) {
    const n = perStudent.get(id) ?? 0
    if (limits.weekly !== null && n > limits.weekly) overLimit.push({ studentId: id, stops: n, limit: limits.weekly })
    if (limits.weeklyPerSubject !== null) {
      for (const [subject, k] of perStudentSubject.get(id) ?? []) if (k > limits.weeklyPerSubject) overLimit.push({ studentId: id, stops: k, limit: limits.weeklyPerSubject, subject })
    }
  }
  return { bySubject: [...bySubject].map(([subject, stops]) => ({ subject, stops })), total: reports.length, overLimit }
}


