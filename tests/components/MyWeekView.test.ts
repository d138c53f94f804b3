// 我的作业 on a seeded school in fake-indexeddb: each card shows what the caps count (the class average of
// written take-home minutes, the heaviest layer), with oral work counted apart, beside the class's evening.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import MyWeekView from '@/views/MyWeekView.vue'
import { appDb } from '@/db/database'
import { createAssignments } from '@/db/repos/assignmentEdits'
import { seedSchool, item } from '../db/seed'
import { mountWithApp } from './mount'

let wrapper: VueWrapper | undefined

beforeAll(async () => {
  const db = appDb()
  const { c42, teacherId } = await seedSchool(db)
  // Layered: 10 minutes for everyone, 20 more for the extension layer (李明 alone of four students).
  await createAssignments(db, {
    classIds: [c42.id],
    teacherId,
    status: 'published',
    draft: { subject: '数学', date: '2026-11-24', due: '', items: [item('基础练习', 10), item('提高题', 20, { tiers: { core: false, extend: true, challenge: false } })] },
  })
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})
afterAll(async () => {
  const db = appDb()
  await Promise.all(db.tables.map((t) => t.clear()))
})

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the view')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('MyWeekView', () => {
  it('shows each assignment’s written take-home average and heaviest layer, not the sum of every item', async () => {
    ;({ wrapper } = await mountWithApp(MyWeekView, { path: '/my-week?date=2026-11-23' }))
    const w = wrapper
    await until(() => w.findAll('.my-week-day__entry').length >= 3)
    const card = (date: string, subject: string) => w.findAll(`section[aria-labelledby="my-week-${date}"] .my-week-day__entry`).find((c) => c.get('.my-week-day__subject').text() === subject)!

    // 练习册 p23 30 written + 口算 10 oral: 30 count toward the cap, the oral 10 apart (not "40 分钟").
    const maths = card('2026-11-23', '数学')
    expect(maths.get('.my-week-day__minutes').text()).toBe('书面平均 30 分钟')
    expect(maths.find('.my-week-day__figures').exists()).toBe(false) // not layered: no heavier layer
    expect(maths.text()).toContain('另计（不计入上限）：非书面 10 分钟')
    expect(maths.text()).toContain('全班当晚书面作业平均 70 分钟，上限 60 分钟')

    // 10 for all four + 20 for the one student in the extension layer: 10 + 20 / 4 = 15 on average; that layer does 30.
    const layered = card('2026-11-24', '数学')
    expect(layered.get('.my-week-day__minutes').text()).toBe('书面平均 15 分钟')
    expect(layered.get('.my-week-day__figures').text()).toBe('最重的分层 30 分钟')
    expect(layered.find('.my-week-day__apart').exists()).toBe(false)
  })

  it('says the same in English', async () => {
    ;({ wrapper } = await mountWithApp(MyWeekView, { path: '/my-week?date=2026-11-23', locale: 'en' }))
    const w = wrapper
    await until(() => w.findAll('.my-week-day__entry').length >= 3)
    expect(w.text()).toContain('Written avg 15 min')
    expect(w.text()).toContain('Heaviest layer 30 min')
    expect(w.text()).toContain('Counted apart (not in the cap): not written 10 min')
  })
})
