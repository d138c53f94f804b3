// The headless report learns from students' real times too (`npm run report -- --times times.csv`):
// each evening's class average predicted from the estimates corrected by the reports of that class and
// subject from EARLIER dates only, and the calibration of every class and subject from all reports. The
// maths is the app's (./calibration.ts): a report is read against the evening's written take-home
// estimate of that subject — the student's own layer when a roster names them, the class average
// otherwise; a stop is "at least"; a class's few reports lean on the grade's figure for that subject
// (its subject group), which is its prior.
import { calibrate, priorOf, type Calibration, type TimeObservation } from './calibration'
import type { EveningLoad } from './report'
import { zhOrder } from './order'
import { classKey, type ClassRef, type IsoDate, type Roster, type Tier } from './types'

export interface TimeRow {
  date: IsoDate
  classRef: ClassRef
  subject: string
  /** '' when the report does not name the student. */
  student: string
  minutes: number
  stopped: boolean
}

export interface SubjectReports {
  count: number
  stopped: number
}

export interface CalibratedEvening {
  evening: EveningLoad
  /** The class average predicted with the reports of earlier dates; equal to averageMinutes without any. */
  calibratedAverageMinutes: number
  /** Per subject of the evening (by name): the reports of that evening. */
  reports: ReadonlyMap<string, SubjectReports>
}

export interface ClassCalibration {
  grade: number
  className: string
  subject: string
  factor: number
  reports: number
  stopped: number
}

interface Keyed {
  date: IsoDate
  obs: TimeObservation
  stopped: boolean
}

const subjectKey = (ref: ClassRef, subject: string) => `${classKey(ref)}\u0000${subject}`
const groupKey = (grade: number, subject: string) => `${grade}\u0000${subject}`

/** The estimate a report is read against, or undefined when the evening has no such homework. */
export function estimateFor(evening: EveningLoad, subject: string, tier: Tier | undefined): number | undefined {
  const s = evening.subjects.find((x) => x.subject === subject)
  if (!s) return undefined
  return tier ? s.tierMinutes[tier] : s.averageMinutes
}

/** Each report as an observation against its evening; reports of evenings without that homework are left out (the reader refuses them). */
function keyedReports(evenings: readonly EveningLoad[], rows: readonly TimeRow[], rosters: readonly Roster[]): { bySubject: Map<string, Keyed[]>; byGroup: Map<string, Keyed[]> } {
  const eveningOf = new Map(evenings.map((e) => [`${classKey(e.classRef)}|${e.date}`, e]))
  const tierOf = new Map<string, Readonly<Record<string, Tier>>>()
  for (const r of rosters) for (const s of r.students) tierOf.set(`${classKey(r.classRef)}|${s.name}`, s.tiers)
  const bySubject = new Map<string, Keyed[]>()
  const byGroup = new Map<string, Keyed[]>()
  for (const row of rows) {
    const evening = eveningOf.get(`${classKey(row.classRef)}|${row.date}`)
    if (!evening) continue
    const tiers = row.student === '' ? undefined : tierOf.get(`${classKey(row.classRef)}|${row.student}`)
    const tier = tiers ? (Object.hasOwn(tiers, row.subject) ? tiers[row.subject] : undefined) ?? 'core' : undefined
    const estimate = estimateFor(evening, row.subject, tier)
    if (estimate === undefined) continue
    const k: Keyed = { date: row.date, stopped: row.stopped, obs: { kind: row.stopped ? 'stopped' : 'finished', estimatedMinutes: estimate, minutes: row.minutes } }
    const sk = subjectKey(row.classRef, row.subject)
    const gk = groupKey(row.classRef.grade, row.subject)
    bySubject.set(sk, [...(bySubject.get(sk) ?? []), k])
    byGroup.set(gk, [...(byGroup.get(gk) ?? []), k])
  }
  for (const list of [...bySubject.values(), ...byGroup.values()]) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return { bySubject, byGroup }
}

/** A class and subject's calibration from its reports before `before` (all when undefined), leaning on its group's. */
function fit(own: readonly Keyed[], group: readonly Keyed[], before?: IsoDate): Calibration | null {
  const mine = before === undefined ? own : own.filter((k) => k.date < before)
  if (!mine.some((k) => k.obs.estimatedMinutes > 0)) return null
  const theirs = before === undefined ? group : group.filter((k) => k.date < before)
  const prior = calibrate(theirs.map((k) => k.obs))
  return calibrate(
    mine.map((k) => k.obs),
    { prior: priorOf(prior) },
  )
}

export function calibrateEvenings(evenings: readonly EveningLoad[], rows: readonly TimeRow[], rosters: readonly Roster[] = []): { evenings: CalibratedEvening[]; calibration: ClassCalibration[] } {
  const { bySubject, byGroup } = keyedReports(evenings, rows, rosters)
  // Reports of the evening itself, as the JSON's `reports` per subject.
  const todays = new Map<string, SubjectReports>()
  for (const row of rows) {
    const key = `${subjectKey(row.classRef, row.subject)}\u0000${row.date}`
    const r = todays.get(key) ?? { count: 0, stopped: 0 }
    todays.set(key, { count: r.count + 1, stopped: r.stopped + (row.stopped ? 1 : 0) })
  }
  const out = evenings.map((evening): CalibratedEvening => {
    let calibrated = 0
    const reports = new Map<string, SubjectReports>()
    for (const s of evening.subjects) {
      const own = bySubject.get(subjectKey(evening.classRef, s.subject)) ?? []
      const c = own.length ? fit(own, byGroup.get(groupKey(evening.classRef.grade, s.subject)) ?? [], evening.date) : null
      calibrated += s.averageMinutes * (c?.factor ?? 1)
      reports.set(s.subject, todays.get(`${subjectKey(evening.classRef, s.subject)}\u0000${evening.date}`) ?? { count: 0, stopped: 0 })
    }
    return { evening, calibratedAverageMinutes: calibrated, reports }
  })
  const calibration: ClassCalibration[] = []
  const refs = new Map(evenings.map((e) => [classKey(e.classRef), e.classRef]))
  for (const [key, own] of bySubject) {
    const [ck, subject] = key.split('\u0000') as [string, string]
    const ref = refs.get(ck)!
    const c = fit(own, byGroup.get(groupKey(ref.grade, subject)) ?? [])
    if (!c) continue
    calibration.push({ grade: ref.grade, className: ref.className, subject, factor: c.factor, reports: own.length, stopped: own.filter((k) => k.stopped).length })
  }
  calibration.sort((a, b) => a.grade - b.grade || zhOrder.compare(a.className, b.className) || zhOrder.compare(a.subject, b.subject))
  return { evenings: out, calibration }
}
