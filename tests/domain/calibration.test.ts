import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calibrate, NEUTRAL_PRIOR, priorOf, surveyObservations, truncatedMoments, type TimeObservation } from '@hl/core/domain/calibration'
import { seededRandom, simulateCalibration } from '@hl/core/domain/calibrationSimulation'

const done = (estimatedMinutes: number, minutes: number, count?: number): TimeObservation => ({ kind: 'finished', estimatedMinutes, minutes, ...(count ? { count } : {}) })
const stop = (estimatedMinutes: number, minutes: number): TimeObservation => ({ kind: 'stopped', estimatedMinutes, minutes })
const many = (n: number, make: (i: number) => TimeObservation) => Array.from({ length: n }, (_, i) => make(i))

/** A lognormal sample of ratios with a known mean: exp(μ + σ²/2). */
function lognormalRatios(n: number, mu: number, sigma: number, seed = 7): number[] {
  const random = seededRandom(seed)
  return Array.from({ length: n }, () => {
    const u = 1 - random()
    const v = random()
    return Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v))
  })
}

describe('truncated normal moments', () => {
  it.each<[string, number, number, number, number, number]>([
    // E[x | x > 0] of a standard normal: √(2/π)
    ['upper half', 0, 1, 0, Infinity, Math.sqrt(2 / Math.PI)],
    ['lower half', 0, 1, -Infinity, 0, -Math.sqrt(2 / Math.PI)],
    ['the whole line', 2, 3, -Infinity, Infinity, 2],
    // far tail: E[x | x > 8] ≈ 8 + 1/8 for a standard normal (the Mills ratio)
    ['a far tail keeps its digits', 0, 1, 8, Infinity, 8.1214],
  ])('%s', (_, mu, sigma, a, b, mean) => {
    expect(truncatedMoments(mu, sigma, a, b).m1).toBeCloseTo(mean, 3)
  })

  it('an interval with no mass under the fit is taken at its nearest end', () => {
    expect(truncatedMoments(0, 1, 60, Infinity).m1).toBe(60)
  })
})

describe('calibration predicts the class mean', () => {
  it.each<[string, TimeObservation[], number, number]>([
    ['no reports: the estimate stands', [], 1, 0],
    ['unusable reports are ignored', [done(0, 10), done(10, 0), done(-5, 10), done(Number.NaN, 3), { kind: 'band', estimatedMinutes: 10, from: 30, to: 30, count: 3 }], 1, 0],
    ['estimates that were right', many(200, () => done(30, 30)), 1, 200 / 210],
  ])('%s', (_, obs, factor, weight) => {
    const c = calibrate(obs)
    expect(c.factor).toBeCloseTo(factor, 2)
    expect(c.weight).toBeCloseTo(weight, 9)
  })

  it('predicts the mean of right-skewed times, not the median student', () => {
    // ln(actual/estimate) ~ N(0.2, 0.5²): median ratio e^0.2 = 1.22, mean ratio e^(0.2+0.125) = 1.38.
    const ratios = lognormalRatios(2000, 0.2, 0.5)
    const c = calibrate(ratios.map((r) => done(30, 30 * r)))
    const sampleMean = ratios.reduce((s, r) => s + r, 0) / ratios.length
    expect(c.factor / sampleMean).toBeGreaterThan(0.97)
    expect(c.factor / sampleMean).toBeLessThan(1.03)
    expect(c.factor).toBeGreaterThan(Math.exp(0.2) * 1.08)
  })

  it('reads stop reports as "at least": the mean is recovered from a censored sample', () => {
    const ratios = lognormalRatios(2000, 0.3, 0.5, 11)
    const trueMean = ratios.reduce((s, r) => s + r, 0) / ratios.length
    // Everyone who would need more than 60 minutes of a 40-minute estimate stops at 60.
    const reports = ratios.map((r) => (40 * r > 60 ? stop(40, 60) : done(40, 40 * r)))
    const stops = reports.filter((r) => r.kind === 'stopped').length
    expect(stops).toBeGreaterThan(300)
    const c = calibrate(reports)
    expect(c.stopped).toBe(stops)
    expect(Math.abs(c.factor / trueMean - 1)).toBeLessThan(0.03)
    // Taken as finished times, the stops would hide how long the slow students take.
    const asFinished = calibrate(ratios.map((r) => done(40, Math.min(60, 40 * r))))
    expect(asFinished.factor / trueMean).toBeLessThan(0.93)
  })

  it('reads a survey in bands as intervals', () => {
    const ratios = lognormalRatios(1500, 0.1, 0.4, 3)
    const trueMean = ratios.reduce((s, r) => s + r, 0) / ratios.length
    const counts = { upTo30: 0, upTo60: 0, upTo90: 0, over90: 0 }
    for (const r of ratios) {
      const m = 35 * r
      counts[m <= 30 ? 'upTo30' : m <= 60 ? 'upTo60' : m <= 90 ? 'upTo90' : 'over90']++
    }
    const c = calibrate(surveyObservations(35, counts))
    expect(c.reports).toBe(1500)
    expect(Math.abs(c.factor / trueMean - 1)).toBeLessThan(0.05)
  })

  it('trusts few reports little, and leans on the prior it is given (the subject group’s figure)', () => {
    const one = calibrate([done(20, 40)])
    expect(one.factor).toBeGreaterThan(1)
    expect(one.factor).toBeLessThan(1.15)
    expect(one.weight).toBeCloseTo(1 / 11, 9)
    const group = calibrate(many(300, (i) => done(20, i % 2 ? 30 : 26)))
    const own = calibrate([done(20, 40)], { prior: priorOf(group) })
    expect(own.factor).toBeGreaterThan(group.factor)
    expect(own.factor / group.factor).toBeLessThan(1.1)
  })

  it('stays finite with stop reports alone, each pushing the factor up', () => {
    const two = calibrate([stop(30, 40), stop(30, 40)])
    const five = calibrate(many(5, () => stop(30, 40)))
    expect(Number.isFinite(five.factor)).toBe(true)
    expect(two.factor).toBeGreaterThan(1)
    expect(five.factor).toBeGreaterThan(two.factor)
  })

  it('counts a band of several students as several reports', () => {
    expect(calibrate([done(20, 30, 5)]).reports).toBe(5)
    expect(calibrate([done(20, 30, 5)]).factor).toBeCloseTo(calibrate(many(5, () => done(20, 30))).factor, 9)
  })

  it('refuses a negative prior strength or a flat prior', () => {
    expect(() => calibrate([done(10, 20)], { priorStrength: -1 })).toThrow(RangeError)
    expect(() => calibrate([done(10, 20)], { prior: { logMean: 0, logSd: 0 } })).toThrow(RangeError)
  })

  it('the neutral prior means "estimates are right on average"', () => {
    expect(Math.exp(NEUTRAL_PRIOR.logMean + NEUTRAL_PRIOR.logSd ** 2 / 2)).toBeCloseTo(1, 12)
  })
})

