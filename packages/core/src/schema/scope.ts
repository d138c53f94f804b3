// Who may read and write each synced table, as data beside the registry (../../shared/sync-design.md,
// "Who may see and change what"). The server checks every pushed change and filters every pull by
// these entries, recomputing the caller's roles from its database on each request; the app may use
// them to say beforehand that a change is not the caller's to make.
//
// - `read: 'school'`: every account of the school reads it (the calendar, the classes, who teaches what).
// - `read: 'class'`: those who teach the record's class (any subject: the gauge sums the whole evening),
//   its 班主任, and the 年级组长 of its grade. Student names and layers are of this kind, so they travel
//   only to those who teach or lead the class; a school admin who teaches nothing does not get them.
// - `read: 'owner'`: only the teacher the record belongs to (a 先做 timer).
import type { TableName } from './tables'

export type ReadScope = 'school' | 'class' | 'owner'

/**
 * Who may write a record of a table:
 * - `admin`: the school's admin (accounts, rosters, the school's settings; and a first upload of a school);
 * - `gradeLeader`: the 年级组长 of the record's grade;
 * - `homeroomTeacher`: the 班主任 of the record's class;
 * - `teacher`: a teacher of the record's subject in the record's class;
 * - `owner`: the teacher named by the record's owner field.
 */
export type WriterRole = 'admin' | 'gradeLeader' | 'homeroomTeacher' | 'teacher' | 'owner'

export interface TableScope {
  read: ReadScope
  write: readonly WriterRole[]
  /** The field naming the record's class (`read: 'class'` tables without a parent). */
  classField?: string
  /** The field naming the record's subject (a subject teacher writes only their own subject). */
  subjectField?: string
  /** The field naming the record's grade (a grade leader writes the grade's settings). */
  gradeField?: string
  /** The field naming the teacher the record belongs to (`read: 'owner'`). */
  ownerField?: string
  /** A record that takes its class and subject from a parent record (an item from its assignment). */
  parent?: { table: TableName; field: string }
  /** Holds students' personal data (names, layers): never to anyone outside the class's teachers. */
  personal?: boolean
  /** The field naming who wrote the record (a decision's decider): it must name the writer. */
  signedBy?: string
}

export const TABLE_SCOPE: { readonly [K in TableName]: TableScope } = {
  schools: { read: 'school', write: ['admin'] },
  terms: { read: 'school', write: ['admin'] },
  calendarDays: { read: 'school', write: ['admin'] },
  gradeSubjects: { read: 'school', write: ['admin', 'gradeLeader'], gradeField: 'grade' },
  classes: { read: 'school', write: ['admin'], gradeField: 'grade' },
  // Accounts and roles are server-owned (sync-design.md): only the admin changes who teaches what.
  teachers: { read: 'school', write: ['admin'] },
  teachings: { read: 'school', write: ['admin'] },
  roles: { read: 'school', write: ['admin'] },
  // The roster is the 班主任's (or the admin's); a student's layer in a subject is also its teacher's.
  students: { read: 'class', write: ['admin', 'homeroomTeacher'], classField: 'classId', personal: true },
  studentTiers: { read: 'class', write: ['admin', 'homeroomTeacher', 'teacher'], classField: 'classId', subjectField: 'subject', personal: true },
  assignments: { read: 'class', write: ['admin', 'teacher'], classField: 'classId', subjectField: 'subject' },
  items: { read: 'class', write: ['admin', 'teacher'], parent: { table: 'assignments', field: 'assignmentId' } },
  trials: { read: 'owner', write: ['owner'], ownerField: 'teacherId' },
  // 全批 and real times belong to the assignment's class and subject: its teachers read them (a class
  // teacher sees the whole class's grading), the subject's teacher writes them. Grades and times are
  // students' personal data.
  gradingSheets: { read: 'class', write: ['admin', 'teacher'], parent: { table: 'assignments', field: 'assignmentId' } },
  gradings: { read: 'class', write: ['admin', 'teacher'], parent: { table: 'assignments', field: 'assignmentId' }, personal: true },
  itemMarks: { read: 'class', write: ['admin', 'teacher'], parent: { table: 'assignments', field: 'assignmentId' }, personal: true },
  timeReports: { read: 'class', write: ['admin', 'teacher', 'homeroomTeacher'], parent: { table: 'assignments', field: 'assignmentId' }, personal: true },
  timeSurveys: { read: 'class', write: ['admin', 'teacher', 'homeroomTeacher'], parent: { table: 'assignments', field: 'assignmentId' } },
  // 精选: a bank item is its teacher's to change, and the whole school's to read (a subject group shares
  // its bank); its uses follow the item they were used in.
  bankItems: { read: 'school', write: ['owner'], ownerField: 'teacherId' },
  bankUses: { read: 'class', write: ['admin', 'teacher'], parent: { table: 'items', field: 'itemId' } },
  // 统筹: the grade's split of the cap is the grade leader's to set and every teacher's to read (the
  // designer shows a teacher their subject's budget).
  gradeBudgets: { read: 'school', write: ['admin', 'gradeLeader'], gradeField: 'grade' },
  // 审核: a decision belongs to its assignment's class; its class teacher or the grade's leader makes it,
  // signed with their own name. The assignment's teacher reads it and can never write it, so a stale
  // teacher edit cannot overwrite a decision (sync-design.md, "Approval state").
  approvals: { read: 'class', write: ['admin', 'homeroomTeacher', 'gradeLeader'], parent: { table: 'assignments', field: 'assignmentId' }, signedBy: 'teacherId' },
}
