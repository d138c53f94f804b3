// Sync as every screen sees it: the status indicator's state, and the way to ask for a run. UI state
// only: the session and the data live in the database; the engine is loaded after the first screen
// (src/composables/useSyncService.ts) and reports here.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { SyncStatus } from '@/sync/runner'

export type { SyncStatus }

export const useSyncStore = defineStore('sync', () => {
  const status = shallowRef<SyncStatus>({ phase: 'off', waiting: 0, lastSyncAt: null, lastError: null })
  /** Conflicts not yet dismissed (values that lost to a later change of the same thing), shown on 同步. */
  const conflicts = shallowRef(0)
  let runNow: (() => Promise<unknown>) | null = null
  return {
    status,
    conflicts,
    setStatus: (next: SyncStatus) => (status.value = next),
    setConflicts: (n: number) => (conflicts.value = n),
    /** The service's hook for "sync now". */
    connect: (hooks: { syncNow: () => Promise<unknown> }) => {
      runNow = hooks.syncNow
    },
    syncNow: () => runNow?.() ?? Promise.resolve(null),
  }
})
