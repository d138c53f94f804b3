// write()'s createMany: the bulk path of a plan import must leave exactly what one create per record
// leaves (records, clocks, outbox entries and their coalescing), and fail as a whole.
import { afterEach, describe, expect, it } from 'vitest'
import { META } from '@/db/constants'
import type { AppDB } from '@/db/database'
import { RecordExistsError, write, type Writer } from '@/db/write'
import { freshDb, steppingClock } from './helpers'

const dbs: AppDB[] = []
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()))
})

/** A database on a device of a known id, so two of them stamp alike. */
async function device(): Promise<AppDB> {
  const db = freshDb()
  dbs.push(db)
  await db.meta.put({ key: META.deviceId, value: 'device-test' })
  return db
}

const CLASSES = [
  { id: 'c1', fields: { grade: 4, name: '4(1)' } },
  { id: 'c2', fields: { grade: 4, name: '4(2)' } },
  { id: 'c3', fields: { grade: 5, name: '5(1)' } },
]

/**
 * A device's history: a class made and deleted (its entry still waiting), another made and already
 * being sent; then, in one transaction, a create, the batch (reviving the deleted one), and an edit of
 * one just created (folded into its entry).
 */
async function history(db: AppDB, batch: (w: Writer) => Promise<unknown>): Promise<void> {
  const now = steppingClock()
  await write(db, ['classes'], async (w) => {
    await w.create('classes', 'c2', { grade: 3, name: 'old' })
    await w.create('classes', 'sent', { grade: 3, name: 'sent' })
  }, now)
  await write(db, ['classes'], (w) => w.remove('classes', 'c2'), now)
  const sent = await db.outbox.where('[table+recordId]').equals(['classes', 'sent']).first()
  await db.outbox.update(sent!.seq!, { sentAt: 1 })
  await write(db, ['classes'], async (w) => {
    await w.create('classes', 'c0', { grade: 1, name: '1(1)' })
    await batch(w)
    await w.update('classes', 'c3', { name: '5(1)班' })
  }, now)
}

describe('write: createMany', () => {
  it('leaves the same records, clocks and outbox entries as one create per record', async () => {
    const one = await device()
    const many = await device()
    await history(one, async (w) => {
      for (const c of CLASSES) await w.create('classes', c.id, c.fields)
    })
    await history(many, (w) => w.createMany('classes', CLASSES))
    const byId = (db: AppDB) => db.classes.orderBy('id').toArray()
    expect(await byId(many)).toEqual(await byId(one))
    expect(await many.outbox.toArray()).toEqual(await one.outbox.toArray())
    expect(await many.meta.get(META.clock)).toEqual(await one.meta.get(META.clock))
    // The revived class is one waiting entry (created, deleted, created again), the edited one too.
    const entries = await many.outbox.toArray()
    expect(entries.filter((e) => e.recordId === 'c2')).toHaveLength(1)
    expect(entries.filter((e) => e.recordId === 'c3')).toMatchObject([{ fields: { grade: 5, name: '5(1)班' }, baseVersion: 0 }])
  })

  it('with queue: false, stores the same records and clocks and queues nothing', async () => {
    const queued = await device()
    const unqueued = await device()
    await write(queued, ['classes'], (w) => w.createMany('classes', CLASSES), steppingClock())
    await write(unqueued, ['classes'], (w) => w.createMany('classes', CLASSES, { queue: false }), steppingClock())
    expect(await unqueued.classes.orderBy('id').toArray()).toEqual(await queued.classes.orderBy('id').toArray())
    expect(await unqueued.meta.get(META.clock)).toEqual(await queued.meta.get(META.clock))
    expect(await queued.outbox.count()).toBe(CLASSES.length)
    expect(await unqueued.outbox.count()).toBe(0)
  })

  it('returns the stored records', async () => {
    const db = await device()
    const rows = await write(db, ['classes'], (w) => w.createMany('classes', CLASSES))
    expect(rows.map((r) => [r.id, r.name, r.version])).toEqual([
      ['c1', '4(1)', 1],
      ['c2', '4(2)', 1],
      ['c3', '5(1)', 1],
    ])
  })

  it.each([
    ['an id a live record has', [{ id: 'taken', fields: { grade: 1, name: 'x' } }]],
    ['an id given twice', [{ id: 'n1', fields: { grade: 1, name: 'x' } }, { id: 'n1', fields: { grade: 1, name: 'y' } }]],
  ])('refuses %s, and the transaction writes nothing', async (_, rows) => {
    const db = await device()
    await write(db, ['classes'], (w) => w.create('classes', 'taken', { grade: 2, name: 'kept' }))
    const before = { classes: await db.classes.toArray(), outbox: await db.outbox.toArray(), meta: await db.meta.toArray() }
    await expect(
      write(db, ['classes'], async (w) => {
        await w.createMany('classes', CLASSES)
        await w.createMany('classes', rows)
      }),
    ).rejects.toThrow(RecordExistsError)
    expect({ classes: await db.classes.toArray(), outbox: await db.outbox.toArray(), meta: await db.meta.toArray() }).toEqual(before)
  })

  it('a failure after a batch rolls the batch back, outbox included', async () => {
    const db = await device()
    await expect(
      write(db, ['classes'], async (w) => {
        await w.createMany('classes', CLASSES)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await db.classes.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('needs its table in the transaction', async () => {
    const db = await device()
    await expect(write(db, ['students'], (w) => w.createMany('classes', CLASSES))).rejects.toThrow(/classes/)
  })
})
