import { describe, expect, it } from 'vitest'
import { tierCounts, tierLookup } from '@hl/core/domain/classLayers'

describe('tierCounts', () => {
  const lookup = tierLookup([
    { studentId: 'a', subject: '数学', tier: 'extend' },
    { studentId: 'b', subject: '数学', tier: 'challenge' },
    { studentId: 'a', subject: '语文', tier: 'challenge' },
  ])
  it.each([
    ['数学', { core: 1, extend: 1, challenge: 1 }],
    ['语文', { core: 2, extend: 0, challenge: 1 }],
    ['英语', { core: 3, extend: 0, challenge: 0 }],
  ])('counts the layers of %s, absent rows as core', (subject, expected) => {
    expect(tierCounts(['a', 'b', 'c'], (id) => lookup(id, subject))).toEqual(expected)
  })
  it('counts nobody in an empty class', () => {
    expect(tierCounts([], () => 'extend')).toEqual({ core: 0, extend: 0, challenge: 0 })
  })
})
