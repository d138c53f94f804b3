// The class week on a seeded school in fake-indexeddb: what a teacher sees in the grid, the day's
// totals, a cap finding in words on an over-cap day, and moving to the next week.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import ClassWeekView from '@/views/ClassWeekView.vue'
import { appDb } from '@/db/database'
import { seedSchool } from '../db/seed'
import { mountWithApp } from './mount'

let wrapper: VueWrapper | undefined
let classId = ''

beforeAll(async () => {
  const seeded = await seedSchool(appDb())
  classId = seeded.c42.id
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})
afterAll(async () => {
  const db = appDb()
  await Promise.all(db.tables.map((t) => t.clear()))
})

/** Live queries resolve over several ticks: wait until the condition holds (bounded). */
async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the view')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('ClassWeekView', () => {
  it('shows each item with its minutes, the day totals and the cap finding in words', async () => {
    ;({ wrapper } = await mountWithApp(ClassWeekView, { path: `/week/${classId}?date=2026-11-25` }))
    const w = wrapper
    await until(() => w.find('.week-grid').exists())

    expect(w.get('h2').text()).toContain('4(2)')
    expect(w.get('h2').text()).toContain('11月23日 周一 至 11月29日 周日')
    const grid = w.get('[role="region"]')
    expect(grid.attributes('aria-label')).toContain('4(2)')
    const monday = w.get('th[data-date="2026-11-23"]')
    expect(monday.text()).toContain('11月23日 周一')
    expect(monday.classes()).toContain('week-grid__day--error')

    const maths = w.findAll('tbody tr').find((r) => r.get('th').text() === '数学')!
    expect(maths.findAll('td')[0]!.text()).toContain('练习册 p23')
    expect(maths.findAll('td')[0]!.text()).toContain('30 分钟')
    expect(maths.findAll('td')[0]!.text()).toContain('口头') // the oral item is tagged, not counted
    const chinese = w.findAll('tbody tr').find((r) => r.get('th').text() === '语文')!
    expect(chinese.findAll('td')[0]!.text()).toContain('草稿')
    expect(w.find('a[href*="/assignments/"]').exists()).toBe(true)

    // Written take-home: 数学 30 + 语文 40 = 70 on average; the oral 10 minutes are counted apart.
    const home = w.get('tr.week-grid__total--home')
    expect(home.findAll('td')[0]!.text()).toBe('70 分钟')
    expect(w.get('tr.week-grid__total--other').findAll('td')[0]!.text()).toBe('10 分钟')
    expect(w.get('tr.week-grid__total--cap').findAll('td')[0]!.text()).toBe('60 分钟')
    expect(w.get('tr.week-grid__total--cap').findAll('td')[5]!.text()).toBe('60 分钟')
    expect(w.get('th[data-date="2026-11-28"]').text()).toContain('休息日')

    const findings = w.get('.class-week__findings')
    expect(findings.text()).toContain('11月23日 周一')
    expect(findings.text()).toContain('书面作业平均 70 分钟，超过每日上限 60 分钟')
    expect(findings.find('.finding-list__item--error').exists()).toBe(true)
  })

  it('goes to the next week', async () => {
    const mounted = await mountWithApp(ClassWeekView, { path: `/week/${classId}?date=2026-11-25` })
    wrapper = mounted.wrapper
    const w = mounted.wrapper
    await until(() => w.find('.week-grid').exists())
    const next = w.findAll('button').find((b) => b.text().includes('下一周'))!
    await next.trigger('click')
    await until(() => w.get('h2').text().includes('11月30日 周一'))
    expect(mounted.router.currentRoute.value.query.date).toBe('2026-11-30')
    expect(w.text()).toContain('本周这个班还没有作业')
    expect(w.find('tbody tr').exists()).toBe(false)
  })

  it('opens the teacher’s own class when no class is given', async () => {
    const mounted = await mountWithApp(ClassWeekView, { path: '/week?date=2026-11-23' })
    wrapper = mounted.wrapper
    await until(() => mounted.router.currentRoute.value.params.classId === classId)
    const select = mounted.wrapper.get('select')
    expect(select.findAll('optgroup').map((g) => g.attributes('label'))).toEqual(['我任教的班级', '其他班级'])
  })
})

