// Who teaches what: the signed-in teacher's subjects per class, for the designer's defaults.
import type { AppDB } from '../database'
import { liveRows } from '../read'
import type { TeachingRow } from '@hl/core/records'
import type { RoleAssignment } from '@hl/core/sync/protocol'

/** The teacher's (class, subject) pairs. */
export function listMyTeachings(db: AppDB, teacherId: string): Promise<TeachingRow[]> {
  return liveRows(db.teachings.where('teacherId').equals(teacherId))
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
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}
