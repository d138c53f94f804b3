// Sync as every screen sees it: the status indicator's state, and the way to ask for a run. UI state
// only: the session and the data live in the database; the engine is loaded after the first screen
// (src/composables/useSyncService.ts) and reports here.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { SyncStatus } from '@/sync/runner'

export type { SyncStatus }

export const useSyncStore = defineStore('sync', () => {
  const status = shallowRef<SyncStatus>({ phase: 'off', waiting: 0, lastSyncAt: null, lastError: null })
  let runNow: (() => Promise<unknown>) | null = null
  return {
    status,
    setStatus: (next: SyncStatus) => (status.value = next),
    /** The service's hook for "sync now". */
    connect: (hooks: { syncNow: () => Promise<unknown> }) => {
      runNow = hooks.syncNow
    },
    syncNow: () => runNow?.() ?? Promise.resolve(null),
  }
})
