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
    expect(outbox).toEqual([{ seq: 1, table: 'classes', recordId: 'c1', op: 'put', fields: { grade: 4, name: '4(2)' }, hlc: row.updatedAt, baseVersion: 0 }])
  })

  it('an update records only the fields that changed', async () => {
    db = freshDb()
    const now = steppingClock()
    const first = await write(db, ['classes'], (w) => w.create('classes', 'c1', { grade: 4, name: '4(2)' }), now)
    const second = await write(db, ['classes'], (w) => w.update('classes', 'c1', { grade: 4, name: '4(3)' }), now)
    expect(second.version).toBe(2)
    expect(second.fieldClock.grade).toBe(first.fieldClock.grade)
    expect(second.fieldClock.name! > first.fieldClock.name!).toBe(true)
    const outbox = await db.outbox.toArray()
    expect(outbox[1]).toMatchObject({ op: 'put', fields: { name: '4(3)' }, baseVersion: 1 })
    // nothing changed: no new version, no outbox entry
    await write(db, ['classes'], (w) => w.update('classes', 'c1', { name: '4(3)' }), now)
    expect(await db.outbox.count()).toBe(2)
    expect((await db.classes.get('c1'))?.version).toBe(2)
  })

  it('deletes by tombstone, and restores', async () => {
    db = freshDb()
    await write(db, ['classes'], (w) => w.create('classes', 'c1', { grade: 4, name: '4(2)' }))
    await write(db, ['classes'], (w) => w.remove('classes', 'c1'))
    const gone = await db.classes.get('c1')
    expect(gone?.deletedAt).toBeTypeOf('string')
    expect(gone?.version).toBe(2)
    await write(db, ['classes'], (w) => w.restore('classes', 'c1'))
    const back = await db.classes.get('c1')
    expect(back?.deletedAt).toBeUndefined()
    expect(back?.version).toBe(3)
    expect((await db.outbox.toArray()).map((e) => e.op)).toEqual(['put', 'delete', 'put'])
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
