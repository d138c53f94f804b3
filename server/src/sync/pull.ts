// POST /api/v1/pull: the changes after a cursor that the caller may read, oldest first, in pages.
// The cursor is opaque to the device; it carries the server's epoch (a restore changes it), the last
// version sent, and the caller's scope when it was made, so any of those changing makes a reset.
import { LIMITS, type PullRequest, type ResetReason } from '@hl/core/sync/protocol'
import { sql, type RawBuilder } from 'kysely'
import type { ServerContext } from '../context'
import { planOnce, type Db } from '../store'
import { loadScope, type Caller, type Scope } from './scope'

interface Cursor {
  epoch: string
  version: number
  scope: string
}

const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify([c.epoch, c.version, c.scope])).toString('base64url')

function decodeCursor(text: string): Cursor | null {
  try {
    const [epoch, version, scope] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[]
    if (typeof epoch !== 'string' || typeof scope !== 'string' || typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return null
    return { epoch, version, scope }
  } catch {
    return null // not a cursor of ours: answered with a reset
  }
}

interface PageRow {
  kind: 'r' | 'c' | 's'
  version: number | null
  tbl: string | null
  body: string | null
}

/**
 * One page, in ONE statement (so one snapshot: two statements seeing different commits could send a
 * later version and step over an earlier one). The caller's records come from one ordered index range
 * per thing they read (the school's shared records, their own, and each readable class: migration
 * 0003's indexes), merged by version and cut at limit + 1: a page reads about a page of rows, whatever
 * the school holds besides (other classes' records are never walked). Each range is an index walk
 * with equalities and a small limit, which the planner keeps even on a table never analyzed (EXPLAIN
 * ANALYZE on PostgreSQL 15 and PGlite: a Merge Append of index scans, no Sort); the one school-wide
 * range it replaced was planned there as a bitmap scan and a sort of everything after the cursor, so
 * a full pull right after a term's import took several times as long. The caller's conflict notices
 * of the same stretch of versions are added (when the records fill the page, the first record left
 * out bounds their index range too: a full pull must not read every later conflict on every page).
 * The 's' row is the school's version in the same snapshot: every version up to it is committed, so a
 * page that is not full moves the cursor there, past versions the caller may not read. Rows come back
 * as the JSON text the database holds, sent as they are. Planned once (planOnce): every range is an
 * index walk cut by its limit, whatever the cursor, so the plan is the same for any values.
 */
async function page(db: Db, schoolId: string, scope: Scope, after: number, limit: number): Promise<PageRow[]> {
  const range = (reader: RawBuilder<unknown>) =>
    sql`(select version, tbl, data::text as body from records
      where school_id = ${schoolId} and ${reader} and version > ${after} order by version limit ${limit + 1})`
  const ranges = [
    range(sql`read_kind = 'school'`),
    range(sql`read_kind = 'owner' and teacher_id = ${scope.teacherId}`),
    ...scope.readableClasses.map((classId) => range(sql`read_kind = 'class' and class_id = ${classId}`)),
  ]
  const { rows } = await planOnce(sql<PageRow>`
    with rec as (${sql.join(ranges, sql` union all `)} order by version limit ${limit + 1}),
    cut as (select case when count(*) > ${limit} then max(version) end as below from rec)
    select 'r' as kind, version, tbl, body from rec
    union all
    (select 'c' as kind, c.version, c.tbl, json_build_object(
        'id', c.conflict_id, 'table', c.tbl, 'recordId', c.record_id, 'field', c.field, 'kind', c.kind,
        'kept', c.kept, 'keptClock', c.kept_clock, 'keptBy', c.kept_by, 'lost', c.lost, 'lostClock', c.lost_clock, 'lostBy', c.lost_by,
        'at', c.created_at, 'dismissedAt', c.dismissed_at)::text as body
      from conflicts c
      where c.school_id = ${schoolId} and c.version > ${after} and c.version < (select coalesce(below, ${Number.MAX_SAFE_INTEGER}) from cut)
        and (c.lost_by = ${scope.teacherId} or c.kept_by = ${scope.teacherId})
      order by c.version limit ${limit + 1})
    union all
    select 's' as kind, version, null as tbl, null as body from schools where school_id = ${schoolId}`).execute(db)
  return rows
}

/** A page as the server holds it: each row still the JSON text the database gave. */
export type PullPage = { records: { table: string; rowJson: string }[]; conflicts: string[]; cursor: string; more: boolean } | { reset: true; reason: ResetReason }

/** The page as the wire's PullResponse, built around the rows' JSON text. */
export function pullBody(page: PullPage): string {
  if ('reset' in page) return JSON.stringify(page)
  const records = page.records.map((r) => `{"table":${JSON.stringify(r.table)},"row":${r.rowJson}}`).join(',')
  return `{"records":[${records}],"conflicts":[${page.conflicts.join(',')}],"cursor":${JSON.stringify(page.cursor)},"more":${page.more}}`
}

export async function pull(ctx: ServerContext, caller: Caller, req: PullRequest): Promise<PullPage> {
  const limit = Math.min(req.limit, LIMITS.pullRecords)
  // The epoch is read on every pull (with the caller, by authenticate()), not once at start: a restore
  // on PostgreSQL may happen while servers run.
  const school =
    caller.epoch !== undefined && caller.purgedBelow !== undefined
      ? { epoch: caller.epoch, purged_below: caller.purgedBelow }
      : await ctx.db
          .selectFrom('schools')
          .innerJoin('server_meta', (j) => j.on('server_meta.key', '=', 'epoch'))
          .select(['schools.purged_below', 'server_meta.value as epoch'])
          .where('schools.school_id', '=', caller.schoolId)
          .executeTakeFirstOrThrow()
  const scope = await loadScope(ctx.db, caller)
  let after = 0
  if (req.cursor) {
    const cursor = decodeCursor(req.cursor)
    if (!cursor) return { reset: true, reason: 'badCursor' }
    if (cursor.epoch !== school.epoch) return { reset: true, reason: 'restored' }
    if (cursor.version < school.purged_below) return { reset: true, reason: 'purged' }
    if (cursor.scope !== scope.hash) return { reset: true, reason: 'scopeChanged' }
    after = cursor.version
  }
  const rows = await page(ctx.db, caller.schoolId, scope, after, limit)
  const schoolVersion = rows.find((r) => r.kind === 's')?.version ?? after
  const found = rows.filter((r) => r.kind !== 's').sort((a, b) => a.version! - b.version!)
  const taken = found.slice(0, limit)
  // A full page ends at its last row; one that is not full has everything the caller may read up to
  // the school's version, so the cursor moves there (even past versions the caller may not read).
  const more = found.length > limit
  const version = more ? taken.at(-1)!.version! : Math.max(after, schoolVersion, taken.at(-1)?.version ?? 0)
  return {
    records: taken.filter((r) => r.kind === 'r').map((r) => ({ table: r.tbl!, rowJson: r.body! })),
    conflicts: taken.filter((r) => r.kind === 'c').map((r) => r.body!),
    more,
    cursor: encodeCursor({ epoch: school.epoch, version, scope: scope.hash }),
  }
}
