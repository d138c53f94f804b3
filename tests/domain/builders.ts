// Small builders for engine tests: an assignment is a class, a subject, a date and items.
import type { Assignment, AssignmentItem, ClassRef, Roster, Student, Tier } from '@hl/core/domain/types'

export const ALL: readonly Tier[] = ['core', 'extend', 'challenge']

export function item(minutes: number, over: Partial<AssignmentItem> = {}): AssignmentItem {
  return { title: `练习 ${minutes} 分钟`, kind: 'written', where: 'home', tiers: ALL, minutes, ...over }
}

let next = 0
export function assignment(classRef: ClassRef, subject: string, date: string, items: AssignmentItem[], due?: string): Assignment {
  return { id: `a${++next}`, classRef, subject, date, items, ...(due ? { due } : {}) }
}

export function cls(grade: number, n = 1): ClassRef {
  return { grade, className: `${grade}(${n})` }
}

/** A roster from counts of students per tier in one subject, e.g. { 数学: ['core', 'core', 'challenge'] }. */
export function roster(classRef: ClassRef, tiersBySubject: Record<string, Tier[]>, size?: number): Roster {
  const n = size ?? Math.max(...Object.values(tiersBySubject).map((t) => t.length))
  const students: Student[] = []
  for (let i = 0; i < n; i++) {
    const tiers: Record<string, Tier> = {}
    for (const [subject, list] of Object.entries(tiersBySubject)) {
      const t = list[i]
      if (t) tiers[subject] = t
    }
    students.push({ name: `学生${i + 1}`, tiers })
  }
  return { classRef, students }
}
