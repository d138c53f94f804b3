// The load of one class on one evening (policy.md, "Written-homework time caps"): "The cap limits the
// average completion time of the class, summed over all subjects for that day … With layered homework
// the class average is the mean over students of the minutes of the layers each student is assigned;
// the app should also show the heaviest layer's total so no group is overloaded."
//
// This is the engine's hot path (a whole school's term is ~300,000 items and ~8,000 class evenings), so
// minutes sit in small flat arrays (plain arrays: V8 allocates them far faster than typed arrays) and a
// roster is indexed once per class, not looked up per student.
import type { AssignmentItem, Student, Tier, TierMinutes } from './types'

/** Where minutes count: written at home (what the caps limit), written at school, everything not written. */
export type Bucket = 'home' | 'school' | 'other'
const BUCKET_OFFSET: Readonly<Record<Bucket, number>> = { home: 0, school: 3, other: 6 }
const TIER_INDEX: Readonly<Record<Tier, number>> = { core: 0, extend: 1, challenge: 2 }

/** One subject's minutes on one evening: per bucket, per layer, in `minutes[bucketOffset + tierIndex]`. */
export interface SubjectEvening {
  subject: string
  minutes: number[]
}

export function emptySubjectEvening(subject: string): SubjectEvening {
  return { subject, minutes: [0, 0, 0, 0, 0, 0, 0, 0, 0] }
}

function bucketOf(item: Pick<AssignmentItem, 'kind' | 'where'>): number {
  return item.kind !== 'written' ? BUCKET_OFFSET.other : item.where === 'home' ? BUCKET_OFFSET.home : BUCKET_OFFSET.school
}

/** Adds `minutes` of `item` to the layers that do it, in the bucket the caps count it in. */
export function addItem(target: SubjectEvening, item: Pick<AssignmentItem, 'kind' | 'where' | 'tiers'>, minutes: number): void {
  const offset = bucketOf(item)
  for (const tier of item.tiers) target.minutes[offset + TIER_INDEX[tier]]! += minutes
}

/** Adds a share (0–1) of `whole` to `target`. */
export function addShare(target: SubjectEvening, whole: SubjectEvening, fraction: number): void {
  const t = target.minutes
  const w = whole.minutes
  for (let i = 0; i < 9; i++) t[i]! += w[i]! * fraction
}

export function tierMinutes(s: SubjectEvening, bucket: Bucket): TierMinutes {
  const o = BUCKET_OFFSET[bucket]
  return { core: s.minutes[o]!, extend: s.minutes[o + 1]!, challenge: s.minutes[o + 2]! }
}

export function zeroTiers(): TierMinutes {
  return { core: 0, extend: 0, challenge: 0 }
}

/** A class's students indexed for the engine: each subject's layer of every student, as 0/1/2. */
export interface RosterIndex {
  size: number
  /** Layer index of each student in a subject; absent subjects are all core. */
  tierBySubject: ReadonlyMap<string, Uint8Array>
}

export function indexRoster(students: readonly Student[]): RosterIndex {
  const tierBySubject = new Map<string, Uint8Array>()
  students.forEach((student, i) => {
    for (const [subject, tier] of Object.entries(student.tiers)) {
      let column = tierBySubject.get(subject)
      if (!column) tierBySubject.set(subject, (column = new Uint8Array(students.length)))
      column[i] = TIER_INDEX[tier]
    }
  })
  return { size: students.length, tierBySubject }
}

export interface SubjectLoad {
  subject: string
  /** Mean over students of this subject's take-home written minutes. */
  averageMinutes: number
  /** This subject's take-home written minutes for a student in each layer. */
  tierMinutes: TierMinutes
}

export interface EveningFigures {
  /** The roster's size; 0 when the class has no roster and every student counts as core. */
  studentCount: number
  /** 平均完成时间: mean over students of take-home written minutes, summed over subjects. What the caps limit. */
  averageMinutes: number
  /** The heaviest student's take-home written minutes. */
  maxStudentMinutes: number
  /** Take-home written minutes per layer, summed over subjects (a student in that layer in every subject). */
  tierTotals: TierMinutes
  /** Mean over students of written minutes done at school. */
  atSchoolMinutes: number
  /** Mean over students of non-written minutes (oral, reading, practice, exercise, chores), home or school. */
  otherMinutes: number
  /** Subjects with any homework this evening (their written take-home minutes may be 0), in first-seen order. */
  subjects: SubjectLoad[]
}

let scratch = new Float64Array(64)

/**
 * Each student's minutes are the sum, over subjects, of the layer that student is in for that subject
 * (core when unassigned); the class average is the mean over students, the heaviest student the maximum.
 * Without a roster (or with an empty one) every student counts as core.
 */
export function eveningFigures(subjects: readonly SubjectEvening[], roster: RosterIndex | readonly Student[] | undefined): EveningFigures {
  const index = roster === undefined ? undefined : 'size' in roster ? roster : indexRoster(roster)
  const tierTotals = zeroTiers()
  for (const s of subjects) {
    tierTotals.core += s.minutes[0]!
    tierTotals.extend += s.minutes[1]!
    tierTotals.challenge += s.minutes[2]!
  }
  const n = index?.size ?? 0
  const out: SubjectLoad[] = []
  let average = 0
  let atSchool = 0
  let other = 0
  let max = 0
  if (n === 0) {
    for (const s of subjects) {
      out.push({ subject: s.subject, averageMinutes: s.minutes[0]!, tierMinutes: tierMinutes(s, 'home') })
      atSchool += s.minutes[3]!
      other += s.minutes[6]!
    }
    average = max = tierTotals.core
  } else {
    if (scratch.length < n) scratch = new Float64Array(n * 2)
    const loads = scratch.fill(0, 0, n)
    for (const s of subjects) {
      const m = s.minutes
      const column = index!.tierBySubject.get(s.subject)
      let home = 0
      if (!column) {
        // Everyone is core in this subject.
        for (let j = 0; j < n; j++) loads[j]! += m[0]!
        home = m[0]! * n
        atSchool += m[3]! * n
        other += m[6]! * n
      } else {
        for (let j = 0; j < n; j++) {
          const t = column[j]!
          loads[j]! += m[t]!
          home += m[t]!
          atSchool += m[3 + t]!
          other += m[6 + t]!
        }
      }
      out.push({ subject: s.subject, averageMinutes: home / n, tierMinutes: tierMinutes(s, 'home') })
      average += home
    }
    for (let j = 0; j < n; j++) if (loads[j]! > max) max = loads[j]!
    average /= n
    atSchool /= n
    other /= n
  }
  return { studentCount: n, averageMinutes: average, maxStudentMinutes: max, tierTotals, atSchoolMinutes: atSchool, otherMinutes: other, subjects: out }
}

