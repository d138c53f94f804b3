import { describe, expect, it } from 'vitest'
import { finishTrial, formatElapsed, pauseTrial, resumeTrial, startTrial, trialElapsedMs, trialMinutesOf, type TrialClock } from '@hl/core/domain/trial'

const T0 = 1_800_000_000_000

describe('trialElapsedMs', () => {
  it.each<[string, TrialClock, number, number]>([
    ['running from zero', { state: 'running', elapsedMs: 0, runningSince: T0 }, T0 + 1500, 1500],
    ['running after a pause', { state: 'running', elapsedMs: 60_000, runningSince: T0 }, T0 + 30_000, 90_000],
    ['paused ignores now', { state: 'paused', elapsedMs: 42_000, runningSince: null }, T0 + 999_999, 42_000],
    ['finished ignores now', { state: 'finished', elapsedMs: 480_000, runningSince: null }, T0 + 5, 480_000],
    ['a clock set back adds nothing', { state: 'running', elapsedMs: 10_000, runningSince: T0 }, T0 - 5000, 10_000],
  ])('%s', (_name, clock, now, expected) => {
    expect(trialElapsedMs(clock, now)).toBe(expected)
  })
})

describe('timer transitions', () => {
  it('start, pause, resume, finish add up the runs only', () => {
    let c = startTrial(T0)
    c = pauseTrial(c, T0 + 10_000)
    expect(c).toEqual({ state: 'paused', elapsedMs: 10_000, runningSince: null })
    c = resumeTrial(c, T0 + 60_000) // the minute paused does not count
    expect(c).toEqual({ state: 'running', elapsedMs: 10_000, runningSince: T0 + 60_000 })
    c = finishTrial(c, T0 + 65_000)
    expect(c).toEqual({ state: 'finished', elapsedMs: 15_000, runningSince: null })
  })

  it.each<[string, (c: TrialClock) => TrialClock, TrialClock]>([
    ['pause when paused', (c) => pauseTrial(c, T0 + 1), { state: 'paused', elapsedMs: 5, runningSince: null }],
    ['resume when running', (c) => resumeTrial(c, T0 + 1), { state: 'running', elapsedMs: 5, runningSince: T0 }],
    ['finish when finished', (c) => finishTrial(c, T0 + 1), { state: 'finished', elapsedMs: 5, runningSince: null }],
  ])('%s changes nothing', (_name, step, clock) => {
    expect(step(clock)).toBe(clock)
  })

  it('finishing a paused timer keeps its time', () => {
    expect(finishTrial({ state: 'paused', elapsedMs: 7000, runningSince: null }, T0 + 1e6)).toEqual({ state: 'finished', elapsedMs: 7000, runningSince: null })
  })
})

describe('trialMinutesOf: what the clock shows, to the nearest half minute', () => {
  it.each([
    [0, 0],
    [-5, 0],
    [Number.NaN, 0],
    [1, 0.5],
    [10_000, 0.5],
    [60_000, 1],
    [60_001, 1],
    // 03:00 on the clock is 3 minutes (× 3 = 9), even with most of a second more behind it
    [3 * 60_000, 3],
    [3 * 60_000 + 999, 3],
    [3 * 60_000 + 14_999, 3],
    [3 * 60_000 + 15_000, 3.5],
    [3 * 60_000 + 44_999, 3.5],
    [3 * 60_000 + 45_000, 4],
    [8 * 60_000 + 1000, 8],
  ])('%d ms → %d min', (ms, minutes) => {
    expect(trialMinutesOf(ms)).toBe(minutes)
  })
})

describe('formatElapsed', () => {
  it.each([
    [0, '00:00'],
    [999, '00:00'],
    [1500, '00:01'],
    [65_000, '01:05'],
    [75 * 60_000 + 3000, '75:03'],
    [-1, '00:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text)
  })
})
