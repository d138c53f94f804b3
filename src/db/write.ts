// The one way the app writes: every change of a synced record bumps its version and clocks, and appends
// an outbox entry in the same Dexie transaction, so a crash can never leave a change that sync will not
// send, nor an outbox entry for a change that did not happen (../shared/sync-design.md).
import { encodeHlc, parseHlc, tickHlc, type Hlc } from '@hl/core/domain/hlc'
import { META } from './constants'
import type { AppDB } from './database'
import { newDeviceId } from '@hl/core/ids'
import type { Fields, SyncedTableName, SyncedTables, SyncMeta } from '@hl/core/records'

export type Row<K extends SyncedTableName> = SyncedTables[K]

export interface Writer {
  /** Creates a record with every field given. Throws if the id is taken by a live record. */
  create<K extends SyncedTableName>(table: K, id: string, fields: Fields<Row<K>>): Promise<Row<K>>
  /** Changes some fields of a live record; only fields whose value differs count as changed. */
  update<K extends SyncedTableName>(table: K, id: string, patch: Partial<Fields<Row<K>>>): Promise<Row<K>>
  /** Creates, revives or changes a record with a natural id (a join row): it ends up live with these fields. */
  upsert<K extends SyncedTableName>(table: K, id: string, fields: Fields<Row<K>>): Promise<Row<K>>
  /** Deletes by tombstone; a missing or already deleted record is left as it is. */
  remove(table: SyncedTableName, id: string): Promise<void>
  /** Undoes a delete (an explicit restore). */
  restore(table: SyncedTableName, id: string): Promise<void>
}

export class RecordNotFoundError extends Error {
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`No live record ${id} in ${table}`)
    this.name = 'RecordNotFoundError'
  }
}

export class RecordExistsError extends Error {
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`A record ${id} already exists in ${table}`)
    this.name = 'RecordExistsError'
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Runs `fn` in one read-write transaction over `tables`, the outbox and the meta table. `now` is the
 * wall clock for the HLC; tests pass their own.
 */
export async function write<T>(db: AppDB, tables: readonly SyncedTableName[], fn: (w: Writer) => Promise<T>, now: () => number = Date.now): Promise<T> {
  return db.transaction('rw', [...tables.map((t) => db.table(t)), db.outbox, db.meta], async () => {
    let clock = await loadClock(db, now())
    const stamp = (): string => {
      clock = tickHlc(clock, now())
      return encodeHlc(clock)
    }

    const put = async <K extends SyncedTableName>(table: K, id: string, fields: Record<string, unknown>, mode: 'create' | 'update' | 'upsert'): Promise<Row<K>> => {
      if (!tables.includes(table)) throw new Error(`write() was not given the table ${table}`)
      const t = db.table<Row<K>, string>(table)
      const existing = await t.get(id)
      const live = existing !== undefined && existing.deletedAt === undefined
      if (mode === 'create' && live) throw new RecordExistsError(table, id)
      if (mode === 'update' && !live) throw new RecordNotFoundError(table, id)
      const hlc = stamp()
      const changed: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue
        if (!existing || !live || !same((existing as unknown as Record<string, unknown>)[key], value)) changed[key] = value
      }
      if (existing && live && Object.keys(changed).length === 0) return existing
      const fieldClock = { ...(existing?.fieldClock ?? {}) }
      for (const key of Object.keys(changed)) fieldClock[key] = hlc
      const baseVersion = existing?.version ?? 0
      const record = { ...(existing ?? {}), ...changed, id, updatedAt: hlc, fieldClock, version: baseVersion + 1 } as Row<K> & SyncMeta
      const revived = existing !== undefined && !live
      if (revived) {
        delete record.deletedAt
        fieldClock.deletedAt = hlc
      }
      await t.put(record)
      await db.outbox.add({ table, recordId: id, op: 'put', fields: revived ? { ...changed, deletedAt: null } : changed, hlc, baseVersion })
      return record
    }

    const writer: Writer = {
      create: (table, id, fields) => put(table, id, fields as Record<string, unknown>, 'create'),
      update: (table, id, patch) => put(table, id, patch as Record<string, unknown>, 'update'),
      upsert: (table, id, fields) => put(table, id, fields as Record<string, unknown>, 'upsert'),
      async remove(table, id) {
        const t = db.table<SyncMeta, string>(table)
        const existing = await t.get(id)
        if (!existing || existing.deletedAt !== undefined) return
        const hlc = stamp()
        await t.put({ ...existing, deletedAt: hlc, updatedAt: hlc, fieldClock: { ...existing.fieldClock, deletedAt: hlc }, version: existing.version + 1 })
        await db.outbox.add({ table, recordId: id, op: 'delete', fields: {}, hlc, baseVersion: existing.version })
      },
      async restore(table, id) {
        const t = db.table<SyncMeta, string>(table)
        const existing = await t.get(id)
        if (!existing || existing.deletedAt === undefined) return
        const hlc = stamp()
        const { deletedAt: _gone, ...rest } = existing
        await t.put({ ...rest, updatedAt: hlc, fieldClock: { ...existing.fieldClock, deletedAt: hlc }, version: existing.version + 1 })
        await db.outbox.add({ table, recordId: id, op: 'put', fields: { deletedAt: null }, hlc, baseVersion: existing.version })
      },
    }

    const result = await fn(writer)
    await db.meta.put({ key: META.clock, value: encodeHlc(clock) })
    return result
  })
}

async function loadClock(db: AppDB, now: number): Promise<Hlc> {
  const stored = await db.meta.get(META.clock)
  const parsed = typeof stored?.value === 'string' ? parseHlc(stored.value) : null
  if (parsed) return parsed
  let deviceId = (await db.meta.get(META.deviceId))?.value
  if (typeof deviceId !== 'string') {
    deviceId = newDeviceId()
    await db.meta.put({ key: META.deviceId, value: deviceId })
  }
  return { wall: now, counter: 0, deviceId: deviceId as string }
}

/** Live records only: tombstones are kept for sync but hidden from every query. */
export function isLive(record: SyncMeta): boolean {
  return record.deletedAt === undefined
}
