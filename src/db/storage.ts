// The browser's storage of this site: whether it is kept when space runs low (persistent storage) and
// how much is used. Browsers without the Storage API (older Safari, some in-app browsers) get `null`s,
// never an exception: the screen then says the browser does not tell.

export interface StorageState {
  /** The Storage API exists at all. */
  supported: boolean
  /** true: the browser keeps the data until the user clears it; null: unknown. */
  persisted: boolean | null
  /** Bytes used and the quota the browser grants; null: unknown. */
  usage: number | null
  quota: number | null
}

type StorageApi = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>

function api(): Partial<StorageApi> | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as Partial<StorageApi> | undefined)
}

export async function readStorageState(storage: Partial<StorageApi> | undefined = api()): Promise<StorageState> {
  if (!storage) return { supported: false, persisted: null, usage: null, quota: null }
  const persisted = typeof storage.persisted === 'function' ? await storage.persisted().catch(() => null) : null
  const estimate = typeof storage.estimate === 'function' ? await storage.estimate().catch(() => null) : null
  return { supported: true, persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null }
}

/** Asks the browser to keep the data; resolves to whether it now does (null when it cannot be asked). */
export async function requestPersistence(storage: Partial<StorageApi> | undefined = api()): Promise<boolean | null> {
  if (!storage || typeof storage.persist !== 'function') return null
  return storage.persist()
}
