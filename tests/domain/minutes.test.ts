import { describe, expect, it } from 'vitest'
import { eveningCount, itemMinutes, spreadEvenings } from '@hl/core/domain/minutes'
import { buildWeekTable } from '@hl/core/domain/weekTable'
import { buildGauge } from '@hl/core/domain/gauge'
import type { AssignmentItem } from '@hl/core/domain/types'

const item = (over: Partial<AssignmentItem>): AssignmentItem => ({ title: 't', kind: 'written', where: 'home', tiers: ['core', 'extend', 'challenge'], ...over })

describe('item minutes', () => {
  it.each([
    [{ minutes: 20 }, 3, 20],
    [{ minutes: 20, trialMinutes: 5 }, 3, 20], // the teacher's estimate wins over 先做 × multiplier
    [{ trialMinutes: 5 }, 3, 15],
    [{ trialMinutes: 8 }, 2.5, 20],
    [{ minutes: 0 }, 3, 0],
    [{}, 3, 0],
  ])('%o with multiplier %s is %s minutes', (over, multiplier, expected) => {
    expect(itemMinutes(item(over), multiplier)).toBe(expected)
  })
})

describe('spreading over evenings', () => {
  it.each([
    ['2026-11-23', undefined, ['2026-11-23'], 1],
    ['2026-11-23', '2026-11-24', ['2026-11-23'], 1],
    // Friday's homework due Monday is three evenings of a third each.
    ['2026-11-27', '2026-11-30', ['2026-11-27', '2026-11-28', '2026-11-29'], 1 / 3],
    ['2026-11-23', '2026-11-25', ['2026-11-23', '2026-11-24'], 1 / 2],
    // A due date not after the date counts as none (input readers reject it before this).
    ['2026-11-23', '2026-11-23', ['2026-11-23'], 1],
  ])('%s due %s: %o, each %s', (date, due, dates, fraction) => {
    const shares = spreadEvenings({ date, due })
    expect(shares.map((s) => s.date)).toEqual(dates)
    for (const s of shares) expect(s.fraction).toBeCloseTo(fraction, 12)
  })
})

describe('spreading within a window', () => {
  it.each([
    // [date, due, window, dates, indexes]
    ['2026-11-27', '2026-11-30', { from: '2026-11-28', to: '2026-12-05' }, ['2026-11-28', '2026-11-29'], [1, 2]],
    ['2026-11-27', '2026-11-30', { from: '2026-11-20', to: '2026-11-27' }, ['2026-11-27'], [0]],
    ['2026-11-27', '2026-11-30', { from: '2026-12-01', to: '2026-12-07' }, [], []],
    ['2026-11-23', undefined, { from: '2026-11-23', to: '2026-11-23' }, ['2026-11-23'], [0]],
  ])('%s due %s within %o', (date, due, window, dates, indexes) => {
    const shares = spreadEvenings({ date, due }, window)
    expect(shares.map((s) => s.date)).toEqual(dates)
    expect(shares.map((s) => s.index)).toEqual(indexes)
  })

  it.each([
    ['2026-11-23', undefined, 1],
    ['2026-11-27', '2026-11-30', 3],
    ['2026-11-23', '2026-11-23', 1],
    ['2026-03-02', '9999-12-31', 2_912_382],
  ])('%s due %s is %i evenings', (date, due, n) => {
    expect(eveningCount({ date, due })).toBe(n)
  })
})

// A stored due date years away (from an old backup, or typed before the readers refused it) once made
// every screen build millions of shares to show one week: the engine's cost must follow the evenings
// shown. Before the fix these ran for minutes (out of memory); the runner's timeout bounds them now.
describe('a far-off due date costs only the evenings shown', () => {
  const far = Array.from({ length: 40 }, (_, i) => ({
    id: `a${i}`,
    classRef: { grade: 5, className: '5(1)' },
    subject: `科目${i}`,
    date: '2026-03-02',
    due: '9999-12-31',
    items: [{ title: '项目', kind: 'written' as const, where: 'home' as const, tiers: ['core', 'extend', 'challenge'] as const, minutes: 60 }],
  }))

  it('the class week', { timeout: 10_000 }, () => {
    const table = buildWeekTable({ classRef: { grade: 5, className: '5(1)' }, weekOf: '2026-03-09', assignments: far })
    expect(table.days[0]!.entries).toHaveLength(40)
    expect(table.days[0]!.entries[0]!.evening).toEqual({ index: 8, of: 2_912_382, due: '9999-12-31' })
  })

  it('the designer’s gauge', { timeout: 10_000 }, () => {
    const gauge = buildGauge({ classRef: { grade: 5, className: '5(1)' }, date: '2026-03-10', others: far, draft: null })
    expect(gauge.averageMinutes).toBeCloseTo((40 * 60) / 2_912_382, 9)
  })
})
