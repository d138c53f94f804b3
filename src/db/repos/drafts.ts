// The designer's unsaved work, kept on this device as the teacher types (../../schema/drafts in
// @hl/core): a new assignment not saved yet ('new:<id>'), or the changes to a stored one
// ('edit:<assignment id>'). Device-local, so no write() and no outbox; backed up with the school.
//
// A 先做 timer may belong to an item of an unsaved draft. When such an item can no longer be saved
// (the draft is discarded, or the item removed before it was ever saved), its timer goes too, so no
// timer is left pointing at an item that never existed.
import { uuidv7 } from '@hl/core/ids'
import type { DraftRecord } from '@hl/core/schema/drafts'
import type { AppDB } from '../database'
import { liveRow } from '../read'
import { write } from '../write'
import { trialId } from './trials'

export type { DraftRecord }

const NEW = 'new:'
const EDIT = 'edit:'

/** A key for a new assignment's draft: its id also goes into the address (?draft=…) so a reload finds it. */
export function newDraftId(): string {
  return uuidv7()
}
export const newDraftKey = (draftId: string): string => NEW + draftId
export const editDraftKey = (assignmentId: string): string => EDIT + assignmentId

export function getDraft(db: AppDB, key: string): Promise<DraftRecord | undefined> {
  return db.drafts.get(key)
}

/** A teacher's drafts of new assignments, the most recently changed first. */
export async function listNewDrafts(db: AppDB, teacherId: string): Promise<DraftRecord[]> {
  const rows = await db.drafts.where('[teacherId+assignmentId]').equals([teacherId, '']).toArray()
  return rows.sort((a, b) => b.savedAt - a.savedAt)
}

export async function keepDraft(db: AppDB, record: DraftRecord): Promise<void> {
  await db.drafts.put(record)
}

/**
 * Drops a draft (saved, or discarded). `unsavedItemIds` are the items of the draft that exist nowhere
 * else: their 先做 timers are dropped with it.
 */
export async function dropDraft(db: AppDB, key: string, teacherId?: string, unsavedItemIds: readonly string[] = []): Promise<void> {
  await db.transaction('rw', [db.drafts, db.trials, db.items, db.outbox, db.meta], async () => {
    await db.drafts.delete(key)
    if (teacherId) await clearTimersOfUnsavedItems(db, teacherId, unsavedItemIds)
  })
}

/** Drops the 先做 timers of items that were never saved (an item removed from a draft before its first save). */
export async function clearTimersOfUnsavedItems(db: AppDB, teacherId: string, itemIds: readonly string[]): Promise<void> {
  const gone: string[] = []
  for (const itemId of itemIds) {
    if ((await db.items.get(itemId)) !== undefined) continue // saved at some point: the item exists (maybe as a tombstone)
    if (await liveRow(db.trials, trialId(itemId, teacherId))) gone.push(itemId)
  }
  if (gone.length === 0) return
  await write(db, ['trials'], async (w) => {
    for (const itemId of gone) await w.remove('trials', trialId(itemId, teacherId))
  })
}
