// The backup file: the whole school on a device as one versioned JSON document, so it can be kept safe
// and restored on another device (house-style habit 5: everything from outside passes a schema and an
// upgrade step; a bad file gets a clear message naming what is wrong, and changes nothing).
//
// Shape (version 3):
//   { format: 'homework-ledger-backup', version: 3, schemaVersion, exportedAt, deviceId?,
//     meta: { schoolId, me }, tables: { schools: [...], ..., trials: [...] }, drafts: [...] }
// - `tables` holds every synced table (the registry in ../schema/tables.ts) with every row as stored,
//   tombstones included: a device restored from a backup must still be able to tell a sync server what
//   was deleted (../shared/sync-design.md).
// - `drafts` holds the designer's unsaved work on the device (../schema/drafts.ts): a teacher's
//   half-finished homework, and the 先做 timers of its items, come back with the rest.
// - Not in the file: the outbox (changes waiting to be sent belong to the device that made them) and the
//   device-local meta (device id, clock, UI settings). Of the meta table only the school on the device
//   and who "me" is travel, as `meta`, because without them the restored school would not open.
// - `schemaVersion` is the database schema the rows were read from; a newer one is refused at the check,
//   before the user is asked to confirm anything.
//
// The one promise: a file this app wrote always reads back. So the check refuses only what the app can
// never write (a malformed row, a duplicate id, a school that is not in the file). A reference to a
// record not in the file is reported as a warning, not refused: on a device that syncs, a record may
// arrive before its parent or refer to one outside the device's scope, and a 先做 timer may belong to an
// item of an unsaved draft.
//
// Problems are codes with parameters; the app and the CLI word them in the user's language.
import * as v from 'valibot'
import { DRAFT_RECORD } from '../schema/drafts'
import { refsOf, ROW_SCHEMAS, TABLE_NAMES, type TableName } from '../schema/tables'
import { cellText } from './sanitize'
import { upgradeBackup } from './backupUpgrade'

export const BACKUP_FORMAT = 'homework-ledger-backup'
export const BACKUP_VERSION = 3

/** The synced tables in the order they are written and checked (parents before children). */
export const BACKUP_TABLES = TABLE_NAMES
export type BackupTableName = TableName

const FILE_SCHEMA = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.pipe(v.string(), v.maxLength(40)),
  deviceId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  meta: v.object({ schoolId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)), me: v.nullable(v.pipe(v.string(), v.maxLength(200))) }),
  tables: v.object(Object.fromEntries(BACKUP_TABLES.map((t) => [t, v.array(ROW_SCHEMAS[t])])) as { [K in BackupTableName]: v.ArraySchema<(typeof ROW_SCHEMAS)[K], undefined> }),
  drafts: v.array(DRAFT_RECORD),
})

export type BackupFile = v.InferOutput<typeof FILE_SCHEMA>
export type BackupRows = BackupFile['tables']

export type BackupProblemCode =
  | 'empty'
  | 'image'
  | 'archive'
  | 'pdf'
  | 'notUtf8'
  | 'truncated'
  | 'notJson'
  | 'notBackup'
  | 'versionInvalid'
  | 'newerVersion'
  | 'newerSchema'
  | 'missing'
  | 'wrongType'
  | 'badValue'
  | 'duplicateId'
  | 'schoolMissing'
  | 'meMissing'
  | 'more'

/** What a bad value breaks, for `badValue`. */
export type BackupValueRule = 'integer' | 'min' | 'max' | 'notEmpty' | 'tooLong' | 'finite' | 'date' | 'dateOrEmpty' | 'hlc' | 'minutes' | 'choice' | 'format' | 'other'

/** One thing wrong with a file, naming where: the table, the row (1-based) and the field. */
export interface BackupProblem {
  code: BackupProblemCode
  params: Readonly<Record<string, string | number>>
  table?: BackupTableName
  /** 1-based position of the row in its table. */
  row?: number
  field?: string
}

/** Something worth saying about a file that still restores: rows that refer to records not in it. */
export interface BackupWarning {
  code: 'danglingRefs'
  table: BackupTableName
  field: string
  target: BackupTableName
  count: number
}

