// The backup file: the whole school on a device as one versioned JSON document, so it can be kept safe
// and restored on another device (house-style habit 5: everything from outside passes a schema and an
// upgrade step; a bad file gets a clear message naming what is wrong, and changes nothing).
//
// Shape (version 1):
//   { format: 'homework-ledger-backup', version: 1, schemaVersion, exportedAt, deviceId?,
//     meta: { schoolId, me }, tables: { schools: [...], terms: [...], ..., trials: [...] } }
// - `tables` holds every synced table with every row as stored, tombstones included: a device restored
//   from a backup must still be able to tell a sync server what was deleted (../shared/sync-design.md).
// - Not in the file: the outbox (changes waiting to be sent belong to the device that made them; a
//   restore replaces the data wholesale, and a later sync starts from a reset) and the device-local meta
//   (device id, clock, UI settings). Of the meta table only the school on the device and who "me" is
//   travel, as `meta`, because without them the restored school would not open as the same teacher.
// - `schemaVersion` is the database schema the rows were read from; the importer refuses a newer one.
//
// Everything here is pure: the db layer (src/db/backup.ts) reads and writes the database.
import * as v from 'valibot'
import { isIsoDate } from '../domain/dates'
import { upgradeBackup } from './backupUpgrade'

export const BACKUP_FORMAT = 'homework-ledger-backup'
export const BACKUP_VERSION = 1

/** The synced tables in the order they are written and checked (parents before children). */
export const BACKUP_TABLES = [
  'schools',
  'terms',
  'calendarDays',
  'gradeSubjects',
  'classes',
  'teachers',
  'teachings',
  'roles',
  'students',
  'studentTiers',
  'assignments',
  'items',
  'trials',
] as const
export type BackupTableName = (typeof BACKUP_TABLES)[number]

/** Chinese names of the tables, for messages and the "what will be replaced" summary. */
export const TABLE_LABELS: Readonly<Record<BackupTableName, string>> = {
  schools: '学校',
  terms: '学期',
  calendarDays: '校历调整',
  gradeSubjects: '年级学科',
  classes: '班级',
  teachers: '教师',
  teachings: '任课',
  roles: '职务',
  students: '学生',
  studentTiers: '学生分层',
  assignments: '作业',
  items: '作业内容',
  trials: '先做计时',
}

// ---- row schemas: one per table, mirroring packages/core/src/records.ts (src/db/backup.ts checks they agree) ----

const id = v.pipe(v.string(), v.minLength(1))
const isoDate = v.pipe(v.string(), v.check(isIsoDate, '须为 YYYY-MM-DD 日期'))
const dateOrEmpty = v.pipe(v.string(), v.check((s) => s === '' || isIsoDate(s), '须为 YYYY-MM-DD 日期或空'))
const count = v.pipe(v.number(), v.integer(), v.minValue(0))
const minutes = v.nullable(v.pipe(v.number(), v.minValue(0), v.finite()))
const grade = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12))

const syncMeta = {
  id,
  updatedAt: v.string(),
  fieldClock: v.record(v.string(), v.string()),
  deletedAt: v.optional(v.string()),
  version: count,
}

const budgets = v.nullable(v.object({ bySubject: v.record(v.string(), v.number()), otherSubjects: v.nullable(v.number()) }))
const levelRules = v.object({
  homeWrittenAllowed: v.optional(v.boolean()),
  dailyCapMinutes: v.optional(v.nullable(v.number())),
  restDayCapMinutes: v.optional(v.union([v.number(), v.literal('schoolDayCap')])),
  bedtime: v.optional(v.string()),
  sleepHours: v.optional(v.number()),
  teacherMultiplier: v.optional(v.number()),
  subjectBudgets: v.optional(budgets),
  restDaySubjectBudgets: v.optional(budgets),
})
const tierMap = v.object({ core: v.boolean(), extend: v.boolean(), challenge: v.boolean() })

