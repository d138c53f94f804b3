// Applies one change to one record inside a push transaction (or a change the server makes itself,
// such as an account's roles): checks it against the registry and the caller's scope, merges it field
// by field with the shared pure merge, stores the result under the next per-school version, and keeps
// every losing value as a conflict record (../../shared/sync-design.md, "Conflict rules").
//
// A push's records are read in one query and written in one statement (a ChangeSet per
// transaction): a teacher's day of 30 changes is a handful of round trips, not a hundred.
import { sql, type RawBuilder } from 'kysely'
import * as v from 'valibot'
import { encodeHlc, hlcWall, isHlc, parseHlc } from '@hl/core/domain/hlc'
import { uuidv7 } from '@hl/core/ids'
import { TABLE_SCOPE } from '@hl/core/schema/scope'
import { isTableName, naturalIdOf, ROW_SCHEMAS, TABLE_NAMES, TABLES, type TableName } from '@hl/core/schema/tables'
import { concurrentSince, isMetaField, mergeRecord, type StoredRecord } from '@hl/core/sync/merge'
import { LIMITS, type ConflictRow, type Mutation, type RejectCode } from '@hl/core/sync/protocol'
import { json, planOnce, type Db } from '../store'
import { canWrite, factsOf, type RecordFacts, type Scope } from './scope'

export interface ApplyEnv {
  tx: Db
  schoolId: string
  scope: Scope
  now: number
  /** The next per-school version; the caller holds the school row's lock. */
  nextVersion(): number
  /** The transaction's reads and pending writes. */
  changes: ChangeSet
}

export type ApplyResult =
  | { ok: true; conflicts: ConflictRow[]; clampedClock: Record<string, string> | null; changed: boolean }
  | { ok: false; code: RejectCode; params: Record<string, unknown> }

const reject = (code: RejectCode, params: Record<string, unknown> = {}): ApplyResult => ({ ok: false, code, params })

/** Tables whose records take their class from a record of `table` (items from assignments). */
const CHILDREN: Record<string, { table: TableName; field: string }[]> = {}
for (const t of TABLE_NAMES) {
  const parent = TABLE_SCOPE[t].parent
  if (parent) (CHILDREN[parent.table] ??= []).push({ table: t, field: parent.field })
}

/** Clocks more than LIMITS.clockSkewMs ahead of the server are brought back to that limit (same counter and device). */
function clampClocks(fieldClock: Record<string, string>, now: number): { clock: Record<string, string>; clamped: boolean } {
  const limit = now + LIMITS.clockSkewMs
  let clamped = false
  const clock: Record<string, string> = {}
  for (const [field, stamp] of Object.entries(fieldClock)) {
    if (hlcWall(stamp) > limit) {
      clamped = true
      clock[field] = encodeHlc({ ...parseHlc(stamp)!, wall: limit })
    } else clock[field] = stamp
  }
  return { clock, clamped }
}

/** Checks the changed fields against the table's schema; a reason when they are not a valid change. */
function checkFields(table: TableName, m: Pick<Mutation, 'op' | 'fields' | 'fieldClock'>): ApplyResult | null {
  const known = TABLES[table].fields as Record<string, unknown>
  const unknown = Object.keys(m.fields).filter((f) => f !== 'deletedAt' && (isMetaField(f) || !Object.prototype.hasOwnProperty.call(known, f)))
  if (unknown.length > 0) return reject('invalidFields', { table, unknownFields: unknown })
  const clockless = Object.keys(m.fields).filter((f) => m.fieldClock[f] === undefined)
  const valueless = Object.keys(m.fieldClock).filter((f) => !Object.prototype.hasOwnProperty.call(m.fields, f))
  if (clockless.length > 0 || valueless.length > 0) return reject('invalidChange', { fieldsWithoutClock: clockless, clocksWithoutField: valueless })
  const deletedAt = m.fields.deletedAt
  if (deletedAt !== undefined && deletedAt !== null && (typeof deletedAt !== 'string' || !isHlc(deletedAt))) return reject('invalidFields', { table, issues: [{ field: 'deletedAt' }] })
  if ((m.op === 'delete') !== (typeof deletedAt === 'string')) return reject('invalidChange', { op: m.op })
  const { deletedAt: _d, ...own } = m.fields
  const parsed = v.safeParse(TABLES[table].patch, own)
  if (!parsed.success) return reject('invalidFields', { table, issues: parsed.issues.map((i) => ({ field: v.getDotPath(i) ?? '', message: i.message })) })
  return null
}

