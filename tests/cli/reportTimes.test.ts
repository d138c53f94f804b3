// @vitest-environment node
// `npm run report -- --times times.csv`: each evening's class average predicted from the reports of that
// class and subject of EARLIER dates (stops read as "at least"), the reports of each subject of an
// evening, the calibration of every class and subject; bad rows are exit 2 with file, line and column.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runReport } from '../../scripts/report'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url))
const run = (...args: string[]) => runReport(args, read)
const PLAN = 'tests/fixtures/plan-times.csv'

type Evening = { date: string; class: string; averageMinutes: number; calibratedAverageMinutes: number; subjects: { subject: string; reports: { count: number; stopped: number } }[] }

describe('report --times', () => {
  it('predicts later evenings from earlier reports only, and counts each evening’s reports', () => {
    const result = run('--plan', PLAN, '--times', 'tests/fixtures/times.csv', '--format', 'json')
    expect(result.stderr).toBe('')
    const out = JSON.parse(result.stdout) as { evenings: Evening[]; calibration: Record<string, unknown>[] }
    const [first, second, other] = [out.evenings.find((e) => e.date === '2026-03-02')!, out.evenings.find((e) => e.date === '2026-03-03' && e.class === '5(2)')!, out.evenings.find((e) => e.class === '5(1)')!]
    // The first evening has no earlier reports: its own do not predict it.
    expect(first.calibratedAverageMinutes).toBe(first.averageMinutes)
    expect(first.subjects).toEqual([
      expect.objectContaining({ subject: '数学', reports: { count: 4, stopped: 2 } }),
      expect.objectContaining({ subject: '语文', reports: { count: 1, stopped: 0 } }),
    ])
    // 数学 took longer than its 25 minutes (two stopped after 45 and 50): the next evening is predicted higher.
    expect(second.averageMinutes).toBe(55)
    expect(second.calibratedAverageMinutes).toBeGreaterThan(58)
    expect(second.subjects[0]!.reports).toEqual({ count: 1, stopped: 0 })
    // A class without reports is not calibrated by another class's.
    expect(other.calibratedAverageMinutes).toBe(other.averageMinutes)
    expect(out.calibration.map((c) => [c.class, c.subject, c.reports, c.stopped])).toEqual([
      ['5(2)', '数学', 5, 2],
      ['5(2)', '语文', 1, 0],
    ])
    expect(out.calibration[0]!.factor as number).toBeGreaterThan(1.2)
  })

  it('without --times the JSON is as before', () => {
    const out = JSON.parse(run('--plan', PLAN, '--format', 'json').stdout) as { evenings: Evening[]; calibration?: unknown[] }
    expect(out.evenings.some((e) => 'calibratedAverageMinutes' in e)).toBe(false)
    expect(out.calibration).toBeUndefined()
  })

  it('a times file with no reports for a class leaves its evenings at their average', () => {
    const result = run('--plan', PLAN, '--times', 'tests/fixtures/times.csv', '--format', 'json', '--from', '2026-03-02', '--to', '2026-03-02')
    const out = JSON.parse(result.stdout) as { evenings: Evening[] }
    expect(out.evenings.map((e) => e.calibratedAverageMinutes)).toEqual(out.evenings.map((e) => e.averageMinutes))
  })

  it('names every bad row with its file, line and column, exit 2, nothing on stdout', () => {
    const result = run('--plan', PLAN, '--times', 'tests/fixtures/times-bad.csv', '--lang', 'en')
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'tests/fixtures/times-bad.csv:2: column “date”: “2026-03-32” is not a real date',
      'tests/fixtures/times-bad.csv:3: column “minutes”: “abc” is not a number of minutes (a number, 0 or more)',
      'tests/fixtures/times-bad.csv:4: column “stopped”: “maybe” is not a stop mark: use 1, yes or 是 (stopped), or 0, no, 否 or nothing (finished)',
      'tests/fixtures/times-bad.csv:7: column “student”: Student “李四” already has a time for this day and subject on line 6',
      '4 errors; no report was made.',
    ])
  })

  it('refuses a report of homework the plan does not have, in Chinese by default', () => {
    const result = run('--plan', PLAN, '--times', 'tests/fixtures/times.csv', '--from', '2026-03-03')
    expect(result.code).not.toBe(2)
    const bad = run('--plan', 'tests/fixtures/plan.csv', '--times', 'tests/fixtures/times.csv')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('tests/fixtures/times.csv:7: 列「学科」: 计划里 2026-03-03 5 年级「5(2)」班没有「数学」作业')
  })
})
