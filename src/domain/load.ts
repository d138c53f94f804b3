// The load of one class on one evening (policy.md, "Written-homework time caps"): "The cap limits the
// average completion time of the class, summed over all subjects for that day … With layered homework
// the class average is the mean over students of the minutes of the layers each student is assigned;
// the app should also show the heaviest layer's total so no group is overloaded."
import { TIERS, type AssignmentItem, type Student, type Tier, type TierMinutes } from './types'

export function zeroTiers(): TierMinutes {
  return { core: 0, extend: 0, challenge: 0 }
}

/** One subject's minutes on one evening, per layer, split the way the caps count them. */
export interface SubjectEvening {
  subject: string
  /** Written work to do at home: what the caps limit. */
  home: TierMinutes
  /** Written work done at school (self-study, after-school service): shown beside the cap. */
  school: TierMinutes
  /** Oral, reading, practical, exercise and chores work, home or school: recorded, counted apart. */
  other: TierMinutes
}

export function emptySubjectEvening(subject: string): SubjectEvening {
  return { subject, home: zeroTiers(), school: zeroTiers(), other: zeroTiers() }
}

/** Adds `minutes` of `item` to the layers that do it, in the bucket the caps count it in. */
export function addItem(target: SubjectEvening, item: Pick<AssignmentItem, 'kind' | 'where' | 'tiers'>, minutes: number): void {
  const bucket = item.kind !== 'written' ? target.other : item.where === 'home' ? target.home : target.school
  for (const tier of item.tiers) bucket[tier] += minutes
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
  averageMinutes: number
  maxStudentMinutes: number
  /** Take-home written minutes per layer, summed over subjects. */
  tierTotals: TierMinutes
  atSchoolMinutes: number
  otherMinutes: number
  subjects: SubjectLoad[]
}

function tierOf(student: Student, subject: string): Tier {
  return student.tiers[subject] ?? 'core'
}

/**
 * Each student's minutes are the sum, over subjects, of the layer that student is in for that subject
 * (core when unassigned); the class average is the mean over students, the heaviest student the maximum.
 * Without a roster every student counts as core.
 */
export function eveningFigures(subjects: readonly SubjectEvening[], students: readonly Student[] | undefined): EveningFigures {
  const tierTotals = zeroTiers()
  for (const s of subjects) for (const t of TIERS) tierTotals[t] += s.home[t]

  if (!students || students.length === 0) {
    let atSchool = 0
    let other = 0
    for (const s of subjects) {
      atSchool += s.school.core
      other += s.other.core
    }
    return {
      studentCount: 0,
      averageMinutes: tierTotals.core,
      maxStudentMinutes: tierTotals.core,
      tierTotals,
      atSchoolMinutes: atSchool,
      otherMinutes: other,
      subjects: subjects.map((s) => ({ subject: s.subject, averageMinutes: s.home.core, tierMinutes: { ...s.home } })),
    }
  }

  const n = students.length
  const subjectSums = new Array<number>(subjects.length).fill(0)
  let homeSum = 0
  let schoolSum = 0
  let otherSum = 0
  let max = 0
  for (const student of students) {
    let mine = 0
    for (let i = 0; i < subjects.length; i++) {
      const s = subjects[i]!
      const tier = tierOf(student, s.subject)
      const m = s.home[tier]
      mine += m
      subjectSums[i]! += m
      schoolSum += s.school[tier]
      otherSum += s.other[tier]
    }
    homeSum += mine
    if (mine > max) max = mine
  }
  return {
    studentCount: n,
    averageMinutes: homeSum / n,
    maxStudentMinutes: max,
    tierTotals,
    atSchoolMinutes: schoolSum / n,
    otherMinutes: otherSum / n,
    subjects: subjects.map((s, i) => ({ subject: s.subject, averageMinutes: subjectSums[i]! / n, tierMinutes: { ...s.home } })),
  }
}
