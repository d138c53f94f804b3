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