export type BackupReadResult =
  | { ok: true; backup: BackupFile; upgradedFrom: number | null; warnings: BackupWarning[] }
  | { ok: false; problems: BackupProblem[] }

/** At most this many problems are listed: a file with 10,000 bad rows needs the first few to be understood. */
export const MAX_PROBLEMS = 30

const PNG = [0x89, 0x50, 0x4e, 0x47]
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const PDF = [0x25, 0x50, 0x44, 0x46]

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b)
const problem = (code: BackupProblemCode, params: Record<string, string | number> = {}, where: Partial<BackupProblem> = {}): BackupProblem => ({ code, params, ...where })

/** Decodes a chosen file: strict UTF-8 text, else a problem saying what the file seems to be. */
export function decodeBackupBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problems: BackupProblem[] } {
  if (bytes.length === 0) return { ok: false, problems: [problem('empty')] }
  if (startsWith(bytes, PNG)) return { ok: false, problems: [problem('image')] }
  if (startsWith(bytes, ZIP)) return { ok: false, problems: [problem('archive')] }
  if (startsWith(bytes, PDF)) return { ok: false, problems: [problem('pdf')] }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text }
  } catch {
    return { ok: false, problems: [problem('notUtf8')] }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export interface ReadBackupOptions {
  /** The newest database schema this app knows: a backup written by a newer one is refused here. */
  knownSchemaVersion: number
}

/** Reads a backup: parse, check the marker and versions, upgrade an older version, validate every row. */
export function readBackup(text: string, { knownSchemaVersion }: ReadBackupOptions): BackupReadResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const truncated = /end of (json )?input|unterminated|Unexpected end/i.test(detail)
    return { ok: false, problems: [problem(truncated ? 'truncated' : 'notJson')] }
  }
  if (!isObject(json) || json.format !== BACKUP_FORMAT) {
    const params: Record<string, string> = isObject(json) && typeof json.format === 'string' ? { format: cellText(json.format) } : {}
    return { ok: false, problems: [problem('notBackup', params)] }
  }
  const version = json.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problems: [problem('versionInvalid', { version: cellText(String(version)) }, { field: 'version' })] }
  }
  if (version > BACKUP_VERSION) {
    return { ok: false, problems: [problem('newerVersion', { version, known: BACKUP_VERSION }, { field: 'version' })] }
  }
  const schemaVersion = json.schemaVersion
  if (typeof schemaVersion === 'number' && schemaVersion > knownSchemaVersion) {
    return { ok: false, problems: [problem('newerSchema', { version: schemaVersion, known: knownSchemaVersion }, { field: 'schemaVersion' })] }
  }
  const upgraded = version < BACKUP_VERSION ? upgradeBackup(json, version) : json

  const parsed = v.safeParse(FILE_SCHEMA, upgraded, { abortEarly: false })
  if (!parsed.success) return { ok: false, problems: limit(parsed.issues.map(issueToProblem)) }
  const problems = checkIdentity(parsed.output)
  if (problems.length > 0) return { ok: false, problems: limit(problems) }
  return { ok: true, backup: parsed.output, upgradedFrom: version < BACKUP_VERSION ? version : null, warnings: danglingReferences(parsed.output) }
}

function limit(problems: BackupProblem[]): BackupProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems
  return [...problems.slice(0, MAX_PROBLEMS), problem('more', { n: problems.length - MAX_PROBLEMS })]
}

const VALUE_RULES: Readonly<Record<string, BackupValueRule>> = {
  integer: 'integer',
  min_value: 'min',
  max_value: 'max',
  min_length: 'notEmpty',
  max_length: 'tooLong',
  finite: 'finite',
  picklist: 'choice',
  literal: 'choice',
  regex: 'format',
}

function ruleOf(issue: v.BaseIssue<unknown>): BackupValueRule | null {
  if (issue.type === 'check') {
    const known = ['date', 'dateOrEmpty', 'hlc', 'minutes'] as const
    return (known as readonly string[]).includes(issue.message) ? (issue.message as BackupValueRule) : 'other'
  }
  return VALUE_RULES[issue.type] ?? null
}

