// Classes and the subjects of each grade, as every screen reads them. Their edits (added, renamed and
// removed on 设置, with the setup form's checks) are in classEdits.ts, so a screen that only reads
// classes loads none of those checks.
import { compareClasses as compareClassRefs } from '@hl/core/domain/order'
import type { AppDB } from '../database'
import { liveRow, liveRows } from '../read'
import type { ClassRow, GradeSubjectRow } from '@hl/core/records'

/** Class rows in school order (the domain's compareClasses, on rows). */
export function compareClasses(a: Pick<ClassRow, 'grade' | 'name'>, b: Pick<ClassRow, 'grade' | 'name'>): number {
  return compareClassRefs({ grade: a.grade, className: a.name }, { grade: b.grade, className: b.name })
}

export async function listClasses(db: AppDB): Promise<ClassRow[]> {
  return (await liveRows(db.classes)).sort(compareClasses)
}

export function getClass(db: AppDB, id: string): Promise<ClassRow | undefined> {
  return liveRow(db.classes, id)
}

/** What a class holds, for the question asked before removing it. */
export async function classContents(db: AppDB, id: string): Promise<{ students: number; assignments: number }> {
  const [students, assignments] = await Promise.all([liveRows(db.students.where('classId').equals(id)), liveRows(db.assignments.where('[classId+date]').between([id, ''], [id, '\uffff'], true, true))])
  return { students: students.length, assignments: assignments.length }
}

/** Subjects taught in a grade, in the school's order. */
export async function listGradeSubjects(db: AppDB, grade?: number): Promise<GradeSubjectRow[]> {
  const rows = grade === undefined ? await liveRows(db.gradeSubjects) : await liveRows(db.gradeSubjects.where('grade').equals(grade))
  return rows.sort((a, b) => a.grade - b.grade || a.position - b.position)
}
