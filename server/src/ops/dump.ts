// A consistent dump of the whole server (every school) as JSON lines, and its restore. The dump reads
// every table inside ONE repeatable-read, read-only transaction, so it is a single moment's state even
// while teachers keep pushing. A restore replaces everything in one transaction and gives the server
// a new epoch: every device's cursor then answers `reset: restored`, so a device pulls the restored
// state instead of going back in time unknowingly (and re-sends what it holds that is newer).
import { sql, type RawBuilder } from 'kysely'
import { LATEST_MIGRATION } from '../store/migrations'
import { randomSecret } from '../auth/secrets'
import type { Database } from '../store/schema'
import type { Db } from '../store'

export const DUMP_FORMAT = 'homework-ledger-server-backup'
export const DUMP_VERSION = 1

/** Parents before children, so a restore inserts in this order under the foreign keys; each with its key. */
const TABLES = {
  server_meta: ['key'],
  schools: ['school_id'],
  accounts: ['school_id', 'account_id'],
  devices: ['school_id', 'device_id'],
  clients: ['school_id', 'client_id'],
  records: ['school_id', 'tbl', 'id'],
  conflicts: ['school_id', 'conflict_id'],
  publicity_links: ['school_id', 'link_id'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>
type DumpTable = keyof typeof TABLES
const TABLE_NAMES = Object.keys(TABLES) as DumpTable[]
const JSON_COLUMNS: Partial<Record<DumpTable, readonly string[]>> = { records: ['data', 'authors'], conflicts: ['kept', 'lost'] }
/** The epoch is never restored: the restored server is a new history. */
const SKIP_META = new Set(['epoch'])
const CHUNK = 2000

export interface DumpHeader {
  format: typeof DUMP_FORMAT
  version: number
  migration: string
  createdAt: number
}

/**
 * Writes the dump's lines: a header, then `{ table, row }` per row (by key, so two dumps of the same
 * state are the same file), then `{ end: count }`, read in chunks so a large server is never all in memory.
 */
export async function dump(db: Db, now: number, write: (line: string) => Promise<void>): Promise<number> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      const header: DumpHeader = { format: DUMP_FORMAT, version: DUMP_VERSION, migration: LATEST_MIGRATION, createdAt: now }
      await write(JSON.stringify(header))
      let count = 0
      for (const table of TABLE_NAMES) {
        const key = TABLES[table] as readonly string[]
        const keyList = sql.join(key.map((k) => sql.ref(k)))
        let after: unknown[] | null = null
        for (;;) {
          const where: RawBuilder<unknown> = after ? sql`where (${keyList}) > (${sql.join(after)})` : sql``
          const { rows }: { rows: Record<string, unknown>[] } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} ${where} order by ${keyList} limit ${CHUNK}`.execute(tx)
          for (const row of rows) {
            if (table === 'server_meta' && SKIP_META.has(String(row.key))) continue
            await write(JSON.stringify({ table, row }))
            count++
          }
          if (rows.length < CHUNK) break
          const last: Record<string, unknown> = rows.at(-1)!
          after = key.map((k) => last[k])
        }
      }
      await write(JSON.stringify({ end: count }))
      return count
    })
}

export class DumpError extends Error {
  override name = 'DumpError'
}

/**
 * Replaces all the server's data by a dump's, in one transaction: a file that is not a backup, is of a
 * newer version, or is cut short changes nothing. Returns the rows restored.
 */
export async function restore(db: Db, lines: AsyncIterable<string> | Iterable<string>): Promise<number> {
  const restored = await restoreRows(db, lines)
  // Every table was emptied and filled again: the planner's statistics (and the plans PostgreSQL
  // keeps from them, freshStats.ts) are of the data before. The deleted rows' space is reclaimed too.
  await sql`vacuum analyze`.execute(db)
  return restored
}

function restoreRows(db: Db, lines: AsyncIterable<string> | Iterable<string>): Promise<number> {
  return db.transaction().execute(async (tx) => {
    for (const table of [...TABLE_NAMES].reverse()) await sql`delete from ${sql.table(table)}`.execute(tx)
    let header: DumpHeader | null = null
    let end: number | null = null
    let count = 0
    const batch: { table: DumpTable | null; rows: Record<string, unknown>[] } = { table: null, rows: [] }
    const flush = async (): Promise<void> => {
      if (batch.table === null || batch.rows.length === 0) return
      const jsonColumns = JSON_COLUMNS[batch.table] ?? []
      const rows = batch.rows.map((row) => {
        const out: Record<string, unknown> = { ...row }
        for (const col of jsonColumns) out[col] = sql`cast(${JSON.stringify(row[col] ?? null)}::text as jsonb)`
        return out
      })
      await tx.insertInto(batch.table).values(rows as never).execute()
      batch.rows = []
    }
    for await (const line of lines) {
      if (line.trim() === '') continue
      let value: Record<string, unknown>
      try {
        value = JSON.parse(line) as Record<string, unknown>
      } catch {
        throw new DumpError(`Line ${count + 2} of the backup is not JSON: the file is damaged`)
      }
      if (!header) {
        if (value.format !== DUMP_FORMAT) throw new DumpError('Not a Homework Ledger server backup')
        if (typeof value.version !== 'number' || value.version > DUMP_VERSION) throw new DumpError(`Backup version ${String(value.version)} is newer than this server reads (${DUMP_VERSION}): update the server`)
        header = value as unknown as DumpHeader
        continue
      }
      if (typeof value.end === 'number') {
        end = value.end
        continue
      }
      const table = value.table as DumpTable
      if (!TABLE_NAMES.includes(table)) throw new DumpError(`Unknown table in backup: ${String(value.table)}`)
      if (batch.table !== table || batch.rows.length >= 200) {
        await flush()
        batch.table = table
      }
      batch.rows.push(value.row as Record<string, unknown>)
      count++
    }
    await flush()
    if (!header) throw new DumpError('Empty backup file')
    if (end !== count) throw new DumpError('The backup file is cut short (its last line is missing): it cannot be restored')
    const epoch = randomSecret(12)
    await tx.insertInto('server_meta').values({ key: 'epoch', value: epoch }).onConflict((oc) => oc.column('key').doUpdateSet({ value: epoch })).execute()
    return count
  })
}

/** Deletes tombstones older than `before` (epoch ms) in every school; older cursors then reset. */
export async function purgeTombstones(db: Db, before: number): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const schools = await tx.selectFrom('schools').select('school_id').forUpdate().execute()
    let purged = 0
    for (const { school_id } of schools) {
      const rows = await tx
        .deleteFrom('records')
        .where('school_id', '=', school_id)
        .where('deleted', '=', true)
        // deletedAt is an HLC: its first 15 digits are the wall clock in ms, so text order is time order.
        .where(sql<string>`data->>'deletedAt'`, '<', String(before).padStart(15, '0'))
        .returning('version')
        .execute()
      if (rows.length === 0) continue
      purged += rows.length
      const highest = Math.max(...rows.map((r) => r.version))
      await tx.updateTable('schools').set((eb) => ({ purged_below: sql<number>`greatest(${eb.ref('purged_below')}, ${highest})` })).where('school_id', '=', school_id).execute()
    }
    return purged
  })
}
