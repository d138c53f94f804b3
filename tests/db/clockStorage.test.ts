import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { liveQuery } from 'dexie'
import { packClocks, unpackClocks } from '@/db/clockStorage'
import type { AppDB } from '@/db/database'
import { write } from '@/db/write'
import { freshDb, steppingClock } from './helpers'

const A = '001796319269759-000000-aaaaaaaaaaaaaaaa'
const B = '001796319269760-000001-bbbbbbbbbbbbbbbb'

describe('packClocks / unpackClocks: what is stored, and what is read back', () => {
  const cases: { name: string; value: unknown; stored: unknown }[] = [
    { name: 'a new record: every clock is its updatedAt', value: { id: 'x', updatedAt: A, fieldClock: { name: A, grade: A }, version: 1 }, stored: { id: 'x', updatedAt: A, fieldClock: { name: 0, grade: 0 }, version: 1 } },
    { name: 'a changed record: only the clocks of its last change', value: { id: 'x', updatedAt: B, fieldClock: { name: B, grade: A }, version: 2 }, stored: { id: 'x', updatedAt: B, fieldClock: { name: 0, grade: A }, version: 2 } },
    { name: 'a merged record whose clocks are all older', value: { id: 'x', updatedAt: B, fieldClock: { name: A }, version: 3 }, stored: { id: 'x', updatedAt: B, fieldClock: { name: A }, version: 3 } },
    { name: 'no clocks at all', value: { id: 'x', updatedAt: A, fieldClock: {}, version: 1 }, stored: { id: 'x', updatedAt: A, fieldClock: {}, version: 1 } },
    { name: 'an outbox entry (clocks, but no updatedAt)', value: { seq: 1, hlc: A, fieldClock: { name: A } }, stored: { seq: 1, hlc: A, fieldClock: { name: A } } },
    { name: 'a meta row', value: { key: 'clock', value: A }, stored: { key: 'clock', value: A } },
    { name: 'not an object', value: 'text', stored: 'text' },
    { name: 'null', value: null, stored: null },
  ]
  it.each(cases)('$name', ({ value, stored }) => {
    const before = structuredClone(value)
    const packed = packClocks(value)
    expect(packed).toEqual(stored)
    expect(value).toEqual(before) // the caller's record is never changed
    expect(unpackClocks(structuredClone(packed))).toEqual(value)
  })
})

describe('the database stores packed clocks and every reader sees full ones', () => {
  let db: AppDB
  afterEach(async () => {
    await db?.delete()
  })

  /** The rows of a table as IndexedDB holds them, read beside Dexie. */
  async function stored(table: string): Promise<Record<string, unknown>[]> {
    const idb = db.backendDB()
    return new Promise((resolve, reject) => {
      const req = idb.transaction(table, 'readonly').objectStore(table).getAll()
      req.onsuccess = () => resolve(req.result as Record<string, unknown>[])
      req.onerror = () => reject(req.error)
    })
  }

  async function twoClasses() {
    const now = steppingClock()
    const c1 = await write(db, ['classes'], (w) => w.create('classes', 'c1', { grade: 4, name: '4(1)' }), now)
    await write(db, ['classes'], (w) => w.create('classes', 'c2', { grade: 4, name: '4(2)' }), now)
    const c2 = await write(db, ['classes'], (w) => w.update('classes', 'c2', { name: '4(3)' }), now)
    return { c1, c2 }
  }

  it('on disk a clock equal to updatedAt is 0; others are kept', async () => {
    db = freshDb()
    const { c1, c2 } = await twoClasses()
    const rows = await stored('classes')
    expect(rows.find((r) => r.id === 'c1')).toMatchObject({ updatedAt: c1.updatedAt, fieldClock: { grade: 0, name: 0 } })
    // c2's grade is as it was made, its name as renamed (its updatedAt)
    expect(c2.fieldClock.grade).not.toBe(c2.updatedAt)
    expect(rows.find((r) => r.id === 'c2')).toMatchObject({ updatedAt: c2.updatedAt, fieldClock: { grade: c2.fieldClock.grade, name: 0 } })
    // the outbox keeps its clocks as they are
    const clocks = (await stored('outbox')).flatMap((e) => Object.values(e.fieldClock as Record<string, unknown>))
    expect(clocks.length).toBeGreaterThan(0)
    expect(clocks.every((c) => typeof c === 'string')).toBe(true)
  })

  it('get, bulkGet, queries, cursors, filters, first and last all read full clocks', async () => {
    db = freshDb()
    const { c1, c2 } = await twoClasses()
    const full = [c1, c2]
    expect(await db.classes.get('c1')).toEqual(c1)
    expect(await db.classes.bulkGet(['c2', 'c1', 'none'])).toEqual([c2, c1, undefined])
    expect(await db.classes.toArray()).toEqual(full)
    expect(await db.classes.where('grade').equals(4).toArray()).toEqual(full)
    expect(await db.classes.where('grade').equals(4).reverse().sortBy('name')).toEqual([c2, c1])
    expect(await db.classes.filter((c) => c.fieldClock.name === c.updatedAt).toArray()).toEqual(full)
    expect(await db.classes.orderBy('id').last()).toEqual(c2)
    expect(await db.classes.orderBy(':id').offset(1).limit(1).toArray()).toEqual([c2])
    expect(await db.classes.where('id').anyOf(['c1', 'c2']).or('grade').equals(5).toArray()).toEqual(full)
    const seen: unknown[] = []
    await db.classes.each((c) => seen.push(c))
    expect(seen).toEqual(full)
  })

  it('a change made by modify() is stored packed and read back full', async () => {
    db = freshDb()
    const { c1 } = await twoClasses()
    await db.classes.where('id').equals('c1').modify((c) => {
      c.name = '4(9)'
    })
    expect(await db.classes.get('c1')).toEqual({ ...c1, name: '4(9)' })
    expect((await stored('classes')).find((r) => r.id === 'c1')).toMatchObject({ fieldClock: { grade: 0, name: 0 } })
  })

  it('a live query sees the full clocks of a record written after it started', async () => {
    db = freshDb()
    const values: unknown[][] = []
    const subscription = liveQuery(() => db.classes.toArray()).subscribe((rows) => values.push(rows))
    try {
      await until(() => values.length === 1)
      const { c1, c2 } = await twoClasses()
      await until(() => JSON.stringify(values.at(-1)) === JSON.stringify([c1, c2]))
      expect(values.at(-1)).toEqual([c1, c2])
    } finally {
      subscription.unsubscribe()
    }
  })
})

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(done()).toBe(true)
}
