// The stored shapes. Every synced record follows ../shared/sync-design.md from its first version: an id
// made on the device (UUIDv7, or derived from the natural key where a record is unique by meaning), a
// tombstone instead of a delete, the HLC of its last change and of each field's last change, a version
// bumped on every change. Sets are rows (a student's layer per subject, a teacher's classes), never arrays.

import type { FieldsOf, RowOf, TableName } from './schema/tables'
import { TABLE_NAMES } from './schema/tables'

/** The sync metadata every stored record carries (schema: SYNC_META in ./schema/fields). */
export interface SyncMeta {
  id: string
  /** HLC of the record's last change. */
  updatedAt: string
  /** HLC of the last change of each field, so concurrent edits of different fields both survive. */
  fieldClock: Record<string, string>
  /** HLC of the deletion (a tombstone); absent while the record lives. Queries hide tombstones. */
  deletedAt?: string
  /** Bumped on every change of this copy of the record (a local counter, not comparable across devices). */
  version: number
}

/** The fields a caller sets; the sync metadata is the write layer's. */
export type Fields<R extends SyncMeta> = Omit<R, keyof SyncMeta>

// The row types are derived from the one registry of tables (./schema/tables): schema and type can
// never disagree.
export type SchoolRow = RowOf<'schools'>
export type TermRow = RowOf<'terms'>
/** A date whose type is set by hand: a holiday, or a make-up school day (调休). Id: the date. */
export type CalendarDayRow = RowOf<'calendarDays'>
/** A subject taught in a grade. Id: natural, from grade and subject. */
export type GradeSubjectRow = RowOf<'gradeSubjects'>
export type ClassRow = RowOf<'classes'>
export type TeacherRow = RowOf<'teachers'>
/** A teacher teaches a subject in a class. Id: natural, from teacher, class and subject. */
export type TeachingRow = RowOf<'teachings'>
export type RoleRow = RowOf<'roles'>
export type Role = RoleRow['role']
export type StudentRow = RowOf<'students'>
/** A student's layer in one subject. Id: natural, from student and subject. Absent means core. */
export type StudentTierRow = RowOf<'studentTiers'>
export type AssignmentRow = RowOf<'assignments'>
export type AssignmentStatus = AssignmentRow['status']
export type ItemRow = RowOf<'items'>
/** 先做 timer of one item: survives a reload mid-way. Id: natural, from item and teacher. */
export type TrialRow = RowOf<'trials'>
export type TrialState = TrialRow['state']
/** 全批: the scale of one assignment's sheet. Id: natural, from the assignment. */
export type GradingSheetRow = RowOf<'gradingSheets'>
export type GradeScale = GradingSheetRow['scale']
/** 全批: one student's work on one assignment. Id: natural, from assignment and student. */
export type GradingRow = RowOf<'gradings'>
export type HandInStatus = GradingRow['status']
export type GradeLevel = GradingRow['level']
export type CorrectionState = GradingRow['correction']
/** 错题: one item of one student's work. Id: natural, from item and student. */
export type ItemMarkRow = RowOf<'itemMarks'>
/** A student's real time of one assignment, or a stop report (熔断). Id: natural, from assignment and student. */
export type TimeReportRow = RowOf<'timeReports'>
/** A class survey of one assignment's time in bands. Id: natural, from the assignment. */
export type TimeSurveyRow = RowOf<'timeSurveys'>
/** 精选: an item in the bank. */
export type BankItemRow = RowOf<'bankItems'>
/** A bank item set in an assignment. Id: natural, from bank item and item. */
export type BankUseRow = RowOf<'bankUses'>

/** 统筹: a grade's daily budget of one subject ('' = every other subject). Id: natural, from grade and subject. */
export type GradeBudgetRow = RowOf<'gradeBudgets'>
/** 审核: one decision on one assignment by its class teacher or grade leader. */
export type ApprovalRow = RowOf<'approvals'>

export type SyncedTables = { [K in TableName]: RowOf<K> }
export type SyncedTableName = TableName
export type SyncedFields<K extends TableName> = FieldsOf<K>

export const SYNCED_TABLES: readonly SyncedTableName[] = TABLE_NAMES

/**
 * A local change waiting to be sent, written in the same transaction as the change. One waiting entry
 * per record: later changes are folded in (src/db/write.ts).
 */
export interface OutboxEntry {
  seq?: number
  table: SyncedTableName
  recordId: string
  /** 'delete' when the entry leaves the record deleted. */
  op: 'put' | 'delete'
  /** The fields changed since the entry began, with their latest values; `deletedAt`: an HLC (deleted) or null (restored). */
  fields: Record<string, unknown>
  /**
   * The HLC of each field's change in this entry. Kept here, not read from the record when sending: a
   * pull may have merged a later value from elsewhere into the record meanwhile, and the server must
   * get this device's value with its own clock to keep the loser as a conflict.
   */
  fieldClock: Record<string, string>
  /** HLC of the latest change folded in. */
  hlc: string
  /** The record's version before the entry's first change. */
  baseVersion: number
  /** The record's field clocks before the entry's first change: what this device knew when it began changing it. */
  baseClock: Record<string, string>
  /** Epoch ms when the sync engine began sending the entry; a later change starts a new entry. */
  sentAt?: number
}

/** Device-local settings and state: never synced. */
export interface MetaRow {
  key: string
  value: unknown
}
