// The one registry of synced tables: for each table, the schema of its fields, its natural id (for rows
// unique by meaning) and its references to other tables. The stored row types, the backup file's schema,
// the reference check and the sync server's payload checks are all derived from here, so adding a
// table is one entry (plus, in the app, its Dexie indexes: a new database version).
//
// Order matters: parents before children. Backups are written and checked in this order, and a sync
// pull sends parents first where it can.
import * as v from 'valibot'
import { naturalId } from '../ids'
import { count, dateOrEmpty, epochMs, grade, hlcStamp, id, isoDate, minutes, position, SYNC_META, text } from './fields'
import { TEXT_LIMITS } from './textLimits'
import { LEVEL_RULES_OVERRIDE } from './rules'
import { isValidMinutes } from '../domain/assignmentDraft'

const tierMap = v.object({ core: v.boolean(), extend: v.boolean(), challenge: v.boolean() })

/**
 * A reference from a field to another table's id. References may dangle on a device: a record can
 * arrive by sync before its parent, or its parent may be out of this device's scope, or (for a 先做
 * timer) belong to an item of a draft not saved yet. So a dangling reference is never a reason to
 * refuse data the app itself wrote; readers report it, queries skip what they cannot join.
 */
export interface TableRef {
  field: string
  /** The table referred to (a TableName; tests/schema checks every reference names a table and a field). */
  table: string
  /** '' means "none" (a grade leader's role has no class). */
  optional?: boolean
}

interface TableDef<E extends v.ObjectEntries> {
  fields: E
  /** The id of a row unique by meaning, from its fields; absent for rows with a made id (UUIDv7). */
  naturalId?: (row: v.InferOutput<v.ObjectSchema<E, undefined>>) => string
  refs?: readonly TableRef[]
}

/** One table: its definition, plus the schemas of a whole stored row and of its fields alone. */
function table<E extends v.ObjectEntries>(def: TableDef<E>) {
  return {
    ...def,
    /** A whole stored row: its fields and its sync metadata (a backup's rows, a pulled record). */
    row: v.object({ ...SYNC_META, ...def.fields }),
    /** The fields alone, each optional: a sync mutation's patch, checked field by field. */
    patch: v.partial(v.object(def.fields)),
  }
}

const subject = v.pipe(v.string(), v.minLength(1), v.maxLength(TEXT_LIMITS.subject))
const itemKind = v.picklist(['written', 'oral', 'reading', 'practice', 'exercise', 'chores'])
/** A score on a sheet's score scale: 0–1000, halves allowed (a 100-point paper may give 87.5). */
const score = v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1000)))
/** Minutes a student reported: 0–1440 (a day), finite. */
const reportedMinutes = v.pipe(v.number(), v.check(isValidMinutes, 'minutes'))
/** A stable map keyed by id or word (a set two devices may both add to: each key is its own entry). */
// `__proto__` is refused as a key: a JSON reader (a backup, a bank file) would turn it into a prototype.
const keySet = (max: number) =>
  v.record(
    v.pipe(
      v.string(),
      v.minLength(1),
      v.maxLength(max),
      v.check((k) => k !== '__proto__', 'key'),
    ),
    v.boolean(),
  )

