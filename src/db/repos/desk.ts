// Reads for the grade leader's (and class teacher's) desk: every class of a grade over a week or the
// term, with what the engine needs, and — read apart, so the heat map never waits for it — what the
// practice figures count (grading, real times, stops).
import type { ClassRow, GradingRow, RoleRow, StudentRow, StudentTierRow, TeacherRow, TeachingRow, TimeReportRow } from '@hl/core/records'
import type { AppDB } from '../database'
import { liveRows } from '../read'
import { listClassAssignments, type AssignmentWithItems } from './assignments'
import { compareClasses } from './classes'

export interface DeskClass {
  cls: ClassRow
  assignments: AssignmentWithItems[]
  students: StudentRow[]
  tiers: StudentTierRow[]
}

export interface DeskData {
  grade: number
  /** The classes shown: the whole grade, or one class for its class teacher. */
  classes: DeskClass[]
  /** The grade's subjects in the school's order. */
  subjects: string[]
  teachers: ReadonlyMap<string, TeacherRow>
  /** Who teaches each class's subject: `classId|subject` → teacher ids. */
  teachingsOf: ReadonlyMap<string, string[]>
  from: string
  to: string
}

/** What "me" may open a desk for: the grades I lead and the classes I am 班主任 of. */
export interface DeskRoles {
  leadGrades: number[]
  homeroomClasses: { id: string; grade: number; name: string }[]
}

export async function listDeskRoles(db: AppDB, teacherId: string): Promise<DeskRoles> {
  const roles: RoleRow[] = await liveRows(db.roles.where('teacherId').equals(teacherId))
  const leadGrades = [...new Set(roles.filter((r) => r.role === 'gradeLeader').map((r) => r.grade))].sort((a, b) => a - b)
  const ids = roles.filter((r) => r.role === 'homeroomTeacher' && r.classId !== '').map((r) => r.classId)
  const classes = (await db.classes.bulkGet(ids)).filter((c): c is ClassRow => c !== undefined && c.deletedAt === undefined).sort(compareClasses)
  return { leadGrades, homeroomClasses: classes.map((c) => ({ id: c.id, grade: c.grade, name: c.name })) }
}

/**
 * The desk's data for a grade (or, with `onlyClassId`, one class of it) over [from, to]. Students and
 * layers come with it: the class average counts each student's layer.
 */
export async function loadDesk(db: AppDB, grade: number, from: string, to: string, onlyClassId?: string): Promise<DeskData> {
  const all = (await liveRows(db.classes.where('grade').equals(grade))).sort(compareClasses)
  const shown = onlyClassId ? all.filter((c) => c.id === onlyClassId) : all
  const [classes, subjects, teachings] = await Promise.all([
    Promise.all(
      shown.map(async (cls): Promise<DeskClass> => {
        const [assignments, students, tiers] = await Promise.all([
          listClassAssignments(db, cls.id, from, to),
          liveRows(db.students.where('classId').equals(cls.id)),
          liveRows(db.studentTiers.where('classId').equals(cls.id)),
        ])
        return { cls, assignments, students: students.sort((a, b) => a.position - b.position), tiers }
      }),
    ),
    liveRows(db.gradeSubjects.where('grade').equals(grade)),
    liveRows(db.teachings.where('classId').anyOf(shown.map((c) => c.id))),
  ])
  const teacherIds = new Set<string>(teachings.map((t: TeachingRow) => t.teacherId))
  // The deciders too: a decision is shown with who made it (a grade leader teaches no class of it, perhaps).
  for (const c of classes)
    for (const a of c.assignments) {
      teacherIds.add(a.assignment.teacherId)
      for (const d of a.approval?.decisions ?? []) teacherIds.add(d.teacherId)
    }
  const teachers = (await db.teachers.bulkGet([...teacherIds])).filter((t): t is TeacherRow => t !== undefined)
  const teachingsOf = new Map<string, string[]>()
  for (const t of teachings) {
    const key = `${t.classId}|${t.subject}`
    teachingsOf.set(key, [...(teachingsOf.get(key) ?? []), t.teacherId])
  }
  return {
    grade,
    classes,
    subjects: subjects.sort((a, b) => a.position - b.position).map((s) => s.subject),
    teachers: new Map(teachers.map((t) => [t.id, t])),
    teachingsOf,
    from,
    to,
  }
}

export interface DeskPracticeData {
  gradings: GradingRow[]
  timeReports: TimeReportRow[]
}

/** Grading and real times of the classes shown (the practice figures), read apart from the heat map. */
export async function loadDeskPractice(db: AppDB, classIds: readonly string[]): Promise<DeskPracticeData> {
  const [gradings, timeReports] = await Promise.all([liveRows(db.gradings.where('classId').anyOf([...classIds])), liveRows(db.timeReports.where('classId').anyOf([...classIds]))])
  return { gradings, timeReports }
}
