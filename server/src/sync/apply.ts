// Applies one change to one record inside a push transaction (or a change the server makes itself,
// such as an account's roles): checks it against the registry and the caller's scope, merges it field
// by field with the shared pure merge, stores the result under the next per-school version, and keeps
// every losing value as a conflict record (../../shared/sync-design.md, "Conflict rules").
import * as v from 'valibot'
import { encodeHlc, parseHlc } from '@hl/core/domain/hlc'
import { uuidv7 } from '@hl/core/ids'
import { TABLE_SCOPE } from '@hl/core/schema/scope'
import { isTableName, naturalIdOf, ROW_SCHEMAS, TABLE_NAMES, TABLES, type TableName } from '@hl/core/schema/tables'
import { concurrentSince, isMetaField, mergeRecord, type StoredRecord } from '@hl/core/sync/merge'
import { LIMITS, type ConflictRow, type Mutation, type RejectCode } from '@hl/core/sync/protocol'
import { json, type Db } from '../store'
import { canWrite, factsOf, type RecordFacts, type Scope } from './scope'

export interface ApplyEnv {
  tx: Db
  schoolId: string
  scope: Scope
  now: number
  /** The next per-school version; the caller holds the school row's lock. */
  nextVersion(): number
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
    const parsed = parseHlc(stamp)!
    if (parsed.wall > limit) {
      clamped = true
      clock[field] = encodeHlc({ ...parsed, wall: limit })
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
  if (deletedAt !== undefined && deletedAt !== null && (typeof deletedAt !== 'string' || parseHlc(deletedAt) === null)) return reject('invalidFields', { table, issues: [{ field: 'deletedAt' }] })
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

async function loadRecord(env: ApplyEnv, table: string, id: string): Promise<StoredRow | undefined> {
  return env.tx
    .selectFrom('records')
    .select(['data', 'authors', 'read_kind', 'class_id', 'subject', 'grade', 'teacher_id', 'parent_id'])
    .where('school_id', '=', env.schoolId)
    .where('tbl', '=', table)
    .where('id', '=', id)
    .executeTakeFirst()
}

const factsOfStored = (row: StoredRow): RecordFacts => ({
  readKind: row.read_kind as RecordFacts['readKind'],
  classId: row.class_id,
  subject: row.subject,
  grade: row.grade,
  teacherId: row.teacher_id,
  parentId: row.parent_id,
})

/** Applies one change of the teacher `authorId`. Rejections change nothing. */
export async function applyChange(env: ApplyEnv, authorId: string, m: Pick<Mutation, 'table' | 'id' | 'op' | 'fields' | 'fieldClock' | 'baseClock'>): Promise<ApplyResult> {
  if (!isTableName(m.table)) return reject('unknownTable', { table: m.table })
  const table = m.table
  const invalid = checkFields(table, m)
  if (invalid) return invalid
  const { clock, clamped } = clampClocks(m.fieldClock, env.now)

  const stored = await loadRecord(env, table, m.id)
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
    const parent = await loadRecord(env, parentDef.table, String(record[parentDef.field]))
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
    await env.tx
      .insertInto('conflicts')
      .values({
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
      .execute()
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
    const values = {
      version: env.nextVersion(),
      data: json(record),
      authors: json(authors),
      read_kind: facts.readKind,
      class_id: facts.classId,
      subject: facts.subject,
      grade: facts.grade,
      teacher_id: facts.teacherId,
      parent_id: facts.parentId,
      deleted: record.deletedAt !== undefined,
    }
    await env.tx
      .insertInto('records')
      .values({ school_id: env.schoolId, tbl: table, id: m.id, ...values })
      .onConflict((oc) => oc.columns(['school_id', 'tbl', 'id']).doUpdateSet(values))
      .execute()
    if (stored && (stored.class_id !== facts.classId || stored.subject !== facts.subject)) await moveChildren(env, table, m.id, facts)
  }
  return { ok: true, conflicts, clampedClock: clamped ? clock : null, changed }
}

/** A record whose class or subject changed takes its children along (an assignment's items), each under a new version. */
async function moveChildren(env: ApplyEnv, table: TableName, id: string, facts: RecordFacts): Promise<void> {
  for (const child of CHILDREN[table] ?? []) {
    const rows = await env.tx.selectFrom('records').select('id').where('school_id', '=', env.schoolId).where('tbl', '=', child.table).where('parent_id', '=', id).execute()
    for (const row of rows) {
      await env.tx
        .updateTable('records')
        .set({ class_id: facts.classId, subject: facts.subject, version: env.nextVersion() })
        .where('school_id', '=', env.schoolId)
        .where('tbl', '=', child.table)
        .where('id', '=', row.id)
        .execute()
    }
  }
}
