import { describe, expect, it } from 'vitest'
import { dayType } from '@hl/core/domain/calendar'
import { addDays, isoWeekday, mondayOf } from '@hl/core/domain/dates'
import { hasError } from '@hl/core/domain/findings'
import { buildReport } from '@hl/core/domain/report'
import { demoReportInput, planDemoSchool } from '@/demo/demoPlan'

describe('the demo school plan', () => {
  const today = '2026-11-30'
  const plan = planDemoSchool(today)
  const report = buildReport(demoReportInput(plan))

  it('is the same for the same day, and follows the day', () => {
    expect(planDemoSchool(today)).toEqual(plan)
    const later = planDemoSchool('2027-03-17')
    expect(later.assignments.some((a) => a.date === '2027-03-17')).toBe(true)
    expect(later.setup.term.name).toBe('2026—2027学年第二学期')
  })

  it('has grades 2, 3, 5 and 8, seven classes of 40–50 students with unique names', () => {
    expect(plan.setup.grades.map((g) => g.grade)).toEqual([2, 3, 5, 8])
    expect(plan.classes.map((c) => c.className)).toEqual(['2(1)', '3(1)', '3(2)', '5(1)', '5(2)', '8(1)', '8(2)'])
    for (const c of plan.classes) {
      expect(c.students.length).toBeGreaterThanOrEqual(40)
      expect(c.students.length).toBeLessThanOrEqual(50)
      expect(new Set(c.students.map((s) => s.name)).size).toBe(c.students.length)
      expect(c.students[0]!.number).toBe('01')
    }
  })

  it('puts about 55% in the core layer, 30% extend and 15% challenge in 语文/数学/英语 from grade 3', () => {
    const layered = plan.classes.filter((c) => c.grade >= 3).flatMap((c) => c.students.flatMap((s) => ['语文', '数学', '英语'].map((subject) => s.tiers[subject] ?? 'core')))
    const share = (tier: string) => layered.filter((t) => t === tier).length / layered.length
    expect(share('core')).toBeGreaterThan(0.45)
    expect(share('core')).toBeLessThan(0.65)
    expect(share('extend')).toBeGreaterThan(0.22)
    expect(share('challenge')).toBeGreaterThan(0.08)
    expect(plan.classes.find((c) => c.grade === 2)!.students.every((s) => Object.keys(s.tiers).length === 0)).toBe(true)
  })

  it('has several teachers; the user teaches 数学 in 5(1) and 5(2) and is 班主任 of 5(1)', () => {
    expect(plan.setup.me).toEqual({
      name: '王老师',
      teaching: [
        { grade: 5, className: '5(1)', subject: '数学' },
        { grade: 5, className: '5(2)', subject: '数学' },
      ],
      homeroomOf: { grade: 5, className: '5(1)' },
      gradeLeaderOf: null,
    })
    expect(plan.teachers.length).toBeGreaterThan(10)
    expect(new Set(plan.assignments.map((a) => a.teacherKey)).size).toBeGreaterThan(10)
  })

  it('sets four weeks of homework on school days, with a term and holidays around them', () => {
    const first = addDays(mondayOf(today), -21)
    const dates = new Set(plan.assignments.map((a) => a.date))
    expect([...dates].sort()[0]).toBe(first)
    const calendar = demoReportInput(plan).calendar
    for (const date of dates) if (date !== today) expect(dayType(calendar, date)).toBe('school')
    expect(plan.setup.term.startDate <= first).toBe(true)
    expect(plan.setup.term.endDate >= today).toBe(true)
    expect(plan.setup.calendar.map((d) => d.date)).toContain('2027-01-01')
    expect(plan.assignments.length).toBeGreaterThan(300)
  })

  it('has the calendar a school gets out of the box: 2026 国庆 runs 1–7 October, 20 September and 10 October are school days', () => {
    const calendar = demoReportInput(plan).calendar
    expect(dayType(calendar, '2026-10-07')).toBe('rest')
    expect(dayType(calendar, '2026-09-20')).toBe('school')
    expect(dayType(calendar, '2026-10-10')).toBe('school')
  })

  it('has layered items, 先做 items, reading and oral items, and a Friday assignment due on Monday', () => {
    const items = plan.assignments.flatMap((a) => a.items)
    expect(items.some((i) => !i.tiers.core && i.tiers.challenge && !i.tiers.extend)).toBe(true)
    expect(items.some((i) => !i.tiers.core && i.tiers.extend)).toBe(true)
    expect(items.some((i) => i.minutes === null && i.trialMinutes !== null)).toBe(true)
    expect(items.some((i) => i.kind === 'reading')).toBe(true)
    expect(items.some((i) => i.kind === 'oral')).toBe(true)
    const spread = plan.assignments.filter((a) => a.due !== '')
    expect(spread.length).toBeGreaterThan(0)
    for (const a of spread) {
      expect(isoWeekday(a.date)).toBe(5)
      expect(a.due).toBe(addDays(a.date, 3))
    }
    expect(plan.assignments.some((a) => a.items.some((i) => i.title === '练习册p24-25' || /^练习册p\d+-\d+$/.test(i.title)))).toBe(true)
  })

  it('is mostly within the caps, with some evenings over them and 5(1) over today', () => {
    const over = report.filter((e) => hasError(e.findings))
    expect(over.length).toBeGreaterThan(3)
    expect(over.length / report.length).toBeLessThan(0.2)
    expect(over.some((e) => e.findings.some((f) => f.rule === 'cap') && e.classRef.grade === 8)).toBe(true)
    expect(over.some((e) => e.findings.some((f) => f.rule === 'cap') && e.classRef.grade !== 8)).toBe(true)
    expect(over.some((e) => e.findings.some((f) => f.rule === 'no-written-homework'))).toBe(true)

    const tonight = report.filter((e) => e.date === today)
    const mine = tonight.find((e) => e.classRef.className === plan.overCapToday.className)!
    expect(mine.averageMinutes).toBeGreaterThan(mine.capMinutes!)
    expect(tonight.filter((e) => e !== mine).every((e) => !e.findings.some((f) => f.rule === 'cap'))).toBe(true)
  })

  it.each(['2026-09-05', '2026-10-08', '2027-01-24', '2027-07-25', '2030-05-01'])('plans a school whatever the day (%s), over the cap tonight', (day) => {
    const p = planDemoSchool(day)
    const r = buildReport(demoReportInput(p))
    expect(p.setup.term.startDate <= addDays(mondayOf(day), -21)).toBe(true)
    expect(r.find((e) => e.date === day && e.classRef.className === '5(1)')!.averageMinutes).toBeGreaterThan(60)
  })
})
