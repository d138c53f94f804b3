// How a record's field clocks are kept in IndexedDB on this device (database schema 6 on): a field
// whose clock is the record's own `updatedAt` (every field of a record made here, every field its last
// local change touched) is stored as 0 rather than as another copy of that stamp. The app, sync and
// backups never see the 0s: a Dexie middleware, the layer nearest IndexedDB, packs each record it
// writes and unpacks each one it reads, so every table, query and cursor above it holds full clocks.
//
// Why: IndexedDB's cost is per byte as well as per record, and a record's clocks were half its bytes
// (an item: 687 bytes, 8 clocks of 38 characters). On the plan import (a whole term, 360,000 records)
// this saved 4–5% of the time (issue 11: planImportMs).
//
// Lossless for any stored value: a clock is always a string, so a stored 0 can only be a packed one;
// a value without a string `updatedAt` and an object `fieldClock` is stored as given.
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie'

/** The stored stand-in for "this field's clock is the record's updatedAt". */
const SAME_AS_UPDATED = 0

type Clocked = { updatedAt: string; fieldClock: Record<string, string | number> }

function isClocked(value: unknown): value is Clocked {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<Clocked>
  return typeof v.updatedAt === 'string' && typeof v.fieldClock === 'object' && v.fieldClock !== null
}

/** The value as stored: a copy whose clocks equal to `updatedAt` are 0 (the value itself when none is). */
export function packClocks<T>(value: T): T {
  if (!isClocked(value)) return value
  const clocks = value.fieldClock
  let packed: Record<string, string | number> | undefined
  for (const field in clocks) {
    if (clocks[field] === value.updatedAt) (packed ??= { ...clocks })[field] = SAME_AS_UPDATED
  }
  return packed ? { ...value, fieldClock: packed } : value
}

/** The value as read: its 0 clocks made `updatedAt` again, in place (a value read from IndexedDB is the reader's own copy). */
export function unpackClocks<T>(value: T): T {
  if (!isClocked(value)) return value
  const clocks = value.fieldClock
  for (const field in clocks) {
    if (clocks[field] === SAME_AS_UPDATED) clocks[field] = value.updatedAt
  }
  return value
}

function packRequest(req: DBCoreMutateRequest): DBCoreMutateRequest {
  return req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map(packClocks) } : req
}

/**
 * A cursor whose value is unpacked (in place, so reading it twice at one position is the same object,
 * as IndexedDB's own cursor gives). Its keys are read from the cursor itself: a browser's IDBCursor
 * getters refuse any other receiver. Everything else (continue, start, stop, done: Dexie sets them on
 * the cursor as it goes) is the cursor's, through the prototype.
 */
function unpackingCursor(cursor: DBCoreCursor): DBCoreCursor {
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: { get: () => unpackClocks(cursor.value) },
  }) as DBCoreCursor
}

function clockTable(down: DBCoreTable): DBCoreTable {
  return {
    ...down,
    mutate: (req) => down.mutate(packRequest(req)),
    get: (req) => down.get(req).then(unpackClocks),
    getMany: (req) => down.getMany(req).then((values) => values.map(unpackClocks)),
    query: (req) =>
      down.query(req).then((res) => {
        if (req.values) res.result.forEach(unpackClocks)
        return res
      }),
    openCursor: (req) => down.openCursor(req).then((cursor) => cursor && unpackingCursor(cursor)),
  }
}

/** Below Dexie's own middlewares (observability is -1, its cache 0), so they too see full clocks. */
export const clockStorage: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ClockStorage',
  level: -2,
  create: (down) => ({ ...down, table: (name) => clockTable(down.table(name)) }),
}
