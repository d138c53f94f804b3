// Small read helpers shared by the repositories: tombstones are hidden from every query.
import type { Collection, Dexie, Table } from 'dexie'
import type { SyncMeta } from '@hl/core/records'

export async function liveRows<T extends SyncMeta>(collection: Collection<T, string> | Table<T, string>): Promise<T[]> {
  return (await collection.toArray()).filter((r) => r.deletedAt === undefined)
}

export async function liveRow<T extends SyncMeta>(table: Table<T, string>, id: string): Promise<T | undefined> {
  const row = await table.get(id)
  return row && row.deletedAt === undefined ? row : undefined
}

export function byPosition<T extends { position: number }>(a: T, b: T): number {
  return a.position - b.position
}

/**
 * The rows whose `index` holds one of `keys`, in the index's order. Dexie's anyOf walks one cursor,
 * jumping from key to key: in Chromium each step is a round trip to the IndexedDB backend, which on a
 * term's 6,720 assignments and their 33,600 items took over a second. Many keys are read instead as one
 * getAll per key, all sent at once in one read transaction, which the backend answers in a stream.
 * A few keys stay one cursor: its jumps are few, and a transaction of its own would cost more.
 */
export async function rowsWhereAnyOf<T>(table: Table<T, string>, index: string, keys: readonly string[]): Promise<T[]> {
  if (keys.length === 0) return []
  const sorted = [...new Set(keys)].sort()
  if (sorted.length <= 16) return table.where(index).anyOf(sorted).toArray()
  const lists = await table.db.transaction('r', table, () => Promise.all(sorted.map((k) => table.where(index).equals(k).toArray())))
  return lists.flat()
}

/**
 * Runs a screen's several reads in one read-only transaction over every table: one transaction's
 * bookkeeping (Dexie's and the browser's) rather than one per query (the class week made 42 of them
 * on opening), and one consistent view: a write lands wholly before or after it. A read transaction
 * started inside it (rowsWhereAnyOf's) joins it. Only database reads may be awaited in `read`.
 */
export function readTogether<T>(db: Dexie, read: () => Promise<T>): Promise<T> {
  return db.transaction('r', db.tables, read)
}
