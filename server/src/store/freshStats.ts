// Fresh statistics for the plans PostgreSQL keeps (planOnce, store.ts). A prepared statement's plan is
// made from the tables' statistics of the moment and kept until they change; a plan made while a
// school's records were few (hash all of them: cheap at a few hundred) stayed in use as an import grew
// them to tens of thousands, and a push's read by key took 120 ms instead of 1 (auto_explain, the
// benchmark's seeding: the first school's term took 41 s to push, 8 s with this). Autovacuum analyzes
// after 10% of a table changed, but at best once a minute: during an import that is thousands of slow
// pushes. So the server analyzes itself when the rows it added since its last ANALYZE reach what that
// ANALYZE counted (at least MIN_ROWS): a kept plan, right for the table it was made for, then runs on a
// table at most about twice as large, and a term's import costs a dozen ANALYZEs, not hundreds (each
// invalidates every connection's kept plans; at 60,000 records one takes about 0.3 s). Beyond that
// autovacuum keeps the statistics as it does for any table.
// Before it analyzes, the keeper asks the database whether someone else has since (autovacuum, an
// operator, another server process on the same database): then it counts again from that ANALYZE
// instead of repeating it. Without the question, a server that had analyzed a small table repeated
// an ANALYZE autovacuum had just made of a large one (330 ms of PostgreSQL's CPU in the middle of the
// benchmark's load of 500 teachers).
import { sql } from 'kysely'
import type { Db } from './store'

/** Rows added before the first ANALYZE of this process (the table's size then is not known). */
export const MIN_ROWS = 1_000

/** What the keeper did: analyzed, found another's ANALYZE still fresh, or failed. */
export type StatsEvent = { kind: 'analyzed'; ms: number; rows: number } | { kind: 'fresh'; rows: number; changed: number } | { kind: 'failed'; error: unknown }

/** When to analyze: the pure part, `counted` being what the last ANALYZE saw (0 before any). */
export function needsAnalyze(added: number, counted: number): boolean {
  return added >= Math.max(MIN_ROWS, counted)
}

/** What PostgreSQL says of the records table: its rows at the last ANALYZE (-1 before any), the rows changed since, and the ANALYZEs so far (anyone's). */
export interface TableStats {
  rows: number
  changed: number
  analyzes: number
}

/**
 * When the process's own count calls for an ANALYZE: the count to go on from instead, if another
 * ANALYZE (not this process's last one, whose count of ANALYZEs was `ownAnalyzes`; null before it made
 * any) has refreshed the statistics since and they are still fresh by the same rule; null to analyze.
 */
export function analyzedByOthers(ownAnalyzes: number | null, seen: TableStats): { added: number; counted: number } | null {
  if (seen.rows < 0 || seen.analyzes <= (ownAnalyzes ?? 0)) return null
  return needsAnalyze(seen.changed, seen.rows) ? null : { added: seen.changed, counted: seen.rows }
}

export interface StatsKeeper {
  /** `count` rows were added to records or conflicts (committed). */
  rowsAdded(count: number): void
  /** The ANALYZE running now, if any. */
  idle(): Promise<void>
}

export function statsKeeper(db: Db, report: (event: StatsEvent) => void): StatsKeeper {
  let added = 0
  let counted = 0
  let ownAnalyzes: number | null = null
  let running: Promise<void> | null = null
  const tableStats = async (): Promise<TableStats> => {
    const { rows } = await sql<{ rows: number; changed: number; analyzes: number }>`
      select c.reltuples::bigint as rows, s.n_mod_since_analyze as changed, s.analyze_count + s.autoanalyze_count as analyzes
      from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.oid = 'records'::regclass`.execute(db)
    const row = rows[0]
    return { rows: Number(row?.rows ?? -1), changed: Number(row?.changed ?? 0), analyzes: Number(row?.analyzes ?? 0) }
  }
  const analyze = async (): Promise<void> => {
    const t0 = performance.now()
    // The rows counted so far are settled, whatever the outcome: a failing ANALYZE is tried again
    // after as many rows again, not on every push.
    added = 0
    try {
      const seen = await tableStats()
      const fresh = analyzedByOthers(ownAnalyzes, seen)
      if (fresh) {
        // Rows pushed while the question was out count on top of what the database had seen.
        added += fresh.added
        counted = fresh.counted
        ownAnalyzes = seen.analyzes
        report({ kind: 'fresh', rows: fresh.counted, changed: fresh.added })
        return
      }
      await sql`analyze records, conflicts`.execute(db)
      const after = await tableStats()
      counted = Math.max(0, after.rows)
      ownAnalyzes = after.analyzes
      report({ kind: 'analyzed', ms: Math.round(performance.now() - t0), rows: counted })
    } catch (error) {
      report({ kind: 'failed', error })
    }
  }
  return {
    rowsAdded(count) {
      added += count
      if (running || !needsAnalyze(added, counted)) return
      running = analyze().finally(() => (running = null))
    },
    idle: () => running ?? Promise.resolve(),
  }
}
