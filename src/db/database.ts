// The one typed Dexie database of the school on this device. Every change of a stored shape is a new
// version with an upgrade(). Each version's schema is kept below as the record of what devices hold; the
// database declares only the versions with an upgrade() and the current one (Dexie 3 and later read an
// older database's schema from the database itself), so opening it parses two schemas, not six.
import Dexie, { type Table, type Transaction } from 'dexie'
import type { MetaRow, OutboxEntry, SyncedTables } from '@hl/core/records'
import type { ConflictRow } from '@hl/core/sync/protocol'
import type { DraftRecord } from '@hl/core/schema/drafts'
import { clockStorage } from './clockStorage'
import { DB_NAME } from './constants'
import { notifyDatabaseOpened, notifyUpgradedElsewhere } from './presence'

/** Version 1: the first shape. Indexes only; Dexie stores every other field as given. */
export const SCHEMA_V1 = {
  schools: 'id',
  terms: 'id',
  calendarDays: 'id, date',
  gradeSubjects: 'id, grade',
  classes: 'id, grade',
  teachers: 'id',
  teachings: 'id, teacherId, classId',
  roles: 'id, teacherId',
  students: 'id, classId',
  studentTiers: 'id, classId, studentId',
  assignments: 'id, [classId+date], [classId+due], [teacherId+date], batchId',
  items: 'id, assignmentId',
  trials: 'id, itemId',
  outbox: '++seq, [table+recordId]',
  meta: 'key',
} as const

/**
 * Version 2: the designer's unsaved work moves from the tab's sessionStorage into the `drafts` table
 * (kept when the browser closes, and in backups), and the outbox holds one waiting entry per record,
 * with the field clocks the device began from (`baseClock`).
 */
export const SCHEMA_V2 = { ...SCHEMA_V1, drafts: 'key, [teacherId+assignmentId], savedAt' } as const

/**
 * Version 3: 全批 (grading sheets, each student's grading, items marked wrong), students' real times
 * and stop reports (熔断) with class surveys, and the item bank (精选) with its uses. New tables only:
 * nothing stored before changes shape.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  gradingSheets: 'id',
  gradings: 'id, assignmentId, studentId, classId',
  itemMarks: 'id, assignmentId, studentId, itemId',
  timeReports: 'id, assignmentId, classId, studentId',
  timeSurveys: 'id, classId',
  bankItems: 'id, subject, teacherId',
  bankUses: 'id, bankItemId, itemId',
} as const


/**
 * Version 4: sync. The conflict notices the school server sends (a value that lost to a later one,
 * kept so a person can restore it): device-local copies, shown on the 同步 screen.
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, syncConflicts: 'id, recordId, at' } as const

/**
 * Version 5: the grade leader's desk. 统筹 budgets per grade and subject, and 审核 decisions on
 * assignments (each its own row). New tables only; a school's optional `approval` setting is a new
 * field that absent means off, so nothing stored before changes shape.
 */
export const SCHEMA_V5 = { ...SCHEMA_V4, gradeBudgets: 'id, grade', approvals: 'id, assignmentId' } as const

/**
 * Version 6: the plan import's speed (issue 11). Field clocks equal to the record's `updatedAt` are
 * stored as 0 (./clockStorage.ts; every reader above it sees full clocks, so records stored before
 * need no upgrade), and the assignments' `batchId` index, which no query reads, goes: IndexedDB
 * writes every index entry of every record. An older tab is asked to close (versionchange below)
 * before this version opens, so no build that does not unpack the 0s ever reads them.
 */
export const SCHEMA_V6 = { ...SCHEMA_V5, assignments: 'id, [classId+date], [classId+due], [teacherId+date]' } as const

export const CURRENT_VERSION = 6

/**
 * Folds a version-1 outbox (one entry per write) into one entry per record, in order: later fields
 * over earlier ones, the first entry's base, the last one's clock and operation. Nothing was ever
 * sent from a version-1 device (it had no sync), so every record is new to any server: its base
 * clocks are empty.
 */
export async function coalesceOutboxV1(tx: Transaction): Promise<void> {
  const entries = (await tx.table('outbox').toArray()) as (Omit<OutboxEntry, 'baseClock' | 'fieldClock'> & { seq: number })[]
  const merged = new Map<string, OutboxEntry & { seq: number }>()
  for (const e of entries) {
    const key = `${e.table}\u0000${e.recordId}`
    const prev = merged.get(key)
    const fields = { ...(prev?.fields ?? {}), ...e.fields }
    if (e.op === 'delete') fields.deletedAt = e.hlc
    const fieldClock = { ...(prev?.fieldClock ?? {}) }
    for (const f of Object.keys(e.fields)) fieldClock[f] = e.hlc
    if (e.op === 'delete') fieldClock.deletedAt = e.hlc
    merged.set(key, { seq: prev?.seq ?? e.seq, table: e.table, recordId: e.recordId, op: e.op, fields, fieldClock, hlc: e.hlc, baseVersion: prev?.baseVersion ?? e.baseVersion, baseClock: {} })
  }
  await tx.table('outbox').clear()
  await tx.table('outbox').bulkAdd([...merged.values()])
}

export type AppTables = { [K in keyof SyncedTables]: Table<SyncedTables[K], string> }

export class AppDB extends Dexie {
  declare schools: AppTables['schools']
  declare terms: AppTables['terms']
  declare calendarDays: AppTables['calendarDays']
  declare gradeSubjects: AppTables['gradeSubjects']
  declare classes: AppTables['classes']
  declare teachers: AppTables['teachers']
  declare teachings: AppTables['teachings']
  declare roles: AppTables['roles']
  declare students: AppTables['students']
  declare studentTiers: AppTables['studentTiers']
  declare assignments: AppTables['assignments']
  declare items: AppTables['items']
  declare trials: AppTables['trials']
  declare gradingSheets: AppTables['gradingSheets']
  declare gradings: AppTables['gradings']
  declare itemMarks: AppTables['itemMarks']
  declare timeReports: AppTables['timeReports']
  declare timeSurveys: AppTables['timeSurveys']
  declare bankItems: AppTables['bankItems']
  declare bankUses: AppTables['bankUses']
  declare gradeBudgets: AppTables['gradeBudgets']
  declare approvals: AppTables['approvals']
  declare outbox: Table<OutboxEntry, number>
  declare meta: Table<MetaRow, string>
  declare drafts: Table<DraftRecord, string>
  declare syncConflicts: Table<ConflictRow, string>

  constructor(name: string = DB_NAME) {
    super(name)
    // Versions 1, 3, 4 and 5 only added or dropped tables and indexes: a database at any of them is
    // brought to the current schema from its own (tests/db/upgrade.test.ts opens each).
    this.version(2).stores(SCHEMA_V2).upgrade(coalesceOutboxV1)
    this.version(CURRENT_VERSION).stores(SCHEMA_V6)
    this.use(clockStorage)
    // Another tab opened a newer version of the app, which needs a newer database: this tab closes its
    // connection at once (else the other tab's upgrade waits, blocked) and asks to be reloaded.
    this.on('versionchange', () => {
      this.close()
      notifyUpgradedElsewhere()
      return false
    })
  }
}

export { onUpgradedElsewhere } from './presence'

let instance: AppDB | undefined

/** The app's database, opened on first use (nothing touches IndexedDB at start-up before it is needed). */
export function appDb(): AppDB {
  if (instance) return instance
  instance = new AppDB()
  // After this call returns, so a listener that itself asks for the database finds it made.
  queueMicrotask(notifyDatabaseOpened)
  return instance
}
