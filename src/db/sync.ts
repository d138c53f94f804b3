// The data layer's side of sync (../../shared/sync-design.md): the outbox read as batches of
// mutations and acknowledged, pulled records merged into the tables with the same pure field merge as
// the server (@hl/core/sync/merge), the pull cursor and the conflict notices (the device's sign-in is
// session.ts). The engine (src/sync) talks to the server; only this module touches the tables for it.
//
// Pulled records never go through write(): they are changes from elsewhere, so they bump no local
// clock of their own and append nothing to the outbox. A local change still waiting (or being sent)
// makes its fields concurrent with the pulled ones; the later clock wins either way, and the server,
// which receives the local value with its own clock, keeps the loser as a conflict notice for both.
import * as v from 'valibot'
import { encodeHlc, parseHlc, receiveHlc, type Hlc } from '@hl/core/domain/hlc'
import type { OutboxEntry } from '@hl/core/records'
import { isTableName, ROW_SCHEMAS, TABLE_NAMES, type TableName } from '@hl/core/schema/tables'
import { TABLE_SCOPE } from '@hl/core/schema/scope'
import { canWrite, factsOf, type AccessScope, type RecordFacts } from '@hl/core/sync/access'
import { isMetaField, mergeRecord, recordAsChange, type StoredRecord } from '@hl/core/sync/merge'
import { LIMITS, type ConflictRow, type Mutation, type PushResponse, type Rejection } from '@hl/core/sync/protocol'
import { META } from './constants'
import { newDeviceId } from '@hl/core/ids'
import type { AppDB } from './database'
import { write } from './write'

/** What the sync screen shows about the last runs. */
export interface SyncState {
  lastSyncAt: number | null
  /** The last run's error as a code (worded by the messages), or null after a good run. */
  lastError: { code: string; params: Record<string, unknown> } | null
  /** Changes the server refused (each consumed its seq), with what they were: shown until dismissed, never dropped silently. */
  rejected: (Rejection & { table: string; recordId: string; fields: Record<string, unknown>; at: number })[]
}

const EMPTY_STATE: SyncState = { lastSyncAt: null, lastError: null, rejected: [] }

export async function getSyncState(db: AppDB): Promise<SyncState> {
  const row = await db.meta.get(META.syncState)
  return { ...EMPTY_STATE, ...((row?.value as Partial<SyncState> | undefined) ?? {}) }
}

export async function updateSyncState(db: AppDB, patch: Partial<SyncState>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await getSyncState(db)
    await db.meta.put({ key: META.syncState, value: { ...current, ...patch } })
  })
}

export async function getCursor(db: AppDB): Promise<string | null> {
  const row = await db.meta.get(META.syncCursor)
  return typeof row?.value === 'string' ? row.value : null
}

export async function setCursor(db: AppDB, cursor: string | null): Promise<void> {
  if (cursor === null) await db.meta.delete(META.syncCursor)
  else await db.meta.put({ key: META.syncCursor, value: cursor })
}

/** Changes waiting to be sent (the number on the status indicator). */
export function countWaiting(db: AppDB): Promise<number> {
  return db.outbox.count()
}

type SentEntry = OutboxEntry & { seq: number; sent?: Mutation }

/**
 * The next batch of waiting changes, oldest first, as mutations: at most LIMITS.pushMutations and
 * about LIMITS.pushBytes. Each entry's mutation is built once, when it is first sent, and marked
 * `sentAt`, so a resend after a lost answer is the same mutation (the server skips what it has) and
 * later changes of the record start a new entry.
 */