describe('the simulation (known true times, skewed, stops at the cut-off)', () => {
  // Seeds 1–20: twenty classes. Two weeks of reports (week 1 each student's own, week 2 a class survey
  // in bands plus stop reports) predict week 3's class average within 10% of the true mean in every one.
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('class %i: next week’s predicted average is within 10%% of the true mean', (seed) => {
    const r = simulateCalibration({ seed })
    expect(r.stoppedShare).toBeGreaterThan(0.02)
    expect(r.error).toBeLessThan(0.1)
  })

  it('is deterministic', () => {
    expect(simulateCalibration({ seed: 5 })).toEqual(simulateCalibration({ seed: 5 }))
  })

  it('beats the median, and taking stops as finished, when stops are frequent', () => {
    const runs = Array.from({ length: 20 }, (_, i) => simulateCalibration({ seed: i + 1, bias: 1.8, speedSd: 0.55 }))
    const mean = (f: (r: (typeof runs)[number]) => number) => runs.reduce((s, r) => s + f(r), 0) / runs.length
    expect(mean((r) => r.stoppedShare)).toBeGreaterThan(0.15)
    expect(mean((r) => r.error)).toBeLessThan(0.06)
    expect(mean((r) => r.medianError)).toBeGreaterThan(0.2)
    expect(mean((r) => r.stopsAsFinishedError)).toBeGreaterThan(mean((r) => r.error) * 2)
  })
})

const obsArb = fc.record({
  estimatedMinutes: fc.double({ min: 1, max: 200, noNaN: true }),
  minutes: fc.double({ min: 1, max: 400, noNaN: true }),
  stopped: fc.boolean(),
})
const toObs = (o: { estimatedMinutes: number; minutes: number; stopped: boolean }): TimeObservation => ({ kind: o.stopped ? 'stopped' : 'finished', estimatedMinutes: o.estimatedMinutes, minutes: o.minutes })

describe('calibration properties', () => {
  // A stop comes after the student has worked at least the estimated time (the cut-off is late in the
  // evening). A report far BELOW the estimate is another matter: finished, it widens the fitted spread,
  // and a wider lognormal has a larger mean, so read as a lower bound it can lower the factor.
  it('marking a report of at least the estimated time as a stop at the cut-off never lowers the factor', () => {
    fc.assert(
      fc.property(fc.array(obsArb, { minLength: 1, maxLength: 25 }), fc.nat(), (reports, k) => {
        const i = k % reports.length
        fc.pre(reports[i]!.minutes >= reports[i]!.estimatedMinutes)
        const before = reports.map((x, j) => toObs(j === i ? { ...x, stopped: false } : x))
        const after = reports.map((x, j) => toObs(j === i ? { ...x, stopped: true } : x))
        return calibrate(after).factor >= calibrate(before).factor * (1 - 1e-6)
      }),
      { numRuns: 300 },
    )
  })

  it('without a prior, scaling every finished time scales the factor', () => {
    fc.assert(
      fc.property(fc.array(obsArb, { minLength: 2, maxLength: 25 }), fc.double({ min: 0.25, max: 4, noNaN: true }), (reports, k) => {
        const finished = reports.map((r) => toObs({ ...r, stopped: false }))
        const scaled = finished.map((r) => ({ ...r, minutes: (r as { minutes: number }).minutes * k }))
        const a = calibrate(finished, { priorStrength: 0 }).factor
        return Math.abs(calibrate(scaled, { priorStrength: 0 }).factor / a - k) < 1e-6 * k
      }),
    )
  })

  it('the factor is always finite and positive', () => {
    fc.assert(fc.property(fc.array(obsArb, { maxLength: 30 }), (reports) => {
      const f = calibrate(reports.map(toObs)).factor
      return Number.isFinite(f) && f > 0
    }))
  })
})
