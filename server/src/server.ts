// Starts the server: opens the store (running its migrations), serves the API and the app on one
// address, and stops gracefully: no new connections, open requests (and so their transactions)
// finish, then the database closes.
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { serve, type ServerType } from '@hono/node-server'
import { firstStartSetupCode } from './auth/accounts'
import type { ServerConfig } from './config'
import { loadMeta, makeContext, type ServerContext } from './context'
import { buildApp } from './http'
import { errorFields, jsonLogger, type Logger } from './log'
import { openStore, type Store } from './store'
import type { StatsEvent } from './store/freshStats'
import { takeLock } from './ops/lock'

export interface RunningServer {
  url: string
  port: number
  ctx: ServerContext
  /** The Node HTTP server (tests watch its 'request' events). */
  http: ServerType
  /** The one-time setup code, on the very first start only. */
  setupCode: string | null
  stop(): Promise<void>
}

/** How long a request in flight may take to finish when the server stops. */
const STOP_GRACE_MS = 5_000

/**
 * PGlite runs no autovacuum: without it the planner has no statistics (a pull would sort everything
 * after its cursor) and updated rows leave dead copies behind. So the server does it itself, now and
 * every 15 minutes; it takes a moment of the one session (well under a second for a school).
 */
const MAINTENANCE_MS = 15 * 60 * 1000
function startMaintenance(ctx: ServerContext): NodeJS.Timeout {
  const run = async (): Promise<void> => {
    const t0 = performance.now()
    try {
      await sql`vacuum analyze`.execute(ctx.db)
      ctx.log.info('maintenance', { ms: Math.round(performance.now() - t0) })
    } catch (err) {
      ctx.log.error('maintenance failed', errorFields(err))
    }
  }
  void run()
  const timer = setInterval(() => void run(), MAINTENANCE_MS)
  timer.unref()
  return timer
}

function logStats(log: Logger, event: StatsEvent): void {
  if (event.kind === 'failed') log.error('statistics refresh failed', errorFields(event.error))
  else if (event.kind === 'fresh') log.info('statistics already fresh', { rows: event.rows, changed: event.changed })
  else log.info('statistics refreshed', { ms: event.ms, rows: event.rows })
}

export async function startServer(config: ServerConfig, log: Logger = jsonLogger(), now: () => number = Date.now): Promise<RunningServer> {
  const lock = !config.databaseUrl && !config.dataDir.startsWith('memory://') ? takeLock(config.dataDir) : null
  let store: Store
  try {
    store = await openStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.poolSize,
      onPoolError: (err) => log.error('database connection lost', errorFields(err)),
      onStats: (event) => logStats(log, event),
    })
  } catch (err) {
    lock?.release()
    throw err
  }
  const ctx = makeContext(store, log, config, { ...(await loadMeta(store.db)), opsKey: lock?.opsKey ?? null }, now)
  const setupCode = await firstStartSetupCode(store.db, now())
  const app = buildApp(ctx)
  const maintenance = store.kind === 'pglite' ? startMaintenance(ctx) : null
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s))
  })
  const port = (server.address() as AddressInfo).port
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  lock?.listening(`http://${host}:${port}`)
  let stopping: Promise<void> | undefined
  return {
    url: `http://${host}:${port}`,
    port,
    ctx,
    http: server,
    setupCode,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          // Keep-alive connections with no request in flight would hold close() open; a request still
          // in flight gets a few seconds to finish (and its transaction to commit), then its
          // connection is closed too: a browser tab kept open must not hold a restart for minutes.
          if ('closeIdleConnections' in server) server.closeIdleConnections()
          const grace = setTimeout(() => {
            if ('closeAllConnections' in server) server.closeAllConnections()
          }, STOP_GRACE_MS)
          grace.unref()
        })
        if (maintenance) clearInterval(maintenance)
        await store.close()
        lock?.release()
      })()),
  }
}
