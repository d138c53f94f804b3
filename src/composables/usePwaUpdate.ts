// The service worker's update flow (registerType 'prompt', house-style habit 11): a new version waits
// until the user says so, so a teacher halfway through grading is never reloaded under their hands.
// The registration is the app's own (a few lines over the browser's API) rather than workbox-window's,
// which every first load paid 2.7 KiB for (issue 11). The worker itself is vite-plugin-pwa's: it
// activates a waiting version when told { type: 'SKIP_WAITING' }.
import { ref, type Ref } from 'vue'

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

/** The worker vite-plugin-pwa builds (injectRegister: false in vite.config.ts: this module registers it). */
const WORKER_URL = `${import.meta.env.BASE_URL}sw.js`

export function usePwaUpdate(): PwaUpdate {
  const needRefresh = ref(false)
  const offlineReady = ref(false)
  let registration: ServiceWorkerRegistration | undefined

  // A worker that reached 'installed' is either the first (the app now works offline: nothing
  // controlled this page) or a new version waiting behind the one in control.
  const installed = (): void => {
    if (navigator.serviceWorker.controller) needRefresh.value = true
    else offlineReady.value = true
  }
  const watchInstalling = (worker: ServiceWorker | null): void => {
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') installed()
    })
  }

  // Only the built app has a worker (the dev server and component tests have none).
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    // Registered once the page has loaded, so the worker's precache (every file of the app) does not
    // compete with the first screen for the network and the CPU; the first visit still caches the app.
    const register = (): void => {
      navigator.serviceWorker.register(WORKER_URL, { scope: import.meta.env.BASE_URL }).then(
        (reg) => {
          registration = reg
          // A version that was already waiting (the teacher chose 稍后 last time) asks again.
          if (reg.waiting && navigator.serviceWorker.controller) needRefresh.value = true
          watchInstalling(reg.installing)
          reg.addEventListener('updatefound', () => watchInstalling(reg.installing))
        },
        () => {
          // No worker (private mode, blocked by policy): the app still works online, as a web page.
        },
      )
    }
    if (document.readyState === 'complete') register()
    else window.addEventListener('load', register, { once: true })
  }

  return {
    needRefresh,
    offlineReady,
    update: async () => {
      const waiting = registration?.waiting
      if (!waiting) return
      // The page reloads once the new version controls it, so no tab runs old code against a new worker.
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true })
      waiting.postMessage({ type: 'SKIP_WAITING' })
    },
    dismiss: () => {
      needRefresh.value = false
      offlineReady.value = false
    },
  }
}
