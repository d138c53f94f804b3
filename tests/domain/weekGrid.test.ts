import { describe, expect, it } from 'vitest'
import { NATIONAL_2021, resolveRules } from '@hl/core/domain/rules/profile'
import type { Assignment } from '@hl/core/domain/types'
import { buildWeekGrid, shiftWeek, weekStartFor } from '@hl/core/domain/weekGrid'
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

  it.each([
    [0, 'error'], // 70 > 60
    [1, 'ok'],
    [2, 'ok'],
    [6, 'empty'],
  ] as const)('day %i is %s', (day, state) => {
    expect(buildWeekGrid(table).days[day]!.state).toBe(state)
  })
})
