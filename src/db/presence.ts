// What the shell may know about the database without loading Dexie (performance: a new teacher's first
// screen never downloads the database code): whether it may exist on this device, and two events, "the
// app opened it" and "another tab upgraded it". src/db/database.ts raises them.
import { DB_NAME } from './constants'

/**
 * False only when the browser says for certain that this device has no database of ours (a new user);
 * true when it has one, or cannot say (no `indexedDB.databases`, or an error): then the caller asks Dexie.
 */
export async function databaseMayExist(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<boolean> {
  if (!factory || typeof factory.databases !== 'function') return true
  try {
    const list = await factory.databases()
    return list.some((d) => d.name === DB_NAME)
  } catch {
    return true
  }
}

const opened = new Set<() => void>()
const upgraded = new Set<() => void>()

/** Called once the app opens its database (after a first sign-in or setup on a new device, say). */
export function onDatabaseOpened(listener: () => void): () => void {
  opened.add(listener)
  return () => opened.delete(listener)
}

/** Called when another tab upgrades the database: this tab's copy of the app is too old to go on. */
export function onUpgradedElsewhere(listener: () => void): () => void {
  upgraded.add(listener)
  return () => upgraded.delete(listener)
}

/**
 * Runs `start` once the database may be open: at once on a device that has one, otherwise when the app
 * first opens it. Returns a function that cancels the wait (and `start` if it has not run yet).
 */
export function whenDatabaseMayOpen(start: () => void): () => void {
  let cancelled = false
  let stopWaiting: (() => void) | undefined
  void databaseMayExist().then((exists) => {
    if (cancelled) return
    if (exists) start()
    else
      stopWaiting = onDatabaseOpened(() => {
        stopWaiting?.()
        start()
      })
  })
  return () => {
    cancelled = true
    stopWaiting?.()
  }
}

export function notifyDatabaseOpened(): void {
  for (const listener of [...opened]) listener()
}

export function notifyUpgradedElsewhere(): void {
  for (const listener of [...upgraded]) listener()
}
