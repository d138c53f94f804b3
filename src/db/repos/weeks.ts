// Reads for the week screens (班级周表, 我的作业): one class's week with its roster, and a teacher's week
// with, for every class it touches, the class's other homework of the week (a class's evening total
// counts every subject, not only mine).
import { addDays } from '@hl/core/domain/dates'
import type { AppDB } from '../database'
import { liveRow, liveRows, readTogether } from '../read'
import type { ClassRow, StudentRow, StudentTierRow } from '@hl/core/records'
import { listClassAssignments, listTeacherAssignments, type AssignmentWithItems } from './assignments'
import { compareClasses } from './classes'
import { listStudents, listStudentTiers } from './students'

export interface ClassWeekData {
  cls: ClassRow
  /** The grade's subjects in the school's order. */
  subjects: string[]
  assignments: AssignmentWithItems[]
  students: StudentRow[]
  tiers: StudentTierRow[]
  /** The names of the teachers who set the week's homework, by id (a subject teacher sees the others'). */
  teacherNames: ReadonlyMap<string, string>
}

/** Ids of the classes a teacher teaches or is 班主任 of, in class order. */
export function listTeacherClassIds(db: AppDB, teacherId: string): Promise<string[]> {
  return readTogether(db, async () => {
    const [teachings, roles] = await Promise.all([liveRows(db.teachings.where('teacherId').equals(teacherId)), liveRows(db.roles.where('teacherId').equals(teacherId))])
    const ids = new Set([...teachings.map((t) => t.classId), ...roles.filter((r) => r.classId !== '').map((r) => r.classId)])
    const classes = (await db.classes.bulkGet([...ids])).filter((c): c is ClassRow => c !== undefined && c.deletedAt === undefined)
    return classes.sort(compareClasses).map((c) => c.id)
  })
}

/** One class's week (Monday to Sunday) with what the engine needs; null when the class does not exist. */
export function loadClassWeek(db: AppDB, classId: string, monday: string): Promise<ClassWeekData | null> {
  return readTogether(db, () => readClassWeek(db, classId, monday))
}

async function readClassWeek(db: AppDB, classId: string, monday: string): Promise<ClassWeekData | null> {
  const cls = await liveRow(db.classes, classId)
  if (!cls) return null
  const [assignments, students, tiers, subjects] = await Promise.all([
    listClassAssignments(db, classId, monday, addDays(monday, 6)),
    listStudents(db, classId),
    listStudentTiers(db, classId),
    liveRows(db.gradeSubjects.where('grade').equals(cls.grade)),
  ])
  const teacherIds = [...new Set(assignments.map((a) => a.assignment.teacherId))]
  const teachers = (await db.teachers.bulkGet(teacherIds)).filter((t) => t !== undefined)
  const teacherNames = new Map(teachers.map((t) => [t.id, t.name] as const))
  return { cls, subjects: subjects.sort((a, b) => a.position - b.position).map((s) => s.subject), assignments, students, tiers, teacherNames }
}

export interface TeacherWeekData {
  /** The teacher's assignments set this week. */
  mine: AssignmentWithItems[]
  /** Every class the teacher's assignments touch, with that class's whole week. */
  classes: ClassWeekData[]
}

export function loadTeacherWeek(db: AppDB, teacherId: string, monday: string): Promise<TeacherWeekData> {
  return readTogether(db, async () => {
    const mine = await listTeacherAssignments(db, teacherId, monday, addDays(monday, 6))
    const classIds = [...new Set(mine.map((a) => a.assignment.classId))]
    const classes = (await Promise.all(classIds.map((id) => readClassWeek(db, id, monday)))).filter((c): c is ClassWeekData => c !== null)
    return { mine, classes }
  })
}
