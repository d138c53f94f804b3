// Kysely over embedded PGlite. PGlite is one PostgreSQL session in this process, so the driver hands
// out its one connection to one holder at a time (a transaction, or a single query): transactions
// never interleave on the session, and each waits for the one before (PGlite runs one at a time anyway).
import { mkdirSync } from 'node:fs'
import { PGlite, types } from '@electric-sql/pglite'
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'
import type { Database } from './schema'
import type { Store } from './store'

class Mutex {
  private tail: Promise<void> = Promise.resolve()
  lock(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((resolve) => (release = resolve))
    const ready = this.tail.then(() => release)
    this.tail = this.tail.then(() => next)
    return ready
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // A query without parameters may be several statements (a migration): the simple protocol runs them.
    const result = query.parameters.length === 0 ? (await this.pg.exec(query.sql)).at(-1)! : await this.pg.query<R>(query.sql, [...query.parameters])
    return {
      rows: result.rows as R[],
      ...(result.affectedRows !== undefined && query.query.kind !== 'SelectQueryNode' ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    }
  }
  // The server never streams; Kysely's interface asks for the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported on PGlite')
  }
}

class PGliteDriver implements Driver {
  private readonly mutex = new Mutex()
  private readonly releases = new WeakMap<DatabaseConnection, () => void>()
  private readonly connection: PGliteConnection
  constructor(private readonly pg: PGlite) {
    this.connection = new PGliteConnection(pg)
  }
  async init(): Promise<void> {
    await this.pg.waitReady
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.mutex.lock()
    // One connection object, but a fresh wrapper per holder so a release frees exactly its own lock.
    const conn: DatabaseConnection = { executeQuery: (q) => this.connection.executeQuery(q), streamQuery: () => this.connection.streamQuery() }
    this.releases.set(conn, release)
    return conn
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : ''
    const mode = settings.accessMode ? ` ${settings.accessMode}` : ''
    await conn.executeQuery(CompiledQuery.raw(`begin${level}${mode}`))
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'))
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'))
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    this.releases.get(conn)?.()
    this.releases.delete(conn)
  }
  async destroy(): Promise<void> {
    // Waits for the holder of the connection, so an open transaction finishes before the close.
    const release = await this.mutex.lock()
    await this.pg.close()
    release()
  }
}

/** Opens (creating if needed) the PGlite database in `dataDir`, or an in-memory one for 'memory://'. */
export async function openPGlite(dataDir: string): Promise<Store> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  // bigint columns hold epoch ms and versions, well inside 2^53: read them as numbers.
  const pg = await PGlite.create(dataDir, { parsers: { [types.INT8]: (v: string) => Number(v) } })
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new PGliteDriver(pg),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  })
  // PGlite plans every statement for its values, with statistics from the server's maintenance.
  return { kind: 'pglite', db, rowsAdded: () => {}, close: () => db.destroy() }
}
