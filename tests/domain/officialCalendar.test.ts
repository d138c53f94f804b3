import { describe, expect, it } from 'vitest'
import { dayType } from '@hl/core/domain/calendar'
import { holidayNote, parseHolidayNote } from '@hl/core/domain/holidays'
import { officialCalendar, publishedYears, unpublishedYears, type ArrangementTable } from '@hl/core/domain/officialCalendar'

const rows = (from: string, to: string, table?: ArrangementTable) => officialCalendar(from, to, table).days.map((d) => `${d.date} ${d.type} ${d.note} ${d.source}`)

describe('officialCalendar: the State Council arrangement where published', () => {
  it.each([
    [
      '2026 国庆: 1–7 October off, 20 September and 10 October are school days',
      '2026-09-14',
      '2026-10-11',
      [
        '2026-09-20 school 国庆节调休上课 official',
        '2026-09-25 rest 中秋节 official',
        '2026-10-01 rest 国庆节 official',
        '2026-10-02 rest 国庆节 official',
        '2026-10-05 rest 国庆节 official',
        '2026-10-06 rest 国庆节 official',
        '2026-10-07 rest 国庆节 official',
        '2026-10-10 school 国庆节调休上课 official',
      ],
    ],
    [
      '2026 春节: 15–23 February off, with 14 and 28 February school days',
      '2026-02-09',
      '2026-03-01',
      [
        '2026-02-14 school 春节调休上课 official',
        '2026-02-16 rest 春节 official',
        '2026-02-17 rest 春节 official',
        '2026-02-18 rest 春节 official',
        '2026-02-19 rest 春节 official',
        '2026-02-20 rest 春节 official',
        '2026-02-23 rest 春节 official',
        '2026-02-28 school 春节调休上课 official',
      ],
    ],
    [
      '2025 国庆 and 中秋 together: 1–8 October, school on 28 September and 11 October',
      '2025-09-22',
      '2025-10-12',
      [
        '2025-09-28 school 国庆节调休上课 official',
        '2025-10-01 rest 国庆节 official',
        '2025-10-02 rest 国庆节 official',
        '2025-10-03 rest 国庆节 official',
        '2025-10-06 rest 中秋节 official',
        '2025-10-07 rest 国庆节 official',
        '2025-10-08 rest 国庆节 official',
        '2025-10-11 school 国庆节调休上课 official',
      ],
    ],
    ['2026 元旦 ends on a Sunday make-up day, 4 January', '2026-01-01', '2026-01-04', ['2026-01-01 rest 元旦 official', '2026-01-02 rest 元旦 official', '2026-01-04 school 元旦调休上课 official']],
    ['a range with no holiday', '2026-11-02', '2026-11-29', []],
    ['an inverted range', '2026-10-07', '2026-10-01', []],
    ['not a date', '2026-13-01', '2026-12-31', []],
  ])('%s', (_name, from, to, expected) => {
    expect(rows(from, to)).toEqual(expected)
  })

  it('makes a make-up Saturday a school day and a bridged weekday a rest day', () => {
    const calendar = { overrides: Object.fromEntries(officialCalendar('2026-09-01', '2026-10-31').days.map((d) => [d.date, d.type])) }
    expect(dayType(calendar, '2026-10-10')).toBe('school') // Saturday
    expect(dayType(calendar, '2026-09-20')).toBe('school') // Sunday
    expect(dayType(calendar, '2026-10-07')).toBe('rest') // Wednesday
    expect(dayType(calendar, '2026-10-08')).toBe('school')
  })
})

describe('officialCalendar: years not yet published fall back to the statutory days', () => {
  // A table that knows 2026 only, so the fallback is tested whatever year chinese-days reaches.
  const only2026: ArrangementTable = {
    holidays: { '2026-10-01': 'National Day,国庆节,3', '2026-10-07': 'National Day,国庆节,3' },
    workdays: { '2026-10-10': 'National Day,国庆节,3' },
  }

  it.each([
    [
      'an autumn term into an unpublished year: 2027 gets 元旦 only',
      '2026-09-28',
      '2027-01-20',
      only2026,
      ['2026-10-01 rest 国庆节 official', '2026-10-07 rest 国庆节 official', '2026-10-10 school 国庆节调休上课 official', '2027-01-01 rest 元旦 statutory'],
      [
        { year: 2026, published: true, lunarKnown: true },
        { year: 2027, published: false, lunarKnown: true },
      ],
    ],
    [
      '2030 (long unpublished) from the real table: statutory days, weekends left out',
      '2030-09-01',
      '2030-10-31',
      undefined,
      ['2030-09-12 rest 中秋节 statutory', '2030-10-01 rest 国庆节 statutory', '2030-10-02 rest 国庆节 statutory', '2030-10-03 rest 国庆节 statutory'],
      [{ year: 2030, published: false, lunarKnown: true }],
    ],
    [
      'beyond the lunar table: the fixed holidays, and the screen is told',
      '2031-04-01',
      '2031-05-31',
      undefined,
      ['2031-05-01 rest 劳动节 statutory', '2031-05-02 rest 劳动节 statutory'],
      [{ year: 2031, published: false, lunarKnown: false }],
    ],
  ])('%s', (_name, from, to, table, expected, years) => {
    const calendar = officialCalendar(from, to, table)
    expect(calendar.days.map((d) => `${d.date} ${d.type} ${d.note} ${d.source}`)).toEqual(expected)
    expect(calendar.years).toEqual(years)
    expect(unpublishedYears(calendar)).toEqual(years.filter((y) => !y.published).map((y) => y.year))
  })

  it('lists the published years of the shipped data, 2025 and 2026 among them', () => {
    const years = publishedYears()
    expect(years).toContain(2025)
    expect(years).toContain(2026)
    expect(years).not.toContain(2030)
    expect(publishedYears(only2026)).toEqual([2026])
  })
})

describe('holiday notes', () => {
  it.each([
    ['nationalDay', 'rest', '国庆节'],
    ['nationalDay', 'school', '国庆节调休上课'],
    ['springFestival', 'school', '春节调休上课'],
  ] as const)('%s on a %s day is stored as %s and read back', (holiday, type, note) => {
    expect(holidayNote(holiday, type)).toBe(note)
    expect(parseHolidayNote(note)).toEqual({ holiday, makeUp: type === 'school' })
  })

  it.each(['运动会', '', '国庆', '国庆节 补课'])('a note of the school’s own (%s) is not a holiday', (note) => {
    expect(parseHolidayNote(note)).toBeNull()
  })
})