function issueToProblem(issue: v.BaseIssue<unknown>): BackupProblem {
  const keys = (issue.path ?? []).map((p) => p.key as string | number)
  const where: Partial<BackupProblem> = {}
  let fieldKeys = keys
  if (keys[0] === 'tables' && typeof keys[1] === 'string' && (BACKUP_TABLES as readonly string[]).includes(keys[1])) {
    where.table = keys[1] as BackupTableName
    if (typeof keys[2] === 'number') {
      where.row = keys[2] + 1
      fieldKeys = keys.slice(3)
    } else fieldKeys = []
  }
  const field = fieldKeys.map((k) => cellText(String(k), 60)).join('.')
  if (field) where.field = field
  // valibot quotes the value it got; a 50 MB name or an escape sequence must not reach the message.
  const received = cellText(issue.received)
  if (issue.received === 'undefined') return problem('missing', {}, where)
  const rule = ruleOf(issue)
  if (rule) {
    const requirement: Record<string, number> = typeof issue.requirement === 'number' ? { limit: issue.requirement } : {}
    return problem('badValue', { received, rule, ...requirement }, where)
  }
  return problem('wrongType', { received, expected: cellText(issue.expected ?? '') }, where)
}

/** Ids unique per table, and the school and "me" present: without them the file cannot be restored. */
function checkIdentity(backup: BackupFile): BackupProblem[] {
  const problems: BackupProblem[] = []
  for (const table of BACKUP_TABLES) {
    const seen = new Set<string>()
    backup.tables[table].forEach((row, index) => {
      if (seen.has(row.id)) problems.push(problem('duplicateId', { id: cellText(row.id) }, { table, row: index + 1, field: 'id' }))
      seen.add(row.id)
    })
  }
  const school = backup.tables.schools.find((s) => s.id === backup.meta.schoolId)
  if (!school || school.deletedAt !== undefined) problems.push(problem('schoolMissing', { id: cellText(backup.meta.schoolId) }, { field: 'meta.schoolId' }))
  if (backup.meta.me !== null && !backup.tables.teachers.some((t) => t.id === backup.meta.me)) {
    problems.push(problem('meMissing', { id: cellText(backup.meta.me) }, { field: 'meta.me' }))
  }
  return problems
}

/**
 * Live rows whose reference points at no record in the file, counted per table and field. A 先做 timer
 * of an item of an unsaved draft in the file is not dangling: the item is in the draft.
 */
export function danglingReferences(backup: Pick<BackupFile, 'tables' | 'drafts'>): BackupWarning[] {
  const ids = new Map<BackupTableName, Set<string>>()
  for (const table of BACKUP_TABLES) ids.set(table, new Set(backup.tables[table].map((r) => r.id)))
  for (const draft of backup.drafts) for (const item of draft.state.items) ids.get('items')!.add(item.id)
  const out: BackupWarning[] = []
  for (const table of BACKUP_TABLES) {
    for (const ref of refsOf(table)) {
      let count = 0
      for (const row of backup.tables[table] as readonly Record<string, unknown>[]) {
        if (row.deletedAt !== undefined) continue
        const value = row[ref.field]
        if (ref.optional && value === '') continue
        if (typeof value !== 'string' || !ids.get(ref.table)!.has(value)) count++
      }
      if (count > 0) out.push({ code: 'danglingRefs', table, field: ref.field, target: ref.table, count })
    }
  }
  return out
}

/** Live rows per table, for the "what will be replaced" summary. */
export function countBackupRows(tables: { [K in BackupTableName]: readonly { deletedAt?: string }[] }): Record<BackupTableName, number> {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].filter((r) => r.deletedAt === undefined).length])) as Record<BackupTableName, number>
}

/** 作业台账备份-学校名-YYYYMMDD.json; characters that file systems refuse become '_'. */
export function backupFileName(schoolName: string, date: string): string {
  const safe = schoolName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 60) || '学校'
  return `作业台账备份-${safe}-${date.replaceAll('-', '')}.json`
}

/** The file's text: pretty enough to read, stable key order. */
export function writeBackup(backup: BackupFile): string {
  return `${JSON.stringify(backup, null, 1)}\n`
}