interface StoredRow {
  data: Record<string, unknown>
  authors: Record<string, string>
  read_kind: string
  class_id: string | null
  subject: string | null
  grade: number | null
  teacher_id: string | null
  parent_id: string | null
}

const keyOf = (table: string, id: string): string => `${table}\u0000${id}`

/**
 * The records one transaction reads and writes: read in bulk (`preload`), served from memory after,
 * written at the end in one upsert per 500 rows (`flush`). A record changed twice in one push is
 * written once, as it ends up.
 */
export class ChangeSet {
  private readonly rows = new Map<string, StoredRow | null>()
  private readonly writes = new Map<string, { table: string; id: string; version: number; row: StoredRow }>()
  private readonly conflictRows: Record<string, unknown>[] = []
  private readonly moved: { table: TableName; id: string; facts: RecordFacts }[] = []
  /** Rows this change set added (records new to the school, conflict notices): freshStats.ts counts them. */
  added = 0

  constructor(
    private readonly tx: Db,
    private readonly schoolId: string,
  ) {}

  /** Reads the records named (and not read yet) in one query. */
  async preload(keys: readonly { table: string; id: string }[]): Promise<void> {
    const missing = [...new Map(keys.filter((k) => !this.rows.has(keyOf(k.table, k.id))).map((k) => [keyOf(k.table, k.id), k])).values()]
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500)
      const { rows } = await planOnce(sql<{ found: FoundRow[] | null }>`select ${recordsByKey(this.schoolId, chunk)} as found`).execute(this.tx)
      this.take(chunk, rows[0]?.found ?? [])
    }
  }

  /** Records read elsewhere (with the school's lock: push.ts), in the same snapshot as the lock's. */
  take(keys: readonly { table: string; id: string }[], found: readonly FoundRow[]): void {
    for (const k of keys) this.rows.set(keyOf(k.table, k.id), null)
    for (const { tbl, id, ...row } of found) this.rows.set(keyOf(tbl, id), row)
  }

  async get(table: string, id: string): Promise<StoredRow | undefined> {
    if (!this.rows.has(keyOf(table, id))) await this.preload([{ table, id }])
    return this.rows.get(keyOf(table, id)) ?? undefined
  }

  put(table: string, id: string, version: number, row: StoredRow): void {
    const key = keyOf(table, id)
    if (this.rows.get(key) === null && !this.writes.has(key)) this.added++
    this.rows.set(key, row)
    this.writes.set(key, { table, id, version, row })
  }

  conflict(row: Record<string, unknown>): void {
    this.added++
    this.conflictRows.push(row)
  }

  moveChildrenLater(table: TableName, id: string, facts: RecordFacts): void {
    this.moved.push({ table, id, facts })
  }

  /**
   * Writes everything pending; then moves the children of records whose class changed; then `finish`
   * (the push's own last writes: its client's seq, the school's counter). In the common case, records
   * and no conflict or move, that is ONE statement (data-modifying CTEs): every statement a push makes
   * while it holds the school's lock is time the school's other pushes wait.
   */
  async flush(nextVersion: () => number, finish: () => RawBuilder<unknown>[] = () => []): Promise<void> {
    const writes = [...this.writes.values()]
    this.writes.clear()
    const conflicts = this.conflictRows.splice(0)
    const moved = this.moved.splice(0)
    const chunks: RawBuilder<unknown>[] = []
    for (let i = 0; i < writes.length; i += 500) chunks.push(upsertRecords(this.schoolId, writes.slice(i, i + 500)))
    const together = conflicts.length === 0 && moved.length === 0 ? chunks.pop() : undefined
    for (const chunk of chunks) await chunk.execute(this.tx)
    for (let i = 0; i < conflicts.length; i += 500) await this.tx.insertInto('conflicts').values(conflicts.slice(i, i + 500) as never).execute()
    for (const { table, id, facts } of moved) await moveChildren(this.tx, this.schoolId, table, id, facts, nextVersion)
    const last = [...(together ? [together] : []), ...finish()]
    if (last.length === 1) await last[0]!.execute(this.tx)
    else if (last.length > 1) await sql`with ${sql.join(last.map((w, k) => sql`${sql.raw(`w${k}`)} as (${w})`))} select 1`.execute(this.tx)
  }
}