export async function takeBatch(db: AppDB, now: number): Promise<Mutation[]> {
  return db.transaction('rw', db.outbox, async () => {
    const entries = (await db.outbox.orderBy('seq').limit(LIMITS.pushMutations).toArray()) as SentEntry[]
    const out: Mutation[] = []
    let bytes = 200
    for (const e of entries) {
      const mutation: Mutation = e.sent ?? {
        seq: e.seq,
        table: e.table,
        id: e.recordId,
        op: typeof e.fields.deletedAt === 'string' ? 'delete' : 'put',
        baseVersion: e.baseVersion,
        hlc: e.hlc,
        fields: e.fields,
        fieldClock: pick(e.fieldClock, Object.keys(e.fields)),
        baseClock: e.baseClock,
      }
      const size = JSON.stringify(mutation).length + 1
      if (out.length > 0 && bytes + size > LIMITS.pushBytes - 1024) break
      bytes += size
      out.push(mutation)
      if (!e.sent) await db.outbox.update(e.seq, { sent: mutation, sentAt: now } as Partial<SentEntry>)
    }
    return out
  })
}

function pick(clock: Record<string, string>, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of fields) if (clock[f] !== undefined) out[f] = clock[f]
  return out
}

/** Takes the server's answer to a push: what it took leaves the outbox; refusals and conflicts are kept to show. */
export async function acknowledgePush(db: AppDB, batch: readonly Mutation[], answer: PushResponse, now: number): Promise<void> {
  const tables = TABLE_NAMES.map((t) => db.table(t))
  await db.transaction('rw', [db.outbox, db.meta, db.syncConflicts, ...tables], async () => {
    // Everything up to lastSeq was taken (applied, skipped or refused).
    await db.outbox.where('seq').belowOrEqual(answer.lastSeq).delete()
    for (const c of answer.clamped) {
      // The server stored earlier clocks than this device's: take them, or this copy would keep a clock the server never will.
      const m = batch.find((x) => x.seq === c.seq)
      if (!m || !isTableName(m.table)) continue
      const local = (await db.table(m.table).get(m.id)) as StoredRecord | undefined
      if (!local) continue
      const fieldClock = { ...local.fieldClock }
      for (const [f, clock] of Object.entries(c.fieldClock)) if (fieldClock[f] === m.fieldClock[f]) fieldClock[f] = clock
      await db.table(m.table).put({ ...local, fieldClock })
    }
    if (answer.rejected.length > 0) {
      const state = await getSyncState(db)
      const rejected = answer.rejected.map((r) => {
        const m = batch.find((x) => x.seq === r.seq)
        return { ...r, table: m?.table ?? '', recordId: m?.id ?? '', fields: m?.fields ?? {}, at: now }
      })
      await db.meta.put({ key: META.syncState, value: { ...state, rejected: [...state.rejected, ...rejected].slice(-50) } })
    }
    if (answer.conflicts.length > 0) await db.syncConflicts.bulkPut(answer.conflicts)
  })
}

export interface PulledPage {
  records: readonly { table: string; row: Record<string, unknown> }[]
  conflicts: readonly ConflictRow[]
  cursor: string
}

export interface PageResult {
  applied: number
  /** Records the server sent that this app could not take (an unknown table, a row that fails its schema). */
  refused: number
  /** Ids of the records in the page, for a full pull's clean-up (table + id). */
  seen: string[]
}

/**
 * Merges one pulled page into the tables and moves the cursor past it, in one transaction: a crash
 * half-way leaves the cursor where the records are. Every row is checked with the registry's schema
 * first (a payload from a server is still input from outside).
 */
