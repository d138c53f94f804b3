import { describe, expect, it } from 'vitest'
import { lunarHolidaysKnown, statutoryHolidays } from '@hl/core/domain/holidays'
import { defaultTerm, springTermStart, termNameZh } from '@hl/core/domain/schoolTerm'

const dates = (from: string, to: string) => statutoryHolidays(from, to).map((h) => `${h.date} ${h.name}`)

describe('statutoryHolidays', () => {
  it.each([
    ['autumn term 2026', '2026-09-01', '2027-01-20', ['2026-09-25 中秋节', '2026-10-01 国庆节', '2026-10-02 国庆节', '2026-10-03 国庆节', '2027-01-01 元旦']],
    [
      'spring term 2027',
      '2027-02-01',
      '2027-07-10',
      ['2027-02-05 春节', '2027-02-06 春节', '2027-02-07 春节', '2027-02-08 春节', '2027-04-05 清明节', '2027-05-01 劳动节', '2027-05-02 劳动节', '2027-06-09 端午节'],
    ],
    ['2028: 中秋 on 3 October, beside 国庆', '2028-09-30', '2028-10-04', ['2028-10-01 国庆节', '2028-10-02 国庆节', '2028-10-03 中秋节', '2028-10-03 国庆节']],
    ['2028: 除夕 in January', '2028-01-20', '2028-01-31', ['2028-01-25 春节', '2028-01-26 春节', '2028-01-27 春节', '2028-01-28 春节']],
    ['2030 spring', '2030-02-01', '2030-06-30', ['2030-02-02 春节', '2030-02-03 春节', '2030-02-04 春节', '2030-02-05 春节', '2030-04-05 清明节', '2030-05-01 劳动节', '2030-05-02 劳动节', '2030-06-05 端午节']],
    ['2029 autumn', '2029-09-01', '2029-10-31', ['2029-09-22 中秋节', '2029-10-01 国庆节', '2029-10-02 国庆节', '2029-10-03 国庆节']],
    ['a year beyond the table: fixed dates only', '2031-01-01', '2031-12-31', ['2031-01-01 元旦', '2031-05-01 劳动节', '2031-05-02 劳动节', '2031-10-01 国庆节', '2031-10-02 国庆节', '2031-10-03 国庆节']],
    ['a range without holidays', '2026-11-01', '2026-11-30', []],
    ['a single day', '2026-10-02', '2026-10-02', ['2026-10-02 国庆节']],
    ['an inverted range', '2026-10-05', '2026-10-01', []],
    ['not a date', '2026-13-01', '2026-12-31', []],
  ])('%s', (_name, from, to, expected) => {
    expect(dates(from, to)).toEqual(expected)
  })

  it.each([
    ['2026-09-01', '2027-01-20', true],
    ['2030-09-01', '2031-01-20', false],
    ['2025-09-01', '2026-01-20', false],
  ])('lunar holidays known for %s – %s: %s', (from, to, known) => {
    expect(lunarHolidaysKnown(from, to)).toBe(known)
  })
})

describe('defaultTerm', () => {
  it.each([
    ['2026-11-30', 2026, 1, '2026-09-01', '2027-01-20'],
    ['2026-09-01', 2026, 1, '2026-09-01', '2027-01-20'],
    ['2027-01-10', 2026, 1, '2026-09-01', '2027-01-20'],
    // Winter holiday: the next term, starting the Monday at least 13 days after the Spring Festival.
    ['2027-01-25', 2026, 2, '2027-02-22', '2027-07-10'],
    ['2026-03-16', 2025, 2, '2026-03-02', '2026-07-10'],
    ['2028-02-01', 2027, 2, '2028-02-14', '2028-07-10'],
    // Summer holiday: the autumn term to come.
    ['2026-07-20', 2026, 1, '2026-09-01', '2027-01-20'],
    // Beyond the lunar table: about 20 February.
    ['2031-03-01', 2030, 2, '2031-02-24', '2031-07-10'],
  ])('%s → %i half %i, %s – %s', (today, schoolYear, half, startDate, endDate) => {
    expect(defaultTerm(today)).toEqual({ schoolYear, half, startDate, endDate })
  })

  it('names terms the Chinese way', () => {
    expect(termNameZh({ schoolYear: 2026, half: 1 })).toBe('2026—2027学年第一学期')
    expect(termNameZh({ schoolYear: 2026, half: 2 })).toBe('2026—2027学年第二学期')
  })

  it('starts spring terms on a Monday', () => {
    expect(springTermStart(2029)).toBe('2029-02-26')
  })
})
