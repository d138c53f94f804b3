// When sync runs (issue 7, "Sync runs by itself"): shortly after each local change, when the device
// comes online, when the page is shown again, every few minutes, and when the server's poke says there
// is something new (a cheap question every few seconds while the page is open). One tab syncs at a
// time (Web Locks); the others see the results through their live queries. Failures retry with
// back-off; a sign-in that can no longer be renewed stops until the teacher signs in again, and
// nothing waiting is dropped.
import type { AppDB } from '@/db/database'
import { countWaiting, getSyncState } from '@/db/sync'
import { getSession } from '@/db/session'
import { NetworkError, ServerError, SignedOutError, type Fetch } from './api'
import { apiFor, syncOnce, type SyncRunResult } from './engine'

export type SyncPhase = 'off' | 'idle' | 'syncing' | 'offline' | 'error' | 'signedOut'

export interface SyncStatus {
  phase: SyncPhase
  /** Changes waiting to be sent. */
  waiting: number
  lastSyncAt: number | null
  lastError: { code: string; params: Record<string, unknown> } | null
}

export interface RunnerOptions {
  db: AppDB
  onStatus: (status: SyncStatus) => void
  /** After a run that brought or sent records. */
  onResult?: (result: SyncRunResult) => void
  fetch?: Fetch
  now?: () => number
  /** Test hooks: shorter waits. */
  timing?: Partial<typeof TIMING>
  /** Where the page's events come from (the page's own window and document; a stand-in in tests). */
  page?: { window: EventTarget; document: EventTarget & { visibilityState: string } }
}

export const TIMING = {
  /** A local change is sent this long after the last one (typing stays one push). */
  debounceMs: 1500,
  /** A full run every so often, whatever happens. */
  intervalMs: 3 * 60_000,
  /** How often an open page asks the server whether anything is new. */
  pokeMs: 5_000,
  /** The first retry after a failure; doubled each time, up to maxBackoffMs. */
  backoffMs: 2_000,
  maxBackoffMs: 5 * 60_000,
}

const LOCK = 'homework-ledger-sync'

/** Runs `fn` holding the sync lock, or returns false at once when another tab holds it. */
async function withLock(fn: () => Promise<void>): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined
  if (!locks) {
    await fn()
    return true
  }
  let ran = false
  await locks.request(LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) return
    ran = true
    await fn()
  })
  return ran
}

export function createSyncRunner(options: RunnerOptions) {
  const { db, onStatus } = options
  const now = options.now ?? Date.now
  const timing = { ...TIMING, ...options.timing }
  const page = options.page ?? { window, document }
  let phase: SyncPhase = 'off'
  let running = false
  let again = false
  let failures = 0
  let soon: ReturnType<typeof setTimeout> | undefined
  let interval: ReturnType<typeof setInterval> | undefined
  let poke: ReturnType<typeof setInterval> | undefined
  let lastVersion: number | null = null
  let stopped = true

  async function report(next?: SyncPhase): Promise<void> {
    if (next) phase = next
    if (stopped) return
    const [waiting, state] = await Promise.all([countWaiting(db), getSyncState(db)])
    if (!stopped) onStatus({ phase, waiting, lastSyncAt: state.lastSyncAt, lastError: phase === 'offline' ? null : state.lastError })
  }

  function schedule(ms: number): void {
    if (stopped) return
    if (soon !== undefined) clearTimeout(soon)
    soon = setTimeout(() => {
      soon = undefined
      void run()
    }, ms)
  }

  async function run(): Promise<SyncRunResult | null> {
    if (stopped) return null
    if (running) {
      again = true
      return null
    }
    running = true
    let result: SyncRunResult | null = null
    try {
      if (!(await getSession(db))) {
        await report('off')
        return null
      }
      await report('syncing')
      const ran = await withLock(async () => {
        result = await syncOnce({ db, now, ...(options.fetch ? { fetch: options.fetch } : {}) })
      })
      failures = 0
      await report('idle')
      if (ran && result) options.onResult?.(result)
      // Another tab held the lock: it syncs, and this tab's live queries show the outcome.
    } catch (error) {
      failures++
      const wait = Math.min(timing.backoffMs * 2 ** (failures - 1), timing.maxBackoffMs) * (0.8 + Math.random() * 0.4)
      if (error instanceof SignedOutError) await report('signedOut')
      else if (error instanceof NetworkError) {
        await report('offline')
        schedule(wait)
      } else {
        await report('error')
        // A too-old app is not retried: the teacher must reload first.
        if (!(error instanceof ServerError && error.code === 'schemaTooOld')) schedule(wait)
      }
    } finally {
      running = false
      if (again) {
        again = false
        schedule(0)
      }
    }
    return result
  }

  async function askServer(): Promise<void> {
    if (stopped || running || page.document.visibilityState !== 'visible') return
    const session = await getSession(db)
    if (!session) return
    try {
      const { version } = await apiFor(db, session, { now, ...(options.fetch ? { fetch: options.fetch } : {}) }).version()
      if (lastVersion !== null && version !== lastVersion) schedule(0)
      lastVersion = version
    } catch {
      // The poke is only a hint: the next full run reports any real problem.
    }
  }

  const onOnline = () => schedule(0)
  const onVisible = () => {
    if (page.document.visibilityState === 'visible') schedule(300)
  }

  return {
    /** Starts running by itself (signed in). A first run follows at once. */
    start(): void {
      if (!stopped) return
      stopped = false
      page.window.addEventListener('online', onOnline)
      page.document.addEventListener('visibilitychange', onVisible)
      page.window.addEventListener('focus', onVisible)
      interval = setInterval(() => schedule(0), timing.intervalMs)
      poke = setInterval(() => void askServer(), timing.pokeMs)
      schedule(0)
    },
    stop(): void {
      stopped = true
      if (soon !== undefined) clearTimeout(soon)
      if (interval !== undefined) clearInterval(interval)
      if (poke !== undefined) clearInterval(poke)
      page.window.removeEventListener('online', onOnline)
      page.document.removeEventListener('visibilitychange', onVisible)
      page.window.removeEventListener('focus', onVisible)
      phase = 'off'
    },
    /** A local change was made: send it shortly. */
    changed(): void {
      schedule(timing.debounceMs)
      void report()
    },
    /** "Sync now": runs at once (or right after the run in progress). */
    syncNow: () => run(),
    report: () => report(),
  }
}

export type SyncRunner = ReturnType<typeof createSyncRunner>
