// A simulated class with KNOWN true times, to check that the calibration predicts the class mean that
// the caps limit (issue 9, "Proof"). Used by tests/domain/calibrationSimulation.test.ts and by
// `npm run bench` (calibrationError). Seeded, so every run gives the same figures.
//
// How it is built:
//   - 45 students; each has a persistent speed s_i = exp(N(0, speedSd²)) (right-skewed: a few students
//     are much slower), and every evening a day-to-day factor ε = exp(N(0, noiseSd²)).
//   - Each school day the teacher sets this subject's homework with an estimate E_d (20–45 minutes, to
//     the nearest 5) that is systematically low: a student's true time is E_d × bias × s_i × ε.
//   - The stop rule: the student starts homework between 18:30 and 19:30, does 20–50 minutes of other
//     subjects first, and stops at 21:20 (the primary bedtime of the sleep notice). A student whose
//     true time does not fit stops and reports the minutes spent: a stop report ("at least").
//   - Week 1: each student reports their own time (finished or stopped) with probability reportRate.
//     Week 2: the class fills in a survey in bands (≤ 30, 30–60, 60–90, > 90) for the students who
//     finished, and the students who stopped file stop reports.
//   - Week 3 is predicted: the factor from weeks 1–2 times each evening's estimate, against the true
//     class mean of week 3 (every student's uncensored true time, which only a simulation knows).
// The error is |predicted − true| / true of the week's class average.
import { calibrate, surveyObservations, type Calibration, type TimeObservation } from './calibration'

export interface SimulationOptions {
  seed: number
  students?: number
  /** True mean time over the estimate for a typical (median-speed) student. */
  bias?: number
  speedSd?: number
  noiseSd?: number
  reportRate?: number
}

export interface SimulationResult {
  calibration: Calibration
  /** The week-3 class average (mean over its evenings) predicted from weeks 1–2. */
  predictedMean: number
  /** The week-3 class average of the true times. */
  trueMean: number
  /** |predicted − true| / true. */
  error: number
  /** For comparison: the error of a factor taken from the median ratio of finished reports. */
  medianError: number
  /** For comparison: the error when stop reports are taken as finished times. */
  stopsAsFinishedError: number
  stoppedShare: number
}

/** mulberry32: a small, well-mixed 32-bit generator; plenty for a simulation. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function normal(random: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  const u = 1 - random()
  const v = random()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

const STOP_AFTER_1900 = 140 // 21:20 is 140 minutes after 19:00

export function simulateCalibration(options: SimulationOptions): SimulationResult {
  const random = seededRandom(options.seed)
  const students = options.students ?? 45
  const bias = options.bias ?? 1.3
  const speedSd = options.speedSd ?? 0.45
  const noiseSd = options.noiseSd ?? 0.2
  const reportRate = options.reportRate ?? 0.85
  const speeds = Array.from({ length: students }, () => Math.exp(speedSd * normal(random)))

  const evening = () => {
    const estimate = 20 + 5 * Math.floor(random() * 6)
    const rows = speeds.map((s) => {
      const trueMinutes = estimate * bias * s * Math.exp(noiseSd * normal(random))
      const start = -30 + 60 * random()
      const others = 20 + 30 * random()
      const available = Math.max(5, STOP_AFTER_1900 - start - others)
      const stopped = trueMinutes > available
      return { trueMinutes, stopped, reported: Math.round(stopped ? available : trueMinutes) }
    })
    return { estimate, rows }
  }

  const observations: TimeObservation[] = []
  const naiveRatios: number[] = []
  const finishedRatios: number[] = []
  let stopped = 0
  let reports = 0
  for (let week = 1; week <= 2; week++) {
    for (let day = 0; day < 5; day++) {
      const { estimate, rows } = evening()
      if (week === 1) {
        for (const r of rows) {
          if (random() >= reportRate) continue
          reports++
          if (r.stopped) stopped++
          observations.push({ kind: r.stopped ? 'stopped' : 'finished', estimatedMinutes: estimate, minutes: r.reported })
          naiveRatios.push(r.reported / estimate)
          if (!r.stopped) finishedRatios.push(r.reported / estimate)
        }
      } else {
        const counts = { upTo30: 0, upTo60: 0, upTo90: 0, over90: 0 }
        for (const r of rows) {
          reports++
          naiveRatios.push(r.reported / estimate)
          if (r.stopped) {
            stopped++
            observations.push({ kind: 'stopped', estimatedMinutes: estimate, minutes: r.reported })
            continue
          }
          finishedRatios.push(r.reported / estimate)
          const m = r.reported
          counts[m <= 30 ? 'upTo30' : m <= 60 ? 'upTo60' : m <= 90 ? 'upTo90' : 'over90']++
        }
        observations.push(...surveyObservations(estimate, counts))
      }
    }
  }
  const calibration = calibrate(observations)

  let predicted = 0
  let truth = 0
  const estimates: number[] = []
  for (let day = 0; day < 5; day++) {
    const { estimate, rows } = evening()
    estimates.push(estimate)
    predicted += calibration.factor * estimate
    truth += rows.reduce((sum, r) => sum + r.trueMinutes, 0) / rows.length
  }
  const errorOf = (factor: number) => Math.abs(estimates.reduce((s, e) => s + factor * e, 0) - truth) / truth
  const sorted = [...finishedRatios].sort((a, b) => a - b)
  const median = sorted.length ? sorted[sorted.length >> 1]! : 1
  return {
    calibration,
    predictedMean: predicted / 5,
    trueMean: truth / 5,
    error: Math.abs(predicted - truth) / truth,
    medianError: errorOf(median),
    stopsAsFinishedError: errorOf(naiveRatios.reduce((s, r) => s + r, 0) / Math.max(1, naiveRatios.length)),
    stoppedShare: stopped / Math.max(1, reports),
  }
}

/** The benchmark's figure: the largest error over `runs` seeded classes (seeds 1…runs). */
export function calibrationError(runs = 20): { worst: number; mean: number } {
  const errors = Array.from({ length: runs }, (_, i) => simulateCalibration({ seed: i + 1 }).error)
  return { worst: Math.max(...errors), mean: errors.reduce((s, e) => s + e, 0) / runs }
}
