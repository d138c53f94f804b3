// Students of a class and their layer (分层) per subject, as screens read them; their edits are in
// studentEdits.ts. Layer names are for teachers only.
import type { AppDB } from '../database'
import { byPosition, liveRows } from '../read'
import type { StudentRow, StudentTierRow } from '@hl/core/records'

export async function listStudents(db: AppDB, classId: string): Promise<StudentRow[]> {
  return (await liveRows(db.students.where('classId').equals(classId))).sort(byPosition)
}

export async function listStudentTiers(db: AppDB, classId: string): Promise<StudentTierRow[]> {
  return liveRows(db.studentTiers.where('classId').equals(classId))
}
