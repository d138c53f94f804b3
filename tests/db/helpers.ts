import 'fake-indexeddb/auto'
import { AppDB } from '@/db/database'

let n = 0
/** A fresh database in fake-indexeddb, with its own name so tests never share state. */
export function freshDb(): AppDB {
  return new AppDB(`test-${Date.now()}-${++n}`)
}

/** A clock that moves 1 ms a call, from a fixed start: stamps are predictable. */
export function steppingClock(start = 1_800_000_000_000): () => number {
  let t = start
  return () => t++
}
