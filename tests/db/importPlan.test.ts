import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { META } from '@/db/constants'
import type { AppDB } from '@/db/database'
import { importPlan, loadPlanClasses, loadPlanSchool } from '@/db/importPlan'
import { listClassAssignments } from '@/db/repos/assignments'
import { enqueueEverything } from '@/db/sync'
import { readPlanForSchool, splitExisting } from '@hl/core/formats/planImport'
import { freshDb } from './helpers'
import { seedSchool, snapshot } from './seed'

let db: AppDB
afterEach(async () => {
  vi.restoreAllMocks()
  await db?.delete()
})

const CSV = [
  'date,due,grade,class,subject,title,kind,where,tiers,minutes,trial_minutes',
  '2026-11-30,,4,4(1),数学,练习册 p30,,,,20,',
  '2026-11-30,,4,4(1),数学,口算,oral,,,5,',
  '2026-12-01,2026-12-03,4,4(2),语文,读一本书,reading,,core|extend,,10',
].join('\n')

/** A fresh device with the seeded school (signed in to a school server with `signedIn`), and `csv` read against it: a valid fixture. */
async function schoolWithPlan(csv: string, { signedIn = false } = {}) {
  db = freshDb()
  const school = await seedSchool(db)
  if (signedIn) await db.meta.put({ key: META.syncSession, value: { server: 'http://127.0.0.1:1', clientId: 'c-test' } })
  const read = readPlanForSchool(csv, 'plan.csv', await loadPlanSchool(db))
  if (!read.ok) throw new Error(`fixture should be valid: ${JSON.stringify(read)}`.slice(0, 300))
  return { ...school, planned: read.planned }
}