describe('ClassWeekView on a phone', () => {
  type HappyWindow = Window & { happyDOM?: { setViewport: (v: { width: number; height: number }) => void } }
  const setWidth = (width: number) => (window as HappyWindow).happyDOM!.setViewport({ width, height: 812 })
  afterEach(() => setWidth(1024))

  it('reads as a list by day with each day’s subjects, total against the cap and findings, not a grid', async () => {
    setWidth(375)
    ;({ wrapper } = await mountWithApp(ClassWeekView, { path: `/week/${classId}?date=2026-11-25` }))
    const w = wrapper
    await until(() => w.find('.week-days').exists())
    expect(w.find('table').exists()).toBe(false)
    // The separate findings section is the grid's; each day carries its own here.
    expect(w.find('.class-week__findings').exists()).toBe(false)

    const days = w.findAll('.week-days > li')
    expect(days).toHaveLength(7)
    // Not this week (the test's today is not in 2026-11-23 … 29): Monday to Sunday.
    expect(days.map((d) => d.attributes('data-date'))).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
    const monday = days[0]!
    expect(monday.get('h3').text()).toContain('11月23日 周一')
    expect(monday.get('h3').text()).toContain('超标')
    expect(monday.findAll('.week-day__subject-name').map((s) => s.text())).toEqual(['语文', '数学'])
    expect(monday.text()).toContain('练习册 p23')
    expect(monday.get('.week-day__total--home').text()).toBe('家庭书面（班级平均）70 分钟（上限：60 分钟）')
    expect(monday.text()).toContain('非书面10 分钟')
    expect(monday.get('.finding-list').text()).toContain('书面作业平均 70 分钟，超过每日上限 60 分钟')
    expect(days[5]!.get('h3').text()).toContain('休息日')
    expect(days[1]!.text()).toContain('没有作业（当天上限：60 分钟）')
  })

  it('puts today first when the week is this week', async () => {
    setWidth(375)
    ;({ wrapper } = await mountWithApp(ClassWeekView, { path: `/week/${classId}` }))
    const w = wrapper
    await until(() => w.find('.week-days').exists())
    const first = w.get('.week-days > li')
    expect(first.classes()).toContain('week-day--today')
    expect(first.get('h3').text()).toContain('今天')
    const dates = w.findAll('.week-days > li').map((d) => d.attributes('data-date')!)
    expect(dates.slice(1)).toEqual([...dates.slice(1)].sort())
  })
})

/** What the screen shows after each DOM update (one MutationObserver batch per Vue flush). */
interface Frame {
  heading: string
  firstDate: string | undefined
  rows: number
  saysEmpty: boolean
}

function recordFrames(root: Element): { frames: Frame[]; stop: () => void } {
  const frames: Frame[] = []
  const snap = () =>
    frames.push({
      heading: root.querySelector('.class-week__heading')?.textContent ?? '',
      firstDate: root.querySelector('[data-date]')?.getAttribute('data-date') ?? undefined,
      rows: root.querySelectorAll('[data-subject-row]').length,
      saysEmpty: root.querySelector('.class-week__empty') !== null,
    })
  const observer = new MutationObserver(snap)
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true })
  return { frames, stop: () => observer.disconnect() }
}

describe('ClassWeekView between weeks', () => {
  it('never shows one week’s dates with another week’s data (issue 11)', async () => {
    const mounted = await mountWithApp(ClassWeekView, { path: `/week/${classId}?date=2026-11-16` })
    wrapper = mounted.wrapper
    const w = mounted.wrapper
    await until(() => w.find('.class-week__empty').exists() && w.get('.class-week__heading').text().includes('4(2)'))
    expect(w.get('[data-date]').attributes('data-date')).toBe('2026-11-16')

    const { frames, stop } = recordFrames(w.element)
    await w.findAll('button').find((b) => b.text().includes('下一周'))!.trigger('click')
    await until(() => w.find('[data-subject-row]').exists())
    await flushPromises()
    stop()

    expect(frames.length).toBeGreaterThan(0)
    for (const f of frames) {
      // A week is shown with its own class name and dates, or not at all.
      if (f.firstDate !== undefined) expect(f.heading, JSON.stringify(f)).toContain('4(2)')
      // The week of 11-23 has homework: it never appears empty, even for one frame.
      if (f.firstDate === '2026-11-23') expect(f.rows > 0 && !f.saysEmpty, JSON.stringify(f)).toBe(true)
      if (f.firstDate === '2026-11-16') expect(f.heading, JSON.stringify(f)).toContain('11月16日')
    }
    expect(frames.at(-1)!.firstDate).toBe('2026-11-23')
  })
})