/**
 * One upsert of up to 500 records, the rows as one JSON parameter (one text for PostgreSQL to parse)
 * rather than 13 parameters a row: the statement costs the same to plan for one row or 500, and the
 * server builds no query tree.
 */
function upsertRecords(schoolId: string, writes: readonly { table: string; id: string; version: number; row: StoredRow }[]): RawBuilder<unknown> {
  const rows = writes.map(({ table, id, version, row }) => ({
    tbl: table,
    id,
    version,
    data: row.data,
    authors: row.authors,
    read_kind: row.read_kind,
    class_id: row.class_id,
    subject: row.subject,
    grade: row.grade,
    teacher_id: row.teacher_id,
    parent_id: row.parent_id,
    deleted: row.data.deletedAt !== undefined,
  }))
  return planOnce(sql`
    insert into records (school_id, tbl, id, version, data, authors, read_kind, class_id, subject, grade, teacher_id, parent_id, deleted)
    select ${schoolId}, w.tbl, w.id, w.version, w.data, w.authors, w.read_kind, w.class_id, w.subject, w.grade, w.teacher_id, w.parent_id, w.deleted
    from jsonb_to_recordset(cast(${JSON.stringify(rows)}::text as jsonb))
      as w(tbl text, id text, version bigint, data jsonb, authors jsonb, read_kind text, class_id text, subject text, grade integer, teacher_id text, parent_id text, deleted boolean)
    on conflict (school_id, tbl, id) do update set version = excluded.version, data = excluded.data, authors = excluded.authors,
      read_kind = excluded.read_kind, class_id = excluded.class_id, subject = excluded.subject, grade = excluded.grade,
      teacher_id = excluded.teacher_id, parent_id = excluded.parent_id, deleted = excluded.deleted`)
}

/** A stored record as recordsByKey gives it. */
export type FoundRow = StoredRow & { tbl: string; id: string }

/**
 * A subquery: the stored records of `keys` as one JSON array (null when none), the keys one JSON
 * parameter: a list of 30 row values cost PostgreSQL more to plan than to run.
 */
export function recordsByKey(schoolId: string, keys: readonly { table: string; id: string }[]): RawBuilder<FoundRow[] | null> {
  return sql<FoundRow[] | null>`(select json_agg(json_build_object('tbl', r.tbl, 'id', r.id, 'data', r.data, 'authors', r.authors, 'read_kind', r.read_kind,
      'class_id', r.class_id, 'subject', r.subject, 'grade', r.grade, 'teacher_id', r.teacher_id, 'parent_id', r.parent_id))
    from jsonb_to_recordset(cast(${JSON.stringify(keys.map((k) => ({ tbl: k.table, id: k.id })))}::text as jsonb)) as k(tbl text, id text)
    join records r on r.school_id = ${schoolId} and r.tbl = k.tbl and r.id = k.id)`
}

