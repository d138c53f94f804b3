// The device's sign-in to a school server, kept in the meta table: device-local, never synced, never
// in a backup. Apart from the rest of sync's data layer (sync.ts), so that a screen which only asks
// whether and as whom the device is signed in (settings, the plan import) loads none of it.
import type { AccountInfo } from '@hl/core/sync/protocol'
import { META } from './constants'
import type { AppDB } from './database'

export interface SyncSession {
  /** The server's origin, e.g. 'https://hw.school.cn' (the page's own by default). */
  server: string
  /** This sign-in's id for the server's per-client seq: new at every sign-in. */
  clientId: string
  accessToken: string
  accessExpiresAt: number
  refreshToken: string
  account: AccountInfo
  school: { id: string; code: string; name: string }
}

export async function getSession(db: AppDB): Promise<SyncSession | null> {
  const row = await db.meta.get(META.syncSession)
  return (row?.value as SyncSession | undefined) ?? null
}

export async function saveSession(db: AppDB, session: SyncSession): Promise<void> {
  await db.meta.put({ key: META.syncSession, value: session })
}

/** Signs the device out: the session and the cursor go; the outbox stays (nothing unsent is dropped). */
export async function clearSession(db: AppDB): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.delete(META.syncSession)
    await db.meta.delete(META.syncCursor)
  })
}
