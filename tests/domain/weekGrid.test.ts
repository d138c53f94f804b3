import { describe, expect, it } from 'vitest'
import { NATIONAL_2021, resolveRules } from '@hl/core/domain/rules/profile'
import type { Assignment } from '@hl/core/domain/types'
import { buildWeekGrid, gridByDay, shiftWeek, todayFirst, weekStartFor } from '@hl/core/domain/weekGrid'
import { buildWeekTable } from '@hl/core/domain/weekTable'

const classRef = { grade: 4, className: '4(2)' }
const all = ['core', 'extend', 'challenge'] as const
const a = (id: string, subject: string, date: string, minutes: number, extra: Partial<Assignment> = {}): Assignment => ({
  id,
  classRef,
  subject,
  date,
  items: [{ title: `${subject}作业`, kind: 'written', where: 'home', tiers: all, minutes }],
  ...extra,
})

describe('weekStartFor', () => {
  it.each([
    ['2026-11-25', '2026-01-01', '2026-11-23'],
    ['2026-11-29', '2026-01-01', '2026-11-23'],
    [undefined, '2026-11-30', '2026-11-30'],
    ['not a date', '2026-12-02', '2026-11-30'],
    [['2026-11-25'], '2026-12-02', '2026-11-30'],
  ])('?date=%s with today %s → Monday %s', (param, today, monday) => {
    expect(weekStartFor(param, today)).toBe(monday)
  })

  it.each([
    ['2026-11-23', 1, '2026-11-30'],
    ['2026-11-23', -1, '2026-11-16'],
    ['2026-12-28', 1, '2027-01-04'],
  ])('shiftWeek(%s, %i) = %s', (monday, n, expected) => expect(shiftWeek(monday, n)).toBe(expected))
})

describe('buildWeekGrid', () => {
  const rules = resolveRules(NATIONAL_2021)
  const table = buildWeekTable({
    classRef,
    weekOf: '2026-11-25',
    assignments: [a('1', '数学', '2026-11-23', 40), a('2', '语文', '2026-11-23', 30), a('3', '英语', '2026-11-24', 20), a('4', '科学', '2026-11-25', 30, { due: '2026-11-28' })],
    rules,
  })

  it('orders subjects as the school does, then the rest as first seen', () => {
    const grid = buildWeekGrid(table, ['语文', '数学', '英语'])
    expect(grid.rows.map((r) => r.subject)).toEqual(['语文', '数学', '英语', '科学'])
    expect(grid.rows[0]!.cells[0]!.map((e) => e.content)).toEqual(['语文作业'])
    expect(grid.rows[3]!.cells.map((c) => c.length)).toEqual([0, 0, 1, 1, 1, 0, 0])
  })

  it('reads day by day with only the subjects that have homework that day, in the school’s order', () => {
    const days = gridByDay(buildWeekGrid(table, ['语文', '数学', '英语']))
    expect(days.map((d) => d.day.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
    expect(days.map((d) => d.subjects.map((s) => s.subject))).toEqual([['语文', '数学'], ['英语'], ['科学'], ['科学'], ['科学'], [], []])
    expect(days[0]!.subjects[1]!.entries.map((e) => e.minutes)).toEqual([40])
    expect(days[0]!.day.load?.averageMinutes).toBe(70)
  })

  it.each([
    [0, 'error'], // 70 > 60
    [1, 'ok'],
    [2, 'ok'],
    [6, 'empty'],
  ] as const)('day %i is %s', (day, state) => {
    expect(buildWeekGrid(table).days[day]!.state).toBe(state)
  })
})

describe('todayFirst', () => {
  const week = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'].map((date) => ({ date }))
  it.each([
    ['2026-11-25', ['11-25', '11-23', '11-24', '11-26', '11-27', '11-28', '11-29']],
    ['2026-11-23', ['11-23', '11-24', '11-25', '11-26', '11-27', '11-28', '11-29']],
    ['2026-11-29', ['11-29', '11-23', '11-24', '11-25', '11-26', '11-27', '11-28']],
    // Another week: Monday to Sunday.
    ['2026-12-02', ['11-23', '11-24', '11-25', '11-26', '11-27', '11-28', '11-29']],
  ])('today %s reads %j', (today, order) => {
    expect(todayFirst(week, today, (d) => d.date).map((d) => d.date.slice(5))).toEqual(order)
  })
})
