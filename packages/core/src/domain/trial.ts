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

/** The teacher's time in whole minutes, rounded up: 1.5 s of work is 1 minute, 8 min 1 s is 9. */
export function trialMinutesOf(elapsedMs: number): number {
  if (!Number.isFinite(elapsedMs) || elapsedMs <= 0) return 0
  return Math.ceil(elapsedMs / 60_000)
}

/** 'mm:ss' (minutes may pass 59: a long item reads '75:03'). */
export function formatElapsed(elapsedMs: number): string {
  const total = Math.max(0, Math.floor(elapsedMs / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}