describe('importPlan', () => {
  it('writes every planned assignment as the teacher’s, with the chosen status, in one go', async () => {
    db = freshDb()
    const { teacherId, c41, c42 } = await seedSchool(db)
    const read = readPlanForSchool(CSV, 'plan.csv', await loadPlanSchool(db))
    expect(read.ok).toBe(true)
    if (!read.ok) return
    const entries = async (table: string) => db.outbox.where('table').equals(table).count()
    const [assignmentsBefore, itemsBefore] = [await entries('assignments'), await entries('items')]
    const outcome = await importPlan(db, { planned: read.planned, teacherId, status: 'draft' })
    expect(outcome).toMatchObject({ itemCount: 3, existingItems: 0 })

    const maths = await listClassAssignments(db, c41.id, '2026-11-30', '2026-11-30')
    expect(maths).toHaveLength(1)
    expect(maths[0]!.assignment).toMatchObject({ subject: '数学', status: 'draft', teacherId, due: '' })
    expect(maths[0]!.items.map((i) => [i.title, i.kind, i.minutes])).toEqual([
      ['练习册 p30', 'written', 20],
      ['口算', 'oral', 5],
    ])
    const reading = await listClassAssignments(db, c42.id, '2026-12-01', '2026-12-02')
    expect(reading[0]!.assignment.due).toBe('2026-12-03')
    expect(reading[0]!.items[0]).toMatchObject({ tiers: { core: true, extend: true, challenge: false }, minutes: null, trialMinutes: 10 })
    // Signed in to no server: nothing is queued, and signing in would queue them with the rest.
    expect(await entries('assignments')).toBe(assignmentsBefore)
    expect(await entries('items')).toBe(itemsBefore)
    await enqueueEverything(db, null)
    const queued = await db.outbox.toArray()
    for (const a of [...maths, ...reading]) {
      expect(queued.filter((e) => e.table === 'assignments' && e.recordId === a.assignment.id)).toHaveLength(1)
      for (const i of a.items) expect(queued.find((e) => e.table === 'items' && e.recordId === i.id)).toMatchObject({ op: 'put', fields: { title: i.title, assignmentId: a.assignment.id } })
    }
  })

  it('on a device signed in to a school server, queues every record it writes: one outbox entry each', async () => {
    const { teacherId, planned } = await schoolWithPlan(CSV, { signedIn: true })
    const entries = async (table: string) => db.outbox.where('table').equals(table).count()
    const [assignmentsBefore, itemsBefore] = [await entries('assignments'), await entries('items')]
    await importPlan(db, { planned, teacherId, status: 'published' })
    expect(await entries('assignments')).toBe(assignmentsBefore + 2)
    expect(await entries('items')).toBe(itemsBefore + 3)
  })

  it('says how far it has come, in items written', async () => {
    const { teacherId, planned } = await schoolWithPlan(CSV)
    const seen: [number, number][] = []
    await importPlan(db, { planned, teacherId, status: 'draft' }, (done, total) => seen.push([done, total]))
    expect(seen).toEqual([
      [0, 3],
      [3, 3],
    ])
  })

  it.each([
    ['throws as it is called', () => {
      throw new Error('quota')
    }],
    ['fails once handed over (as IndexedDB reports a full disk)', () => Promise.reject(new Error('quota'))],
  ])('writes nothing when any write fails: the items\' write %s', async (_, failure) => {
    const { teacherId, planned } = await schoolWithPlan(CSV)
    const before = await snapshot(db)
    // The assignments are written; the items' write fails (as when the device runs out of space).
    const items = db.table('items')
    vi.spyOn(items, 'bulkPut').mockImplementation(failure as never)
    await expect(importPlan(db, { planned, teacherId, status: 'published' })).rejects.toThrow('quota')
    vi.restoreAllMocks()
    expect(await snapshot(db)).toEqual(before)
  })

  describe('a plan of more than one batch (1,200 assignments, 2,400 items)', () => {
    const day = (i: number) => new Date(Date.UTC(2026, 8, 1) + i * 86_400_000).toISOString().slice(0, 10)
    const BIG = [
      'date,due,grade,class,subject,title,kind,where,tiers,minutes,trial_minutes',
      ...Array.from({ length: 300 }, (_, i) =>
        ['4(1)', '4(2)'].flatMap((cls) => ['数学', '语文'].flatMap((subject) => [`${day(i)},,4,${cls},${subject},练习 ${i},,,,10,`, `${day(i)},,4,${cls},${subject},口算 ${i},oral,,,5,`])),
      ).flat(),
    ].join('\n')

    it('writes them all, queued in order (each assignment before its items), the bar moving batch by batch', async () => {
      const { teacherId, planned } = await schoolWithPlan(BIG, { signedIn: true })
      expect(planned).toHaveLength(1200)
      const itemsBefore = new Set((await db.items.toArray()).map((i) => i.id))
      const seen: number[] = []
      const outcome = await importPlan(db, { planned, teacherId, status: 'published' }, (done) => seen.push(done))
      expect(outcome.itemCount).toBe(2400)
      expect(seen).toEqual([0, 1000, 2000, 2400])
      const added = (await db.items.toArray()).filter((i) => !itemsBefore.has(i.id))
      expect(added).toHaveLength(2400)
      const queued = (await db.outbox.toArray()).sort((a, b) => a.seq! - b.seq!)
      const at = new Map(queued.map((e, i) => [`${e.table}|${e.recordId}`, i]))
      for (const i of added) expect(at.get(`assignments|${i.assignmentId}`)!).toBeLessThan(at.get(`items|${i.id}`)!)
    })

    it('writes nothing when a later batch fails', async () => {
      const { teacherId, planned } = await schoolWithPlan(BIG)
      const before = await snapshot(db)
      const items = db.table('items')
      const real = items.bulkPut.bind(items)
      let calls = 0
      vi.spyOn(items, 'bulkPut').mockImplementation(((rows: never) => (++calls === 2 ? Promise.reject(new Error('quota')) : real(rows))) as never)
      await expect(importPlan(db, { planned, teacherId, status: 'published' })).rejects.toThrow('quota')
      expect(calls).toBeGreaterThanOrEqual(2)
      vi.restoreAllMocks()
      expect(await snapshot(db)).toEqual(before)
    })
  })

  it('finds what is already there: a second import of the same file adds nothing, a grown file only its new rows', async () => {
    db = freshDb()
    const { teacherId, c42 } = await seedSchool(db)
    const school = await loadPlanSchool(db)
    const read = (csv: string) => {
      const r = readPlanForSchool(csv, 'plan.csv', school)
      if (!r.ok) throw new Error('fixture should be valid')
      return r.planned
    }
    await importPlan(db, { planned: read(CSV), teacherId, status: 'draft' })
    const afterFirst = await snapshot(db)

    // The preview says so before anything is written.
    const { existing } = await loadPlanClasses(db, read(CSV))
    expect(splitExisting(read(CSV), existing)).toMatchObject({ toAdd: [], existingItems: 3 })
    const again = await importPlan(db, { planned: read(CSV), teacherId, status: 'draft' })
    expect(again).toEqual({ assignmentIds: [], itemCount: 0, existingItems: 3 })
    expect(await snapshot(db)).toEqual(afterFirst)

    // The seed's own homework counts too: 4（2） already has 练习册 p23 on 2026-11-23, written 四年级二班 here.
    const grown = [CSV, '2026-12-01,2026-12-03,四年级,四年级二班,语文,读一本书,reading,,core|extend,,10', '2026-11-23,,4,四年级二班,数学,练习册 p23,,,,30,', '2026-11-23,,4,4(2),数学,新的一题,,,,5,'].join('\n')
    const third = await importPlan(db, { planned: read(grown), teacherId, status: 'draft' })
    // Already there: the three of the first import (读一本书 now twice, the second spelling joining its row), and 练习册 p23.
    expect(third).toMatchObject({ itemCount: 1, existingItems: 5 })
    const maths = await listClassAssignments(db, c42.id, '2026-11-23', '2026-11-23')
    expect(maths.filter((a) => a.assignment.subject === '数学').flatMap((a) => a.items.map((i) => i.title)).sort()).toEqual(['口算 20 题', '新的一题', '练习册 p23'].sort())
  })

  it('loads the over-cap context with the school’s students and stored homework', async () => {
    db = freshDb()
    const { c42 } = await seedSchool(db)
    const planned = readPlanForSchool('date,grade,class,subject,title,minutes\n2026-11-23,4,4(2),英语,抄单词,25\n', 'plan.csv', await loadPlanSchool(db))
    if (!planned.ok) throw new Error('fixture should be valid')
    const { classes } = await loadPlanClasses(db, planned.planned)
    expect(classes).toHaveLength(1)
    expect(classes[0]).toMatchObject({ classId: c42.id })
    expect(classes[0]!.roster.students).toHaveLength(4)
    expect(classes[0]!.existing.map((a) => a.subject).sort()).toEqual(['数学', '语文'])
  })
})
