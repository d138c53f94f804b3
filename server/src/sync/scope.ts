// A caller's scope, recomputed from the database on every request (never from the token alone), and
// the checks of TABLE_SCOPE (packages/core/src/schema/scope.ts) against it. A teacher's classes come
// from the synced `teachings` and `roles` records of the teacher the account is linked to, so the
// admin's changes of roles take effect on the next request.
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { teachingKey as key, type AccessScope } from '@hl/core/sync/access'
import { planOnce, type Db } from '../store'

export interface Caller {
  schoolId: string
  accountId: string
  deviceId: string
  teacherId: string
  isAdmin: boolean
  /** The caller's teaching and role records, read with the device check (one query per request). */
  links?: readonly RoleLink[]
  /** The school's purge mark and the server's epoch, read with them (a pull's reset checks). */
  purgedBelow?: number
  epoch?: string
}

/** A teaching (`classId`, `subject`) or role (`role`, `classId`, `grade`) record of the caller's teacher. */
export interface RoleLink {
  tbl: 'teachings' | 'roles'
  data: Record<string, unknown>
}

/**
 * The device behind an access token, if it is live and its account too, with everything the request
 * needs about the caller, in ONE query (a request's round trips are most of its cost): the account,
 * its teacher's teaching and role records, the school's purge mark and the server's epoch.
 */
export async function authenticate(db: Db, claims: { school: string; device: string; account: string }): Promise<Caller | null> {
  const { rows } = await planOnce(sql<{ teacher_id: string; is_admin: boolean; links: RoleLink[]; purged_below: number; epoch: string }>`
    select a.teacher_id, a.is_admin, s.purged_below, m.value as epoch,
      coalesce((select json_agg(json_build_object('tbl', r.tbl, 'data', r.data)) from records r
        where r.school_id = d.school_id and r.tbl in ('teachings', 'roles') and r.teacher_id = a.teacher_id and not r.deleted), '[]') as links
    from devices d
    join accounts a on a.school_id = d.school_id and a.account_id = d.account_id
    join schools s on s.school_id = d.school_id
    join server_meta m on m.key = 'epoch'
    where d.school_id = ${claims.school} and d.device_id = ${claims.device} and d.account_id = ${claims.account}
      and d.revoked_at is null and a.disabled_at is null`).execute(db)
  const row = rows[0]
  if (!row) return null
  return { schoolId: claims.school, deviceId: claims.device, accountId: claims.account, teacherId: row.teacher_id, isAdmin: row.is_admin, links: row.links, purgedBelow: Number(row.purged_below), epoch: row.epoch }
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
  ledClasses: Set<string>
  /** Classes whose records the caller reads: taught, 班主任 of, or in a grade the caller leads. Sorted. */
  readableClasses: string[]
  /** Changes whenever what the caller may read changes: a cursor made under another scope must reset. */
  hash: string
}

/** The caller's scope: from the links read with the request's authentication, else read now. */
export async function loadScope(db: Db, caller: Caller): Promise<Scope> {
  const links =
    caller.links ??
    ((await db
      .selectFrom('records')
      .select(['tbl', 'data'])
      .where('school_id', '=', caller.schoolId)
      .where('tbl', 'in', ['teachings', 'roles'])
      .where('teacher_id', '=', caller.teacherId)
      .where('deleted', '=', false)
      .execute()) as RoleLink[])
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
  const ledClasses = new Set<string>()
  if (leadGrades.size > 0) {
    const classes = await db
      .selectFrom('records')
      .select('id')
      .where('school_id', '=', caller.schoolId)
      .where('tbl', '=', 'classes')
      .where('deleted', '=', false)
      .where('grade', 'in', [...leadGrades])
      .execute()
    for (const c of classes) {
      readable.add(c.id)
      ledClasses.add(c.id)
    }
  }
  const readableClasses = [...readable].sort()
  const hash = createHash('sha256').update(JSON.stringify([caller.teacherId, readableClasses])).digest('base64url').slice(0, 16)
  return { teacherId: caller.teacherId, isAdmin: caller.isAdmin, teaches, taughtClasses, homeroom, leadGrades, ledClasses, readableClasses, hash }
}

