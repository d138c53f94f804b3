import { describe, expect, it } from 'vitest'
import { addItem, emptySubjectEvening, eveningFigures, tierMinutes, type SubjectEvening } from '@hl/core/domain/load'
import type { Student, Tier, TierMinutes } from '@hl/core/domain/types'
import { item } from './builders'

function subject(name: string, home: Partial<TierMinutes>): SubjectEvening {
  const s = emptySubjectEvening(name)
  addItem(s, { kind: 'written', where: 'home', tiers: ['core'] }, home.core ?? 0)
  addItem(s, { kind: 'written', where: 'home', tiers: ['extend'] }, home.extend ?? 0)
  addItem(s, { kind: 'written', where: 'home', tiers: ['challenge'] }, home.challenge ?? 0)
  return s
}
const student = (tiers: Record<string, Tier>): Student => ({ name: 's', tiers })

describe('addItem puts minutes where the caps count them', () => {
  it.each([
    [{ kind: 'written', where: 'home' }, 'home'],
    [{ kind: 'written', where: 'school' }, 'school'],
    [{ kind: 'reading', where: 'home' }, 'other'],
    [{ kind: 'oral', where: 'school' }, 'other'],
    [{ kind: 'chores', where: 'home' }, 'other'],
  ] as const)('%o goes to %s', (over, bucket) => {
    const s = emptySubjectEvening('语文')
    addItem(s, item(10, over), 10)
    expect(tierMinutes(s, bucket)).toEqual({ core: 10, extend: 10, challenge: 10 })
    for (const other of (['home', 'school', 'other'] as const).filter((b) => b !== bucket)) {
      expect(tierMinutes(s, other)).toEqual({ core: 0, extend: 0, challenge: 0 })
    }
  })

  it('adds only to the layers that do the item', () => {
    const s = emptySubjectEvening('数学')
    addItem(s, item(10, { tiers: ['core'] }), 10)
    addItem(s, item(15, { tiers: ['extend', 'challenge'] }), 15)
    addItem(s, item(5, { tiers: ['challenge'] }), 5)
    expect(tierMinutes(s, 'home')).toEqual({ core: 10, extend: 15, challenge: 20 })
  })
})

describe('evening figures', () => {
  const math = subject('数学', { core: 20, extend: 25, challenge: 30 })
  const chinese = subject('语文', { core: 30, extend: 30, challenge: 30 })

  it.each<[string, Student[] | undefined, number, number]>([
    ['no roster: everyone counts as core', undefined, 50, 50],
    ['empty roster: everyone counts as core', [], 50, 50],
    ['all core', [student({}), student({ 数学: 'core' })], 50, 50],
    ['one of two in challenge maths', [student({}), student({ 数学: 'challenge' })], 55, 60],
    ['layers in two subjects', [student({ 数学: 'extend' }), student({ 数学: 'challenge', 语文: 'extend' }), student({})], (55 + 60 + 50) / 3, 60],
    ['a layer in a subject with no homework tonight changes nothing', [student({ 英语: 'challenge' })], 50, 50],
  ])('%s: average %d, heaviest %d', (_, students, average, heaviest) => {
    const f = eveningFigures([math, chinese], students)
    expect(f.averageMinutes).toBeCloseTo(average, 9)
    expect(f.maxStudentMinutes).toBeCloseTo(heaviest, 9)
    expect(f.tierTotals).toEqual({ core: 50, extend: 55, challenge: 60 })
    expect(f.studentCount).toBe(students?.length ?? 0)
  })

  it('averages each subject over the students', () => {
    const f = eveningFigures([math, chinese], [student({}), student({ 数学: 'challenge' })])
    expect(f.subjects).toEqual([
      { subject: '数学', averageMinutes: 25, tierMinutes: { core: 20, extend: 25, challenge: 30 } },
      { subject: '语文', averageMinutes: 30, tierMinutes: { core: 30, extend: 30, challenge: 30 } },
    ])
  })

  it('counts at-school written work and non-written work apart, by each student’s layer', () => {
    const s = emptySubjectEvening('英语')
    addItem(s, item(20, { where: 'school', tiers: ['core'] }), 20)
    addItem(s, item(40, { where: 'school', tiers: ['challenge'] }), 40)
    addItem(s, item(10, { kind: 'oral' }), 10)
    const f = eveningFigures([s], [student({}), student({ 英语: 'challenge' })])
    expect(f.averageMinutes).toBe(0)
    expect(f.atSchoolMinutes).toBe(30)
    expect(f.otherMinutes).toBe(10)
  })
})
