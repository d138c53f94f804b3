import { describe, expect, it } from 'vitest'
import { itemMinutes, spreadEvenings } from '@hl/core/domain/minutes'
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
