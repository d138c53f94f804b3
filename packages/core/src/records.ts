// The stored shapes. Every synced record follows ../shared/sync-design.md from its first version: an id
// made on the device (UUIDv7, or derived from the natural key where a record is unique by meaning), a
// tombstone instead of a delete, the HLC of its last change and of each field's last change, a version
// bumped on every change. Sets are rows (a student's layer per subject, a teacher's classes), never arrays.
import type { DayType } from './domain/calendar'
import type { LevelId, LevelRules } from './domain/rules/profile'
import type { ItemKind, Tier, Where } from './domain/types'

export interface SyncMeta {
  id: string
  /** HLC of the record's last change. */
  updatedAt: string
  /** HLC of the last change of each field, so concurrent edits of different fields both survive. */
  fieldClock: Record<string, string>
  /** HLC of the deletion (a tombstone); absent while the record lives. Queries hide tombstones. */
  deletedAt?: string
  /** Bumped on every change; sync sends it as the base version of the next change. */
  version: number
}

/** The fields a caller sets; the sync metadata is the write layer's. */
export type Fields<R extends SyncMeta> = Omit<R, keyof SyncMeta>

/** The school on this device, and its own layer of rules over the region's. */
export interface SchoolRow extends SyncMeta {
  name: string
  /** Id of the region preset whose rules apply ('national' for the national profile alone). */
  regionId: string
  /** The school's overrides of the rules, per level; empty for none. */
  rules: Partial<Record<LevelId, Partial<LevelRules>>>
}

export interface TermRow extends SyncMeta {
  name: string
  startDate: string
  endDate: string
}

/** A date whose type is set by hand: a holiday, or a make-up school day (调休). Id: the date. */
export interface CalendarDayRow extends SyncMeta {
  date: string
  type: DayType
  note: string
}

/** A subject taught in a grade. Id: `${grade}|${subject}`. */
export interface GradeSubjectRow extends SyncMeta {
  grade: number
  subject: string
  position: number
}

export interface ClassRow extends SyncMeta {
  grade: number
  /** The class's name as the school writes it, e.g. '4(2)'. */
  name: string
}

export interface TeacherRow extends SyncMeta {
  name: string
}

/** A teacher teaches a subject in a class. Id: `${teacherId}|${classId}|${subject}`. */
export interface TeachingRow extends SyncMeta {
  teacherId: string
  classId: string
  subject: string
}

export type Role = 'homeroomTeacher' | 'gradeLeader'

/** A teacher's role: 班主任 of a class, or 年级组长 of a grade. Id: `${teacherId}|${role}|${classId or grade}`. */
export interface RoleRow extends SyncMeta {
  teacherId: string
  role: Role
  /** The class of a homeroom teacher; '' for a grade leader. */
  classId: string
  grade: number
}

export interface StudentRow extends SyncMeta {
  classId: string
  /** 学号 as the school writes it; may be ''. */
  number: string
  name: string
  /** Order in the class list. */
  position: number
}

/** A student's layer in one subject. Id: `${studentId}|${subject}`. Absent means core. */
export interface StudentTierRow extends SyncMeta {
  studentId: string
  classId: string
  subject: string
  tier: Tier
}

export type AssignmentStatus = 'draft' | 'published'

export interface AssignmentRow extends SyncMeta {
  classId: string
  subject: string
  /** The evening it is done. */
  date: string
  /** A later due date, or '' for none. */
  due: string
  status: AssignmentStatus
  teacherId: string
  /** Assignments set together for parallel classes share a batch id. */
  batchId: string
}

export interface ItemRow extends SyncMeta {
  assignmentId: string
  position: number
  title: string
  kind: ItemKind
  where: Where
  /** Which layers do it: a stable map keyed by layer, so two devices toggling different layers both win. */
  tiers: Record<Tier, boolean>
  /** The teacher's estimate for a typical student; null when only the 先做 time is known. */
  minutes: number | null
  /** 先做: the teacher's own minutes; null when not timed. */
  trialMinutes: number | null
}

export type TrialState = 'running' | 'paused' | 'finished'

/** 先做 timer of one item: survives a reload mid-way. */
export interface TrialRow extends SyncMeta {
  itemId: string
  teacherId: string
  state: TrialState
  /** Milliseconds timed before the current run. */
  elapsedMs: number
  /** Epoch ms when the current run started; null unless running. */
  runningSince: number | null
}

/** A local change waiting to be sent, written in the same transaction as the change. */
export interface OutboxEntry {
  seq?: number
  table: SyncedTableName
  recordId: string
  op: 'put' | 'delete'
  /** Only the fields that changed (for a delete: none). */
  fields: Record<string, unknown>
  hlc: string
  baseVersion: number
}

/** Device-local settings and state: never synced. */
export interface MetaRow {
  key: string
  value: unknown
}

export interface SyncedTables {
  schools: SchoolRow
  terms: TermRow
  calendarDays: CalendarDayRow
  gradeSubjects: GradeSubjectRow
  classes: ClassRow
  teachers: TeacherRow
  teachings: TeachingRow
  roles: RoleRow
  students: StudentRow
  studentTiers: StudentTierRow
  assignments: AssignmentRow
  items: ItemRow
  trials: TrialRow
}

export type SyncedTableName = keyof SyncedTables

export const SYNCED_TABLES: readonly SyncedTableName[] = [
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
]
