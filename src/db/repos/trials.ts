// 先做 timers: one per item and teacher, stored so that a reload, a closed tab or a phone that went to
// sleep mid-way loses nothing. The arithmetic is packages/core/src/domain/trial.ts; this module only stores its states.
//
// A trial belongs to an item id. The designer gives every draft item a UUIDv7 the moment it is added and
// the assignment keeps that id when saved (createAssignments' itemIds), so a teacher can time an item of
// an assignment that is not saved yet and find the timer again after a reload.
import { finishTrial, pauseTrial, resumeTrial, startTrial, type TrialClock } from '@hl/core/domain/trial'
import type { AppDB } from '../database'
import { naturalId } from '@hl/core/ids'
import { liveRow, liveRows } from '../read'
import type { TrialRow } from '@hl/core/records'
import { write } from '../write'

/** One timer per item and teacher: a natural id, so two devices timing the same item converge. */
export function trialId(itemId: string, teacherId: string): string {
  return naturalId(itemId, teacherId)
}

export function getTrial(db: AppDB, itemId: string, teacherId: string): Promise<TrialRow | undefined> {
  return liveRow(db.trials, trialId(itemId, teacherId))
}

/** The teacher's timers of these items (live only). */
export async function listTrials(db: AppDB, itemIds: readonly string[], teacherId: string): Promise<TrialRow[]> {
  if (itemIds.length === 0) return []
  return (await liveRows(db.trials.where('itemId').anyOf([...itemIds]))).filter((t) => t.teacherId === teacherId)
}

async function change(db: AppDB, itemId: string, teacherId: string, next: (current: TrialClock | undefined) => TrialClock): Promise<TrialRow> {
  return write(db, ['trials'], async (w) => {
    const id = trialId(itemId, teacherId)
    const current = await liveRow(db.trials, id)
    const clock = next(current)
    return w.upsert('trials', id, { itemId, teacherId, state: clock.state, elapsedMs: clock.elapsedMs, runningSince: clock.runningSince })
  })
}

/** Starts timing from zero (also after a finished or abandoned run: 重新计时). */
export function startItemTrial(db: AppDB, itemId: string, teacherId: string, now: number): Promise<TrialRow> {
  return change(db, itemId, teacherId, () => startTrial(now))
}

export function pauseItemTrial(db: AppDB, itemId: string, teacherId: string, now: number): Promise<TrialRow> {
  return change(db, itemId, teacherId, (c) => (c ? pauseTrial(c, now) : startTrial(now)))
}

export function resumeItemTrial(db: AppDB, itemId: string, teacherId: string, now: number): Promise<TrialRow> {
  return change(db, itemId, teacherId, (c) => (c ? resumeTrial(c, now) : startTrial(now)))
}

/** Freezes the time; the caller sets the item's trialMinutes from it (trialMinutesOf). */
export function finishItemTrial(db: AppDB, itemId: string, teacherId: string, now: number): Promise<TrialRow> {
  return change(db, itemId, teacherId, (c) => finishTrial(c ?? { state: 'paused', elapsedMs: 0, runningSince: null }, now))
}

/** Drops a timer (tombstone), e.g. when the teacher discards it. */
export async function clearItemTrial(db: AppDB, itemId: string, teacherId: string): Promise<void> {
  await write(db, ['trials'], (w) => w.remove('trials', trialId(itemId, teacherId)))
}