export const ROW_SCHEMAS = {
  schools: v.object({
    ...syncMeta,
    name: v.string(),
    regionId: v.string(),
    rules: v.object({
      lowerPrimary: v.optional(levelRules),
      upperPrimary: v.optional(levelRules),
      juniorHigh: v.optional(levelRules),
      seniorHigh: v.optional(levelRules),
    }),
  }),
  terms: v.object({ ...syncMeta, name: v.string(), startDate: isoDate, endDate: isoDate }),
  calendarDays: v.object({ ...syncMeta, date: isoDate, type: v.picklist(['school', 'rest']), note: v.string() }),
  gradeSubjects: v.object({ ...syncMeta, grade, subject: v.string(), position: v.number() }),
  classes: v.object({ ...syncMeta, grade, name: v.string() }),
  teachers: v.object({ ...syncMeta, name: v.string() }),
  teachings: v.object({ ...syncMeta, teacherId: id, classId: id, subject: v.string() }),
  roles: v.object({ ...syncMeta, teacherId: id, role: v.picklist(['homeroomTeacher', 'gradeLeader']), classId: v.string(), grade }),
  students: v.object({ ...syncMeta, classId: id, number: v.string(), name: v.string(), position: v.number() }),
  studentTiers: v.object({ ...syncMeta, studentId: id, classId: id, subject: v.string(), tier: v.picklist(['core', 'extend', 'challenge']) }),
  assignments: v.object({
    ...syncMeta,
    classId: id,
    subject: v.string(),
    date: isoDate,
    due: dateOrEmpty,
    status: v.picklist(['draft', 'published']),
    teacherId: id,
    batchId: v.string(),
  }),
  items: v.object({
    ...syncMeta,
    assignmentId: id,
    position: v.number(),
    title: v.string(),
    kind: v.picklist(['written', 'oral', 'reading', 'practice', 'exercise', 'chores']),
    where: v.picklist(['home', 'school']),
    tiers: tierMap,
    minutes,
    trialMinutes: minutes,
  }),
  trials: v.object({
    ...syncMeta,
    itemId: id,
    teacherId: id,
    state: v.picklist(['running', 'paused', 'finished']),
    elapsedMs: v.pipe(v.number(), v.minValue(0)),
    runningSince: v.nullable(v.number()),
  }),
} satisfies Record<BackupTableName, v.GenericSchema>

export type BackupRows = { [K in BackupTableName]: v.InferOutput<(typeof ROW_SCHEMAS)[K]>[] }

const FILE_SCHEMA = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.string(),
  deviceId: v.optional(v.string()),
  meta: v.object({ schoolId: id, me: v.nullable(v.string()) }),
  tables: v.object(Object.fromEntries(BACKUP_TABLES.map((t) => [t, v.array(ROW_SCHEMAS[t])])) as { [K in BackupTableName]: v.ArraySchema<(typeof ROW_SCHEMAS)[K], undefined> }),
})

export type BackupFile = v.InferOutput<typeof FILE_SCHEMA>

/** One thing wrong with a file, in Chinese, naming where: the table, the row (1-based) and the field. */
export interface BackupProblem {
  message: string
  table?: BackupTableName
  /** 1-based position of the row in its table. */
  row?: number
  field?: string
}

export type BackupReadResult = { ok: true; backup: BackupFile; upgradedFrom: number | null } | { ok: false; problems: BackupProblem[] }

/** At most this many problems are listed: a file with 10,000 bad rows needs the first few to be understood. */
export const MAX_PROBLEMS = 30

const PNG = [0x89, 0x50, 0x4e, 0x47]
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const PDF = [0x25, 0x50, 0x44, 0x46]

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b)