export async function applyPulledPage(db: AppDB, page: PulledPage, now: number): Promise<PageResult> {
  const tables = TABLE_NAMES.map((t) => db.table(t))
  // Checked before the transaction: a page is up to 500 rows, and the check needs no database.
  const result: PageResult = { applied: 0, refused: 0, seen: [] }
  const byTable = new Map<TableName, StoredRecord[]>()
  for (const { table, row } of page.records) {
    if (!isTableName(table)) {
      result.refused++
      continue
    }
    const parsed = v.safeParse(ROW_SCHEMAS[table], row)
    if (!parsed.success) {
      result.refused++
      continue
    }
    const incoming = parsed.output as unknown as StoredRecord
    result.seen.push(`${table}|${incoming.id}`)
    const list = byTable.get(table)
    if (list) list.push(incoming)
    else byTable.set(table, [incoming])
  }
  return db.transaction('rw', [...tables, db.outbox, db.meta, db.syncConflicts], async () => {
    let clock = await deviceClock(db, now)
    // The fields of this device's own changes still waiting (or being sent), by record: one read of the
    // outbox for the page, which is short on a device that syncs.
    const pending = new Map<string, Set<string>>()
    await db.outbox.each((e) => {
      const key = `${e.table}|${e.recordId}`
      const set = pending.get(key) ?? new Set<string>()
      for (const f of Object.keys(e.fields)) set.add(f)
      pending.set(key, set)
    })
    // Bulk reads and writes per table: a first sync brings tens of thousands of records.
    for (const [table, rows] of byTable) {
      const stored = (await db.table(table).bulkGet(rows.map((r) => r.id))) as (StoredRecord | undefined)[]
      const out: StoredRecord[] = []
      rows.forEach((incoming, i) => {
        const mine = pending.get(`${table}|${incoming.id}`)
        const merged = mergeRecord(stored[i], incoming.id, recordAsChange(incoming), (f) => mine?.has(f) ?? false)
        if (merged.applied.length > 0 || !stored[i]) out.push(merged.record)
        for (const stamp of Object.values(incoming.fieldClock)) {
          const remote = parseHlc(stamp)
          if (remote && remote.wall <= now + LIMITS.clockSkewMs && remote.wall >= clock.wall) clock = receiveHlc(clock, remote, now)
        }
      })
      if (out.length) await db.table(table).bulkPut(out)
      result.applied += out.length
    }
    if (page.conflicts.length > 0) await db.syncConflicts.bulkPut([...page.conflicts])
    await db.meta.put({ key: META.clock, value: encodeHlc(clock) })
    await db.meta.put({ key: META.syncCursor, value: page.cursor })
    return result
  })
}

async function deviceClock(db: AppDB, now: number): Promise<Hlc> {
  const stored = (await db.meta.get(META.clock))?.value
  const parsed = typeof stored === 'string' ? parseHlc(stored) : null
  if (parsed) return parsed
  let deviceId = (await db.meta.get(META.deviceId))?.value
  if (typeof deviceId !== 'string') {
    deviceId = newDeviceId()
    await db.meta.put({ key: META.deviceId, value: deviceId })
  }
  return { wall: now, counter: 0, deviceId: deviceId as string }
}

/**
 * After a full pull from the start (a reset because the caller's classes changed): records of classes
 * and owners the device may no longer read, that the pull did not send, are dropped from this device,
 * except those with a change of its own still waiting (that change is never dropped silently: the
 * server answers it, and refuses it if it is out of scope). Records every account reads stay.
 */
export async function dropOutOfScope(db: AppDB, seen: ReadonlySet<string>): Promise<number> {
  const scoped = TABLE_NAMES.filter((t) => TABLE_SCOPE[t].read !== 'school')
  let dropped = 0
  await db.transaction('rw', [...scoped.map((t) => db.table(t)), db.outbox], async () => {
    const waiting = new Set((await db.outbox.toArray()).map((e) => `${e.table}|${e.recordId}`))
    for (const table of scoped) {
      const gone = (await db.table(table).toCollection().primaryKeys()) as string[]
      const drop = gone.filter((id) => !seen.has(`${table}|${id}`) && !waiting.has(`${table}|${id}`))
      if (drop.length) await db.table(table).bulkDelete(drop)
      dropped += drop.length
    }
  })
  return dropped
}

/**
 * Puts every record of the device that the caller may write in the outbox as a whole (the first sign-in
 * to a school, or after a restore from a backup, which empties the outbox): the server takes what it
 * does not have and skips what it has (the field merge is idempotent), so local work is never lost to
 * the server's copy. Records the caller may not write (another teacher's homework, the roster of a
 * class she only teaches) are left out: the server would refuse them, and they are the server's.
 */
