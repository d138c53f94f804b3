import { describe, expect, it } from 'vitest'
import { resolveRules, NATIONAL_2021 } from '@hl/core/domain/rules/profile'
import { parseCsv } from '@hl/core/formats/csv'
import { planOverCap, planPreview, planTemplate, readPlanForSchool, splitExisting, type PlanSchool, type PlannedAssignment } from '@hl/core/formats/planImport'
import { said } from './said'

const SCHOOL: PlanSchool = {
  classes: [
    { id: 'c41', grade: 4, name: '4(1)' },
    { id: 'c42', grade: 4, name: '4（2）' },
    { id: 'c71', grade: 7, name: '7(1)' },
    { id: 'c51', grade: 5, name: '五年级一班' },
  ],
  subjectsByGrade: new Map([
    [4, ['语文', '数学', '英语']],
    [5, ['语文', '数学']],
    [7, ['语文', '数学', '英语', '历史']],
  ]),
}
const HEAD = '日期,截止,年级,班级,学科,内容,类型,地点,分层,时长,先做时长'
const read = (...rows: string[]) => readPlanForSchool([HEAD, ...rows].join('\n'), 'plan.csv', SCHOOL)
const planned = (...rows: string[]): PlannedAssignment[] => {
  const result = read(...rows)
  if (!result.ok) throw new Error(JSON.stringify(said(result.errors)))
  return result.planned
}

describe('readPlanForSchool', () => {
  it('matches classes by grade and class name (full-width brackets too) and groups rows into assignments', () => {
    const result = read('2026-11-23,,4,4(2),数学,练习册 p23,,,,20,', '2026-11-23,,4,4(2),数学,口算,口头,,,10,', '2026-11-24,2026-11-26,7,7(1),语文,作文,,,基础|提高,,15')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.rowCount).toBe(3)
    expect(result.planned.map((p) => [p.classId, p.assignment.subject, p.assignment.items.length])).toEqual([
      ['c42', '数学', 2],
      ['c71', '语文', 1],
    ])
    // The school's own spelling names the class everywhere after the import.
    expect(result.planned[0]!.assignment.classRef).toEqual({ grade: 4, className: '4（2）' })
    expect(planPreview(result.planned).map((g) => `${g.className} ${g.date}`)).toEqual(['4（2） 2026-11-23', '7(1) 2026-11-24'])
  })

  it.each([
    ['五年级', '五年级一班', 'c51'],
    ['5', '1班', 'c51'],
    ['五年级', '5(1)', 'c51'],
    ['', '五年级一班', 'c51'],
    ['四年级', '4（2）', 'c42'],
    ['4', '四年级二班', 'c42'],
    ['4', '二班', 'c42'],
    ['初一', '7（1）', 'c71'],
    ['七年级', '1班', 'c71'],
  ])('reads grade %j class %j as the school’s class %s', (grade, cls, id) => {
    expect(planned(`2026-11-23,,${grade},${cls},语文,练习,,,,20,`)[0]?.classId).toBe(id)
  })

  it.each([
    ['an unknown class', '2026-11-23,,5,5(9),数学,练习,,,,20,', { line: 2, column: '班级', message: '班级「5(9)」在本校不存在（5 年级没有这个班）' }],
    ['a subject the grade is not taught', '2026-11-23,,5,5(1),英语,练习,,,,20,', { line: 2, column: '学科', message: '本校 5 年级没有学科「英语」；本校 5 年级的学科：语文、数学' }],
    ['a grade the school does not have', '2026-11-23,,高二,11(1),数学,练习,,,,20,', { line: 2, column: '班级', message: '班级「11(1)」在本校不存在（11 年级没有这个班）' }],
    ['a time longer than a day', '2026-11-23,,4,4(1),数学,练习,,,,2000,', { line: 2, column: '时长', message: '「2000」分钟超过一天（1440 分钟），请检查' }],
  ])('reports %s with its line', (_name, row, expected) => {
    const result = read(row)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(said(result.errors)).toContainEqual({ file: 'plan.csv', ...expected })
  })

  it('reports a header-only file', () => {
    const result = read()
    expect(!result.ok && said(result.errors)).toEqual([{ file: 'plan.csv', line: 1, message: '文件只有表头，没有作业行' }])
  })

  it('reports the reader’s errors and the school’s together, in line order', () => {
    const result = read('2026-13-01,,4,4(1),数学,练习,,,,20,', '2026-11-23,,4,4(7),数学,练习,,,,20,', '2026-11-23,,4,4(1),,练习,,,,abc,')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4, 4])
    expect(result.errors[1]).toMatchObject({ code: 'classUnknown', params: { value: '4(7)', grade: 4 } })
  })

  it('handles a large file', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `2026-11-${String(1 + (i % 28)).padStart(2, '0')},,4,4(1),数学,第 ${i} 题,,,,1,`)
    const result = read(...rows)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.rowCount).toBe(5000)
  })
})