const factsOfStored = (row: StoredRow): RecordFacts => ({
  readKind: row.read_kind as RecordFacts['readKind'],
  classId: row.class_id,
  subject: row.subject,
  grade: row.grade,
  teacherId: row.teacher_id,
  parentId: row.parent_id,
})

/** The records a batch of changes names: each change's record, and the parent its fields name. */
export function keysOf(changes: readonly Pick<Mutation, 'table' | 'id' | 'fields'>[]): { table: string; id: string }[] {
  const keys = changes.map((m) => ({ table: m.table, id: m.id }))
  for (const m of changes) {
    const def = isTableName(m.table) ? TABLE_SCOPE[m.table].parent : undefined
    const named = def ? m.fields[def.field] : undefined
    if (def && typeof named === 'string') keys.push({ table: def.table, id: named })
  }
  return keys
}

/**
 * The records (and their parents) a batch of changes touches, read before applying: the records and
 * the parents the changes name in one query, then, only if a stored record names a parent not read
 * yet (a record moving to another parent), those in a second.
 */
export async function preloadFor(env: ApplyEnv, changes: readonly Pick<Mutation, 'table' | 'id' | 'fields'>[]): Promise<void> {
  await env.changes.preload(keysOf(changes))
  const parents: { table: string; id: string }[] = []
  for (const m of changes) {
    const def = isTableName(m.table) ? TABLE_SCOPE[m.table].parent : undefined
    if (!def) continue
    const stored = await env.changes.get(m.table, m.id)
    if (stored?.parent_id) parents.push({ table: def.table, id: stored.parent_id })
  }
  await env.changes.preload(parents)
}

