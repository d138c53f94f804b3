// One sync run (../../shared/sync-design.md): push the outbox in batches, then pull every page since
// the cursor. A reset pulls from the start, keeping the outbox; after a reset because the caller's
// classes changed, what the device may no longer read is dropped (its own unsent changes never are).
// Runs are idempotent: a lost answer is resent as the same mutations, which the server skips.
import { SCHEMA_VERSION } from '@hl/core/sync/protocol'
import type { AppDB } from '@/db/database'
import { acknowledgePush, applyPulledPage, dropOutOfScope, getCursor, setCursor, takeBatch, updateSyncState } from '@/db/sync'
import { getSession, saveSession, type SyncSession } from '@/db/session'
import { NetworkError, publicApi, ServerError, sessionApi, SignedOutError, type Fetch, type SessionApi } from './api'

/** Renew an access token this long before it runs out. */
const RENEW_MARGIN_MS = 30_000
const MAX_PUSHES = 10_000
const MAX_PAGES = 10_000

export interface EngineOptions {
  db: AppDB
  now?: () => number
  fetch?: Fetch
}

/** The session's API, renewing the access token from the refresh token when it runs out. */
export function apiFor(db: AppDB, session: SyncSession, { now = Date.now, fetch: fetchImpl = fetch }: Omit<EngineOptions, 'db'> = {}): SessionApi {
  let current = session
  let renewing: Promise<string> | null = null
  const renew = (): Promise<string> => {
    renewing ??= (async () => {
      try {
        const fresh = await publicApi(current.server, fetchImpl).refresh(current.refreshToken)
        current = { ...current, accessToken: fresh.accessToken, accessExpiresAt: fresh.accessExpiresAt, refreshToken: fresh.refreshToken ?? current.refreshToken, account: fresh.account ?? current.account }
        await saveSession(db, current)
        return current.accessToken
      } catch (error) {
        if (error instanceof ServerError && (error.status === 401 || error.status === 403)) throw new SignedOutError()
        throw error
      } finally {
        renewing = null
      }
    })()
    return renewing
  }
  return sessionApi(
    session.server,
    {
      access: async () => (current.accessExpiresAt - RENEW_MARGIN_MS > now() ? current.accessToken : renew()),
      renew,
    },
    fetchImpl,
  )
}

export interface SyncRunResult {
  pushed: number
  pulled: number
  /** A reset happened: the device pulled from the start. */
  reset: string | null
  /** Records dropped because they are no longer in the device's scope. */
  dropped: number
  /** Pulled records this app could not take (a newer server's table, a malformed row). */
  refused: number
}

/** One push-then-pull run. Throws NetworkError (try later), ServerError (say why) or SignedOutError. */
export async function syncOnce({ db, now = Date.now, fetch: fetchImpl = fetch }: EngineOptions): Promise<SyncRunResult> {
  const session = await getSession(db)
  if (!session) throw new SignedOutError()
  const api = apiFor(db, session, { now, fetch: fetchImpl })
  const result: SyncRunResult = { pushed: 0, pulled: 0, reset: null, dropped: 0, refused: 0 }
  try {
    for (let i = 0; i < MAX_PUSHES; i++) {
      const batch = await takeBatch(db, now())
      if (batch.length === 0) break
      const answer = await api.push({ clientId: session.clientId, schemaVersion: SCHEMA_VERSION, mutations: batch })
      await acknowledgePush(db, batch, answer, now())
      result.pushed += answer.applied.length
    }

    let cursor = await getCursor(db)
    let seen: Set<string> | null = null
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await api.pull({ clientId: session.clientId, cursor, limit: 500 })
      if ('reset' in page) {
        if (result.reset !== null && cursor === null) throw new ServerError(500, 'resetLoop')
        result.reset = page.reason
        cursor = null
        await setCursor(db, null)
        seen = page.reason === 'scopeChanged' ? new Set() : null
        continue
      }
      const applied = await applyPulledPage(db, page, now())
      result.pulled += applied.applied
      result.refused += applied.refused
      if (seen) for (const key of applied.seen) seen.add(key)
      cursor = page.cursor
      if (!page.more) break
    }
    if (seen) result.dropped = await dropOutOfScope(db, seen)
    await updateSyncState(db, { lastSyncAt: now(), lastError: null })
    return result
  } catch (error) {
    // What the sync screen says: a code and its parameters (the network's absence is not an error to show as one).
    const lastError =
      error instanceof ServerError
        ? { code: error.code, params: error.params }
        : error instanceof SignedOutError
          ? { code: 'signedOut', params: {} }
          : error instanceof NetworkError
            ? { code: 'offline', params: {} }
            : { code: 'internal', params: { message: error instanceof Error ? error.message : String(error) } }
    await updateSyncState(db, { lastError })
    throw error
  }
}
