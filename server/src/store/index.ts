// Opens the store the configuration names and brings its schema up to date.
import { migrate } from './migrations'
import { openPGlite } from './pglite'
import { openPostgres } from './postgres'
import type { StatsEvent } from './freshStats'
import type { Store } from './store'

export { json, planOnce, type Db, type Store } from './store'

export interface StoreConfig {
  /** postgres://… for a real PostgreSQL; absent for embedded PGlite. */
  databaseUrl?: string
  /** PGlite's folder ('memory://' for a throwaway in-memory database). */
  dataDir: string
  onPoolError?: (err: Error) => void
  /** PostgreSQL refreshed its statistics after rows were added (freshStats.ts), or failed to. */
  onStats?: (event: StatsEvent) => void
  /** Connections in the PostgreSQL pool (HL_POOL_SIZE). */
  poolSize?: number
}

export async function openStore(config: StoreConfig): Promise<Store> {
  const store = config.databaseUrl ? await openPostgres(config.databaseUrl, config) : await openPGlite(config.dataDir)
  try {
    await migrate(store.db as never)
  } catch (err) {
    await store.close()
    throw err
  }
  return store
}