export const TABLES = {
  /** The school, and its own override of the rules over the region's. */
  schools: table({
    fields: {
      name: text(TEXT_LIMITS.name),
      /** Id of the region preset whose rules apply ('national' for the national profile alone). */
      regionId: text(TEXT_LIMITS.id),
      /** The school's overrides of the rules, per level; empty for none. */
      rules: LEVEL_RULES_OVERRIDE,
      /**
       * 审核: published homework waits for the class teacher's or grade leader's approval before it
       * counts as set. Absent (schools made before approval existed) means off.
       */
      approval: v.optional(v.boolean()),
    },
  }),
  terms: table({
    fields: { name: text(TEXT_LIMITS.name), startDate: isoDate, endDate: isoDate },
  }),
  /** A date whose type is set by hand: a holiday, or a make-up school day (调休). */
  calendarDays: table({
    fields: { date: isoDate, type: v.picklist(['school', 'rest']), note: text(TEXT_LIMITS.note) },
    naturalId: (r) => naturalId(r.date),
  }),
  /** A subject taught in a grade. */
  gradeSubjects: table({
    fields: { grade, subject, position },
    naturalId: (r) => naturalId(r.grade, r.subject),
  }),
  classes: table({
    /** The class's name as the school writes it, e.g. '4(2)'. */
    fields: { grade, name: text(TEXT_LIMITS.name) },
  }),
  teachers: table({
    fields: { name: text(TEXT_LIMITS.name) },
  }),
  /** A teacher teaches a subject in a class. */
  teachings: table({
    fields: { teacherId: id, classId: id, subject },
    naturalId: (r) => naturalId(r.teacherId, r.classId, r.subject),
    refs: [
      { field: 'teacherId', table: 'teachers' },
      { field: 'classId', table: 'classes' },
    ],
  }),
  /** A teacher's role: 班主任 of a class, or 年级组长 of a grade. */
  roles: table({
    fields: {
      teacherId: id,
      role: v.picklist(['homeroomTeacher', 'gradeLeader']),
      /** The class of a homeroom teacher; '' for a grade leader. */
      classId: text(TEXT_LIMITS.id),
      grade,
    },
    naturalId: (r) => naturalId(r.teacherId, r.role, r.classId || r.grade),
    refs: [
      { field: 'teacherId', table: 'teachers' },
      { field: 'classId', table: 'classes', optional: true },
    ],
  }),
  students: table({
    fields: {
      classId: id,
      /** 学号 as the school writes it; may be ''. */
      number: text(TEXT_LIMITS.subject),
      name: text(TEXT_LIMITS.name),
      /** Order in the class list. */
      position,
    },
    refs: [{ field: 'classId', table: 'classes' }],
  }),
  /** A student's layer in one subject; absent means core. Layer names are for teachers only. */
  studentTiers: table({
    fields: { studentId: id, classId: id, subject, tier: v.picklist(['core', 'extend', 'challenge']) },
    naturalId: (r) => naturalId(r.studentId, r.subject),
    refs: [
      { field: 'studentId', table: 'students' },
      { field: 'classId', table: 'classes' },
    ],
  }),
  assignments: table({
    fields: {
      classId: id,
      subject,
      /** The evening it is done. */
      date: isoDate,
      /** A later due date, or '' for none. */
      due: dateOrEmpty,
      status: v.picklist(['draft', 'published']),
      teacherId: id,
      /** Assignments set together for parallel classes share a batch id. */
      batchId: text(TEXT_LIMITS.id),
    },
    refs: [
      { field: 'classId', table: 'classes' },
      { field: 'teacherId', table: 'teachers' },
    ],
  }),
  items: table({
    fields: {
      assignmentId: id,
      position,
      title: text(TEXT_LIMITS.title),
      kind: itemKind,
      where: v.picklist(['home', 'school']),
      /** Which layers do it: a stable map keyed by layer, so two devices toggling different layers both win. */
      tiers: tierMap,
      /** The teacher's estimate for a typical student; null when only the 先做 time is known. */
      minutes,
      /** 先做: the teacher's own minutes; null when not timed. */
      trialMinutes: minutes,
    },
    refs: [{ field: 'assignmentId', table: 'assignments' }],
  }),
  /** 先做 timer of one item and teacher: survives a reload mid-way. */
  trials: table({
    fields: {
      /** The item timed: a saved item, or an item of a draft still being designed. */
      itemId: id,
      teacherId: id,
      state: v.picklist(['running', 'paused', 'finished']),
      /** Milliseconds timed before the current run. */
      elapsedMs: v.pipe(count, v.maxValue(8.64e7 * 7)),
      /** Epoch ms when the current run started; null unless running. */
      runningSince: v.nullable(epochMs),
    },
    naturalId: (r) => naturalId(r.itemId, r.teacherId),
    refs: [
      { field: 'itemId', table: 'items' },
      { field: 'teacherId', table: 'teachers' },
    ],
  }),
  /** 全批: how one assignment's sheet is graded (its scale). Id: the assignment's (one sheet per assignment). */
  gradingSheets: table({
    fields: {
      assignmentId: id,
      /** levels: 优/良/合格/待改进; letters: A–D; score: points out of maxScore. */
      scale: v.picklist(['levels', 'letters', 'score']),
      maxScore: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
    },
    naturalId: (r) => naturalId(r.assignmentId),
    refs: [{ field: 'assignmentId', table: 'assignments' }],
  }),
  /** 全批: one student's work on one assignment. Id: natural (assignment, student): one record per notebook. */
  gradings: table({
    fields: {
      assignmentId: id,
      studentId: id,
      classId: id,
      /** '' not recorded yet; 已交 submitted, 补交 late, 缺交 missing, 免交 excused. */
      status: v.picklist(['', 'submitted', 'late', 'missing', 'excused']),
      /** The grade on a four-level scale (a = 优 / A … d = 待改进 / D), '' for none. */
      level: v.picklist(['', 'a', 'b', 'c', 'd']),
      /** The grade on a score scale; null for none. */
      score,
      comment: text(TEXT_LIMITS.note),
      /** 订正: '' nothing handed in yet; handedIn: the corrections are in; rechecked: 二次批改 done. */
      correction: v.picklist(['', 'handedIn', 'rechecked']),
    },
    naturalId: (r) => naturalId(r.assignmentId, r.studentId),
    refs: [
      { field: 'assignmentId', table: 'assignments' },
      { field: 'studentId', table: 'students' },
      { field: 'classId', table: 'classes' },
    ],
  }),
  /** 错题: one item of one student's work marked wrong (and whether 二次批改 found it corrected). Id: natural (item, student). */
  itemMarks: table({
    fields: {
      assignmentId: id,
      itemId: id,
      studentId: id,
      classId: id,
      /** Marked wrong at the first grading; false once the mark is taken back (the row stays: a field change, not a delete). */
      wrong: v.boolean(),
      /** 二次批改 found the correction right: the mistake is closed. */
      fixed: v.boolean(),
    },
    naturalId: (r) => naturalId(r.itemId, r.studentId),
    refs: [
      { field: 'assignmentId', table: 'assignments' },
      { field: 'itemId', table: 'items' },
      { field: 'studentId', table: 'students' },
      { field: 'classId', table: 'classes' },
    ],
  }),
  /**
   * How long one student's homework of one assignment really took, or a stop report (作业熔断): the
   * student stopped at the cut-off after `minutes`, with what was left. Id: natural (assignment, student).
   */
  timeReports: table({
    fields: {
      assignmentId: id,
      classId: id,
      studentId: id,
      minutes: reportedMinutes,
      /** Stopped at the school's cut-off time: the true time is at least `minutes`. */
      stopped: v.boolean(),
      /** The items left undone at a stop, by item id. */
      leftItems: keySet(TEXT_LIMITS.id),
      note: text(TEXT_LIMITS.note),
    },
    naturalId: (r) => naturalId(r.assignmentId, r.studentId),
    refs: [
      { field: 'assignmentId', table: 'assignments' },
      { field: 'classId', table: 'classes' },
      { field: 'studentId', table: 'students' },
    ],
  }),
  /**
   * A quick class survey of one assignment's time in bands, as schools collect it on paper slips: how
   * many students took up to 30, 30–60, 60–90 and over 90 minutes. Students with a report of their own
   * are not counted here. One field per band, so two devices counting different bands both win.
   */
  timeSurveys: table({
    fields: { assignmentId: id, classId: id, upTo30: count, upTo60: count, upTo90: count, over90: count },
    naturalId: (r) => naturalId(r.assignmentId),
    refs: [
      { field: 'assignmentId', table: 'assignments' },
      { field: 'classId', table: 'classes' },
    ],
  }),
  /** 精选: an item kept in the bank to set again, with where it comes from. */
  bankItems: table({
    fields: {
      /** The teacher who saved it (a bank shared by file keeps the author). */
      teacherId: id,
      grade,
      subject,
      title: text(TEXT_LIMITS.title),
      book: text(TEXT_LIMITS.name),
      pages: text(TEXT_LIMITS.subject),
      /** 单元 / 课: the unit or lesson. */
      unit: text(TEXT_LIMITS.name),
      /** 知识点, a set keyed by the point's words. */
      points: keySet(TEXT_LIMITS.subject),
      /** 1 (easy) – 5 (hard). */
      difficulty: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
      kind: itemKind,
      where: v.picklist(['home', 'school']),
      tiers: tierMap,
      minutes,
      trialMinutes: minutes,
    },
    refs: [{ field: 'teacherId', table: 'teachers' }],
  }),
  /**
   * A bank item set as an item of an assignment: how the bank learns from use. The class, date and
   * results are read through the item, so a use made while the assignment was still a draft (the item
   * id is made when the item is added) needs nothing more once it is saved. Id: natural (bank item, item).
   */
  bankUses: table({
    fields: { bankItemId: id, itemId: id },
    naturalId: (r) => naturalId(r.bankItemId, r.itemId),
    refs: [
      { field: 'bankItemId', table: 'bankItems' },
      { field: 'itemId', table: 'items' },
    ],
  }),
  /**
   * 统筹: a grade's daily budget of one subject, set by the grade leader. One row per grade and subject
   * ('' is every subject not listed), so two leaders editing different subjects both win; one field per
   * weekday, so Monday's and Tuesday's budgets edited on two devices both win too.
   */
  gradeBudgets: table({
    fields: {
      grade,
      /** The subject; '' for every subject of the grade without a row of its own (其他学科). */
      subject: text(TEXT_LIMITS.subject),
      /** Minutes on a school day; null: the subject has no budget on school days. */
      schoolDay: minutes,
      /** Monday to Friday's own budgets; null: that day takes `schoolDay`. */
      mon: minutes,
      tue: minutes,
      wed: minutes,
      thu: minutes,
      fri: minutes,
      /** Minutes on a rest day (weekend, holiday); null: no budget on rest days. */
      restDay: minutes,
    },
    naturalId: (r) => naturalId(r.grade, r.subject === '' ? '*' : r.subject),
  }),
  /**
   * 审核: one decision on one assignment, 通过 (approved) or 驳回 (returned with a reason), by its class
   * teacher or grade leader. Decisions are rows, never an overwritten field: every one is kept with who
   * and when, and a teacher (who may not write this table) can never overwrite a leader's decision.
   */
  approvals: table({
    fields: {
      assignmentId: id,
      decision: v.picklist(['approved', 'returned']),
      /** Why it was returned (or a note with an approval). */
      reason: text(TEXT_LIMITS.note),
      /** Minutes the decider set per item id when approving with a change; empty for none. */
      minutes: v.record(
        v.pipe(
          v.string(),
          v.minLength(1),
          v.maxLength(TEXT_LIMITS.id),
          v.check((k) => k !== '__proto__', 'key'),
        ),
        v.pipe(v.number(), v.check(isValidMinutes, 'minutes')),
      ),
      /** The newest change of the assignment and its items the decider saw: a later change is a new submission. */
      basis: hlcStamp,
      /** Who decided (checked by the server against the writer). */
      teacherId: id,
      /** When, epoch ms. */
      decidedAt: epochMs,
    },
    refs: [
      { field: 'assignmentId', table: 'assignments' },
      { field: 'teacherId', table: 'teachers' },
    ],
  }),
} as const

