// The one typed Dexie database of the school on this device. Every change of a stored shape is a new
// version with an upgrade(); old versions stay listed so any older database opens and is brought up to date.
import Dexie, { type Table } from 'dexie'
import { DB_NAME } from './constants'
import type { MetaRow, OutboxEntry, SyncedTables } from '@hl/core/records'

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

export const CURRENT_VERSION = 1

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
  declare outbox: Table<OutboxEntry, number>
  declare meta: Table<MetaRow, string>

  constructor(name: string = DB_NAME) {
    super(name)
    this.version(1).stores(SCHEMA_V1)
  }
}

let instance: AppDB | undefined

/** The app's database, opened on first use (nothing touches IndexedDB at start-up before it is needed). */
export function appDb(): AppDB {
  return (instance ??= new AppDB())
}
