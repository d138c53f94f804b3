// Role assignments as synced records: the admin's choices are written as the `teachings` and `roles`
// records of the account's teacher, with the server's own clock and through the same applyChange as a
// push, so the app sees them by pull and one rule (../sync/scope.ts) computes every caller's scope.
import { naturalId } from '@hl/core/ids'
import type { RoleAssignment } from '@hl/core/sync/protocol'
import type { ServerContext } from '../context'
import { ApiFailure } from '../errors'
import type { Db } from '../store'
import { applyChange } from '../sync/apply'
import type { Scope } from '../sync/scope'

function roleRecords(teacherId: string, roles: readonly RoleAssignment[], grades: Map<string, number>): { table: 'teachings' | 'roles'; id: string; fields: Record<string, unknown> }[] {
  const out: { table: 'teachings' | 'roles'; id: string; fields: Record<string, unknown> }[] = []
  for (const r of roles) {
    if (r.role === 'teacher') out.push({ table: 'teachings', id: naturalId(teacherId, r.classId, r.subject), fields: { teacherId, classId: r.classId, subject: r.subject } })
    else if (r.role === 'homeroomTeacher') {
      const grade = grades.get(r.classId)
      if (grade === undefined) throw new ApiFailure(400, 'unknownClass', { classId: r.classId })
      out.push({ table: 'roles', id: naturalId(teacherId, 'homeroomTeacher', r.classId), fields: { teacherId, role: 'homeroomTeacher', classId: r.classId, grade } })
    } else if (r.role === 'gradeLeader') out.push({ table: 'roles', id: naturalId(teacherId, 'gradeLeader', r.grade), fields: { teacherId, role: 'gradeLeader', classId: '', grade: r.grade } })
  }
  return out
}

/** The scope the server writes with: the admin's (it checks the admin's request itself). */
export const ADMIN_SCOPE = (teacherId: string): Scope => ({
  teacherId,
  isAdmin: true,
  teaches: new Set(),
  taughtClasses: new Set(),
  homeroom: new Set(),
  leadGrades: new Set(),
  ledClasses: new Set(),
  readableClasses: [],
  hash: '',
})

/** Writes a server-made change of a record (as the admin would), with the server's clock. */
export async function serverPut(ctx: ServerContext, env: Parameters<typeof applyChange>[0], authorId: string, table: string, id: string, fields: Record<string, unknown>): Promise<void> {
  const stored = await env.changes.get(table, id)
  const storedData = stored?.data as { fieldClock?: Record<string, string>; deletedAt?: string } | undefined
  const stamp = ctx.stamp()
  const all = storedData?.deletedAt ? { ...fields, deletedAt: null } : fields
  const changed = Object.fromEntries(Object.entries(all).filter(([f, value]) => !stored || f === 'deletedAt' || JSON.stringify((stored.data as Record<string, unknown>)[f]) !== JSON.stringify(value)))
  if (stored && Object.keys(changed).length === 0) return
  const result = await applyChange(env, authorId, {
    table,
    id,
    op: typeof changed.deletedAt === 'string' ? 'delete' : 'put',
    fields: changed,
    fieldClock: Object.fromEntries(Object.keys(changed).map((f) => [f, stamp])),
    baseClock: storedData?.fieldClock ?? {},
  })
  if (!result.ok) throw new ApiFailure(400, result.code, result.params)
}

async function serverDelete(ctx: ServerContext, env: Parameters<typeof applyChange>[0], authorId: string, table: string, id: string): Promise<void> {
  const stamp = ctx.stamp()
  const stored = await env.changes.get(table, id)
  if (!stored || (stored.data as { deletedAt?: string }).deletedAt) return
  const result = await applyChange(env, authorId, { table, id, op: 'delete', fields: { deletedAt: stamp }, fieldClock: { deletedAt: stamp }, baseClock: (stored.data as { fieldClock: Record<string, string> }).fieldClock })
  if (!result.ok) throw new ApiFailure(400, result.code, result.params)
}

async function classGrades(db: Db, schoolId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('records').select(['id', 'grade']).where('school_id', '=', schoolId).where('tbl', '=', 'classes').where('deleted', '=', false).execute()
  return new Map(rows.map((r) => [r.id, r.grade ?? 0]))
}

/** Replaces the teacher's role records by `roles` (unchanged ones stay as they are). */
export async function writeRoles(ctx: ServerContext, env: Parameters<typeof applyChange>[0], authorId: string, teacherId: string, roles: readonly RoleAssignment[]): Promise<void> {
  const wanted = roleRecords(teacherId, roles, await classGrades(env.tx, env.schoolId))
  const existing = await env.tx.selectFrom('records').select(['tbl', 'id']).where('school_id', '=', env.schoolId).where('tbl', 'in', ['teachings', 'roles']).where('teacher_id', '=', teacherId).where('deleted', '=', false).execute()
  const keep = new Set(wanted.map((w) => `${w.table}|${w.id}`))
  for (const e of existing) if (!keep.has(`${e.tbl}|${e.id}`)) await serverDelete(ctx, env, authorId, e.tbl, e.id)
  for (const w of wanted) await serverPut(ctx, env, authorId, w.table, w.id, w.fields)
}

export async function rolesOf(db: Db, schoolId: string, teacherId: string, isAdmin: boolean): Promise<RoleAssignment[]> {
  const rows = await db.selectFrom('records').select(['tbl', 'data']).where('school_id', '=', schoolId).where('tbl', 'in', ['teachings', 'roles']).where('teacher_id', '=', teacherId).where('deleted', '=', false).orderBy('id').execute()
  const roles: RoleAssignment[] = rows.map(({ tbl, data }) =>
    tbl === 'teachings'
      ? { role: 'teacher', classId: String(data.classId), subject: String(data.subject) }
      : data.role === 'homeroomTeacher'
        ? { role: 'homeroomTeacher', classId: String(data.classId) }
        : { role: 'gradeLeader', grade: Number(data.grade) },
  )
  return isAdmin ? [{ role: 'admin' }, ...roles] : roles
}
