// The service worker's update flow (registerType 'prompt', house-style habit 11): a new version waits
// until the user says so, so a teacher halfway through grading is never reloaded under their hands.
import type { Ref } from 'vue'
import { useRegisterSW } from 'virtual:pwa-register/vue'

export interface PwaUpdate {
  /** A new version is installed and waiting for the user's consent. */
  needRefresh: Ref<boolean>
  /** The app is cached and works offline from now on. */
  offlineReady: Ref<boolean>
  /** Activate the waiting version; this reloads the page, so only call it on the user's request. */
  update: () => Promise<void>
  /** Hide the notice; a waiting version then activates on the next visit once all tabs close. */
  dismiss: () => void
}

export function usePwaUpdate(): PwaUpdate {
  const { needRefresh, offlineReady, updateServiceWorker } = useRegisterSW({
    // Register at once rather than on window load, so the first visit already caches the app.
    immediate: true,
  })

  return {
    needRefresh,
    offlineReady,
    update: () => updateServiceWorker(true),
    dismiss: () => {
      needRefresh.value = false
      offlineReady.value = false
    },
  }
}
