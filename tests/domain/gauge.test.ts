import { describe, expect, it } from 'vitest'
import type { AssignmentDraft, ItemDraft } from '@hl/core/domain/assignmentDraft'
import { buildGauge, draftAsAssignment, toAssignmentItem } from '@hl/core/domain/gauge'
import { resolveRules, NATIONAL_2021 } from '@hl/core/domain/rules/profile'
import { assignment, cls, item, roster } from './builders'

const c4 = cls(4) // upper primary: cap 60
const c8 = cls(8) // junior high: cap 90
const c1 = cls(1) // lower primary: no written homework at home
const MON = '2026-11-23'
const SAT = '2026-11-28'

function itemDraft(over: Partial<ItemDraft> = {}): ItemDraft {
  return { title: '练习', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 20, trialMinutes: null, ...over }
}
function draft(items: ItemDraft[], over: Partial<AssignmentDraft> = {}): AssignmentDraft {
  return { subject: '数学', date: MON, due: '', items, ...over }
}

describe('draftAsAssignment', () => {
  it.each<[string, AssignmentDraft, boolean]>([
    ['a valid draft', draft([itemDraft()]), true],
    ['a date being typed', draft([itemDraft()], { date: '2026-11-' }), false],
  ])('%s', (_name, d, present) => {
    expect(draftAsAssignment('x', d, c4) !== null).toBe(present)
  })

  it('drops a due date that is not after the date, and invalid minutes', () => {
    const a = draftAsAssignment('x', draft([itemDraft({ minutes: -3, trialMinutes: 5 })], { due: MON }), c4)!
    expect(a.due).toBeUndefined()
    expect(toAssignmentItem(itemDraft({ minutes: -3, trialMinutes: 5 }))).toEqual({ title: '练习', kind: 'written', where: 'home', tiers: ['core', 'extend', 'challenge'], trialMinutes: 5 })
  })
})

describe('buildGauge', () => {
  const rules = resolveRules(NATIONAL_2021)

  it.each<[string, Parameters<typeof buildGauge>[0], { average: number; cap: number | null; status: string; rules: string[] }]>([
    ['an empty evening still shows its cap', { classRef: c4, date: MON, others: [], draft: null, rules }, { average: 0, cap: 60, status: 'ok', rules: [] }],
    [
      'the draft alone, within the cap',
      { classRef: c4, date: MON, others: [], draft: draftAsAssignment('d', draft([itemDraft({ minutes: 20 })]), c4), rules },
      { average: 20, cap: 60, status: 'ok', rules: [] },
    ],
    [
      'another subject plus the draft, near the cap',
      { classRef: c4, date: MON, others: [assignment(c4, '语文', MON, [item(30)])], draft: draftAsAssignment('d', draft([itemDraft({ minutes: 20 })]), c4), rules },
      { average: 50, cap: 60, status: 'near', rules: [] },
    ],
    [
      'another subject pushes the evening over the cap',
      { classRef: c4, date: MON, others: [assignment(c4, '语文', MON, [item(45)])], draft: draftAsAssignment('d', draft([itemDraft({ minutes: 20 })]), c4), rules },
      { average: 65, cap: 60, status: 'over', rules: ['cap'] },
    ],
    [
      'junior high has 90',
      { classRef: c8, date: MON, others: [assignment(c8, '语文', MON, [item(45)])], draft: draftAsAssignment('d', draft([itemDraft({ minutes: 20 })]), c8), rules },
      { average: 65, cap: 90, status: 'ok', rules: [] },
    ],
    [
      'grade 1: any written homework at home breaks the rule',
      { classRef: c1, date: MON, others: [], draft: draftAsAssignment('d', draft([itemDraft({ minutes: 5 })]), c1), rules },
      { average: 5, cap: 0, status: 'over', rules: ['no-written-homework'] },
    ],
    [
      'a rest day uses the rest-day rule',
      { classRef: c4, date: SAT, others: [], draft: draftAsAssignment('d', draft([itemDraft({ minutes: 70 })], { date: SAT }), c4), rules },
      { average: 70, cap: 60, status: 'over', rules: ['rest-day'] },
    ],
    [
      'at school and not-written minutes do not count toward the cap',
      {
        classRef: c4,
        date: MON,
        others: [],
        draft: draftAsAssignment('d', draft([itemDraft({ minutes: 50, where: 'school' }), itemDraft({ minutes: 40, kind: 'reading' })]), c4),
        rules,
      },
      { average: 0, cap: 60, status: 'ok', rules: [] },
    ],
  ])('%s', (_name, input, expected) => {
    const g = buildGauge(input)
    expect(g.averageMinutes).toBeCloseTo(expected.average)
    expect(g.capMinutes).toBe(expected.cap)
    expect(g.status).toBe(expected.status)
    expect(g.findings.map((f) => f.rule)).toEqual(expected.rules)
  })

  it('shows layers, subjects, the heaviest student and the draft’s share', () => {
    const r = roster(c4, { 数学: ['core', 'core', 'challenge', 'challenge'] })
    const d = draftAsAssignment('d', draft([itemDraft({ minutes: 20 }), itemDraft({ minutes: 30, tiers: { core: false, extend: false, challenge: true } })]), c4)
    const g = buildGauge({ classRef: c4, date: MON, others: [assignment(c4, '语文', MON, [item(15)])], draft: d, roster: r, rules })
    expect(g.tierTotals).toEqual({ core: 35, extend: 35, challenge: 65 })
    expect(g.maxStudentMinutes).toBe(65)
    expect(g.averageMinutes).toBe(50) // (35 + 35 + 65 + 65) / 4
    expect(g.draftAverageMinutes).toBe(35)
    expect(g.subjects).toEqual([
      { subject: '语文', averageMinutes: 15, mine: false },
      { subject: '数学', averageMinutes: 35, mine: true },
    ])
    expect(g.findings.map((f) => f.rule)).toEqual(['cap-heaviest'])
    expect(g.capPercent).toBeCloseTo(80) // the bar runs to 1.25 × the cap
    expect(g.averagePercent).toBeCloseTo((50 / 75) * 100)
  })

  it('counts the share of an earlier assignment spreading into the evening', () => {
    const earlier = assignment(c4, '英语', '2026-11-20', [item(30)], MON) // Fri → Mon: 10 a night
    const fri = buildGauge({ classRef: c4, date: '2026-11-22', others: [earlier], draft: null, rules })
    expect(fri.averageMinutes).toBeCloseTo(10)
  })
})
