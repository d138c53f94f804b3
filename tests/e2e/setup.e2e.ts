// First run in a real browser: the demo school, a new school set up by hand, a class of pasted names
// with layers that survive a reload; axe on every screen of this flow at a phone and a desktop width.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { publishedYears } from '@hl/core/domain/officialCalendar'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

const baseUrl = inject('baseUrl')
let browser: TestBrowser
const consoleErrors: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  browser.page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
})
afterAll(async () => {
  await browser?.close()
})

/** Forgets the school: a fresh first run for the next test. */
async function clearSiteData(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/rules`)
  await page.evaluate(async () => {
    const dbs = await indexedDB.databases()
    await Promise.all(
      dbs.map(
        (d) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.deleteDatabase(d.name ?? '')
            request.onsuccess = () => resolve()
            request.onerror = () => reject(request.error)
            request.onblocked = () => resolve()
          }),
      ),
    )
    localStorage.clear()
  })
}

const SHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url))
mkdirSync(SHOTS, { recursive: true })
const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1440, height: 900 },
] as const

/** axe at a phone and a desktop width, with a screenshot of each (looked at by a person). */
async function checkScreen(page: Page, name: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize(size)
    // No sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${size.width} px`).toBeLessThanOrEqual(size.width)
    await expectNoSeriousAxe(page, `${name} at ${size.width} px`)
    await page.screenshot({ path: `${SHOTS}setup-${name}-${size.width}.png`, fullPage: size.width > 400 })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

