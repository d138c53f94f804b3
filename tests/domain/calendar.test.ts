import { describe, expect, it } from 'vitest'
import { dayType, DEFAULT_CALENDAR, isRestDay, type SchoolCalendar } from '@hl/core/domain/calendar'

// 2026: National Day holiday Thu 1 Oct – Thu 8 Oct, with make-up school days (调休) on Sun 27 Sep and Sat 10 Oct
// (illustrative overrides: the school enters its own).
const calendar: SchoolCalendar = {
  overrides: { '2026-10-01': 'rest', '2026-10-02': 'rest', '2026-09-27': 'school', '2026-10-10': 'school' },
}

describe('school calendar', () => {
  it.each([
    ['2026-11-23', 'school'], // Monday
    ['2026-11-27', 'school'], // Friday
    ['2026-11-28', 'rest'], // Saturday
    ['2026-11-29', 'rest'], // Sunday
  ])('by default %s is a %s day', (date, type) => {
    expect(dayType(DEFAULT_CALENDAR, date)).toBe(type)
  })

  it.each([
    ['2026-10-01', true], // Thursday holiday
    ['2026-10-02', true], // Friday holiday
    ['2026-09-27', false], // Sunday make-up school day
    ['2026-10-10', false], // Saturday make-up school day
    ['2026-10-09', false], // ordinary Friday
    ['2026-10-11', true], // ordinary Sunday
  ])('with overrides, %s rest day: %s', (date, rest) => {
    expect(isRestDay(calendar, date)).toBe(rest)
  })
})
