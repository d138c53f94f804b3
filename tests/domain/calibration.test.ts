import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calibrate, kaplanMeierMedian, type TimeReport } from '@hl/core/domain/calibration'

const r = (estimatedMinutes: number, actualMinutes: number, stoppedAtCutoff = false): TimeReport => ({ estimatedMinutes, actualMinutes, stoppedAtCutoff })
const many = (n: number, make: (i: number) => TimeReport) => Array.from({ length: n }, (_, i) => make(i))

describe('calibration', () => {
  it.each<[string, TimeReport[], number, number]>([
    ['no reports: trust the estimate', [], 1, 1],
    ['unusable reports are ignored', [r(0, 10), r(10, 0), r(-5, 10), r(Number.NaN, 3)], 1, 1],
    ['one report that says twice as long moves little', [r(10, 20)], Math.exp((1 / 6) * Math.log(2)), 2],
    ['five reports of twice as long: halfway in log terms', many(5, () => r(10, 20)), Math.sqrt(2), 2],
    ['95 reports of twice as long: close to 2', many(95, () => r(10, 20)), Math.exp(0.95 * Math.log(2)), 2],
    ['estimates that were right', many(20, () => r(30, 30)), 1, 1],
    ['students faster than estimated', many(45, () => r(30, 15)), Math.exp(0.9 * Math.log(0.5)), 0.5],
  ])('%s', (_, reports, factor, rawFactor) => {
    const c = calibrate(reports)
    expect(c.factor).toBeCloseTo(factor, 9)
    expect(c.rawFactor).toBeCloseTo(rawFactor, 9)
  })

  it('is robust to a few wild reports', () => {
    const reports = [...many(40, () => r(20, 30)), r(20, 600), r(20, 900), r(20, 1)]
    expect(calibrate(reports).rawFactor).toBeCloseTo(1.5, 9)
  })

  it('counts a stop at the cut-off as "at least", never as the true time', () => {
    // Of a 30-minute estimate: 8 students took 30, 8 stopped at the cut-off after 40, 4 finished in 60.
    const reports = [...many(8, () => r(30, 30)), ...many(8, () => r(30, 40, true)), ...many(4, () => r(30, 60))]
    const c = calibrate(reports)
    expect(c.censored).toBe(8)
    expect(c.reports).toBe(20)
    // The stopped students needed more than 40: the median student is among the slow ones.
    expect(c.rawFactor).toBeCloseTo(2, 9)
    // Read as if they had finished in 40, the stops would hide the problem.
    const asIfExact = calibrate([...many(8, () => r(30, 30)), ...many(8, () => r(30, 40)), ...many(4, () => r(30, 60))])
    expect(asIfExact.rawFactor).toBeCloseTo(40 / 30, 9)
  })

  it('takes the median from survival when stops are censored among events', () => {
    // events at 1, 3; censored at 2; S drops to 2/3 at 1, then 0 at 3 → median at 3
    expect(kaplanMeierMedian([{ x: 1, censored: false }, { x: 2, censored: true }, { x: 3, censored: false }])).toBe(3)
    // an even count without stops: midway between the middle two
    expect(kaplanMeierMedian([1, 2, 4, 8].map((x) => ({ x, censored: false })))).toBe(3)
    // all censored: the largest value is the best lower bound
    expect(kaplanMeierMedian([{ x: 1, censored: true }, { x: 2, censored: true }])).toBe(2)
  })

  it('rejects a negative prior strength', () => {
    expect(() => calibrate([r(10, 20)], { priorStrength: -1 })).toThrow(RangeError)
  })
})

const report = fc.record({
  estimatedMinutes: fc.double({ min: 1, max: 200, noNaN: true }),
  actualMinutes: fc.double({ min: 1, max: 400, noNaN: true }),
  stoppedAtCutoff: fc.boolean(),
})

describe('calibration properties', () => {
  it('the factor lies between 1 and the reports’ own factor (few reports are trusted little)', () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 40 }), (reports) => {
        const c = calibrate(reports)
        const lo = Math.min(1, c.rawFactor)
        const hi = Math.max(1, c.rawFactor)
        return c.factor >= lo - 1e-9 && c.factor <= hi + 1e-9
      }),
    )
  })

  it('more identical reports never trust them less', () => {
    fc.assert(
      fc.property(report, fc.integer({ min: 1, max: 30 }), (one, n) => {
        const a = calibrate(many(n, () => ({ ...one, stoppedAtCutoff: false })))
        const b = calibrate(many(n + 1, () => ({ ...one, stoppedAtCutoff: false })))
        return Math.abs(Math.log(b.factor)) >= Math.abs(Math.log(a.factor)) - 1e-12
      }),
    )
  })

  it('marking a report as a stop at the cut-off never lowers the factor', () => {
    fc.assert(
      fc.property(fc.array(report, { minLength: 1, maxLength: 30 }), fc.nat(), (reports, k) => {
        const i = k % reports.length
        const before = reports.map((x, j) => (j === i ? { ...x, stoppedAtCutoff: false } : x))
        const after = reports.map((x, j) => (j === i ? { ...x, stoppedAtCutoff: true } : x))
        return calibrate(after).factor >= calibrate(before).factor - 1e-12
      }),
    )
  })

  it('scaling every actual time scales the reports’ factor', () => {
    fc.assert(
      fc.property(fc.array(report, { minLength: 1, maxLength: 30 }), fc.double({ min: 0.25, max: 4, noNaN: true }), (reports, k) => {
        const scaled = reports.map((x) => ({ ...x, actualMinutes: x.actualMinutes * k }))
        return Math.abs(calibrate(scaled).rawFactor / calibrate(reports).rawFactor - k) < 1e-6 * k
      }),
    )
  })
})
