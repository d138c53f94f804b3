// Kysely over a real PostgreSQL 15+ (node-postgres pool), for deployments past one small school.
import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema'
import type { Store } from './store'

export async function openPostgres(url: string, onError: (err: Error) => void, poolSize = 10): Promise<Store> {
  // bigint columns hold epoch ms and versions, well inside 2^53: read them as numbers.
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) }
  // A statement stuck for 30 s is cut off rather than left holding a school's lock.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: types as pg.CustomTypesConfig, options: '-c statement_timeout=30000' })
  // A broken idle connection must not crash the process: it is logged, and the pool replaces it.
  pool.on('error', onError)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  await db.selectNoFrom((eb) => eb.val(1).as('one')).execute()
  return { kind: 'postgres', db, close: () => db.destroy() }
}