/** Decodes a chosen file: strict UTF-8 text, else a message saying what the file seems to be. */
export function decodeBackupBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problems: BackupProblem[] } {
  if (bytes.length === 0) return { ok: false, problems: [{ message: '文件是空的，不是备份文件' }] }
  if (startsWith(bytes, PNG)) return { ok: false, problems: [{ message: '这是一张 PNG 图片，不是备份文件（可能只是改了扩展名）' }] }
  if (startsWith(bytes, ZIP)) return { ok: false, problems: [{ message: '这是一个压缩包或 Office 文档，不是备份文件' }] }
  if (startsWith(bytes, PDF)) return { ok: false, problems: [{ message: '这是一个 PDF 文件，不是备份文件' }] }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text }
  } catch {
    return { ok: false, problems: [{ message: '文件不是 UTF-8 文本，不是本应用导出的备份文件' }] }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads a backup: parse, check the marker, upgrade an older version, validate every row and reference. */
export function readBackup(text: string): BackupReadResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const truncated = /end of (json )?input|unterminated|Unexpected end/i.test(detail)
    return {
      ok: false,
      problems: [{ message: truncated ? '文件不完整：JSON 在中途结束（可能下载或复制时被截断）' : `文件不是有效的 JSON：${detail}` }],
    }
  }
  if (!isObject(json) || json.format !== BACKUP_FORMAT) {
    const other = isObject(json) && typeof json.format === 'string' ? `（文件标记为「${json.format}」）` : ''
    return { ok: false, problems: [{ message: `这不是作业台账的备份文件${other}：缺少标记 format: "${BACKUP_FORMAT}"` }] }
  }
  const version = json.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problems: [{ message: `备份的版本号「${String(version)}」无效`, field: 'version' }] }
  }
  if (version > BACKUP_VERSION) {
    return { ok: false, problems: [{ message: `这份备份来自更新的版本（备份格式 ${version}，本应用只认到 ${BACKUP_VERSION}）：请先更新应用再导入`, field: 'version' }] }
  }
  const upgraded = version < BACKUP_VERSION ? upgradeBackup(json, version) : json

  const parsed = v.safeParse(FILE_SCHEMA, upgraded, { abortEarly: false })
  if (!parsed.success) return { ok: false, problems: limit(parsed.issues.map(issueToProblem)) }
  const problems = checkReferences(parsed.output)
  if (problems.length > 0) return { ok: false, problems: limit(problems) }
  return { ok: true, backup: parsed.output, upgradedFrom: version < BACKUP_VERSION ? version : null }
}

function limit(problems: BackupProblem[]): BackupProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems
  return [...problems.slice(0, MAX_PROBLEMS), { message: `还有 ${problems.length - MAX_PROBLEMS} 处问题未列出` }]
}

const TYPE_WORDS: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: 'true 或 false',
  object: '对象',
  array: '列表',
  null: 'null',
}

function expectedText(expected: string | null): string {
  if (!expected) return ''
  return expected
    .split(' | ')
    .map((e) => TYPE_WORDS[e] ?? e)
    .join(' 或 ')
}

function issueToProblem(issue: v.BaseIssue<unknown>): BackupProblem {
  const keys = (issue.path ?? []).map((p) => p.key as string | number)
  const where: Omit<BackupProblem, 'message'> = {}
  let fieldKeys = keys
  if (keys[0] === 'tables' && typeof keys[1] === 'string' && (BACKUP_TABLES as readonly string[]).includes(keys[1])) {
    where.table = keys[1] as BackupTableName
    if (typeof keys[2] === 'number') {
      where.row = keys[2] + 1
      fieldKeys = keys.slice(3)
    } else fieldKeys = []
  }
  const field = fieldKeys.join('.')
  if (field) where.field = field
  const place = [where.table ? `表「${TABLE_LABELS[where.table]}」（${where.table}）` : '', where.row ? `第 ${where.row} 行` : '', field ? `字段「${field}」` : '']
    .filter(Boolean)
    .join(' ')
  const missing = issue.received === 'undefined'
  let what: string
  if (missing) what = '缺失'
  else if (issue.type === 'check' || issue.type === 'min_value' || issue.type === 'max_value' || issue.type === 'integer' || issue.type === 'min_length' || issue.type === 'finite') {
    what = `的值 ${issue.received} 不符合要求（${checkText(issue)}）`
  } else what = `的值 ${issue.received} 类型不对，应为 ${expectedText(issue.expected)}`
  return { ...where, message: `${place || '文件'}${what}` }
}

