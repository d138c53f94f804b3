import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppDB } from '@/db/database'
import { importPlan } from '@/db/importPlan'
import { listClassAssignments } from '@/db/repos/assignments'
import { readPlanForSchool } from '@hl/core/formats/planImport'
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

describe('importPlan', () => {
  it('writes every planned assignment as the teacher’s, with the chosen status, in one go', async () => {
    db = freshDb()
    const { teacherId, c41, c42 } = await seedSchool(db)
    const read = readPlanForSchool(CSV, 'plan.csv', await db.classes.toArray())
    expect(read.ok).toBe(true)
    if (!read.ok) return
    const outcome = await importPlan(db, { planned: read.planned, teacherId, status: 'draft' })
    expect(outcome).toMatchObject({ itemCount: 3 })

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
    // Every write went to the outbox, as any other change.
    expect(await db.outbox.where('table').equals('assignments').count()).toBeGreaterThanOrEqual(2)
  })

  it('writes nothing when any write fails', async () => {
    db = freshDb()
    const { teacherId } = await seedSchool(db)
    const read = readPlanForSchool(CSV, 'plan.csv', await db.classes.toArray())
    if (!read.ok) throw new Error('fixture should be valid')
    const before = await snapshot(db)
    const items = db.table('items')
    let calls = 0
    const put = items.put.bind(items)
    vi.spyOn(items, 'put').mockImplementation((...args: Parameters<typeof put>) => {
      if (++calls === 3) throw new Error('quota')
      return put(...args)
    })
    await expect(importPlan(db, { planned: read.planned, teacherId, status: 'published' })).rejects.toThrow('quota')
    vi.restoreAllMocks()
    expect(await snapshot(db)).toEqual(before)
  })
})
