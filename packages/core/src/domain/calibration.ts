// Estimate calibration: learn how far a teacher's (or a subject group's) estimates are from the times
// students report, as one correction factor to multiply future estimates by.
//
// policy.md: "The multiplier is a setting per school level, and the app should learn a better one from
// students' reported times" and "A stop report is the strongest signal that an estimate was too low: it
// should feed the calibration."
//
// Method. Each report gives a log-ratio ln(actual / estimated), so over- and under-estimates weigh the
// same. A student who stopped at the cut-off (作业熔断) needed AT LEAST the reported time: a right-censored
// observation. The centre is the Kaplan–Meier median of the log-ratios, which uses censored reports as
// "at least" values and, being a median, is robust to a few wild reports. Few reports are trusted little:
// the log of the factor shrinks toward 0 (a factor of 1) by n / (n + priorStrength).

export interface TimeReport {
  /** The minutes the item or assignment was estimated at. */
  estimatedMinutes: number
  /** The minutes the student reported. */
  actualMinutes: number
  /** The student stopped at the cut-off time: the true time is at least `actualMinutes`. */
  stoppedAtCutoff?: boolean
}

export interface CalibrationOptions {
  /** How many reports count as much as the prior belief that estimates are right. Default 5. */
  priorStrength?: number
}

export interface Calibration {
  /** Multiply an estimate by this to get the expected actual time. 1 when nothing is known. */
  factor: number
  /** The factor the reports alone point to, before shrinking toward 1. */
  rawFactor: number
  /** Usable reports. */
  reports: number
  /** Of them, reports of students who stopped at the cut-off. */
  censored: number
  /** How much the reports are trusted, 0–1: n / (n + priorStrength). */
  weight: number
}

const DEFAULT_PRIOR_STRENGTH = 5

function usable(r: TimeReport): boolean {
  return Number.isFinite(r.estimatedMinutes) && Number.isFinite(r.actualMinutes) && r.estimatedMinutes > 0 && r.actualMinutes > 0
}

export function calibrate(reports: readonly TimeReport[], options: CalibrationOptions = {}): Calibration {
  const priorStrength = options.priorStrength ?? DEFAULT_PRIOR_STRENGTH
  if (!(priorStrength >= 0)) throw new RangeError('priorStrength must be a number not below 0')
  const obs = reports.filter(usable).map((r) => ({ x: Math.log(r.actualMinutes / r.estimatedMinutes), censored: r.stoppedAtCutoff === true }))
  const n = obs.length
  const censored = obs.filter((o) => o.censored).length
  if (n === 0) return { factor: 1, rawFactor: 1, reports: 0, censored: 0, weight: 0 }
  const centre = kaplanMeierMedian(obs)
  const weight = n / (n + priorStrength)
  return { factor: Math.exp(weight * centre), rawFactor: Math.exp(centre), reports: n, censored, weight }
}

/**
 * The smallest x at which the Kaplan–Meier survival estimate falls below one half. Where it rests at
 * exactly one half, the median lies between that value and the next one seen, and is taken midway (as
 * the median of an even count is). When censored observations keep survival above one half to the end,
 * the median is at least the largest value seen, which is the best lower bound the data allow.
 */
export function kaplanMeierMedian(obs: readonly { x: number; censored: boolean }[]): number {
  // At equal values, events come before censorings (the usual convention: a censored value was at least it).
  const sorted = [...obs].sort((a, b) => a.x - b.x || Number(a.censored) - Number(b.censored))
  let atRisk = sorted.length
  let survival = 1
  let i = 0
  while (i < sorted.length) {
    const x = sorted[i]!.x
    let events = 0
    let leaving = 0
    while (i < sorted.length && sorted[i]!.x === x) {
      if (!sorted[i]!.censored) events++
      leaving++
      i++
    }
    if (events > 0) {
      survival *= 1 - events / atRisk
      if (survival < 0.5 - 1e-12) return x
      if (survival <= 0.5 + 1e-12) return i < sorted.length ? (x + sorted[i]!.x) / 2 : x
    }
    atRisk -= leaving
  }
  return sorted[sorted.length - 1]!.x
}

/** An estimate corrected by a calibration. */
export function calibratedMinutes(estimatedMinutes: number, calibration: Pick<Calibration, 'factor'>): number {
  return estimatedMinutes * calibration.factor
}
