// The designer's storage: 先做 timers that survive a reload (a new AppDB on the same name), and one
// assignment saved for several parallel classes keeping the draft's item ids.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { AppDB } from '@/db/database'
import { getAssignment, listClassAssignments, toItemDraft } from '@/db/repos/assignments'
import { createAssignments, updateAssignment } from '@/db/repos/assignmentEdits'
import { listClasses } from '@/db/repos/classes'
import { setUpSchool } from '@/db/repos/schoolSetup'
import { listMyTeachings } from '@/db/repos/teaching'
import { finishItemTrial, getTrial, listTrials, pauseItemTrial, resumeItemTrial, startItemTrial, trialId } from '@/db/repos/trials'
import { uuidv7 } from '@hl/core/ids'
import type { AssignmentDraft } from '@hl/core/domain/assignmentDraft'
import { trialElapsedMs, trialMinutesOf } from '@hl/core/domain/trial'
import { freshDb } from './helpers'

const open: AppDB[] = []
function track(db: AppDB): AppDB {
  open.push(db)
  return db
}
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

const T0 = 1_800_000_000_000

describe('先做 trials', () => {
  it('start, pause and finish across a reload keep every timed second', async () => {
    const first = track(freshDb())
    const itemId = uuidv7()
    await startItemTrial(first, itemId, 'teacher-1', T0)
    await pauseItemTrial(first, itemId, 'teacher-1', T0 + 90_000)
    await resumeItemTrial(first, itemId, 'teacher-1', T0 + 200_000)
    first.close()

    // The page reloads mid-run: a new database object on the same name.
    const second = track(new AppDB(first.name))
    const running = await getTrial(second, itemId, 'teacher-1')
    expect(running).toMatchObject({ state: 'running', elapsedMs: 90_000, runningSince: T0 + 200_000 })
    expect(trialElapsedMs(running!, T0 + 230_000)).toBe(120_000)

    const done = await finishItemTrial(second, itemId, 'teacher-1', T0 + 290_001)
    expect(done).toMatchObject({ state: 'finished', elapsedMs: 180_001, runningSince: null })
    expect(trialMinutesOf(done.elapsedMs)).toBe(3) // the clock shows 03:00: 3 minutes, not 4
    expect(await listTrials(second, [itemId], 'teacher-1')).toHaveLength(1)
    expect(await listTrials(second, [itemId], 'someone-else')).toHaveLength(0)

    // Every change went to the outbox with the record, folded into one entry holding the last state.
    const outbox = await second.outbox.where('[table+recordId]').equals(['trials', trialId(itemId, 'teacher-1')]).toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]?.fields).toMatchObject({ state: 'finished', runningSince: null })
  })

  it('starting again after finishing times from zero', async () => {
    const db = track(freshDb())
    await startItemTrial(db, 'item', 't', T0)
    await finishItemTrial(db, 'item', 't', T0 + 5000)
    const again = await startItemTrial(db, 'item', 't', T0 + 10_000)
    expect(again).toMatchObject({ state: 'running', elapsedMs: 0, runningSince: T0 + 10_000 })
  })
})

describe('saving a designed assignment', () => {
  async function school(db: AppDB) {
    const { teacherId } = await setUpSchool(db, {
      name: '实验小学',
      regionId: 'national',
      term: { name: '2026 秋', startDate: '2026-09-01', endDate: '2027-01-20' },
      calendar: [],
      grades: [{ grade: 4, classNames: ['4(1)', '4(2)', '4(3)'], subjects: ['语文', '数学', '英语'] }],
      me: { name: '王老师', teaching: [{ grade: 4, className: '4(1)', subject: '数学' }, { grade: 4, className: '4(2)', subject: '数学' }], homeroomOf: null, gradeLeaderOf: null },
    })
    const classes = await listClasses(db)
    return { teacherId, classes }
  }
  const draft: AssignmentDraft = {
    subject: '数学',
    date: '2026-11-23',
    due: '',
    items: [
      { title: '练习册 P23', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: false }, minutes: 20, trialMinutes: null },
      { title: '拓展题', kind: 'written', where: 'home', tiers: { core: false, extend: false, challenge: true }, minutes: null, trialMinutes: 8 },
    ],
  }

  it('the teacher’s teachings list their classes and subjects', async () => {
    const db = track(freshDb())
    const { teacherId, classes } = await school(db)
    const mine = await listMyTeachings(db, teacherId)
    expect(mine.map((m) => [classes.find((c) => c.id === m.classId)?.name, m.subject]).sort()).toEqual([
      ['4(1)', '数学'],
      ['4(2)', '数学'],
    ])
  })

  it('one assignment per class, one batch, the first class keeping the draft’s item ids, all after a reload', async () => {
    const db = track(freshDb())
    const { teacherId, classes } = await school(db)
    const itemIds = [uuidv7(), uuidv7()]
    const rows = await createAssignments(db, { classIds: classes.map((c) => c.id), teacherId, status: 'published', draft, itemIds })
    expect(rows).toHaveLength(3)
    expect(new Set(rows.map((r) => r.batchId)).size).toBe(1)
    db.close()

    const again = track(new AppDB(db.name))
    for (const [i, c] of classes.entries()) {
      const list = await listClassAssignments(again, c.id, '2026-11-23', '2026-11-23')
      expect(list).toHaveLength(1)
      expect(list[0]!.assignment).toMatchObject({ subject: '数学', status: 'published', teacherId })
      expect(list[0]!.items.map(toItemDraft)).toEqual(draft.items)
      if (i === 0) expect(list[0]!.items.map((x) => x.id)).toEqual(itemIds)
      else expect(list[0]!.items.map((x) => x.id)).not.toContain(itemIds[0])
    }
  })

  it('an edit keeps item ids: changing one item’s minutes is a one-field change, and a new item keeps its draft id', async () => {
    const db = track(freshDb())
    const { teacherId, classes } = await school(db)
    const [row] = await createAssignments(db, { classIds: [classes[0]!.id], teacherId, status: 'draft', draft })
    const before = (await getAssignment(db, row!.id))!
    const newId = uuidv7()
    // As if sync had sent everything so far: the edit's entries then hold only what the edit changed.
    const seq = (await db.outbox.toArray()).length
    await db.outbox.toCollection().modify({ sentAt: 1 })
    await updateAssignment(
      db,
      row!.id,
      { ...draft, items: [{ ...draft.items[0]!, minutes: 25 }, draft.items[1]!, { ...draft.items[0]!, title: '口算' }] },
      [...before.items.map((i) => i.id), newId],
    )
    const after = (await getAssignment(db, row!.id))!
    expect(after.items.map((i) => i.id)).toEqual([...before.items.map((i) => i.id), newId])
    const changes = (await db.outbox.toArray()).slice(seq).filter((e) => e.table === 'items')
    expect(changes.find((e) => e.recordId === before.items[0]!.id)?.fields).toEqual({ minutes: 25 })
    expect(changes.some((e) => e.recordId === before.items[1]!.id)).toBe(false)
  })
})
