import 'fake-indexeddb/auto'
// The designer's bank reads (src/db/repos/bankLinks.ts): where a picked bank item was set before in the
// class (重复性作业, 意见 二.6), counted as the bank's own figures count uses.
import { afterEach, describe, expect, it } from 'vitest'
import type { AppDB } from '@/db/database'
import { createAssignments } from '@/db/repos/assignmentEdits'
import { saveToBank } from '@/db/repos/bank'
import { bankLinksOf, earlierUsesInClass, linkBankItem } from '@/db/repos/bankLinks'
import { write } from '@/db/write'
import { freshDb } from './helpers'
import { item, seedSchool } from './seed'

let db: AppDB
afterEach(async () => {
  await db?.delete()
})

describe('earlierUsesInClass', () => {
  it('gives each linked item the last date its bank item was set in the class by another item', async () => {
    db = freshDb()
    const { c41, c42, teacherId } = await seedSchool(db)
    const bank = await saveToBank(db, { teacherId, grade: 4, subject: '数学', title: '口算', book: '', pages: '', unit: '', points: {}, difficulty: 1, kind: 'written', where: 'home', tiers: { core: true, extend: false, challenge: false }, minutes: 10, trialMinutes: null })
    // A use of the bank item per homework: each homework's one item, the item id given.
    const setOn = async (classId: string, date: string, status: 'published' | 'draft', itemId: string) => {
      await linkBankItem(db, bank.id, itemId)
      const [row] = await createAssignments(db, { classIds: [classId], teacherId, status, draft: { subject: '数学', date, due: '', items: [item('口算', 10)] }, itemIds: [itemId] })
      return row!
    }
    await setOn(c41.id, '2026-11-02', 'published', 'used-1')
    await setOn(c41.id, '2026-11-09', 'published', 'used-2')
    await setOn(c41.id, '2026-11-20', 'draft', 'a-draft') // drafts do not count
    await setOn(c42.id, '2026-11-25', 'published', 'other-class') // nor other classes
    const deleted = await setOn(c41.id, '2026-11-23', 'published', 'deleted-item')
    const [gone] = await db.items.where('assignmentId').equals(deleted.id).primaryKeys()
    await write(db, ['items'], (w) => w.remove('items', String(gone))) // nor deleted items

    // The form: one item picked from the bank, one typed.
    await linkBankItem(db, bank.id, 'form-item')
    const links = await bankLinksOf(db, ['form-item', 'typed-item'])
    expect([...links]).toEqual([['form-item', bank.id]])
    expect([...(await earlierUsesInClass(db, links, c41.id))]).toEqual([['form-item', '2026-11-09']])
    expect([...(await earlierUsesInClass(db, links, c42.id))]).toEqual([['form-item', '2026-11-25']])
    // An item is not its own earlier use: the saved 'used-2' sees only 'used-1'.
    expect([...(await earlierUsesInClass(db, new Map([['used-2', bank.id]]), c41.id))]).toEqual([['used-2', '2026-11-02']])
    expect((await earlierUsesInClass(db, new Map(), c41.id)).size).toBe(0)
  })
})
