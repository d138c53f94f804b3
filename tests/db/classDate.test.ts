// The items' index by class and evening (src/db/classDate.ts): kept on every way a record is written,
// hidden from every read, and what a class's assignments over a range are read by.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { liveQuery } from 'dexie'
import type { AppDB } from '@/db/database'
import { write } from '@/db/write'
import { applyPulledPage } from '@/db/sync'
import { exportBackup } from '@/db/backup'
import { createAssignments, listClassAssignments, removeAssignments, updateAssignment } from '@/db/repos/assignments'
import { listClasses } from '@/db/repos/classes'
import { setUpSchool, type SchoolSetup } from '@/db/repos/school'
import type { AssignmentDraft, ItemDraft } from '@hl/core/domain/assignmentDraft'
import type { AssignmentRow, ItemRow } from '@hl/core/records'
import { freshDb } from './helpers'

let db: AppDB
afterEach(async () => {
  await db?.delete()
})

const setup: SchoolSetup = {
  name: '示例实验小学',
  regionId: 'national',
  term: { name: '2026—2027 学年第一学期', startDate: '2026-09-01', endDate: '2027-01-22' },
  calendar: [],
  grades: [{ grade: 5, classNames: ['5(1)', '5(2)'], subjects: ['语文', '数学'] }],
  me: { name: '王老师', teaching: [{ grade: 5, className: '5(1)', subject: '数学' }, { grade: 5, className: '5(2)', subject: '数学' }], homeroomOf: null, gradeLeaderOf: null },
}
const item = (title: string, minutes: number): ItemDraft => ({ title, kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes, trialMinutes: null })
const draft = (date: string, items: ItemDraft[], due = ''): AssignmentDraft => ({ subject: '数学', date, due, items })
const meta = (id: string) => ({ id, updatedAt: '001800000000000-000000-dev9', fieldClock: {}, version: 1 })

async function school() {
  db = freshDb()
  const { teacherId } = await setUpSchool(db, setup)
  const [c1, c2] = await listClasses(db)
  return { teacherId, c1: c1!, c2: c2! }
}
const at = (classId: string, date: string) => db.items.where('classDate').equals([classId, date]).toArray()
const titles = async (classId: string, from: string, to: string) => (await listClassAssignments(db, classId, from, to)).map((a) => [a.assignment.date, a.items.map((i) => i.title)])

