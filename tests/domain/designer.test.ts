import { describe, expect, it } from 'vitest'
import type { ItemDraft } from '@hl/core/domain/assignmentDraft'
import { draftTierMinutes, moveItem, spreadSummary } from '@hl/core/domain/designer'

function item(over: Partial<ItemDraft> = {}): ItemDraft {
  return { title: '练习', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 10, trialMinutes: null, ...over }
}

describe('moveItem', () => {
  it.each<[string, number, number, string[]]>([
    ['down one', 0, 1, ['b', 'a', 'c']],
    ['up one', 2, 1, ['a', 'c', 'b']],
    ['to the end', 0, 2, ['b', 'c', 'a']],
    ['past the start', 0, -1, ['a', 'b', 'c']],
    ['past the end', 2, 3, ['a', 'b', 'c']],
    ['onto itself', 1, 1, ['a', 'b', 'c']],
  ])('%s', (_name, from, to, expected) => {
    const list = ['a', 'b', 'c']
    expect(moveItem(list, from, to)).toEqual(expected)
    expect(list).toEqual(['a', 'b', 'c'])
  })
})

describe('draftTierMinutes', () => {
  it.each<[string, ItemDraft[], number, Record<string, number>]>([
    ['typed minutes go to the layers that do the item', [item({ minutes: 10 }), item({ minutes: 15, tiers: { core: false, extend: true, challenge: true } })], 3, { core: 10, extend: 25, challenge: 25 }],
    ['先做 × multiplier when no minutes are typed', [item({ minutes: null, trialMinutes: 8 })], 3, { core: 24, extend: 24, challenge: 24 }],
    ['typed minutes win over 先做', [item({ minutes: 20, trialMinutes: 8 })], 3, { core: 20, extend: 20, challenge: 20 }],
    ['a number still being typed counts nothing', [item({ minutes: Number.NaN })], 3, { core: 0, extend: 0, challenge: 0 }],
  ])('%s', (_name, items, multiplier, expected) => {
    expect(draftTierMinutes(items, multiplier)).toEqual(expected)
  })
})

describe('spreadSummary', () => {
  it.each<[string, string, string, number, { evenings: number; perEvening: number } | null]>([
    ['no due date: one evening', '2026-11-20', '', 30, { evenings: 1, perEvening: 30 }],
    ['Friday to Monday: three evenings', '2026-11-20', '2026-11-23', 30, { evenings: 3, perEvening: 10 }],
    ['rounded to whole minutes', '2026-11-20', '2026-11-23', 40, { evenings: 3, perEvening: 13 }],
    ['a due date before the date counts as none', '2026-11-20', '2026-11-19', 30, { evenings: 1, perEvening: 30 }],
    ['an invalid date gives nothing', '2026-02-30', '', 30, null],
  ])('%s', (_name, date, due, minutes, expected) => {
    const got = spreadSummary(date, due, [item({ minutes })], 3)
    expect(got === null ? null : { evenings: got.evenings, perEvening: got.perEvening }).toEqual(expected)
  })
})