export type Tables = typeof TABLES
export type TableName = keyof Tables

/** The synced tables, parents before children. */
export const TABLE_NAMES = Object.keys(TABLES) as TableName[]

export function isTableName(name: unknown): name is TableName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(TABLES, name)
}

/** A stored row's own fields (what a caller sets; the sync metadata is the write layer's). */
export type FieldsOf<K extends TableName> = Omit<RowOf<K>, keyof v.InferOutput<v.ObjectSchema<typeof SYNC_META, undefined>>>
/** A stored row: its fields and its sync metadata. */
export type RowOf<K extends TableName> = v.InferOutput<Tables[K]['row']>

/** Schemas of whole stored rows, per table (a backup file's rows, a pulled record). */
export const ROW_SCHEMAS = Object.fromEntries(TABLE_NAMES.map((t) => [t, TABLES[t].row])) as { [K in TableName]: Tables[K]['row'] }

/** The natural id of a row of a table unique by meaning, or null for tables whose ids are made. */
export function naturalIdOf<K extends TableName>(name: K, row: FieldsOf<K>): string | null {
  const make = (TABLES[name] as { naturalId?: (r: FieldsOf<K>) => string }).naturalId
  return make ? make(row) : null
}

export function refsOf(name: TableName): readonly (TableRef & { table: TableName })[] {
  return ((TABLES[name] as { refs?: readonly TableRef[] }).refs ?? []) as readonly (TableRef & { table: TableName })[]
}
