// POST /api/v1/pull: the changes after a cursor that the caller may read, oldest first, in pages.
// The cursor is opaque to the device; it carries the server's epoch (a restore changes it), the last
// version sent, and the caller's scope when it was made, so any of those changing makes a reset.
import { LIMITS, type PullRequest, type ResetReason } from '@hl/core/sync/protocol'
import { sql } from 'kysely'
import type { ServerContext } from '../context'
import type { Db } from '../store'
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

/** Records a page looks at: the next WINDOW versions, in order, whatever the caller's scope keeps of them. */
const WINDOW = 1000

interface PageRow {
  kind: 'r' | 'c' | 'w'
  version: number | null
  tbl: string | null
  body: string | null
}

/**
 * One page, in ONE statement (so one snapshot: two statements seeing different commits could send a
 * later version and step over an earlier one). It walks the next WINDOW records by version (an ordered
 * index range that stops there: no sort of everything after the cursor, whose cost would grow with
 * every page of a full pull), keeps those in the caller's scope, and adds the caller's conflict notices
 * of the same stretch of versions (the window's end bounds their index range too: a full pull must not
 * read every later conflict on every page). The 'w' row says where the window ended (null: it reached the end).
 * Rows come back as the JSON text the database holds, sent as they are.
 */
async function page(db: Db, schoolId: string, scope: Scope, after: number, limit: number): Promise<PageRow[]> {
  const classes = scope.readableClasses.length > 0 ? sql`or (read_kind = 'class' and class_id in (${sql.join(scope.readableClasses)}))` : sql``
  const { rows } = await sql<PageRow>`
    with win as materialized (
      select version, tbl, data, read_kind, class_id, teacher_id from records
      where school_id = ${schoolId} and version > ${after}
      order by version limit ${WINDOW}),
    bound as (select case when count(*) = ${WINDOW} then max(version) end as last from win)
    (select 'r' as kind, version, tbl, data::text as body from win
      where read_kind = 'school' ${classes} or (read_kind = 'owner' and teacher_id = ${scope.teacherId})
      order by version limit ${limit + 1})
    union all
    (select 'c' as kind, c.version, c.tbl, json_build_object(
        'id', c.conflict_id, 'table', c.tbl, 'recordId', c.record_id, 'field', c.field, 'kind', c.kind,
        'kept', c.kept, 'keptClock', c.kept_clock, 'keptBy', c.kept_by, 'lost', c.lost, 'lostClock', c.lost_clock, 'lostBy', c.lost_by,
        'at', c.created_at, 'dismissedAt', c.dismissed_at)::text as body
      from conflicts c
      where c.school_id = ${schoolId} and c.version > ${after} and c.version <= (select coalesce(last, ${Number.MAX_SAFE_INTEGER}) from bound)
        and (c.lost_by = ${scope.teacherId} or c.kept_by = ${scope.teacherId})
      order by c.version limit ${limit + 1})
    union all
    select 'w' as kind, last as version, null as tbl, null as body from bound`.execute(db)
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
  const windowEnd = rows.find((r) => r.kind === 'w')?.version ?? null
  const found = rows.filter((r) => r.kind !== 'w').sort((a, b) => a.version! - b.version!)
  const taken = found.slice(0, limit)
  // More when the page is full, or when the window ended before the last version: the cursor then
  // moves to the window's end, even past versions the caller may not read (they are not the caller's).
  const full = found.length > limit
  const version = full ? taken.at(-1)!.version! : (windowEnd ?? taken.at(-1)?.version ?? after)
  return {
    records: taken.filter((r) => r.kind === 'r').map((r) => ({ table: r.tbl!, rowJson: r.body! })),
    conflicts: taken.filter((r) => r.kind === 'c').map((r) => r.body!),
    more: full || windowEnd !== null,
    cursor: encodeCursor({ epoch: school.epoch, version, scope: scope.hash }),
  }
}
