// The grading sheet on a seeded school in fake-indexeddb: rows in class order with only their layer's
// items; one key grades, a number marks an item wrong, Enter moves on; every mark reaches the database.
// And the bank screen refuses a bad file in the UI's language, changing nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import GradingSheetView from '@/views/GradingSheetView.vue'
import BankView from '@/views/BankView.vue'
import { appDb } from '@/db/database'
import { createAssignments } from '@/db/repos/assignmentEdits'
import { gradingId, itemMarkId } from '@/db/repos/grading'
import { seedSchool, item } from '../db/seed'
import { mountWithApp } from './mount'

let wrapper: VueWrapper | undefined
let assignmentId = ''
let studentIds: string[] = []
let itemIds: string[] = []

beforeAll(async () => {
  const db = appDb()
  const { c42, teacherId, students } = await seedSchool(db)
  studentIds = students.map((s) => s.id)
  // 李明 (the first student) is in the extension layer in 数学: he does items 1 and 3, the others 1 and 2.
  const [a] = await createAssignments(db, {
    classIds: [c42.id],
    teacherId,
    status: 'published',
    draft: { subject: '数学', date: '2026-11-24', due: '', items: [item('口算', 5), item('基础练习', 10, { tiers: { core: true, extend: false, challenge: false } }), item('提高题', 10, { tiers: { core: false, extend: true, challenge: true } })] },
  })
  assignmentId = a!.id
  itemIds = (await db.items.where('assignmentId').equals(assignmentId).sortBy('position')).map((i) => i.id)
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})
afterAll(async () => {
  await Promise.all(appDb().tables.map((t) => t.clear()))
})

async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('GradingSheetView', () => {
  it('shows each student only their layer’s items, in class order, and grades by keyboard', async () => {
    ;({ wrapper } = await mountWithApp(GradingSheetView, { path: `/grading/${assignmentId}` }))
    const w = wrapper
    await until(() => w.findAll('.sheet-row').length === 4)
    const rows = w.findAll('.sheet-row')
    expect(rows.map((r) => r.get('.sheet-row__name').text())).toEqual(['01 李明', '02 张华', '03 赵雪', '04 陈晨'])
    expect(rows.map((r) => r.findAll('.sheet-row__item-number').map((n) => n.text()).join(','))).toEqual(['第1题,第3题', '第1题,第2题', '第1题,第2题', '第1题,第2题'])
    // No parents' fields anywhere on the sheet.
    expect(w.text()).not.toMatch(/家长/)

    await rows[0]!.trigger('keydown', { key: 'a' })
    await rows[0]!.trigger('keydown', { key: '3' })
    // Shown at once, before IndexedDB answers.
    await flushPromises()
    expect(w.findAll('.sheet-row')[0]!.get('[data-test="level"][aria-pressed="true"]').text()).toContain('优')
    await rows[0]!.trigger('keydown', { key: 'Enter' })
    expect(document.activeElement).toBe(w.findAll('.sheet-row')[1]!.element)
    await w.findAll('.sheet-row')[1]!.trigger('keydown', { key: 'm' })

    const db = appDb()
    await until(async () => (await db.gradings.get(gradingId(assignmentId, studentIds[1]!)))?.status === 'missing')
    expect(await db.gradings.get(gradingId(assignmentId, studentIds[0]!))).toMatchObject({ level: 'a', status: 'submitted' })
    expect(await db.itemMarks.get(itemMarkId(itemIds[2]!, studentIds[0]!))).toMatchObject({ wrong: true, fixed: false })
    await until(() => w.text().includes('已批 1 / 已交 1 / 全班 4'))
    expect(w.text()).toContain('待批 2 · 补交 0 · 缺交 1 · 免交 0')
  })
})

describe('BankView', () => {
  it('refuses a file that is not a bank file, in English too, and changes nothing', async () => {
    ;({ wrapper } = await mountWithApp(BankView, { path: '/bank', locale: 'en' }))
    const w = wrapper
    await until(() => w.text().includes('The bank is empty'))
    const input = w.get('#bank-file')
    const file = new File(['{"format":"homework-ledger-backup","version":2}'], 'backup.json', { type: 'application/json' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await until(() => w.find('[role="alert"]').exists())
    expect(w.get('[role="alert"]').text()).toContain('“backup.json” was not imported; the bank is unchanged:')
    expect(w.get('[role="alert"]').text()).toContain('This is not a bank file exported by Homework Ledger')
    expect(await appDb().bankItems.count()).toBe(0)
  })
})
