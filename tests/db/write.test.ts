import { afterEach, describe, expect, it } from 'vitest'
import { write, RecordExistsError, RecordNotFoundError } from '@/db/write'
import type { AppDB } from '@/db/database'
import { freshDb, steppingClock } from './helpers'

let db: AppDB
afterEach(async () => {
  await db?.delete()
})

describe('write: every change is versioned, clocked and in the outbox', () => {
  it('creates a record with clocks per field and one outbox entry', async () => {
    db = freshDb()
    const now = steppingClock()
    const row = await write(db, ['classes'], (w) => w.create('classes', 'c1', { grade: 4, name: '4(2)' }), now)
    expect(row).toMatchObject({ id: 'c1', grade: 4, name: '4(2)', version: 1 })
    expect(Object.keys(row.fieldClock).sort()).toEqual(['grade', 'name'])
    expect(row.fieldClock.name).toBe(row.updatedAt)
    const outbox = await db.outbox.toArray()
    expect(outbox).toEqual([{ seq: 1, table: 'classes', recordId: 'c1', op: 'put', fields: { grade: 4, name: '4(2)' }, fieldClock: { grade: row.updatedAt, name: row.updatedAt }, hlc: row.updatedAt, baseVersion: 0, baseClock: {} }])
  })

  it('an update changes only the fields that differ, and folds into the waiting outbox entry', async () => {
    db = freshDb()
    const now = steppingClock()
    const first = await write(db, ['classes'], (w) => w.create('classes', 'c1', { grade: 4, name: '4(2)' }), now)
    const second = await write(db, ['classes'], (w) => w.update('classes', 'c1', { grade: 4, name: '4(3)' }), now)
    expect(second.version).toBe(2)
    expect(second.fieldClock.grade).toBe(first.fieldClock.grade)
    expect(second.fieldClock.name! > first.fieldClock.name!).toBe(true)
    const outbox = await db.outbox.toArray()
    expect(outbox).toEqual([
      { seq: 1, table: 'classes', recordId: 'c1', op: 'put', fields: { grade: 4, name: '4(3)' }, fieldClock: { grade: first.updatedAt, name: second.updatedAt }, hlc: second.updatedAt, baseVersion: 0, baseClock: {} },
    ])
    // nothing changed: no new version, the entry as it was
    await write(db, ['classes'], (w) => w.update('classes', 'c1', { name: '4(3)' }), now)
    expect(await db.outbox.toArray()).toEqual(outbox)
    expect((await db.classes.get('c1'))?.version).toBe(2)
  })

  it('30 saves of one field leave one outbox entry with the last value', async () => {
    db = freshDb()
    await write(db, ['classes'], (w) => w.create('classes', 'c1', { grade: 4, name: '4(2)' }))
    for (let i = 0; i < 30; i++) await write(db, ['classes'], (w) => w.update('classes', 'c1', { name: `4(${i + 3})` }))
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ op: 'put', fields: { grade: 4, name: '4(32)' }, baseVersion: 0 })
    expect((await db.classes.get('c1'))?.version).toBe(31)
  })

  it('an entry the sync engine is sending is left alone: the next change starts a new one, based on what was sent', async () => {
    db = freshDb()
    const created = await write(db, ['classes'], (w) => w.create('classes', 'c1', { grade: 4, name: '4(2)' }))
    await db.outbox.update(1, { sentAt: 1 })
    const renamed = await write(db, ['classes'], (w) => w.update('classes', 'c1', { name: '4(3)' }))
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(2)
    expect(outbox[0]).toMatchObject({ fields: { grade: 4, name: '4(2)' }, sentAt: 1 })
    expect(outbox[1]).toMatchObject({ op: 'put', fields: { name: '4(3)' }, hlc: renamed.updatedAt, baseVersion: 1, baseClock: created.fieldClock })
  })

  it('deletes by tombstone, and restores; the waiting entry says what the record ends up as', async () => {
    db = freshDb()
    await write(db, ['classes'], (w) => w.create('classes', 'c1', { grade: 4, name: '4(2)' }))
    await db.outbox.update(1, { sentAt: 1 })
    await write(db, ['classes'], (w) => w.remove('classes', 'c1'))
    const gone = await db.classes.get('c1')
    expect(gone?.deletedAt).toBeTypeOf('string')
    expect(gone?.version).toBe(2)
    expect((await db.outbox.toArray())[1]).toMatchObject({ op: 'delete', fields: { deletedAt: gone?.deletedAt } })
    await write(db, ['classes'], (w) => w.restore('classes', 'c1'))
    const back = await db.classes.get('c1')
    expect(back?.deletedAt).toBeUndefined()
    expect(back?.version).toBe(3)
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(2)
    expect(outbox[1]).toMatchObject({ op: 'put', fields: { deletedAt: null }, baseVersion: 1 })
  })

  it('an upsert revives a tombstoned join row', async () => {
    db = freshDb()
    const fields = { studentId: 's1', classId: 'c1', subject: '数学', tier: 'extend' as const }
    await write(db, ['studentTiers'], (w) => w.upsert('studentTiers', 's1|数学', fields))
    await write(db, ['studentTiers'], (w) => w.remove('studentTiers', 's1|数学'))
    const row = await write(db, ['studentTiers'], (w) => w.upsert('studentTiers', 's1|数学', { ...fields, tier: 'challenge' }))
    expect(row.deletedAt).toBeUndefined()
    expect(row.tier).toBe('challenge')
    // a revived record is sent whole: the other side may have purged the tombstone's fields
    expect((await db.outbox.toArray()).at(-1)?.fields).toEqual({ ...fields, tier: 'challenge', deletedAt: null })
  })

  it.each([
    ['create over a live record', (db: AppDB) => write(db, ['classes'], (w) => w.create('classes', 'c1', { grade: 1, name: 'x' })), RecordExistsError],
    ['update of a missing record', (db: AppDB) => write(db, ['classes'], (w) => w.update('classes', 'nope', { name: 'x' })), RecordNotFoundError],
  ])('%s throws and changes nothing', async (_, act, error) => {
    db = freshDb()
    await write(db, ['classes'], (w) => w.create('classes', 'c1', { grade: 4, name: '4(2)' }))
    await expect(act(db)).rejects.toBeInstanceOf(error)
    expect(await db.outbox.count()).toBe(1)
    expect((await db.classes.get('c1'))?.name).toBe('4(2)')
  })

  it('a failure part-way rolls back every write of the transaction, outbox included', async () => {
    db = freshDb()
    await expect(
      write(db, ['classes', 'students'], async (w) => {
        await w.create('classes', 'c1', { grade: 4, name: '4(2)' })
        await w.create('students', 's1', { classId: 'c1', number: '1', name: '张三', position: 0 })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await db.classes.count()).toBe(0)
    expect(await db.students.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('stamps are strictly increasing across writes, even when the wall clock stands still', async () => {
    db = freshDb()
    const still = () => 1_800_000_000_000
    const a = await write(db, ['classes'], (w) => w.create('classes', 'a', { grade: 1, name: 'a' }), still)
    const b = await write(db, ['classes'], (w) => w.create('classes', 'b', { grade: 1, name: 'b' }), still)
    expect(b.updatedAt > a.updatedAt).toBe(true)
  })
})
