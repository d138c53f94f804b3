// Calibration: how far the estimates are from the times students really need, as one factor that turns
// an estimate into the predicted CLASS MEAN (policy.md: the caps limit "the average completion time of
// the class"; "the app should learn a better one from students' reported times"; "A stop report is the
// strongest signal that an estimate was too low: it should feed the calibration").
//
// Why the mean needs a model. Students' times are right-skewed: most finish near the estimate, a few
// take far longer, and those few are exactly the ones who stop at the cut-off (作业熔断), so their true
// times are never seen. A median (or a Kaplan–Meier median) ignores how long the tail is, and the
// Kaplan–Meier mean cannot see past the last finished report. So each report is read as a ratio to its
// estimate, r = actual / estimated, and x = ln r is taken as Normal(μ, σ²): a lognormal ratio, the usual
// model of skewed task times. Then
//   - a finished report gives x exactly;
//   - a stop report says "at least": x ≥ ln(stoppedAfter / estimated), a right-censored value (Tobit);
//   - a survey band (≤ 30, 30–60, 60–90, > 90 minutes) says a < x ≤ b: an interval-censored value.
// μ and σ are fitted by EM for the censored normal: the E-step replaces each censored x by its
// conditional moments under the current (μ, σ) — for a < x ≤ b, with α = (a − μ)/σ, β = (b − μ)/σ,
// Z = Φ(β) − Φ(α), λ = (φ(α) − φ(β))/Z:
//   E[x] = μ + σλ,   Var[x] = σ²(1 + (αφ(α) − βφ(β))/Z − λ²)
// — and the M-step sets μ and σ² to the mean and variance of those moments. The predicted class mean
// of the ratio is E[r] = exp(μ + σ²/2), which is the factor (not exp(μ), the median student).
//
// Few reports are trusted little: the fit starts from a prior (μ0, σ0) — the subject group's fit, or,
// with nothing known, "the estimates are right on average" (σ0 = 0.45, μ0 = −σ0²/2, so exp(μ0 + σ0²/2)
// = 1) — counted as `priorStrength` pseudo-reports added to the sums of the M-step (a conjugate-style
// MAP estimate). With n reports the data weigh n / (n + priorStrength); with stops alone the fit stays
// finite (the pseudo-reports anchor it) yet every stop pushes the factor up.

export type TimeObservation =
  /** The student finished after `minutes`. */
  | { kind: 'finished'; estimatedMinutes: number; minutes: number; count?: number }
  /** The student stopped at the cut-off after `minutes`: the true time is at least that. */
  | { kind: 'stopped'; estimatedMinutes: number; minutes: number; count?: number }
  /** `count` students took more than `from` and at most `to` minutes (to = Infinity: more than `from`). */
  | { kind: 'band'; estimatedMinutes: number; from: number; to: number; count: number }

export interface CalibrationPrior {
  /** μ0: the mean of ln(actual / estimated). */
  logMean: number
  /** σ0: its spread. */
  logSd: number
}

export interface CalibrationOptions {
  /** Where the fit starts when reports are few; the neutral prior (factor 1) by default. */
  prior?: CalibrationPrior
  /** How many reports the prior counts as. Default 10. */
  priorStrength?: number
}

export interface Calibration {
  /** Multiply an estimate by this to predict the class mean. 1 when nothing is known. */
  factor: number
  /** The fitted μ and σ of ln(actual / estimated). */
  logMean: number
  logSd: number
  /** Students counted (a survey band counts each of its students). */
  reports: number
  /** Of them, stop reports. */
  stopped: number
  /** How much the reports are trusted, 0–1: n / (n + priorStrength). */
  weight: number
}

/** A typical spread of students' time ratios (a lognormal σ of 0.45: the slowest tenth need about 1.8× the median). */
export const DEFAULT_LOG_SD = 0.45
/** "The estimates are right on average": mean ratio exp(μ0 + σ0²/2) = 1. */
export const NEUTRAL_PRIOR: CalibrationPrior = { logMean: -(DEFAULT_LOG_SD ** 2) / 2, logSd: DEFAULT_LOG_SD }
export const DEFAULT_PRIOR_STRENGTH = 10

const SD_FLOOR = 1e-3
const MAX_ITERATIONS = 500

// ---- the normal distribution ----

/** erfc with relative error below 1.2e-7 everywhere (Numerical Recipes' Chebyshev fit), stable in the tails. */
function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  return x >= 0 ? r : 2 - r
}
const phi = (x: number): number => (Number.isFinite(x) ? Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) : 0)
/** P(α < Z ≤ β) for a standard normal Z, computed in the tail it lies in so that far tails keep their digits. */
function mass(alpha: number, beta: number): number {
  if (alpha > 0) return 0.5 * (erfc(alpha / Math.SQRT2) - erfc(beta / Math.SQRT2))
  return 0.5 * (erfc(-beta / Math.SQRT2) - erfc(-alpha / Math.SQRT2))
}
const xPhi = (x: number): number => (Number.isFinite(x) ? x * phi(x) : 0)

