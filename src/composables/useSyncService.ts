// Starts sync on a device that is signed in to a school server, after the first screen is shown (the
// engine's code loads then, never before: a teacher who never signs in never downloads it). It runs by
// itself (src/sync/runner.ts) and follows the outbox: a local change in any tab is sent shortly after.
import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose } from 'vue'
import { META } from '@/db/constants'
import { appDb } from '@/db/database'
import { useSyncStore } from '@/stores/sync'

export function useSyncService(): void {
  const store = useSyncStore()
  const db = appDb()
  let runner: import('@/sync/runner').SyncRunner | null = null
  let outbox: Subscription | undefined
  let session: Subscription | undefined
  let disposed = false

  async function startRunner(): Promise<void> {
    if (runner || disposed) return
    const { createSyncRunner } = await import('@/sync/runner')
    if (runner || disposed) return
    runner = createSyncRunner({ db, onStatus: (s) => store.setStatus(s) })
    runner.start()
    outbox = liveQuery(() => db.outbox.count()).subscribe({ next: () => runner?.changed() })
  }
  function stopRunner(): void {
    outbox?.unsubscribe()
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
  const begin = () => {
    if (disposed) return
    session = liveQuery(() => db.meta.get(META.syncSession).then((row) => row !== undefined)).subscribe({
      next: (signedIn) => (signedIn ? void startRunner() : stopRunner()),
      error: () => undefined,
    })
  }
  // After the first screen: an idle moment, or a second at most.
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback
  if (idle) idle(begin, { timeout: 1000 })
  else setTimeout(begin, 300)

  onScopeDispose(() => {
    disposed = true
    session?.unsubscribe()
    stopRunner()
  })
}
