// The storage interface: a Kysely database over one of two stores, embedded PGlite (the default, a
// folder of files, no service to run) or a real PostgreSQL 15+ (`DATABASE_URL`). Both run the same
// SQL, written for PostgreSQL 15 (PGlite runs 18: MERGE … RETURNING, uuidv7() and JSON_TABLE are
// not used).
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from './schema'

export type Db = Kysely<Database>

export interface Store {
  kind: 'pglite' | 'postgres'
  db: Db
  /** Rows were added to records or conflicts (committed): PostgreSQL may refresh its statistics (freshStats.ts). */
  rowsAdded(count: number): void
  /** Waits for open transactions, then closes the database. */
  close(): Promise<void>
}

/**
 * A value for a jsonb column. Sent as text and cast in SQL, because the two drivers serialise
 * parameters differently (pg turns arrays into PostgreSQL arrays; PGlite serialises by the column's type).
 */
export function json(value: unknown): RawBuilder<string> {
  return sql<string>`cast(${JSON.stringify(value)}::text as jsonb)`
}

/** The mark planOnce() puts in a statement's text (what the PostgreSQL store looks for). */
export const PLAN_ONCE_MARK = '/* plan once */'

/**
 * Marks a statement whose best plan does not depend on its values: lookups by key, rows as one JSON
 * parameter. On PostgreSQL it is prepared once per connection and, after PostgreSQL's five trial
 * runs, its plan reused: planning these statements cost more than running them (the sign-in check
 * 0.2 ms to plan, 0.06 to run, on every request; pg_stat_statements under the benchmark's load). A
 * statement whose best plan depends on its values (a range whose size decides between an index and
 * a scan) is not marked, and is planned for its values each time. PGlite plans every statement.
 */
export function planOnce<T>(statement: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`${sql.raw(PLAN_ONCE_MARK)} ${statement}`
}
