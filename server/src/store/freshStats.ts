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
import { sql } from 'kysely'
import type { Db } from './store'

/** Rows added before the first ANALYZE of this process (the table's size then is not known). */
export const MIN_ROWS = 1_000

export type StatsEvent = { ok: true; ms: number; rows: number } | { ok: false; error: unknown }

/** When to analyze: the pure part, `counted` being what the last ANALYZE saw (0 before any). */
export function needsAnalyze(added: number, counted: number): boolean {
  return added >= Math.max(MIN_ROWS, counted)
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
  let running: Promise<void> | null = null
  const analyze = async (): Promise<void> => {
    const t0 = performance.now()
    const before = added
    // The rows counted so far are settled, whatever the outcome: a failing ANALYZE is tried again
    // after as many rows again, not on every push.
    added -= before
    try {
      await sql`analyze records, conflicts`.execute(db)
      const { rows } = await sql<{ rows: number }>`select reltuples::bigint as rows from pg_class where oid = 'records'::regclass`.execute(db)
      counted = Math.max(0, Number(rows[0]?.rows ?? 0))
      report({ ok: true, ms: Math.round(performance.now() - t0), rows: counted })
    } catch (error) {
      report({ ok: false, error })
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
