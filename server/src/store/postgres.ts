// Kysely over a real PostgreSQL 15+ (node-postgres pool), for deployments past one small school.
import { createHash } from 'node:crypto'
import pg from 'pg'
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely'
import type { Database } from './schema'
import { statsKeeper, type StatsEvent } from './freshStats'
import { PLAN_ONCE_MARK, type Store } from './store'

/** Prepared statements one connection keeps at most (the marked ones are a handful of texts). */
const MAX_PREPARED = 64

/**
 * The pool as Kysely sees it, where a statement marked planOnce() runs as a named prepared statement
 * (its name a hash of its text): parsed and planned once per connection rather than on every call.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>()
  const nameOf = (text: string): string => {
    let name = names.get(text)
    if (!name) {
      name = `hl_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`
      if (names.size < 1000) names.set(text, name)
    }
    return name
  }
  const prepared = new WeakMap<pg.PoolClient, Set<string>>()
  return {
    connect: async () => {
      const client = await pool.connect()
      const mine = prepared.get(client) ?? new Set<string>()
      prepared.set(client, mine)
      const wrapped = {
        query: (text: string, values: readonly unknown[]) => {
          if (typeof text === 'string' && text.includes(PLAN_ONCE_MARK)) {
            const name = nameOf(text)
            if (mine.has(name) || mine.size < MAX_PREPARED) {
              mine.add(name)
              return client.query({ name, text, values: values as unknown[] })
            }
          }
          return client.query(text as never, values as unknown[])
        },
        release: (destroy?: boolean) => client.release(destroy),
      }
      return wrapped as unknown as PostgresPoolClient
    },
    end: () => pool.end(),
  }
}

export async function openPostgres(
  url: string,
  { onPoolError = () => {}, poolSize = 10, onStats = () => {} }: { onPoolError?: (err: Error) => void; poolSize?: number; onStats?: (event: StatsEvent) => void } = {},
): Promise<Store> {
  // bigint columns hold epoch ms and versions, well inside 2^53: read them as numbers.
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) }
  // A statement stuck for 30 s is cut off rather than left holding a school's lock.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: types as pg.CustomTypesConfig, options: '-c statement_timeout=30000' })
  // A broken idle connection must not crash the process: it is logged, and the pool replaces it.
  pool.on('error', onPoolError)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) })
  await db.selectNoFrom((eb) => eb.val(1).as('one')).execute()
  const stats = statsKeeper(db, onStats)
  return {
    kind: 'postgres',
    db,
    rowsAdded: (count) => stats.rowsAdded(count),
    close: async () => {
      await stats.idle()
      await db.destroy()
    },
  }
}
