// Who teaches what, as screens read it: the signed-in teacher's subjects per class (the designer's
// defaults), their roles (班主任 of a class, 年级组长 of a grade) and the school's teachers. "Me" as 设置
// edits it is saved in teachingEdits.ts.
import type { AppDB } from '../database'
import { liveRows } from '../read'
import type { RoleRow, TeachingRow } from '@hl/core/records'
import type { RoleAssignment } from '@hl/core/sync/protocol'
import { zhOrder } from '@hl/core/domain/order'

/** The teacher's (class, subject) pairs. */
export function listMyTeachings(db: AppDB, teacherId: string): Promise<TeachingRow[]> {
  return liveRows(db.teachings.where('teacherId').equals(teacherId))
}

export function listMyRoles(db: AppDB, teacherId: string): Promise<RoleRow[]> {
  return liveRows(db.roles.where('teacherId').equals(teacherId))
}

/** Every teacher of the school with what they teach and their roles, as the server's role assignments. */
export async function listTeachersWithRoles(db: AppDB): Promise<{ id: string; name: string; roles: RoleAssignment[] }[]> {
  const [teachers, teachings, roles] = await Promise.all([liveRows(db.teachers), liveRows(db.teachings), liveRows(db.roles)])
  return teachers
    .map((t) => ({
      id: t.id,
      name: t.name,
      roles: [
        ...teachings.filter((x) => x.teacherId === t.id).map((x): RoleAssignment => ({ role: 'teacher', classId: x.classId, subject: x.subject })),
        ...roles
          .filter((r) => r.teacherId === t.id)
          .map((r): RoleAssignment => (r.role === 'homeroomTeacher' ? { role: 'homeroomTeacher', classId: r.classId } : { role: 'gradeLeader', grade: r.grade })),
      ],
    }))
    .sort((a, b) => zhOrder.compare(a.name, b.name))
}
