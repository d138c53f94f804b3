// The one way the app writes: every change of a synced record bumps its version and clocks (the pure
// field functions of @hl/core/sync/merge), and records the change in the outbox in the same Dexie
// transaction, so a crash can never leave a change that sync will not send, nor an outbox entry for a
// change that did not happen (../shared/sync-design.md).
//
// The outbox holds ONE pending entry per changed record: a later change of a record whose entry is
// still waiting is folded into that entry (its fields take the latest values, its clock the latest
// stamp, its base stays the state before the first change). 30 saves of one field are one entry, and
// a sync push sends each record once. An entry the sync engine has started sending (`sentAt`) is left
// alone: a change after that starts a new entry.
import { encodeHlc, parseHlc, tickHlc, type Hlc } from '@hl/core/domain/hlc'
import { newDeviceId } from '@hl/core/ids'
import type { Fields, OutboxEntry, SyncedTableName, SyncedTables, SyncMeta } from '@hl/core/records'
import { applyLocalDelete, applyLocalPut, applyLocalRestore, type LocalResult, type StoredRecord } from '@hl/core/sync/merge'
import { META } from './constants'
import type { AppDB } from './database'

export type Row<K extends SyncedTableName> = SyncedTables[K]

export interface Writer {
  /** Creates a record with every field given. Throws if the id is taken by a live record. */
  create<K extends SyncedTableName>(table: K, id: string, fields: Fields<Row<K>>): Promise<Row<K>>
  /**
   * Creates many records of one table at once: the same records, clocks and outbox entries, in the same
   * order, as one `create` each, but read and written with one bulk request per table (a plan import
   * of a whole term: hundreds of thousands of records). Throws, writing nothing of the batch, if any id
   * is taken by a live record or given twice. With `queue: false` the records get no outbox entries:
   * only for a device signed in to no server, whose every record is queued when it signs in
   * (enqueueEverything in db/sync.ts), so the entries would only be written twice.
   */
  createMany<K extends SyncedTableName>(table: K, rows: readonly { id: string; fields: Fields<Row<K>> }[], options?: { queue?: boolean }): Promise<Row<K>[]>
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

/** Folds a change into the record's waiting outbox entry, or starts one. */
export function foldIntoEntry(waiting: OutboxEntry | undefined, table: SyncedTableName, before: StoredRecord | undefined, change: LocalResult): OutboxEntry {
  const hlc = change.record.updatedAt
  const fields = { ...(waiting?.fields ?? {}), ...change.changed }
  const fieldClock = { ...(waiting?.fieldClock ?? {}) }
  for (const f of Object.keys(change.changed)) fieldClock[f] = hlc
  const deleted = typeof fields.deletedAt === 'string'
  return {
    ...(waiting?.seq !== undefined ? { seq: waiting.seq } : {}),
    table,
    recordId: change.record.id,
    op: deleted ? 'delete' : 'put',
    fields,
    fieldClock,
    hlc,
    baseVersion: waiting?.baseVersion ?? before?.version ?? 0,
    baseClock: waiting?.baseClock ?? { ...(before?.fieldClock ?? {}) },
  }
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
    // The waiting outbox entry of each record changed in this transaction, so that many changes of
    // one record look the outbox up once.
    const waiting = new Map<string, OutboxEntry | undefined>()

    const record = async (table: SyncedTableName, before: StoredRecord | undefined, change: LocalResult | null): Promise<void> => {
      if (!change) return
      await db.table(table).put(change.record)
      const key = `${table}\u0000${change.record.id}`
      let entry = waiting.get(key)
      // A record that did not exist before this change cannot have an entry waiting.
      if (!waiting.has(key) && before !== undefined) {
        entry = (await db.outbox.where('[table+recordId]').equals([table, change.record.id]).toArray()).find((e) => e.sentAt === undefined)
      }
      const next = foldIntoEntry(entry, table, before, change)
      const seq = await db.outbox.put(next)
      waiting.set(key, { ...next, seq })
    }

    const put = async <K extends SyncedTableName>(table: K, id: string, fields: Record<string, unknown>, mode: 'create' | 'update' | 'upsert'): Promise<Row<K>> => {
      if (!tables.includes(table)) throw new Error(`write() was not given the table ${table}`)
      const existing = (await db.table(table).get(id)) as StoredRecord | undefined
      const live = existing !== undefined && existing.deletedAt === undefined
      if (mode === 'create' && live) throw new RecordExistsError(table, id)
      if (mode === 'update' && !live) throw new RecordNotFoundError(table, id)
      const change = applyLocalPut(existing, id, fields, stamp())
      await record(table, existing, change)
      return (change?.record ?? existing) as unknown as Row<K>
    }

    const createMany = async <K extends SyncedTableName>(table: K, rows: readonly { id: string; fields: Fields<Row<K>> }[], options: { queue?: boolean } = {}): Promise<Row<K>[]> => {
      const queue = options.queue ?? true
      if (!tables.includes(table)) throw new Error(`write() was not given the table ${table}`)
      const ids = rows.map((r) => r.id)
      const given = new Set<string>()
      for (const id of ids) {
        if (given.has(id)) throw new RecordExistsError(table, id)
        given.add(id)
      }
      // One key-range read of the ids (a cursor that skips from key to key) rather than a get per id:
      // new ids (UUIDv7, made just now) all sort after what the table holds, so it finds nothing at
      // once, where a bulkGet would ask for each of a whole term's ids in turn.
      const found = new Map(((await db.table(table).where(':id').anyOf(ids).toArray()) as StoredRecord[]).map((r) => [r.id, r]))
      const existing = ids.map((id) => found.get(id))
      existing.forEach((e, i) => {
        if (e !== undefined && e.deletedAt === undefined) throw new RecordExistsError(table, ids[i]!)
      })
      // Only a tombstone revived here can have an outbox entry waiting from before this transaction
      // (a new id cannot): those few are looked up one by one, as record() does.
      const changes: LocalResult[] = []
      const entries: OutboxEntry[] = []
      for (const [i, row] of rows.entries()) {
        const before = existing[i]
        const change = applyLocalPut(before, row.id, row.fields as Record<string, unknown>, stamp())!
        const key = `${table}\u0000${row.id}`
        let entry = waiting.get(key)
        if (!waiting.has(key) && before !== undefined) {
          entry = (await db.outbox.where('[table+recordId]').equals([table, row.id]).toArray()).find((e) => e.sentAt === undefined)
        }
        changes.push(change)
        if (queue) entries.push(foldIntoEntry(entry, table, before, change))
      }
      await db.table(table).bulkPut(changes.map((c) => c.record))
      if (!queue) return changes.map((c) => c.record as unknown as Row<K>)
      const seqs = await db.outbox.bulkPut(entries, { allKeys: true })
      entries.forEach((entry, i) => waiting.set(`${table}\u0000${entry.recordId}`, { ...entry, seq: seqs[i] as number }))
      return changes.map((c) => c.record as unknown as Row<K>)
    }

    const writer: Writer = {
      create: (table, id, fields) => put(table, id, fields as Record<string, unknown>, 'create'),
      createMany,
      update: (table, id, patch) => put(table, id, patch as Record<string, unknown>, 'update'),
      upsert: (table, id, fields) => put(table, id, fields as Record<string, unknown>, 'upsert'),
      async remove(table, id) {
        const existing = (await db.table(table).get(id)) as StoredRecord | undefined
        if (existing) await record(table, existing, applyLocalDelete(existing, stamp()))
      },
      async restore(table, id) {
        const existing = (await db.table(table).get(id)) as StoredRecord | undefined
        if (existing) await record(table, existing, applyLocalRestore(existing, stamp()))
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
