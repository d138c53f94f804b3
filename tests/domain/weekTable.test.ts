import { describe, expect, it } from 'vitest'
import { buildWeekTable } from '@hl/core/domain/weekTable'
import { assignment, cls, item, roster } from './builders'

const g5 = cls(5, 2)

describe('week table (公示)', () => {
  const assignments = [
    assignment(g5, '数学', '2026-11-23', [item(30, { title: '1.五三天天练p23 2.长江作业p20-22页' })]),
    assignment(g5, '语文', '2026-11-23', [item(20, { title: '背诵《观潮》' , kind: 'oral' }), item(25, { title: '练习册p12' })]),
    assignment(g5, '英语', '2026-11-27', [item(45, { title: '周末阅读报' })], '2026-11-30'),
    assignment(g5, '数学', '2026-11-25', [item(15, { title: '拓展题', tiers: ['challenge'] })]),
    assignment(cls(5, 3), '数学', '2026-11-23', [item(50)]), // another class
    assignment(g5, '数学', '2026-11-16', [item(50)]), // another week
  ]
  const table = buildWeekTable({ classRef: g5, weekOf: '2026-11-26', assignments, roster: roster(g5, { 数学: ['core', 'core', 'core', 'challenge'] }) })

  it('covers Monday to Sunday of the week of the given date', () => {
    expect(table.weekStart).toBe('2026-11-23')
    expect(table.weekEnd).toBe('2026-11-29')
    expect(table.days.map((d) => [d.date, d.restDay])).toEqual([
      ['2026-11-23', false],
      ['2026-11-24', false],
      ['2026-11-25', false],
      ['2026-11-26', false],
      ['2026-11-27', false],
      ['2026-11-28', true],
      ['2026-11-29', true],
    ])
    expect(table.subjects).toEqual(['数学', '语文', '英语'])
  })

  it('lists each day’s content, minutes, form and where, and the day’s totals', () => {
    const monday = table.days[0]!
    expect(monday.entries.map((e) => [e.subject, e.content, e.kind, e.where, e.minutes, e.everyone])).toEqual([
      ['数学', '1.五三天天练p23 2.长江作业p20-22页', 'written', 'home', 30, true],
      ['语文', '背诵《观潮》', 'oral', 'home', 20, true],
      ['语文', '练习册p12', 'written', 'home', 25, true],
    ])
    expect(monday.load).toMatchObject({ averageMinutes: 55, otherMinutes: 20, capMinutes: 60, findings: [] })
    expect(table.days[1]).toMatchObject({ entries: [], load: null, capMinutes: 60 })
  })

  it('shows a spread assignment on each of its evenings with its share, and says it is not for everyone without naming a layer', () => {
    const [fri, sat, sun] = [table.days[4]!, table.days[5]!, table.days[6]!]
    for (const day of [fri, sat, sun]) {
      expect(day.entries).toHaveLength(1)
      expect(day.entries[0]).toMatchObject({ content: '周末阅读报', minutes: 15, totalMinutes: 45 })
    }
    expect(sat.entries[0]?.evening).toEqual({ index: 2, of: 3, due: '2026-11-30' })
    const wed = table.days[2]!
    expect(wed.entries[0]).toMatchObject({ content: '拓展题', everyone: false })
    expect(wed.load?.averageMinutes).toBeCloseTo(15 / 4, 9)
    expect(wed.load?.maxStudentMinutes).toBe(15)
  })

  it('gives the cap of a grade 1 class as 0 on days without homework', () => {
    const t = buildWeekTable({ classRef: cls(1), weekOf: '2026-11-23', assignments: [] })
    expect(t.days.map((d) => d.capMinutes)).toEqual([0, 0, 0, 0, 0, 0, 0])
    expect(t.subjects).toEqual([])
  })
})