describe('splitExisting: importing a file twice adds nothing', () => {
  const plan = () => planned('2026-11-23,,4,4(1),数学,练习册 p23,,,,20,', '2026-11-23,,4,4(1),数学,口算,口头,,,10,', '2026-11-24,,4,4(1),语文,抄写,,,,15,')
  const stored = (classId: string, subject: string, date: string, ...titles: string[]) => ({ classId, subject, date, titles })

  it.each([
    ['nothing stored', [], 3, 0],
    ['the whole file stored', [stored('c41', '数学', '2026-11-23', '练习册 p23', '口算'), stored('c41', '语文', '2026-11-24', '抄写')], 0, 3],
    ['one item stored, spaces aside', [stored('c41', '数学', '2026-11-23', ' 练习册  p23 ')], 2, 1],
    ['the items in another assignment of the same evening and subject', [stored('c41', '数学', '2026-11-23', '口算'), stored('c41', '数学', '2026-11-23', '练习册 p23')], 1, 2],
    ['the same titles in another class', [stored('c42', '数学', '2026-11-23', '练习册 p23', '口算')], 3, 0],
    ['the same titles another day', [stored('c41', '数学', '2026-11-24', '练习册 p23', '口算')], 3, 0],
    ['the same titles in another subject', [stored('c41', '英语', '2026-11-23', '练习册 p23', '口算')], 3, 0],
  ])('with %s: %i items to add, %i already there', (_name, existing, toAdd, already) => {
    const split = splitExisting(plan(), existing)
    expect(split.toAdd.reduce((n, p) => n + p.assignment.items.length, 0)).toBe(toAdd)
    expect(split.existingItems).toBe(already)
  })

  it('keeps the new items of a partly stored assignment, in file order', () => {
    const split = splitExisting(plan(), [stored('c41', '数学', '2026-11-23', '练习册 p23')])
    expect(split.toAdd.map((p) => [p.assignment.subject, p.assignment.items.map((i) => i.title)])).toEqual([
      ['数学', ['口算']],
      ['语文', ['抄写']],
    ])
  })
})

describe('planOverCap', () => {
  const rules = resolveRules(NATIONAL_2021)
  const calendar = { overrides: {} }
  const roster = { classRef: { grade: 4, className: '4(1)' }, students: [{ name: '甲', tiers: {} }, { name: '乙', tiers: {} }] }

  it('names the evenings the plan puts over the cap, counting the homework already there', () => {
    const plan = planned('2026-11-23,,4,4(1),数学,练习,,,,40,', '2026-11-24,,4,4(1),数学,练习,,,,30,')
    const existing = [{ id: 'x', classRef: roster.classRef, subject: '语文', date: '2026-11-23', items: [{ title: '抄写', kind: 'written' as const, where: 'home' as const, tiers: ['core', 'extend', 'challenge'] as const, minutes: 30 }] }]
    const over = planOverCap(plan, [{ classId: 'c41', existing, roster }], rules, calendar)
    expect(over.map((o) => [o.evening.date, o.evening.averageMinutes, o.evening.capMinutes, o.alreadyOver, o.evening.findings.map((f) => f.rule)])).toEqual([['2026-11-23', 70, 60, false, ['cap']]])
  })

  it('says when an evening was over before, and counts spread homework and rest days', () => {
    const plan = planned('2026-11-27,2026-11-30,4,4(1),数学,周末卷,,,,120,')
    const existing = [{ id: 'x', classRef: roster.classRef, subject: '语文', date: '2026-11-28', items: [{ title: '作文', kind: 'written' as const, where: 'home' as const, tiers: ['core', 'extend', 'challenge'] as const, minutes: 61 }] }]
    const over = planOverCap(plan, [{ classId: 'c41', existing, roster }], rules, { overrides: { '2026-11-29': 'school' } })
    expect(over.map((o) => [o.evening.date, o.evening.restDay, o.evening.averageMinutes, o.alreadyOver])).toEqual([['2026-11-28', true, 101, true]])
  })
})

describe('planTemplate', () => {
  it('is a CSV Excel opens as UTF-8 whose example row imports as it is', () => {
    const csv = planTemplate({ date: '2026-11-23', grade: 5, className: '五年级一班', subject: '数学' })
    expect(csv.startsWith('\uFEFF日期,截止,年级,班级,学科,内容,类型,地点,分层,时长,先做时长\r\n')).toBe(true)
    expect(parseCsv(csv).records[1]?.fields).toEqual(['2026-11-23', '', '五年级', '五年级一班', '数学', '练习册第 12 页', '书面', '家庭', '', '20', ''])
    const result = readPlanForSchool(csv, '模板.csv', SCHOOL)
    expect(result.ok && result.planned.map((p) => p.classId)).toEqual(['c51'])
  })
})
