// 全批: the grading sheet of one assignment (one class), each student's record and the items marked
// wrong, as the sheet, the to-grade list and a student's mistakes read them. Rows have natural ids
// (assignment + student, item + student, below); the marks themselves are written in gradingEdits.ts.
import { hasGrade, toGradeCount } from '@hl/core/domain/grading'
import { naturalId } from '@hl/core/ids'
import type { AssignmentRow, ClassRow, GradingRow, GradingSheetRow, ItemMarkRow, ItemRow, StudentRow, StudentTierRow } from '@hl/core/records'
import type { AppDB } from '../database'
import { byPosition, liveRow, liveRows } from '../read'
import { getAssignment, listTeacherAssignments } from './assignments'
import { listStudents } from './students'
import { zhOrder } from '@hl/core/domain/order'

export const gradingId = (assignmentId: string, studentId: string): string => naturalId(assignmentId, studentId)
export const itemMarkId = (itemId: string, studentId: string): string => naturalId(itemId, studentId)
export const sheetId = (assignmentId: string): string => naturalId(assignmentId)

export interface SheetData {
  assignment: AssignmentRow
  items: ItemRow[]
  cls: ClassRow
  students: StudentRow[]
  /** The students' layers in the assignment's subject. */
  tiers: StudentTierRow[]
  sheet: GradingSheetRow | undefined
  gradings: GradingRow[]
  marks: ItemMarkRow[]
}

/** Everything one grading sheet shows; null when the assignment (or its class) is gone. */
export async function loadSheet(db: AppDB, assignmentId: string): Promise<SheetData | null> {
  const a = await getAssignment(db, assignmentId)
  if (!a) return null
  const cls = await liveRow(db.classes, a.assignment.classId)
  if (!cls) return null
  const [students, tiers, sheet, gradings, marks] = await Promise.all([
    listStudents(db, cls.id),
    liveRows(db.studentTiers.where('classId').equals(cls.id)),
    liveRow(db.gradingSheets, sheetId(assignmentId)),
    liveRows(db.gradings.where('assignmentId').equals(assignmentId)),
    liveRows(db.itemMarks.where('assignmentId').equals(assignmentId)),
  ])
  return { assignment: a.assignment, items: a.items, cls, students, tiers: tiers.filter((t) => t.subject === a.assignment.subject), sheet, gradings, marks }
}

export interface ToGradeEntry {
  assignmentId: string
  classId: string
  className: string
  grade: number
  subject: string
  date: string
  classSize: number
  graded: number
  toGrade: number
}

/**
 * 待批 across a teacher's published assignments up to `today` that have written work (全批 is of
 * written homework), oldest first. Assignments with nothing left to grade are left out.
 */
export async function listToGrade(db: AppDB, teacherId: string, today: string): Promise<ToGradeEntry[]> {
  const mine = (await listTeacherAssignments(db, teacherId, '2000-01-01', today)).filter((a) => a.assignment.status === 'published' && a.items.some((i) => i.kind === 'written'))
  if (mine.length === 0) return []
  const classIds = [...new Set(mine.map((a) => a.assignment.classId))]
  const [classes, gradings, studentCounts] = await Promise.all([
    db.classes.bulkGet(classIds),
    liveRows(db.gradings.where('assignmentId').anyOf(mine.map((a) => a.assignment.id))),
    Promise.all(classIds.map(async (id) => [id, (await liveRows(db.students.where('classId').equals(id))).length] as const)),
  ])
  const classById = new Map(classes.filter((c): c is ClassRow => c !== undefined && c.deletedAt === undefined).map((c) => [c.id, c]))
  const sizeOf = new Map(studentCounts)
  const byAssignment = new Map<string, GradingRow[]>()
  for (const g of gradings) byAssignment.set(g.assignmentId, [...(byAssignment.get(g.assignmentId) ?? []), g])
  const out: ToGradeEntry[] = []
  for (const { assignment: a } of mine) {
    const cls = classById.get(a.classId)
    if (!cls) continue
    const list = byAssignment.get(a.id) ?? []
    const classSize = sizeOf.get(a.classId) ?? 0
    const toGrade = toGradeCount(classSize, list)
    if (toGrade === 0) continue
    out.push({ assignmentId: a.id, classId: cls.id, className: cls.name, grade: cls.grade, subject: a.subject, date: a.date, classSize, graded: list.filter(hasGrade).length, toGrade })
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : zhOrder.compare(x.className, y.className)))
}

export interface StudentMistakeData {
  student: StudentRow
  cls: ClassRow
  assignments: { assignment: AssignmentRow; items: ItemRow[] }[]
  marks: ItemMarkRow[]
}

/** One student's marks with the assignments they belong to (the printable correction sheet). */
export async function loadStudentMistakes(db: AppDB, studentId: string): Promise<StudentMistakeData | null> {
  const student = await liveRow(db.students, studentId)
  if (!student) return null
  const cls = await liveRow(db.classes, student.classId)
  if (!cls) return null
  const marks = (await liveRows(db.itemMarks.where('studentId').equals(studentId))).filter((m) => m.wrong)
  const assignmentIds = [...new Set(marks.map((m) => m.assignmentId))]
  const assignments = (await db.assignments.bulkGet(assignmentIds)).filter((a): a is AssignmentRow => a !== undefined && a.deletedAt === undefined)
  const items = assignments.length ? await liveRows(db.items.where('assignmentId').anyOf(assignments.map((a) => a.id))) : []
  return {
    student,
    cls,
    assignments: assignments.map((assignment) => ({ assignment, items: items.filter((i) => i.assignmentId === assignment.id).sort(byPosition) })),
    marks,
  }
}