/** Applies one change of the teacher `authorId`. Rejections change nothing. */
export async function applyChange(env: ApplyEnv, authorId: string, m: Pick<Mutation, 'table' | 'id' | 'op' | 'fields' | 'fieldClock' | 'baseClock'>): Promise<ApplyResult> {
  if (!isTableName(m.table)) return reject('unknownTable', { table: m.table })
  const table = m.table
  const invalid = checkFields(table, m)
  if (invalid) return invalid
  const { clock, clamped } = clampClocks(m.fieldClock, env.now)

  const stored = await env.changes.get(table, m.id)
  const storedRecord = stored?.data as StoredRecord | undefined
  const merged = mergeRecord(storedRecord, m.id, { fields: m.fields, fieldClock: clock }, concurrentSince(storedRecord, m.baseClock))
  const record = merged.record

  // The record as it now stands must be a whole valid row of its table: a new record needs every field.
  const whole = v.safeParse(ROW_SCHEMAS[table], record)
  if (!whole.success) {
    if (!stored) {
      const missing = Object.keys(TABLES[table].fields).filter((f) => !Object.prototype.hasOwnProperty.call(record, f))
      if (missing.length > 0) return reject('incomplete', { table, missing })
    }
    return reject('invalidFields', { table, issues: whole.issues.map((i) => ({ field: v.getDotPath(i) ?? '', message: i.message })) })
  }
  const natural = naturalIdOf(table, record as never)
  if (natural !== null && natural !== m.id) return reject('naturalId', { table, expected: natural })

  // Scope: the record as sent and the record as stored must both be the caller's to write.
  const parentDef = TABLE_SCOPE[table].parent
  let parentFacts: RecordFacts | null = null
  if (parentDef) {
    const parent = await env.changes.get(parentDef.table, String(record[parentDef.field]))
    if (!parent) return reject('unknownParent', { table, parentTable: parentDef.table })
    parentFacts = factsOfStored(parent)
  }
  const facts = factsOf(table, record, parentFacts)
  if (!canWrite(env.scope, table, facts) || (stored && !canWrite(env.scope, table, factsOfStored(stored)))) return reject('forbidden', { table })

  const conflicts: ConflictRow[] = []
  const authors = { ...(stored?.authors ?? {}) }
  const keep = async (row: Omit<ConflictRow, 'id' | 'at' | 'dismissedAt'>): Promise<void> => {
    const conflict: ConflictRow = { id: uuidv7(env.now), at: env.now, dismissedAt: null, ...row }
    conflicts.push(conflict)
    env.changes.conflict({
        school_id: env.schoolId,
        conflict_id: conflict.id,
        version: env.nextVersion(),
        tbl: table,
        record_id: m.id,
        field: conflict.field,
        kind: conflict.kind,
        kept: json(conflict.kept ?? null),
        kept_clock: conflict.keptClock,
        kept_by: conflict.keptBy,
        lost: json(conflict.lost ?? null),
        lost_clock: conflict.lostClock,
        lost_by: conflict.lostBy,
        created_at: env.now,
        dismissed_at: null,
      })
  }
  for (const c of merged.conflicts) {
    const storedAuthor = authors[c.field] ?? null
    await keep({
      table,
      recordId: m.id,
      field: c.field,
      kind: 'field',
      kept: c.kept,
      keptClock: c.keptClock,
      keptBy: c.loser === 'stored' ? authorId : storedAuthor,
      lost: c.lost,
      lostClock: c.lostClock,
      lostBy: c.loser === 'stored' ? storedAuthor : authorId,
    })
  }
  if (merged.deletedWhileEdited && storedRecord) {
    const deletedNow = merged.applied.includes('deletedAt')
    // The edits the delete wins against: the stored side's concurrent edits, or this change's own.
    const editFields = deletedNow
      ? Object.keys(storedRecord.fieldClock).filter((f) => f !== 'deletedAt' && (storedRecord.fieldClock[f] ?? '') !== (m.baseClock[f] ?? ''))
      : Object.keys(m.fields).filter((f) => f !== 'deletedAt')
    const source = deletedNow ? storedRecord : m.fields
    await keep({
      table,
      recordId: m.id,
      field: '',
      kind: 'deleted',
      kept: record.deletedAt ?? null,
      keptClock: record.fieldClock.deletedAt ?? '',
      keptBy: deletedNow ? authorId : (authors.deletedAt ?? null),
      lost: Object.fromEntries(editFields.map((f) => [f, source[f]])),
      lostClock: editFields.map((f) => (deletedNow ? storedRecord.fieldClock[f] : clock[f]) ?? '').sort().at(-1) ?? '',
      lostBy: deletedNow ? (editFields.map((f) => authors[f]).find((a) => a !== undefined) ?? null) : authorId,
    })
  }

  const changed = merged.applied.length > 0 || !stored
  if (changed) {
    for (const f of merged.applied) authors[f] = authorId
    env.changes.put(table, m.id, env.nextVersion(), {
      data: record,
      authors,
      read_kind: facts.readKind,
      class_id: facts.classId,
      subject: facts.subject,
      grade: facts.grade,
      teacher_id: facts.teacherId,
      parent_id: facts.parentId,
    })
    if (stored && (stored.class_id !== facts.classId || stored.subject !== facts.subject) && CHILDREN[table]) env.changes.moveChildrenLater(table, m.id, facts)
  }
  return { ok: true, conflicts, clampedClock: clamped ? clock : null, changed }
}

/** A record whose class or subject changed takes its children along (an assignment's items), each under a new version. */
async function moveChildren(tx: Db, schoolId: string, table: TableName, id: string, facts: RecordFacts, nextVersion: () => number): Promise<void> {
  for (const child of CHILDREN[table] ?? []) {
    const rows = await tx.selectFrom('records').select('id').where('school_id', '=', schoolId).where('tbl', '=', child.table).where('parent_id', '=', id).orderBy('id').execute()
    for (const row of rows) {
      await tx
        .updateTable('records')
        .set({ class_id: facts.classId, subject: facts.subject, version: nextVersion() })
        .where('school_id', '=', schoolId)
        .where('tbl', '=', child.table)
        .where('id', '=', row.id)
        .execute()
    }
  }
}
