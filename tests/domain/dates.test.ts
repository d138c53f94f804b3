import { describe, expect, it } from 'vitest'
import { addDays, chinaDate, daysBetween, eachDate, isIsoDate, isoWeekday, mondayOf } from '@hl/core/domain/dates'
import { formatDate } from '@hl/core/domain/formatDate'

describe('dates', () => {
  it.each([
    ['2026-11-23', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['26-01-05', false],
    ['', false],
    ['2026-11-23T00:00', false],
  ])('isIsoDate(%s) is %s', (date, ok) => {
    expect(isIsoDate(date)).toBe(ok)
  })

  it.each([
    ['2026-11-23', 1],
    ['2026-11-27', 5],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
    ['1970-01-01', 4],
    ['1969-12-29', 1],
  ])('isoWeekday(%s) is %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday)
  })

  it.each([
    ['2026-11-27', 3, '2026-11-30'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %i) is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected)
  })

  it('counts days and lists them', () => {
    expect(daysBetween('2026-11-27', '2026-11-30')).toBe(3)
    expect(eachDate('2026-11-28', '2026-12-01')).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'])
  })

  it.each([
    ['2026-11-23', '2026-11-23'],
    ['2026-11-29', '2026-11-23'],
    ['2026-11-26', '2026-11-23'],
  ])('mondayOf(%s) is %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday)
  })

  it.each([
    ['2026-11-23T15:59:59Z', '2026-11-23'], // 23:59:59 in Beijing
    ['2026-11-23T16:00:00Z', '2026-11-24'], // midnight in Beijing
    ['2026-11-23T00:00:00Z', '2026-11-23'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
  ])('the instant %s is %s in China', (instant, date) => {
    expect(chinaDate(Date.parse(instant))).toBe(date)
  })

  it('formats dates the Chinese way', () => {
    expect(formatDate('2026-11-23')).toBe('11月23日 周一')
    expect(formatDate('2026-11-29')).toBe('11月29日 周日')
    expect(formatDate('2026-11-23', 'en')).toBe('Mon 23 Nov')
  })
})
