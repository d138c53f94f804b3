// Many new records at once (the demo school: a few thousand rows). Same stored shape and outbox entries
// as write() gives a create — version 1, every field's clock set, one outbox entry per record, in
// order — but written with bulkAdd: one IndexedDB request per table instead of three per record, which
// is what makes loading the demo school take about a second instead of several. Only for NEW ids: a
// taken id (even a tombstone) fails the whole transaction, like write()'s create of a live id.
import { encodeHlc, parseHlc, tickHlc } from '@hl/core/domain/hlc'
import { META } from './constants'
import type { AppDB } from './database'
import type { Fields, OutboxEntry, SyncedTableName, SyncMeta } from '@hl/core/records'
import { write, type Row } from './write'

export type BulkCreate = <K extends SyncedTableName>(table: K, id: string, fields: Fields<Row<K>>) => void

export async function bulkCreate(db: AppDB, tables: readonly SyncedTableName[], build: (create: BulkCreate) => void, now: () => number = Date.now): Promise<void> {
  await db.transaction('rw', [...tables.map((t) => db.table(t)), db.outbox, db.meta], async () => {
    // An empty write() makes sure the device has its id and clock, exactly as write() makes them.
    await write(db, [], async () => undefined, now)
    const stored = (await db.meta.get(META.clock))?.value
    let clock = typeof stored === 'string' ? parseHlc(stored) : null
    if (!clock) throw new Error('The device has no clock')

    const rows = new Map<SyncedTableName, SyncMeta[]>()
    const outbox: OutboxEntry[] = []
    build((table, id, given) => {
      if (!tables.includes(table)) throw new Error(`bulkCreate() was not given the table ${table}`)
      clock = tickHlc(clock!, now())
      const hlc = encodeHlc(clock)
      const fields = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined))
      const fieldClock = Object.fromEntries(Object.keys(fields).map((k) => [k, hlc]))
      const list = rows.get(table) ?? []
      list.push({ ...fields, id, updatedAt: hlc, fieldClock, version: 1 })
      rows.set(table, list)
      outbox.push({ table, recordId: id, op: 'put', fields, fieldClock, hlc, baseVersion: 0, baseClock: {} })
    })
    for (const [table, list] of rows) await db.table(table).bulkAdd(list)
    await db.outbox.bulkAdd(outbox)
    await db.meta.put({ key: META.clock, value: encodeHlc(clock) })
  })
}
