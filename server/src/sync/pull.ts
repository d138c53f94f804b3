// POST /api/v1/pull: the changes after a cursor that the caller may read, oldest first, in pages.
// The cursor is opaque to the device; it carries the server's epoch (a restore changes it), the last
// version sent, and the caller's scope when it was made, so any of those changing makes a reset.
import { LIMITS, type ConflictRow, type PullRequest, type PullResponse } from '@hl/core/sync/protocol'
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

export interface ConflictDbRow {
  conflict_id: string
  tbl: string
  record_id: string
  field: string
  kind: string
  kept: unknown
  kept_clock: string
  kept_by: string | null
  lost: unknown
  lost_clock: string
  lost_by: string | null
  created_at: number
  dismissed_at: number | null
}

export const conflictRow = (r: ConflictDbRow): ConflictRow => ({
  id: r.conflict_id,
  table: r.tbl,
  recordId: r.record_id,
  field: r.field,
  kind: r.kind as ConflictRow['kind'],
  kept: r.kept,
  keptClock: r.kept_clock,
  keptBy: r.kept_by,
  lost: r.lost,
  lostClock: r.lost_clock,
  lostBy: r.lost_by,
  at: r.created_at,
  dismissedAt: r.dismissed_at,
})

async function page(db: Db, schoolId: string, scope: Scope, after: number, limit: number) {
  const records = await db
    .selectFrom('records')
    .select(['tbl', 'data', 'version'])
    .where('school_id', '=', schoolId)
    .where('version', '>', after)
    .where((eb) =>
      eb.or([
        eb('read_kind', '=', 'school'),
        ...(scope.readableClasses.length > 0 ? [eb.and([eb('read_kind', '=', 'class'), eb('class_id', 'in', scope.readableClasses)])] : []),
        eb.and([eb('read_kind', '=', 'owner'), eb('teacher_id', '=', scope.teacherId)]),
      ]),
    )
    .orderBy('version')
    .limit(limit + 1)
    .execute()
  // Conflicts reach the teachers whose values met: the one who lost and the one who won.
  const conflicts = await db
    .selectFrom('conflicts')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('version', '>', after)
    .where((eb) => eb.or([eb('lost_by', '=', scope.teacherId), eb('kept_by', '=', scope.teacherId)]))
    .orderBy('version')
    .limit(limit + 1)
    .execute()
  return { records, conflicts }
}

export async function pull(ctx: ServerContext, caller: Caller, req: PullRequest): Promise<PullResponse> {
  const limit = Math.min(req.limit, LIMITS.pullRecords)
  // One snapshot for the scope, the records and the conflicts: two statements seeing different
  // commits could send a later version and skip an earlier one.
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const school = await tx.selectFrom('schools').select(['purged_below']).where('school_id', '=', caller.schoolId).executeTakeFirstOrThrow()
      // Read on every pull, not once at start: a restore on PostgreSQL may happen while servers run.
      const { value: epoch } = await tx.selectFrom('server_meta').select('value').where('key', '=', 'epoch').executeTakeFirstOrThrow()
      const scope = await loadScope(tx, caller)
      let after = 0
      if (req.cursor) {
        const cursor = decodeCursor(req.cursor)
        if (!cursor) return { reset: true, reason: 'badCursor' } as const
        if (cursor.epoch !== epoch) return { reset: true, reason: 'restored' } as const
        if (cursor.version < school.purged_below) return { reset: true, reason: 'purged' } as const
        if (cursor.scope !== scope.hash) return { reset: true, reason: 'scopeChanged' } as const
        after = cursor.version
      }
      await sql`set local statement_timeout = '30s'`.execute(tx)
      const { records, conflicts } = await page(tx, caller.schoolId, scope, after, limit)
      // Merge the two streams by version and take one page.
      const out: PullResponse & { records: unknown[] } = { records: [], conflicts: [], cursor: '', more: false }
      let r = 0
      let c = 0
      let last = after
      while (out.records.length + out.conflicts.length < limit && (r < records.length || c < conflicts.length)) {
        const nextR = records[r]
        const nextC = conflicts[c]
        if (nextR && (!nextC || nextR.version < nextC.version)) {
          out.records.push({ table: nextR.tbl, row: nextR.data })
          last = nextR.version
          r++
        } else if (nextC) {
          out.conflicts.push(conflictRow(nextC))
          last = nextC.version
          c++
        }
      }
      out.more = r < records.length || c < conflicts.length
      out.cursor = encodeCursor({ epoch, version: last, scope: scope.hash })
      return out
    })
}
