// Small read helpers shared by the repositories: tombstones are hidden from every query.
import type { Collection, Table } from 'dexie'
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