async function expectNoSeriousAxe(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(blocking.map((v) => ({ label, id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([])
}

describe('first run', () => {
  it('loads the demo school from the welcome screen and lands on my week', async () => {
    const { page } = browser
    await clearSiteData(page)
    await page.goto(`${baseUrl}/`)
    await page.getByRole('heading', { level: 1, name: '欢迎使用作业台账' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/welcome')
    await checkScreen(page, 'welcome')

    const started = Date.now()
    await page.getByRole('button', { name: '载入示例学校' }).click()
    await page.waitForURL((url) => url.pathname === '/my-week')
    const elapsed = Date.now() - started
    console.info(`demo school loaded and my-week reached in ${elapsed} ms`)
    expect(await page.getByRole('alert').count()).toBe(0)

    // The school is there after a reload: the first-run screens now send the user on.
    await page.goto(`${baseUrl}/welcome`)
    await page.waitForURL((url) => url.pathname === '/my-week')
  })

  it('sets up a new school, adds a class of 45 pasted names with layers, and keeps it all across a reload', async () => {
    const { page } = browser
    await clearSiteData(page)
    await page.goto(`${baseUrl}/welcome`)
    await page.getByRole('link', { name: '新建学校' }).click()
    await page.getByRole('heading', { level: 1, name: '新建学校' }).waitFor()
    const next = page.getByRole('button', { name: '下一步' })

    // Step 1: the school. Nothing typed: a clear message, and the step stays.
    await next.click()
    await page.getByRole('alert').getByText('请填写学校名称。').waitFor()
    await checkScreen(page, 'step1')
    await page.getByLabel('学校名称').fill('实验小学')
    expect(await page.getByLabel('地区规则').inputValue()).toBe('national')
    await next.click()

    // Step 2: the term, prefilled with the State Council's arrangement (2026 国庆: 1–7 October off, 20
    // September and 10 October school days), the unpublished year said so, and a day added by hand.
    await page.getByRole('heading', { name: /第 2 步/ }).waitFor()
    await page.getByLabel('开学日期').fill('2026-09-01')
    await page.getByLabel('学期结束日期').fill('2027-01-20')
    await page.getByLabel('学期结束日期').blur()
    await page.getByText('2026 年：已按国务院办公厅公布的放假安排填入，包括调休上课日。').waitFor()
    if (!publishedYears().includes(2027)) await page.getByText('2027 年的放假安排尚未公布', { exact: false }).waitFor()
    const start = await page.getByLabel('开学日期').inputValue()
    const rows = await page.locator('.calendar__row').evaluateAll((els) =>
      els.map((el) => [...el.querySelectorAll('input, select')].map((f) => (f as HTMLInputElement).value).join(' ')),
    )
    expect(rows).toContain('2026-09-20 school 国庆节调休上课')
    expect(rows).toContain('2026-10-07 rest 国庆节')
    expect(rows).toContain('2026-10-10 school 国庆节调休上课')
    expect(rows.filter((r) => r.startsWith('2026-10-03'))).toEqual([])
    await page.getByRole('button', { name: '添加日期' }).click()
    const last = page.locator('.calendar__row').last()
    await last.getByLabel('日期', { exact: true }).fill(start.slice(0, 4) + '-09-27')
    await last.getByLabel('类型').selectOption('school')
    await last.getByLabel('说明').fill('国庆调休')
    await checkScreen(page, 'step2')
    await next.click()

    // Step 3: grades and classes. None chosen: a message; then grade 4 with two classes.
    await page.getByRole('heading', { name: /第 3 步/ }).waitFor()
    await next.click()
    await page.getByRole('alert').getByText('请至少选择一个年级', { exact: false }).waitFor()
    await page.getByRole('checkbox', { name: '4 年级' }).check()
    expect(await page.getByLabel('第 1 个班的名称').inputValue()).toBe('4(1)')
    expect(await page.getByLabel('第 2 个班的名称').inputValue()).toBe('4(2)')
    expect(await page.getByRole('checkbox', { name: '英语' }).isChecked()).toBe(true)
    await checkScreen(page, 'step3')
    await next.click()

    // Step 4: who I am.
    await page.getByRole('heading', { name: /第 4 步/ }).waitFor()
    await page.getByRole('button', { name: '完成，开始使用' }).click()
    await page.getByRole('alert').getByText('请填写你的姓名。').waitFor()
    await page.getByLabel('我的姓名').fill('李老师')
    await page.getByRole('checkbox', { name: '数学' }).check()
    await page.getByRole('checkbox', { name: '4(1)' }).check()
    await page.getByLabel('我是哪个班的班主任').selectOption({ label: '4(1)' })
    await checkScreen(page, 'step4')
    await page.getByRole('button', { name: '完成，开始使用' }).click()
    await page.waitForURL((url) => url.pathname === '/my-week')

    // The classes page: add a class, and a duplicate is refused beside the field.
    await page.goto(`${baseUrl}/classes`)
    await page.getByRole('heading', { level: 1, name: '班级学生' }).waitFor()
    await page.getByRole('link', { name: /4\(1\)/ }).waitFor()
    await page.getByLabel('年级', { exact: true }).selectOption('4')
    await page.getByLabel('班级名称').fill('4(3)')
    await page.getByRole('button', { name: '添加班级' }).click()
    await page.getByRole('link', { name: /4\(3\)/ }).waitFor()
    await page.getByLabel('班级名称').fill('4(3)')
    await page.getByRole('button', { name: '添加班级' }).click()
    await page.locator('#classes-new-error').getByText('4 年级已有「4(3)」班。').waitFor()
    await checkScreen(page, 'classes')

    // 45 students pasted as two columns with a header row, previewed, then added.
    await page.getByRole('link', { name: /4\(3\)/ }).click()
    await page.getByRole('heading', { level: 1, name: '4(3) 班' }).waitFor()
    const surnames = '王李张刘陈杨黄赵周吴徐孙马朱胡'
    const given = ['子涵', '浩宇', '欣怡']
    const names = Array.from({ length: 45 }, (_, i) => `${surnames[i % 15]}${given[Math.floor(i / 15)]}`)
    const pasted = ['学号\t姓名', ...names.map((n, i) => `${String(i + 1).padStart(2, '0')}\t${n}`)].join('\n')
    await page.getByLabel('学生名单', { exact: true }).fill(pasted)
    await page.getByText('将添加 45 名学生：').waitFor()
    await checkScreen(page, 'paste-preview')
    await page.getByRole('button', { name: '添加 45 名学生' }).click()
    await page.getByRole('heading', { name: '学生名单（45 人）' }).waitFor()

    // Layers in 数学: one student to challenge, three to extend in bulk.
    await page.getByLabel('学科', { exact: true }).selectOption('数学')
    await page.getByRole('radio', { name: `${names[0]}：拓展层` }).check()
    for (const n of names.slice(1, 4)) await page.getByRole('checkbox', { name: `选择 ${n}` }).check()
    await page.getByLabel('把选中的 3 名学生设为').selectOption('extend')
    await page.getByRole('button', { name: '应用' }).click()
    const counts = page.getByTestId('layer-counts')
    await counts.getByText('基础层 41 人').waitFor()
    await counts.getByText('提高层 3 人').waitFor()
    await counts.getByText('拓展层 1 人').waitFor()
    await page.getByRole('heading', { name: '分层设置' }).scrollIntoViewIfNeeded()
    await checkScreen(page, 'class-students')
    await page.locator('.layers').screenshot({ path: `${SHOTS}setup-layers-grid-1440.png` })

    // Remove one student and undo it.
    await page.getByRole('button', { name: `删除 ${names[44]}` }).click()
    await page.getByRole('heading', { name: '学生名单（44 人）' }).waitFor()
    await page.getByRole('status').getByRole('button', { name: '撤销', exact: true }).click()
    await page.getByRole('heading', { name: '学生名单（45 人）' }).waitFor()

    // Everything is still there after a reload.
    await page.reload()
    await page.getByRole('heading', { name: '学生名单（45 人）' }).waitFor()
    await page.getByLabel('学科', { exact: true }).selectOption('数学')
    await counts.getByText('提高层 3 人').waitFor()
    expect(await page.getByRole('radio', { name: `${names[0]}：拓展层` }).isChecked()).toBe(true)
    expect(await page.getByRole('radio', { name: `${names[2]}：提高层` }).isChecked()).toBe(true)
    expect(await page.getByLabel(`${names[10]} 的学号`).inputValue()).toBe('11')
    expect(await page.getByRole('alert').count()).toBe(0)
    // axe over a 45-student grid at two widths, on two cores, takes a while.
  }, 150_000)

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