function checkText(issue: v.BaseIssue<unknown>): string {
  switch (issue.type) {
    case 'integer':
      return '须为整数'
    case 'min_value':
      return `不能小于 ${issue.requirement as number}`
    case 'max_value':
      return `不能大于 ${issue.requirement as number}`
    case 'min_length':
      return '不能为空'
    case 'finite':
      return '须为有限的数'
    default:
      return issue.message
  }
}

/** Ids unique per table, and every reference pointing at a row in the file (tombstones count: they exist). */
function checkReferences(backup: BackupFile): BackupProblem[] {
  const problems: BackupProblem[] = []
  const ids = {} as Record<BackupTableName, Set<string>>
  for (const table of BACKUP_TABLES) {
    const seen = new Set<string>()
    backup.tables[table].forEach((row, index) => {
      if (seen.has(row.id)) problems.push({ table, row: index + 1, field: 'id', message: `表「${TABLE_LABELS[table]}」（${table}）第 ${index + 1} 行：id「${row.id}」重复` })
      seen.add(row.id)
    })
    ids[table] = seen
  }
  const ref = <K extends BackupTableName>(table: K, field: string, target: BackupTableName, pick: (row: BackupRows[K][number]) => string, optional = false) => {
    ;(backup.tables[table] as BackupRows[K]).forEach((row, index) => {
      const value = pick(row)
      if (optional && value === '') return
      if (!ids[target].has(value)) {
        problems.push({
          table,
          row: index + 1,
          field,
          message: `表「${TABLE_LABELS[table]}」（${table}）第 ${index + 1} 行：字段「${field}」指向的${TABLE_LABELS[target]}「${value}」在备份中不存在`,
        })
      }
    })
  }
  ref('teachings', 'teacherId', 'teachers', (r) => r.teacherId)
  ref('teachings', 'classId', 'classes', (r) => r.classId)
  ref('roles', 'teacherId', 'teachers', (r) => r.teacherId)
  ref('roles', 'classId', 'classes', (r) => r.classId, true)
  ref('students', 'classId', 'classes', (r) => r.classId)
  ref('studentTiers', 'studentId', 'students', (r) => r.studentId)
  ref('studentTiers', 'classId', 'classes', (r) => r.classId)
  ref('assignments', 'classId', 'classes', (r) => r.classId)
  ref('assignments', 'teacherId', 'teachers', (r) => r.teacherId)
  ref('items', 'assignmentId', 'assignments', (r) => r.assignmentId)
  ref('trials', 'itemId', 'items', (r) => r.itemId)
  ref('trials', 'teacherId', 'teachers', (r) => r.teacherId)

  const school = backup.tables.schools.find((s) => s.id === backup.meta.schoolId)
  if (!school || school.deletedAt !== undefined) {
    problems.push({ field: 'meta.schoolId', message: `备份指明的学校「${backup.meta.schoolId}」不在表「学校」中` })
  }
  if (backup.meta.me !== null && !ids.teachers.has(backup.meta.me)) {
    problems.push({ field: 'meta.me', message: `备份指明的本机教师「${backup.meta.me}」不在表「教师」中` })
  }
  return problems
}

/** Rows per table: live ones and tombstones, for the "what will be replaced" summary. */
export function countBackupRows(tables: { [K in BackupTableName]: readonly { deletedAt?: string }[] }): Record<BackupTableName, number> {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].filter((r) => r.deletedAt === undefined).length])) as Record<BackupTableName, number>
}

/** 作业台账备份-学校名-YYYYMMDD.json; characters that file systems refuse become '_'. */
export function backupFileName(schoolName: string, date: string): string {
  const safe = schoolName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || '学校'
  return `作业台账备份-${safe}-${date.replaceAll('-', '')}.json`
}

/** The file's text: pretty enough to read, stable key order. */
export function writeBackup(backup: BackupFile): string {
  return `${JSON.stringify(backup, null, 1)}\n`
}
