// Starts sync on a device that is signed in to a school server, after the first screen is shown (the
// engine's code loads then, never before: a teacher who never signs in never downloads it). It runs by
// itself (src/sync/runner.ts) and follows the outbox: a local change in any tab is sent shortly after.
import type { Subscription } from 'dexie'
import { onScopeDispose } from 'vue'
import { META } from '@/db/constants'
import type { AppDB } from '@/db/database'
import { whenDatabaseMayOpen } from '@/db/presence'
import { useSyncStore } from '@/stores/sync'

export function useSyncService(): void {
  const store = useSyncStore()
  // The database and Dexie load after the first screen, and on a new device only once the app opens
  // the database (a setup, a restore, a sign-in): a new teacher's welcome screen does without them.
  let db: AppDB | undefined
  let liveQuery: typeof import('dexie').liveQuery | undefined
  const load = async (): Promise<AppDB> => {
    if (db) return db
    const [database, dexie] = await Promise.all([import('@/db/database'), import('dexie')])
    liveQuery = dexie.liveQuery
    return (db = database.appDb())
  }
  let runner: import('@/sync/runner').SyncRunner | null = null
  let outbox: Subscription | undefined
  let conflicts: Subscription | undefined
  let session: Subscription | undefined
  let disposed = false

  async function startRunner(): Promise<void> {
    if (runner || disposed) return
    const [{ createSyncRunner }, database] = await Promise.all([import('@/sync/runner'), load()])
    if (runner || disposed) return
    runner = createSyncRunner({ db: database, onStatus: (s) => store.setStatus(s) })
    runner.start()
    outbox = liveQuery!(() => database.outbox.count()).subscribe({ next: () => runner?.changed() })
    // A value that lost to a later change arrives by sync with no word on the screen it changed: the
    // indicator on every screen says so, and leads to 同步's list.
    conflicts = liveQuery!(() => database.syncConflicts.filter((c) => c.dismissedAt === null).count()).subscribe({ next: (n) => store.setConflicts(n), error: () => undefined })
  }
  function stopRunner(): void {
    outbox?.unsubscribe()
    conflicts?.unsubscribe()
    store.setConflicts(0)
    runner?.stop()
    runner = null
    store.setStatus({ phase: 'off', waiting: 0, lastSyncAt: null, lastError: null })
  }

  store.connect({
    syncNow: async () => {
      await startRunner()
      return runner?.syncNow()
    },
  })

  // Signed in or not, followed live (a sign-in in another tab starts this one's runner too).
  let stopWaiting: (() => void) | undefined
  const follow = async () => {
    const database = await load()
    if (disposed || session) return
    session = liveQuery!(() => database.meta.get(META.syncSession).then((row) => row !== undefined)).subscribe({
      next: (signedIn) => (signedIn ? void startRunner() : stopRunner()),
      error: () => undefined,
    })
  }
  const begin = () => {
    if (!disposed) stopWaiting = whenDatabaseMayOpen(() => void follow())
  }
  // After the first screen: an idle moment, or a second at most.
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback
  if (idle) idle(begin, { timeout: 1000 })
  else setTimeout(begin, 300)

  onScopeDispose(() => {
    disposed = true
    stopWaiting?.()
    session?.unsubscribe()
    stopRunner()
  })
}
