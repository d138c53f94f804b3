import { describe, expect, it } from 'vitest'
import { applyFactor, classAverageEstimate, countStops, designerCalibration, observationsOf, reportedAverage, writtenHomeMinutes, type AssignmentTimes } from '@hl/core/domain/realTimes'
import type { AssignmentItem, Tier } from '@hl/core/domain/types'

const written = (minutes: number, tiers: Tier[] = ['core', 'extend', 'challenge'], extra: Partial<AssignmentItem> = {}): AssignmentItem => ({ title: 't', kind: 'written', where: 'home', tiers, minutes, ...extra })

describe('what a report is read against', () => {
  it('the written take-home minutes of the student’s own layer; oral and at-school work apart; 先做 × the multiplier', () => {
    const byTier = writtenHomeMinutes(
      [written(20), written(10, ['extend']), written(15, ['core'], { kind: 'oral' }), written(30, ['core'], { where: 'school' }), { title: 'x', kind: 'written', where: 'home', tiers: ['challenge'], trialMinutes: 4 }],
      3,
    )
    expect(byTier).toEqual({ core: 20, extend: 30, challenge: 32 })
    expect(classAverageEstimate(byTier, ['core', 'core', 'extend', 'challenge'])).toBe(25.5)
    expect(classAverageEstimate(byTier, [])).toBe(20)
  })

  it('a survey is read against the class average, each report against its student’s layer', () => {
    const a: AssignmentTimes = {
      assignmentId: 'a',
      date: '2026-11-23',
      subject: '数学',
      byTier: { core: 20, extend: 30, challenge: 30 },
      studentTiers: ['core', 'extend'],
      reports: [{ studentId: 's2', tier: 'extend', minutes: 50, stopped: true }],
      survey: { upTo30: 3, upTo60: 1, upTo90: 0, over90: 0 },
    }
    expect(observationsOf(a)).toEqual([
      { kind: 'stopped', estimatedMinutes: 30, minutes: 50 },
      { kind: 'band', estimatedMinutes: 25, from: 0, to: 30, count: 3 },
      { kind: 'band', estimatedMinutes: 25, from: 30, to: 60, count: 1 },
    ])
  })
})

const week = (date: string, minutes: number[], stops: number[] = []): AssignmentTimes => ({
  assignmentId: date,
  date,
  subject: '数学',
  byTier: { core: 20, extend: 20, challenge: 20 },
  studentTiers: [],
  reports: [...minutes.map((m, i) => ({ studentId: `s${i}`, tier: 'core' as const, minutes: m, stopped: false })), ...stops.map((m, i) => ({ studentId: `t${i}`, tier: 'core' as const, minutes: m, stopped: true }))],
})

describe('the designer’s calibration', () => {
  it('is the teacher’s own when there are reports, counting weeks and reports', () => {
    const own = [week('2026-11-23', Array(40).fill(25)), week('2026-11-30', Array(40).fill(25), [40, 40])]
    const c = designerCalibration(own, own)!
    expect(c.source).toBe('own')
    expect(c.summary.weeks).toBe(2)
    expect(c.summary.reports).toBe(82)
    expect(c.summary.stopped).toBe(2)
    expect(c.factor).toBeGreaterThan(1.2)
    expect(c.factor).toBeLessThan(1.45)
  })

  it('falls back to the subject group’s figure when the teacher has none', () => {
    const c = designerCalibration([], [week('2026-11-23', Array(30).fill(30))])!
    expect(c.source).toBe('group')
    expect(c.factor).toBeGreaterThan(1.3)
  })

  it('is null when nobody reported', () => {
    expect(designerCalibration([], [])).toBeNull()
  })

  it.each([
    [20, 1.25, 25],
    [30, 0.8, 24],
    [7, 1.3, 9],
  ])('applies %d × %d → %d minutes', (m, f, out) => {
    expect(applyFactor(m, f)).toBe(out)
  })
})

describe('one assignment’s reported average', () => {
  it('reads stops as "at least": above the plain mean of the numbers reported', () => {
    const a = week('2026-11-23', [20, 22, 25, 30], [45, 45])
    const r = reportedAverage(a)
    expect(r.reports).toBe(6)
    expect(r.stopped).toBe(2)
    expect(r.reported!).toBeGreaterThan((20 + 22 + 25 + 30 + 45 + 45) / 6)
  })

  it('is null without reports', () => {
    expect(reportedAverage(week('2026-11-23', [])).reported).toBeNull()
  })
})

describe('stop reports per week', () => {
  const reports = [
    { studentId: 's2', subject: '数学', date: '2026-11-23' },
    { studentId: 's2', subject: '数学', date: '2026-11-24' },
    { studentId: 's1', subject: '语文', date: '2026-11-24' },
    { studentId: 's2', subject: '英语', date: '2026-11-25' },
  ]
  it('counts per subject', () => {
    expect(countStops(reports, ['s1', 's2'], { weekly: null, weeklyPerSubject: null })).toEqual({
      bySubject: [
        { subject: '数学', stops: 2 },
        { subject: '语文', stops: 1 },
        { subject: '英语', stops: 1 },
      ],
      total: 4,
      overLimit: [],
    })
  })

  it.each<[string, number | null, number | null, object[]]>([
    ['a Zhuhai-style rule: at most 4 a week, 1 per subject', 4, 1, [{ studentId: 's2', stops: 2, limit: 1, subject: '数学' }]],
    ['at most 2 a week', 2, null, [{ studentId: 's2', stops: 3, limit: 2 }]],
  ])('flags students past the limits: %s', (_, weekly, perSubject, over) => {
    expect(countStops(reports, ['s1', 's2'], { weekly, weeklyPerSubject: perSubject }).overLimit).toEqual(over)
  })
})
