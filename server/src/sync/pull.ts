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

/**
 * One page of records and conflict notices after `after`, in ONE statement, so one snapshot: two
 * statements seeing different commits could send a later version and step over an earlier one.
 * Rows come back as the JSON text the database holds: sent as they are, never parsed and serialised
 * again (a full pull is 50,000 rows).
 */
async function page(db: Db, schoolId: string, scope: Scope, after: number, limit: number): Promise<{ kind: 'r' | 'c'; version: number; tbl: string; body: string }[]> {
  const classes = scope.readableClasses.length > 0 ? sql`or (read_kind = 'class' and class_id in (${sql.join(scope.readableClasses)}))` : sql``
  const { rows } = await sql<{ kind: 'r' | 'c'; version: number; tbl: string; body: string }>`
    (select 'r' as kind, version, tbl, data::text as body from records
      where school_id = ${schoolId} and version > ${after}
        and (read_kind = 'school' ${classes} or (read_kind = 'owner' and teacher_id = ${scope.teacherId}))
      order by version limit ${limit + 1})
    union all
    (select 'c' as kind, version, tbl, json_build_object(
        'id', conflict_id, 'table', tbl, 'recordId', record_id, 'field', field, 'kind', kind,
        'kept', kept, 'keptClock', kept_clock, 'keptBy', kept_by, 'lost', lost, 'lostClock', lost_clock, 'lostBy', lost_by,
        'at', created_at, 'dismissedAt', dismissed_at)::text as body
      from conflicts
      where school_id = ${schoolId} and version > ${after} and (lost_by = ${scope.teacherId} or kept_by = ${scope.teacherId})
      order by version limit ${limit + 1})
    order by version limit ${limit + 1}`.execute(db)
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
  const taken = rows.slice(0, limit)
  return {
    records: taken.filter((r) => r.kind === 'r').map((r) => ({ table: r.tbl, rowJson: r.body })),
    conflicts: taken.filter((r) => r.kind === 'c').map((r) => r.body),
    more: rows.length > limit,
    cursor: encodeCursor({ epoch: school.epoch, version: taken.at(-1)?.version ?? after, scope: scope.hash }),
  }
}
