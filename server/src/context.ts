// What every request handler is given: the store, the logger, the configuration, the time, and the
// server's own keys (from its database, so several processes share them).
import { encodeHlc, tickHlc, type Hlc } from '@hl/core/domain/hlc'
import { newDeviceId } from '@hl/core/ids'
import type { ServerConfig } from './config'
import type { Logger } from './log'
import type { Db, Store } from './store'
import { randomSecret } from './auth/secrets'

export interface ServerContext {
  store: Store
  db: Db
  log: Logger
  config: ServerConfig
  now(): number
  /** A new HLC stamp for a change the server makes itself (an account's roles). */
  stamp(): string
  /** Signs access tokens. */
  tokenKey: string
  /** Authorises the backup command to ask this server for a dump (PGlite only: its folder is this process's). */
  opsKey: string | null
}

async function metaValue(db: Db, key: string, make: () => string): Promise<string> {
  await db.insertInto('server_meta').values({ key, value: make() }).onConflict((oc) => oc.column('key').doNothing()).execute()
  const row = await db.selectFrom('server_meta').select('value').where('key', '=', key).executeTakeFirstOrThrow()
  return row.value
}

/**
 * The server's keys, made on the first start. The epoch (read by every pull) changes when the server
 * is restored from a backup, so a cursor of the old history resets.
 */
export async function loadMeta(db: Db): Promise<{ tokenKey: string }> {
  await metaValue(db, 'epoch', () => randomSecret(12))
  return { tokenKey: await metaValue(db, 'token_key', () => randomSecret(32)) }
}

export function makeContext(store: Store, log: Logger, config: ServerConfig, meta: { tokenKey: string; opsKey: string | null }, now: () => number = Date.now): ServerContext {
  let clock: Hlc = { wall: now(), counter: 0, deviceId: `server-${newDeviceId()}` }
  return {
    store,
    db: store.db,
    log,
    config,
    now,
    stamp() {
      clock = tickHlc(clock, now())
      return encodeHlc(clock)
    },
    ...meta,
  }
}
