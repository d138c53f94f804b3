// Reads are live (house-style habit 3): the view shows what the database holds, and a write anywhere —
// this tab, another tab, later a sync — updates it without re-fetching by hand.
import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue'

export interface LiveQuery<T> {
  data: ShallowRef<T | undefined>
  isLoading: Ref<boolean>
  /** The last error the query threw; the global handler shows it too. */
  error: ShallowRef<unknown>
}

/**
 * Subscribes to `querier` and re-runs it whenever the tables it read change, or whenever one of `deps`
 * changes (pass the refs the querier reads, e.g. the current class id).
 */
export function useLiveQuery<T>(querier: () => T | Promise<T>, deps: WatchSource[] = []): LiveQuery<T> {
  const data = shallowRef<T>()
  const isLoading = ref(true)
  const error = shallowRef<unknown>()
  let subscription: Subscription | undefined

  const subscribe = () => {
    subscription?.unsubscribe()
    isLoading.value = true
    subscription = liveQuery(querier).subscribe({
      next: (value) => {
        data.value = value
        error.value = undefined
        isLoading.value = false
      },
      error: (e: unknown) => {
        error.value = e
        isLoading.value = false
      },
    })
  }
  watch(deps, subscribe, { immediate: true })
  onScopeDispose(() => subscription?.unsubscribe())
  return { data, isLoading, error }
}
