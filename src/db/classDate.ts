// A device-local index of items by their assignment's class and evening, so a class's items over a term
// are one index range read (getAll) instead of one cursor step per item through `anyOf` of its
// assignments: the desk's term view reads ~34,000 items, which cost over a second that way.
//
// Each stored item carries `classDate: [classId, date]`, its assignment's. It is kept by this DBCore
// middleware, the one place every write passes (write(), bulk creates, pulls, restores, file merges,
// upgrades), and hidden from every read, so nothing above Dexie (sync, backups, the repositories)
// ever sees it and no synced shape changes:
//   - an item written in a transaction that can read assignments takes its assignment's class and date;
//     without its assignment there it keeps the stamp it had; an item whose assignment is not stored
//     yet is stamped ['', assignmentId] and re-stamped when the assignment arrives;
//   - an assignment written with a new class or date re-stamps its items (a move, a pulled change).
// Tombstoned items keep their stamp: an approval's content clock counts removed items too.
import Dexie, { type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie'
import { CLASS_DATE } from './constants'

/** Where an item whose assignment is not (yet) stored sits in the index. */
const ORPHAN = ''
/** DBCoreRangeType.Range (a const enum, which isolated modules cannot read from Dexie's types). */
const range = (lower: unknown, upper: unknown): DBCoreKeyRange => ({ type: 2 as DBCoreKeyRange['type'], lower, upper, lowerOpen: false, upperOpen: false })

type Place = [classId: string, date: string]
interface ItemLike {
  assignmentId: string
  [CLASS_DATE]?: Place
}
interface AssignmentLike {
  id: string
  classId: string
  date: string
}

function strip<T>(value: T): T {
  if (value === null || typeof value !== 'object' || !(CLASS_DATE in value)) return value
  const { [CLASS_DATE]: _placed, ...rest } = value as Record<string, unknown>
  return rest as T
}

const samePlace = (a: Place | undefined, b: Place): boolean => a !== undefined && a[0] === b[0] && a[1] === b[1]

function canRead(trans: DBCoreTransaction, table: string): boolean {
  // The IndexedDB core's transaction is the IDBTransaction itself.
  const names = (trans as unknown as Partial<IDBTransaction>).objectStoreNames
  return names !== undefined && names.contains(table)
}

/**
 * The places of assignments written or read in a transaction so far: a plan import or a pull writes a
 * page of assignments and then their items, and each item then finds its place without a read (a
 * read per id of a whole term is what write()'s createMany avoids too).
 */
const placesOf = new WeakMap<DBCoreTransaction, Map<string, Place>>()
function known(trans: DBCoreTransaction): Map<string, Place> {
  let map = placesOf.get(trans)
  if (!map) placesOf.set(trans, (map = new Map()))
  return map
}

/** The stored rows of those of `ids` that exist: one key-range read first, so new ids cost no read each. */
function storedAmong<T>(table: DBCoreTable, trans: DBCoreTransaction, ids: readonly string[]): Promise<T[]> {
  const sorted = [...ids].sort()
  return table.query({ trans, values: false, query: { index: table.schema.primaryKey, range: range(sorted[0], sorted.at(-1)) } }).then((keys) => {
    const wanted = new Set(ids)
    const present = (keys.result as string[]).filter((k) => wanted.has(k))
    if (present.length === 0) return []
    return table.getMany({ trans, keys: present }).then((rows) => (rows as (T | undefined)[]).filter((r): r is T => r !== undefined))
  })
}

// Every step below chains on the promises Dexie's own layers return, never a native `async`/`await`:
// Dexie keeps the transaction in its zone across its own promises only, and the layers under this one
// (its hooks) read it from there.

/** Items written: each stamped with its assignment's place before it is stored. */
function writeItems(assignments: DBCoreTable, items: DBCoreTable, req: DBCoreMutateRequest & { type: 'add' | 'put' }): Promise<DBCoreMutateResponse> {
  const values = req.values as ItemLike[]
  const places = known(req.trans)
  const write = (kept?: Map<string, Place>) => items.mutate({ ...req, values: values.map((v) => ({ ...v, [CLASS_DATE]: places.get(v.assignmentId) ?? kept?.get(v.assignmentId) ?? [ORPHAN, v.assignmentId] })) })
  if (canRead(req.trans, 'assignments')) {
    const missing = [...new Set(values.map((v) => v.assignmentId))].filter((id) => !places.has(id))
    if (missing.length === 0) return write()
    return storedAmong<AssignmentLike>(assignments, req.trans, missing).then((rows) => {
      for (const a of rows) places.set(a.id, [a.classId, a.date])
      return write()
    })
  }
  if (req.type === 'add') return write()
  // Without its assignment at hand an item keeps the stamp it has.
  return items.getMany({ trans: req.trans, keys: values.map((v) => (v as unknown as { id: string }).id) }).then((stored) => {
    const kept = new Map<string, Place>()
    for (const s of stored as (ItemLike | undefined)[]) if (s?.[CLASS_DATE]) kept.set(s.assignmentId, s[CLASS_DATE])
    return write(kept)
  })
}

/** After assignments are written: their items whose stamp is not their class and date any more. */
function restampItems(items: DBCoreTable, trans: DBCoreTransaction, written: readonly AssignmentLike[], before: Map<string, Place>): Promise<unknown> | null {
  if (written.length === 0 || !canRead(trans, 'items')) return null
  const moved = written.filter((a) => before.has(a.id) && !samePlace(before.get(a.id), [a.classId, a.date]))
  const fresh = written.filter((a) => !before.has(a.id)).map((a) => a.id)
  const reads: Promise<ItemLike[]>[] = moved.map((a) =>
    items.query({ trans, values: true, query: { index: items.schema.getIndexByKeyPath('assignmentId')!, range: range(a.id, a.id) } }).then((res) => res.result as ItemLike[]),
  )
  if (fresh.length > 0) {
    // Items that came before their assignment (one range of the orphans' stamps for the whole write).
    const sorted = [...fresh].sort()
    const ids = new Set(fresh)
    const index = items.schema.getIndexByKeyPath(CLASS_DATE)!
    reads.push(items.query({ trans, values: true, query: { index, range: range([ORPHAN, sorted[0]], [ORPHAN, sorted.at(-1)]) } }).then((res) => (res.result as ItemLike[]).filter((i) => ids.has(i.assignmentId))))
  }
  if (reads.length === 0) return null
  return Dexie.Promise.all(reads).then((lists) => {
    const stale = lists.flat()
    if (stale.length === 0) return null
    const place = new Map(written.map((a) => [a.id, [a.classId, a.date] as Place]))
    return items.mutate({ type: 'put', trans, values: stale.map((i) => ({ ...i, [CLASS_DATE]: place.get(i.assignmentId)! })) })
  })
}

/** Assignments written: then the items of those whose class or evening changed, and of new ones whose items came first. */
function writeAssignments(table: DBCoreTable, items: DBCoreTable, req: DBCoreMutateRequest & { type: 'add' | 'put' }): Promise<DBCoreMutateResponse> {
  const written = req.values as AssignmentLike[]
  const write = (before: Map<string, Place>) =>
    table.mutate(req).then((res) => {
      const places = known(req.trans)
      for (const a of written) places.set(a.id, [a.classId, a.date])
      const restamped = restampItems(items, req.trans, written, before)
      return restamped ? restamped.then(() => res) : res
    })
  if (req.type !== 'put' || written.length === 0 || !canRead(req.trans, 'items')) return write(new Map())
  return storedAmong<AssignmentLike>(table, req.trans, written.map((a) => a.id)).then((rows) => write(new Map(rows.map((a) => [a.id, [a.classId, a.date] as Place]))))
}

export const classDateMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ClassDateIndex',
  // Above Dexie's own (observability at 0): live queries see the stamped values, so a new item in a
  // class's range wakes the query reading that range.
  level: 10,
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name)
        if (name === 'items') {
          const assignments = down.table('assignments')
          return {
            ...table,
            mutate: (req) => (req.type === 'add' || req.type === 'put' ? writeItems(assignments, table, req) : table.mutate(req)),
            get: (req) => table.get(req).then(strip),
            getMany: (req) => table.getMany(req).then((rows) => rows.map(strip)),
            query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(strip) } : res)),
            openCursor: (req) =>
              table.openCursor(req).then((cursor) => {
                if (!cursor || !req.values) return cursor
                // One stripped copy per step: Dexie's modify() changes the value it read, then writes it.
                let raw: unknown
                let seen: unknown
                return Object.create(cursor, {
                  value: {
                    get: () => {
                      if (cursor.value !== raw) seen = strip((raw = cursor.value))
                      return seen
                    },
                  },
                }) as typeof cursor
              }),
          }
        }
        if (name === 'assignments') {
          const items = down.table('items')
          return { ...table, mutate: (req) => (req.type === 'add' || req.type === 'put' ? writeAssignments(table, items, req) : table.mutate(req)) }
        }
        return table
      },
    }
  },
}
