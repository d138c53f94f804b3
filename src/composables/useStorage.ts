// The browser's keeping of this site's data: whether it is persistent, how much space is used, and a
// way to ask for persistence. Browsers without the Storage API are reported as such, not as errors.
import { onMounted, ref, type Ref } from 'vue'
import { readStorageState, requestPersistence, type StorageState } from '@/db/storage'

export type { StorageState }

export function useStorage(): { state: Ref<StorageState | undefined>; refresh: () => Promise<void>; askToKeep: () => Promise<boolean | null> } {
  const state = ref<StorageState>()
  async function refresh(): Promise<void> {
    state.value = await readStorageState()
  }
  async function askToKeep(): Promise<boolean | null> {
    const granted = await requestPersistence()
    await refresh()
    return granted
  }
  onMounted(refresh)
  return { state, refresh, askToKeep }
}