describe("items by their assignment's class and evening", () => {
  it('files new items under their class and evening, and reads never show the stamp', async () => {
    const { teacherId, c1, c2 } = await school()
    await createAssignments(db, { classIds: [c1.id, c2.id], teacherId, status: 'published', draft: draft('2026-11-23', [item('口算', 10), item('练习册', 15)]) })
    expect((await at(c1.id, '2026-11-23')).map((i) => i.title).sort()).toEqual(['口算', '练习册'])
    expect((await at(c2.id, '2026-11-23')).length).toBe(2)
    expect(await at(c1.id, '2026-11-24')).toEqual([])
    for (const row of await db.items.toArray()) expect(row).not.toHaveProperty('classDate')
    expect(await db.items.where('classDate').equals([c1.id, '2026-11-23']).first()).not.toHaveProperty('classDate')
    // Nor does anything that leaves the device: the backup file holds the synced fields only.
    expect(JSON.stringify(await exportBackup(db))).not.toContain('classDate')
    expect(await titles(c1.id, '2026-11-23', '2026-11-29')).toEqual([['2026-11-23', ['口算', '练习册']]])
  })

  it('moves the items with their assignment when its evening changes, live and removed ones alike', async () => {
    const { teacherId, c1 } = await school()
    const [a] = await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('2026-11-23', [item('口算', 10), item('练习册', 15)]) })
    // One item dropped, the evening moved to the next week.
    await updateAssignment(db, a!.id, draft('2026-11-30', [item('口算', 10)]), [(await at(c1.id, '2026-11-23')).find((i) => i.title === '口算')!.id])
    expect(await at(c1.id, '2026-11-23')).toEqual([])
    expect((await at(c1.id, '2026-11-30')).map((i) => [i.title, i.deletedAt !== undefined]).sort()).toEqual([
      ['口算', false],
      ['练习册', true],
    ])
    expect(await titles(c1.id, '2026-11-23', '2026-11-29')).toEqual([])
    expect(await titles(c1.id, '2026-11-30', '2026-12-06')).toEqual([['2026-11-30', ['口算']]])
  })

  it('files an item that came before its assignment once the assignment comes (a pull, a file)', async () => {
    const { c1 } = await school()
    const early: ItemRow = { ...meta('i-early'), assignmentId: 'a-late', position: 0, title: '先到的题', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 20, trialMinutes: null }
    const late: AssignmentRow = { ...meta('a-late'), classId: c1.id, subject: '数学', date: '2026-11-25', due: '', status: 'published', teacherId: 'me', batchId: 'b' }
    await db.transaction('rw', [db.items, db.assignments], () => db.items.put(early))
    expect(await titles(c1.id, '2026-11-23', '2026-11-29')).toEqual([])
    await db.transaction('rw', [db.items, db.assignments], () => db.assignments.put(late))
    expect(await titles(c1.id, '2026-11-23', '2026-11-29')).toEqual([['2026-11-25', ['先到的题']]])
  })

  it('keeps the stamp of an item written where its assignment cannot be read', async () => {
    const { teacherId, c1 } = await school()
    await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('2026-11-23', [item('口算', 10)]) })
    const [row] = await at(c1.id, '2026-11-23')
    await db.transaction('rw', db.items, () => db.items.put({ ...row!, title: '口算二' }))
    expect((await at(c1.id, '2026-11-23')).map((i) => i.title)).toEqual(['口算二'])
  })

  it("reads a class's range with the assignments spreading into it, and none of another class's or of a removed assignment", async () => {
    const { teacherId, c1, c2 } = await school()
    await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('2026-11-20', [item('周末小报', 60)], '2026-11-24') })
    await createAssignments(db, { classIds: [c1.id, c2.id], teacherId, status: 'published', draft: draft('2026-11-23', [item('口算', 10)]) })
    const [gone] = await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('2026-11-23', [item('删掉的', 5)]) })
    await removeAssignments(db, [gone!.id])
    expect(await titles(c1.id, '2026-11-23', '2026-11-29')).toEqual([
      ['2026-11-20', ['周末小报']],
      ['2026-11-23', ['口算']],
    ])
  })

  it('wakes a live read of the range when an item is added to an assignment in it', async () => {
    const { teacherId, c1 } = await school()
    const [a] = await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('2026-11-23', [item('口算', 10)]) })
    const seen: string[][] = []
    const sub = liveQuery(() => listClassAssignments(db, c1.id, '2026-11-23', '2026-11-29')).subscribe((rows) => seen.push(rows.flatMap((r) => r.items.map((i) => i.title))))
    await expect.poll(() => seen.length).toBe(1)
    // Only the item is written: nothing else the read looked at changes.
    await write(db, ['assignments', 'items'], (w) => w.create('items', 'i-new', { assignmentId: a!.id, position: 1, title: '听写', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 5, trialMinutes: null }))
    await expect.poll(() => seen.at(-1)).toEqual(['口算', '听写'])
    sub.unsubscribe()
  })

  it("follows another device's change of an assignment's evening that a pull brings, and a pulled page's items before their assignment", async () => {
    const { teacherId, c1 } = await school()
    const [a] = await createAssignments(db, { classIds: [c1.id], teacherId, status: 'published', draft: draft('2026-11-23', [item('口算', 10)]) })
    const stored = (await db.assignments.get(a!.id))!
    const later = '001900000000000-000000-dev2'
    const moved = { ...stored, date: '2026-11-30', updatedAt: later, fieldClock: { ...stored.fieldClock, date: later }, version: stored.version + 1 }
    const clocked = <T extends object>(row: T) => ({ ...row, fieldClock: Object.fromEntries(Object.keys(row).filter((k) => !['id', 'updatedAt', 'fieldClock', 'version'].includes(k)).map((k) => [k, later])) })
    const fresh = { ...meta('a-pulled'), updatedAt: later, classId: c1.id, subject: '语文', date: '2026-11-24', due: '', status: 'published', teacherId: 'other', batchId: 'b2' }
    const freshItem = { ...meta('i-pulled'), updatedAt: later, assignmentId: 'a-pulled', position: 0, title: '背诵', kind: 'oral', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 10, trialMinutes: null }
    const page = { records: [{ table: 'items', row: clocked(freshItem) }, { table: 'assignments', row: moved }, { table: 'assignments', row: clocked(fresh) }], conflicts: [], cursor: 'c1' }
    const result = await applyPulledPage(db, page, 1_900_000_000_000)
    expect(result.refused).toBe(0)
    expect(await titles(c1.id, '2026-11-23', '2026-11-29')).toEqual([['2026-11-24', ['背诵']]])
    expect(await titles(c1.id, '2026-11-30', '2026-12-06')).toEqual([['2026-11-30', ['口算']]])
  })
})
