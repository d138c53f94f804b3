// 先做 timer arithmetic (policy.md, 先做: "教师在布置作业前必须先做一遍", which gives a measured time).
// The stored state is only what was timed before the current run and when that run began, so a reload,
// a sleeping phone or a closed tab never loses time: elapsed = elapsedMs + (now − runningSince).
// `now` always comes in as an argument (epoch ms); nothing here reads the clock.

export type TrialState = 'running' | 'paused' | 'finished'

export interface TrialClock {
  state: TrialState
  /** Milliseconds timed before the current run. */
  elapsedMs: number
  /** Epoch ms when the current run started; null unless running. */
  runningSince: number | null
}

/** Milliseconds timed so far. A clock set back (now before runningSince) adds nothing rather than subtracting. */
export function trialElapsedMs(trial: TrialClock, now: number): number {
  if (trial.state !== 'running' || trial.runningSince === null) return trial.elapsedMs
  return trial.elapsedMs + Math.max(0, now - trial.runningSince)
}

export function startTrial(now: number): TrialClock {
  return { state: 'running', elapsedMs: 0, runningSince: now }
}

/** Pausing banks the current run; anything but a running timer is left as it is. */
export function pauseTrial(trial: TrialClock, now: number): TrialClock {
  if (trial.state !== 'running') return trial
  return { state: 'paused', elapsedMs: trialElapsedMs(trial, now), runningSince: null }
}

export function resumeTrial(trial: TrialClock, now: number): TrialClock {
  if (trial.state !== 'paused') return trial
  return { state: 'running', elapsedMs: trial.elapsedMs, runningSince: now }
}

/** Finishing from running or paused freezes the time; finishing twice changes nothing. */
export function finishTrial(trial: TrialClock, now: number): TrialClock {
  if (trial.state === 'finished') return trial
  return { state: 'finished', elapsedMs: trialElapsedMs(trial, now), runningSince: null }
}

/**
 * The teacher's time in minutes, as the clock showed it: the whole seconds on the clock (formatElapsed)
 * rounded to the nearest half minute, so 03:00 is 3 minutes and 03:15 is 3.5. Any time at all counts
 * at least half a minute (an item timed for 10 s was still done). The one rounding of 先做 times:
 * the designer, the estimate (× the multiplier) and the stored trialMinutes all use it.
 */
export function trialMinutesOf(elapsedMs: number): number {
  if (!Number.isFinite(elapsedMs) || elapsedMs <= 0) return 0
  const seconds = Math.floor(elapsedMs / 1000)
  return Math.max(0.5, Math.round(seconds / 30) / 2)
}

/** 'mm:ss' (minutes may pass 59: a long item reads '75:03'). */
export function formatElapsed(elapsedMs: number): string {
  const total = Math.max(0, Math.floor(elapsedMs / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}
