// A caller's scope, recomputed from the database on every request (never from the token alone), and
// the checks of TABLE_SCOPE (packages/core/src/schema/scope.ts) against it. A teacher's classes come
// from the synced `teachings` and `roles` records of the teacher the account is linked to, so the
// admin's changes of roles take effect on the next request.
import { createHash } from 'node:crypto'
import { teachingKey as key, type AccessScope } from '@hl/core/sync/access'
import type { Db } from '../store'

export interface Caller {
  schoolId: string
  accountId: string
  deviceId: string
  teacherId: string
  isAdmin: boolean
}

export { canRead, canWrite, factsOf, type RecordFacts } from '@hl/core/sync/access'

export interface Scope extends AccessScope {
  teacherId: string
  isAdmin: boolean
  /** `classId|subject` of every subject the teacher teaches in a class. */
  teaches: Set<string>
  taughtClasses: Set<string>
  homeroom: Set<string>
  leadGrades: Set<number>
  /** Classes whose records the caller reads: taught, 班主任 of, or in a grade the caller leads. Sorted. */
  readableClasses: string[]
  /** Changes whenever what the caller may read changes: a cursor made under another scope must reset. */
  hash: string
}

export async function loadScope(db: Db, caller: Caller): Promise<Scope> {
  const links = await db
    .selectFrom('records')
    .select(['tbl', 'data'])
    .where('school_id', '=', caller.schoolId)
    .where('tbl', 'in', ['teachings', 'roles'])
    .where('teacher_id', '=', caller.teacherId)
    .where('deleted', '=', false)
    .execute()
  const teaches = new Set<string>()
  const taughtClasses = new Set<string>()
  const homeroom = new Set<string>()
  const leadGrades = new Set<number>()
  for (const { tbl, data } of links) {
    if (tbl === 'teachings') {
      teaches.add(key(String(data.classId), String(data.subject)))
      taughtClasses.add(String(data.classId))
    } else if (data.role === 'homeroomTeacher') homeroom.add(String(data.classId))
    else if (data.role === 'gradeLeader') leadGrades.add(Number(data.grade))
  }
  const readable = new Set([...taughtClasses, ...homeroom])
  if (leadGrades.size > 0) {
    const classes = await db
      .selectFrom('records')
      .select('id')
      .where('school_id', '=', caller.schoolId)
      .where('tbl', '=', 'classes')
      .where('deleted', '=', false)
      .where('grade', 'in', [...leadGrades])
      .execute()
    for (const c of classes) readable.add(c.id)
  }
  const readableClasses = [...readable].sort()
  const hash = createHash('sha256').update(JSON.stringify([caller.teacherId, readableClasses])).digest('base64url').slice(0, 16)
  return { teacherId: caller.teacherId, isAdmin: caller.isAdmin, teaches, taughtClasses, homeroom, leadGrades, readableClasses, hash }
}

