// Invariants of the engine that must hold whatever the homework: fast-check explores the inputs.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eachDate } from '@hl/core/domain/dates'
import { spreadEvenings } from '@hl/core/domain/minutes'
import { buildReport } from '@hl/core/domain/report'
import { TIERS, type Assignment, type AssignmentItem, type Roster, type Tier } from '@hl/core/domain/types'

const SUBJECTS = ['语文', '数学', '英语', '科学']
const DATES = eachDate('2026-11-20', '2026-12-06')
const CLASS = { grade: 7, className: '7(1)' }

const tiers = fc.subarray([...TIERS], { minLength: 1 }) as fc.Arbitrary<Tier[]>
const itemArb: fc.Arbitrary<AssignmentItem> = fc.record({
  title: fc.constant('练习'),
  kind: fc.constantFrom('written', 'written', 'written', 'oral', 'reading'),
  where: fc.constantFrom('home', 'home', 'school'),
  tiers,
  minutes: fc.integer({ min: 0, max: 90 }),
})
const assignmentArb: fc.Arbitrary<Assignment> = fc.record({
  id: fc.uuid(),
  classRef: fc.constant(CLASS),
  subject: fc.constantFrom(...SUBJECTS),
  date: fc.constantFrom(...DATES),
  spread: fc.integer({ min: 0, max: 4 }),
  items: fc.array(itemArb, { minLength: 1, maxLength: 4 }),
}).map(({ spread, ...a }): Assignment => {
  const due = DATES[Math.min(DATES.indexOf(a.date) + spread, DATES.length - 1)]!
  return spread > 1 && due !== a.date ? { ...a, due } : a
})
const rosterArb: fc.Arbitrary<Roster> = fc
  .array(fc.record(Object.fromEntries(SUBJECTS.map((s) => [s, fc.constantFrom<Tier>(...TIERS)]))), { minLength: 1, maxLength: 12 })
  .map((rows) => ({ classRef: CLASS, students: rows.map((tiers, i) => ({ name: `s${i}`, tiers })) }))

function studentLoads(assignments: Assignment[], roster: Roster): Map<string, number[]> {
  // Each student's minutes per evening, recomputed the slow way: sum of the items their layer does.
  const out = new Map<string, number[]>()
  for (const a of assignments) {
    for (const { date, fraction } of spreadEvenings(a)) {
      const row = out.get(date) ?? roster.students.map(() => 0)
      roster.students.forEach((s, i) => {
        const tier = s.tiers[a.subject] ?? 'core'
        for (const it of a.items) if (it.kind === 'written' && it.where === 'home' && it.tiers.includes(tier)) row[i]! += (it.minutes ?? 0) * fraction
      })
      out.set(date, row)
    }
  }
  return out
}

describe('engine properties', () => {
  it('the class average never exceeds the heaviest student', () => {
    fc.assert(
      fc.property(fc.array(assignmentArb, { maxLength: 12 }), fc.option(rosterArb, { nil: undefined }), (assignments, roster) => {
        for (const e of buildReport({ assignments, rosters: roster ? [roster] : [] })) {
          if (e.averageMinutes > e.maxStudentMinutes + 1e-9) return false
          // nobody carries more than the heaviest layer of every subject at once
          const ceiling = e.subjects.reduce((sum, s) => sum + Math.max(s.tierMinutes.core, s.tierMinutes.extend, s.tierMinutes.challenge), 0)
          if (e.maxStudentMinutes > ceiling + 1e-9) return false
        }
        return true
      }),
    )
  })

  it('spreading preserves the total minutes', () => {
    fc.assert(
      fc.property(fc.array(assignmentArb, { maxLength: 12 }), (assignments) => {
        const total = buildReport({ assignments }).reduce((sum, e) => sum + e.averageMinutes + e.atSchoolMinutes + e.otherMinutes, 0)
        const expected = assignments.reduce((sum, a) => sum + a.items.filter((i) => i.tiers.includes('core')).reduce((s, i) => s + (i.minutes ?? 0), 0), 0)
        return Math.abs(total - expected) < 1e-6
      }),
    )
  })

  it('each student’s load is the sum of the items of their layers, and the average is its mean', () => {
    fc.assert(
      fc.property(fc.array(assignmentArb, { maxLength: 10 }), rosterArb, (assignments, roster) => {
        const slow = studentLoads(assignments, roster)
        for (const e of buildReport({ assignments, rosters: [roster] })) {
          const loads = slow.get(e.date) ?? roster.students.map(() => 0)
          const mean = loads.reduce((a, b) => a + b, 0) / loads.length
          expect(e.averageMinutes).toBeCloseTo(mean, 6)
          expect(e.maxStudentMinutes).toBeCloseTo(Math.max(...loads), 6)
        }
      }),
    )
  })

  it('adding an item never lowers any student’s load, as the engine computes it', () => {
    // Each student's load read from the engine itself: a report over a roster of that one student gives
    // their minutes as its heaviest (and only) student.
    const engineLoads = (assignments: Assignment[], roster: Roster): Map<string, number[]> => {
      const out = new Map<string, number[]>()
      roster.students.forEach((student, i) => {
        for (const e of buildReport({ assignments, rosters: [{ classRef: roster.classRef, students: [student] }] })) {
          const row = out.get(e.date) ?? roster.students.map(() => 0)
          row[i] = e.maxStudentMinutes
          out.set(e.date, row)
        }
      })
      return out
    }
    fc.assert(
      fc.property(fc.array(assignmentArb, { minLength: 1, maxLength: 8 }), rosterArb, itemArb, fc.nat(), (assignments, roster, extra, k) => {
        const i = k % assignments.length
        const more = assignments.map((a, j) => (j === i ? { ...a, items: [...a.items, extra] } : a))
        const before = engineLoads(assignments, roster)
        const after = engineLoads(more, roster)
        for (const [date, loads] of before) {
          const next = after.get(date)
          expect(next, date).toBeDefined()
          loads.forEach((m, s) => expect(next![s]!).toBeGreaterThanOrEqual(m - 1e-9))
        }
        // and the class's own figures never go down either
        const byDate = new Map(buildReport({ assignments, rosters: [roster] }).map((e) => [e.date, e]))
        for (const e of buildReport({ assignments: more, rosters: [roster] })) {
          const old = byDate.get(e.date)
          if (!old) continue
          expect(e.averageMinutes).toBeGreaterThanOrEqual(old.averageMinutes - 1e-9)
          expect(e.maxStudentMinutes).toBeGreaterThanOrEqual(old.maxStudentMinutes - 1e-9)
        }
      }),
      { numRuns: 60 },
    )
  })
})
