// The grade leader's desk: the heat map's figures and levels, one evening opened, each subject across the
// grade, and the attention list's order. Checked against hand calculations.
import { describe, expect, it } from 'vitest'
import { withGradeBudgets } from '@hl/core/domain/budgets'
import { attentionList, buildHeatMap, eveningDetail, heatLevel, subjectsAcross, teachingWeek, termRange, weekRange } from '@hl/core/domain/gradeOverview'
import { resolveRules } from '@hl/core/domain/rules/profile'
import { assignment, cls, item, roster } from './builders'

const MON = '2026-11-23'
const c1 = cls(5, 1)
const c2 = cls(5, 2)
const classes = [
  { id: 'k1', classRef: c1 },
  { id: 'k2', classRef: c2 },
]

describe('the heat map', () => {
  const assignments = [
    assignment(c1, '数学', MON, [item(40)]),
    assignment(c1, '语文', MON, [item(30)]), // 70 > 60: over
    assignment(c2, '数学', MON, [item(50)]), // 50 > 48 (80 %): near
    assignment(c2, '语文', '2026-11-24', [item(20)]), // ok
    // Friday's homework due Monday spreads over Friday, Saturday and Sunday: 10 each.
    assignment(c1, '英语', '2026-11-27', [item(30)], '2026-11-30'),
  ]
  const map = buildHeatMap({ classes, assignments, rosters: [], from: MON, to: '2026-11-29' })

  it('has a row per class and a cell per date, the figure in each', () => {
    expect(map.dates).toHaveLength(7)
    expect(map.rows.map((r) => r.classId)).toEqual(['k1', 'k2'])
    expect(map.rows[0]!.cells.map((c) => c.averageMinutes)).toEqual([70, null, null, null, 10, 10, 10])
    expect(map.rows[1]!.cells.map((c) => c.level)).toEqual(['near', 'ok', 'empty', 'empty', 'empty', 'empty', 'empty'])
    expect(map.rows[0]!.cells[0]!.level).toBe('over')
    expect(map.rows[0]!.cells[5]!.restDay).toBe(true)
    expect(map.weeks).toEqual([{ monday: MON, first: 0, span: 7 }])
  })

  it.each([
    ['no homework', null, 'empty'],
    ['within', { averageMinutes: 30, capMinutes: 60, findings: [] }, 'ok'],
    ['above 80 %', { averageMinutes: 49, capMinutes: 60, findings: [] }, 'near'],
    ['a warning', { averageMinutes: 30, capMinutes: 60, findings: [{ rule: 'subject-budget', severity: 'warning', figures: {}, source: { source: 'x', clause: '', quote: '' } }] }, 'warning'],
    ['an error', { averageMinutes: 70, capMinutes: 60, findings: [{ rule: 'cap', severity: 'error', figures: {}, source: { source: 'x', clause: '', quote: '' } }] }, 'over'],
  ] as const)('level: %s', (_name, load, level) => {
    expect(heatLevel(load as never)).toBe(level)
  })

  it('lists what needs attention, errors first, the largest excess first', () => {
    const list = attentionList(map, [{ rule: 'approval-waiting', severity: 'info', classId: 'k2', classRef: c2, date: null, figures: { count: 2 } }])
    expect(list.map((a) => [a.rule, a.classRef.className, a.date])).toEqual([
      ['cap', '5(1)', MON],
      ['approval-waiting', '5(2)', null],
    ])
  })
})

describe('one evening opened', () => {
  it('names each subject’s items and the heaviest student by their layers', () => {
    const r = roster(c1, { 数学: ['core', 'challenge', 'core'] })
    const detail = eveningDetail({
      classRef: c1,
      date: MON,
      assignments: [assignment(c1, '数学', MON, [item(20), item(15, { tiers: ['challenge'], title: '拓展题' })]), assignment(c1, '语文', MON, [item(25)]), assignment(c2, '语文', MON, [item(99)])],
      roster: r,
    })
    // 数学: core 20, challenge 35 → class average (20 + 35 + 20) / 3 = 25; with 语文 25: 50.
    expect(detail.load?.averageMinutes).toBe(50)
    expect(detail.subjects.map((s) => [s.subject, s.averageMinutes, s.items.length])).toEqual([
      ['数学', 25, 2],
      ['语文', 25, 1],
    ])
    expect(detail.heaviest).toEqual({ name: '学生2', minutes: 60, tiers: { 数学: 'challenge' } })
  })
})

describe('each subject across the grade', () => {
  it('gives the mean over classes, the highest class and the classes over the budget', () => {
    const map = buildHeatMap({ classes, assignments: [assignment(c1, '数学', MON, [item(30)]), assignment(c2, '数学', MON, [item(10)])], rosters: [], from: MON, to: MON })
    const rules = withGradeBudgets(resolveRules(), { 5: [{ subject: '数学', schoolDay: 20, mon: null, tue: null, wed: null, thu: null, fri: null, restDay: null }] })
    const [maths] = subjectsAcross(map, ['数学', '语文'], rules)
    expect(maths!.days[0]).toEqual({ date: MON, meanMinutes: 20, maxMinutes: 30, maxClass: c1, budgetMinutes: 20, overClasses: 1 })
  })
})

describe('weeks and terms', () => {
  it.each([
    ['a Wednesday', '2026-11-25', { from: MON, to: '2026-11-29' }],
    ['a Sunday', '2026-11-29', { from: MON, to: '2026-11-29' }],
  ])('the week of %s', (_n, date, range) => expect(weekRange(date)).toEqual(range))

  it('the term in whole weeks, and a date’s teaching week', () => {
    expect(termRange({ startDate: '2026-09-01', endDate: '2027-01-22' })).toEqual({ from: '2026-08-31', to: '2027-01-24' })
    expect(teachingWeek('2026-09-01', '2026-09-06')).toBe(1)
    expect(teachingWeek('2026-09-01', MON)).toBe(13)
    expect(teachingWeek('2026-09-01', '2026-08-30')).toBeNull()
  })
})