/** E[x] and E[x²] of Normal(μ, σ²) restricted to (a, b]. */
export function truncatedMoments(mu: number, sigma: number, a: number, b: number): { m1: number; m2: number } {
  const alpha = (a - mu) / sigma
  const beta = (b - mu) / sigma
  const z = mass(alpha, beta)
  if (!(z > 1e-300)) {
    // The interval lies so far out that the current fit gives it no mass: take its nearest end.
    const at = Number.isFinite(a) && (a > mu || !Number.isFinite(b)) ? a : b
    return { m1: at, m2: at * at }
  }
  const lambda = (phi(alpha) - phi(beta)) / z
  const m1 = mu + sigma * lambda
  const variance = Math.max(0, sigma * sigma * (1 + (xPhi(alpha) - xPhi(beta)) / z - lambda * lambda))
  return { m1, m2: variance + m1 * m1 }
}

// ---- the fit ----

interface Obs {
  a: number
  b: number
  exact: boolean
  w: number
}

function toObs(o: TimeObservation): Obs | null {
  const e = o.estimatedMinutes
  if (!(Number.isFinite(e) && e > 0)) return null
  const w = o.count ?? 1
  if (!(Number.isFinite(w) && w > 0)) return null
  if (o.kind === 'band') {
    if (!(o.from >= 0 && o.to > o.from)) return null
    return { a: o.from > 0 ? Math.log(o.from / e) : -Infinity, b: Number.isFinite(o.to) ? Math.log(o.to / e) : Infinity, exact: false, w }
  }
  if (!(Number.isFinite(o.minutes) && o.minutes > 0)) return null
  const x = Math.log(o.minutes / e)
  return o.kind === 'finished' ? { a: x, b: x, exact: true, w } : { a: x, b: Infinity, exact: false, w }
}

export function calibrate(observations: readonly TimeObservation[], options: CalibrationOptions = {}): Calibration {
  const prior = options.prior ?? NEUTRAL_PRIOR
  const k = options.priorStrength ?? DEFAULT_PRIOR_STRENGTH
  if (!(k >= 0) || !Number.isFinite(k)) throw new RangeError('priorStrength must be a finite number not below 0')
  if (!(Number.isFinite(prior.logMean) && prior.logSd > 0)) throw new RangeError('the prior needs a finite mean and a positive spread')

  const obs: Obs[] = []
  let n = 0
  let stopped = 0
  for (const o of observations) {
    const x = toObs(o)
    if (!x) continue
    obs.push(x)
    n += x.w
    if (o.kind === 'stopped') stopped += x.w
  }
  if (n === 0) return { factor: Math.exp(prior.logMean + prior.logSd ** 2 / 2), logMean: prior.logMean, logSd: prior.logSd, reports: 0, stopped: 0, weight: 0 }

  // Start from the prior: EM climbs from there, and with no prior weight it still converges from any start.
  let mu = prior.logMean
  let sigma = prior.logSd
  const priorS1 = k * prior.logMean
  const priorS2 = k * (prior.logSd ** 2 + prior.logMean ** 2)
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let s1 = priorS1
    let s2 = priorS2
    for (const o of obs) {
      if (o.exact) {
        s1 += o.w * o.a
        s2 += o.w * o.a * o.a
      } else {
        const { m1, m2 } = truncatedMoments(mu, sigma, o.a, o.b)
        s1 += o.w * m1
        s2 += o.w * m2
      }
    }
    const total = n + k
    const nextMu = s1 / total
    const nextSigma = Math.max(SD_FLOOR, Math.sqrt(Math.max(0, s2 / total - nextMu * nextMu)))
    const done = Math.abs(nextMu - mu) + Math.abs(nextSigma - sigma) < 1e-10
    mu = nextMu
    sigma = nextSigma
    if (done) break
  }
  return { factor: Math.exp(mu + (sigma * sigma) / 2), logMean: mu, logSd: sigma, reports: n, stopped, weight: n / (n + k) }
}

/** A calibration as the prior of a narrower one (the subject group's fit for one teacher's class). */
export function priorOf(c: Pick<Calibration, 'logMean' | 'logSd'>): CalibrationPrior {
  return { logMean: c.logMean, logSd: Math.max(c.logSd, SD_FLOOR) }
}

/** An estimate corrected by a calibration: the predicted class mean. */
export function calibratedMinutes(estimatedMinutes: number, calibration: Pick<Calibration, 'factor'>): number {
  return estimatedMinutes * calibration.factor
}

/** The survey's bands, in minutes (as schools print them on the slips). */
export const SURVEY_BANDS = [
  { key: 'upTo30', from: 0, to: 30 },
  { key: 'upTo60', from: 30, to: 60 },
  { key: 'upTo90', from: 60, to: 90 },
  { key: 'over90', from: 90, to: Infinity },
] as const
export type SurveyBandKey = (typeof SURVEY_BANDS)[number]['key']
export type SurveyCounts = Readonly<Record<SurveyBandKey, number>>

/** A class survey of one assignment as observations of its class-average estimate. */
export function surveyObservations(estimatedMinutes: number, counts: SurveyCounts): TimeObservation[] {
  return SURVEY_BANDS.filter((b) => counts[b.key] > 0).map((b) => ({ kind: 'band' as const, estimatedMinutes, from: b.from, to: b.to, count: counts[b.key] }))
}