export async function enqueueEverything(db: AppDB, scope: AccessScope | null): Promise<void> {
  const tables = TABLE_NAMES.map((t) => db.table(t))
  await db.transaction('rw', [...tables, db.outbox], async () => {
    const waiting = new Set((await db.outbox.toArray()).filter((e) => e.sentAt === undefined).map((e) => `${e.table}|${e.recordId}`))
    // A record's facts, its class and subject taken through its parents (a bank use → item → assignment).
    const factsFor = async (table: TableName, r: StoredRecord, depth = 0): Promise<RecordFacts | null> => {
      const parentDef = TABLE_SCOPE[table].parent
      if (!parentDef) return factsOf(table, r, null)
      const parent = (await db.table(parentDef.table).get(String(r[parentDef.field]))) as StoredRecord | undefined
      if (!parent || depth > 3) return null
      return factsOf(table, r, await factsFor(parentDef.table, parent, depth + 1))
    }
    for (const table of TABLE_NAMES) {
      const entries: OutboxEntry[] = []
      for (const r of (await db.table(table).toArray()) as StoredRecord[]) {
        if (waiting.has(`${table}|${r.id}`)) continue
        if (scope) {
          const facts = await factsFor(table, r)
          if (!facts || !canWrite(scope, table, facts)) continue
        }
        const fields: Record<string, unknown> = {}
        for (const [k, value] of Object.entries(r)) if (!isMetaField(k) && k !== 'deletedAt') fields[k] = value
        if (r.fieldClock.deletedAt !== undefined) fields.deletedAt = r.deletedAt ?? null
        const fieldClock = Object.fromEntries(Object.keys(fields).map((f) => [f, r.fieldClock[f] ?? r.updatedAt]))
        entries.push({ table, recordId: r.id, op: r.deletedAt ? 'delete' : 'put', fields, fieldClock, hlc: r.updatedAt, baseVersion: 0, baseClock: {} })
      }
      await db.outbox.bulkAdd(entries)
    }
  })
}

export function listConflicts(db: AppDB): Promise<ConflictRow[]> {
  return db.syncConflicts.filter((c) => c.dismissedAt === null).reverse().sortBy('at')
}

export async function markConflictsDismissed(db: AppDB, ids: readonly string[], now: number): Promise<void> {
  await db.syncConflicts.where('id').anyOf([...ids]).modify({ dismissedAt: now })
}

/** The tables a record kind lives in, for the engine's type checks. */
export function isSyncedTable(name: string): name is TableName {
  return isTableName(name)
}

/**
 * "Restore this value": the value that lost is written again as this device's change (a later clock,
 * so it wins everywhere once sent). For a delete that won against an edit, the record comes back with
 * the edited fields. False when the record is not on this device.
 */
export async function restoreConflictValue(db: AppDB, conflict: ConflictRow): Promise<boolean> {
  if (!isTableName(conflict.table)) return false
  const table = conflict.table
  return write(db, [table], async (w) => {
    const stored = (await db.table(table).get(conflict.recordId)) as StoredRecord | undefined
    if (!stored) return false
    if (conflict.kind === 'deleted') {
      await w.restore(table, conflict.recordId)
      const edits = conflict.lost && typeof conflict.lost === 'object' ? (conflict.lost as Record<string, unknown>) : {}
      const known = ROW_SCHEMAS[table].entries as Record<string, unknown>
      const patch = Object.fromEntries(Object.entries(edits).filter(([k]) => Object.prototype.hasOwnProperty.call(known, k) && !isMetaField(k) && k !== 'deletedAt'))
      if (Object.keys(patch).length) await w.update(table, conflict.recordId, patch as never)
      return true
    }
    if (stored.deletedAt !== undefined) await w.restore(table, conflict.recordId)
    await w.update(table, conflict.recordId, { [conflict.field]: conflict.lost } as never)
    return true
  })
}

export async function dismissRejection(db: AppDB, index: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const state = await getSyncState(db)
    await db.meta.put({ key: META.syncState, value: { ...state, rejected: state.rejected.filter((_, i) => i !== index) } })
  })
}
