// Issue 8's journey, on a 375 px phone in real Chromium: a teacher starts an assignment, times an item
// with 先做 and leaves it unsaved, exports a backup; on a NEW device she restores that backup from the
// welcome screen (the unsaved draft and its running timer come back), edits the term and her classes on
// 设置, changes the multiplier on 规则 and sees the designer's estimate change, imports a plan with
// Chinese grade names twice (the second import adds nothing), and reads the week as the phone's list.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

const baseUrl = inject('baseUrl')
const SHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url))
const PHONE = { width: 375, height: 812 }
const browsers: TestBrowser[] = []
const consoleErrors: string[] = []
let backupPath = ''

async function phone(): Promise<TestBrowser> {
  const b = await launchBrowser(PHONE)
  b.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  browsers.push(b)
  return b
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true })
})
afterAll(async () => {
  for (const b of browsers) await b.close()
})

async function axe(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(blocking.map((v) => ({ label, id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([])
}

const PLAN = ['日期,截止,年级,班级,学科,内容,类型,时长', '2027-01-11,,五年级,五年级一班,数学,期末复习卷（二）,,25', '2027-01-12,,五年级,5（1）,数学,口算练习,,15'].join('\r\n')

describe('a teacher’s day on a phone, on a new device', () => {
  it('the old device: an unsaved draft with a 先做 timer running, then a backup', async () => {
    const old = await phone()
    const { page, context } = old
    await context.clock.install()
    await page.goto(`${baseUrl}/welcome`)
    await page.getByRole('button', { name: '载入示例学校' }).click()
    await page.waitForURL(/\/my-week/, { timeout: 30_000 })
    await page.goto(`${baseUrl}/assignments/new?date=2027-01-13`)
    await page.getByRole('heading', { level: 1, name: '布置作业' }).waitFor()
    await expect.poll(() => page.locator('#subject').inputValue()).not.toBe('')
    const item = page.locator('.editor-item').first()
    await item.getByLabel('内容（书名和页码）').fill('期末复习：应用题')
    await item.getByRole('button', { name: '开始先做' }).click()
    await item.getByText('计时中').waitFor()
    await context.clock.fastForward('03:00')
    expect(await item.getByRole('timer').innerText()).toBe('03:00')
    await page.waitForURL(/draft=/)
    await context.clock.runFor(500) // the form is kept a moment after the last keystroke

    await page.goto(`${baseUrl}/settings`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出备份' }).click()])
    backupPath = join(SHOTS, '..', 'journey-phone-backup.json')
    await download.saveAs(backupPath)
  }, 120_000)

  it('the new device: the backup restores from the welcome screen, with the unsaved draft and its timer', async () => {
    const fresh = await phone()
    const { page, context } = fresh
    // The old device's clock was run three minutes ahead to time the item; this one's clock agrees with it.
    await context.clock.install({ time: Date.now() + 200_000 })
    await page.goto(`${baseUrl}/`)
    await page.waitForURL(/\/welcome/)
    await page.getByRole('button', { name: '从备份恢复' }).click()
    await page.locator('#backup-file').setInputFiles(backupPath)
    await page.getByText('另有 1 份未保存的草稿会一并恢复。').waitFor()
    await page.screenshot({ path: `${SHOTS}journey-phone-restore-375.png`, fullPage: true })
    await axe(page, 'welcome restore')
    await page.getByRole('button', { name: '恢复', exact: true }).click()
    await page.waitForURL(/\/my-week/, { timeout: 30_000 })

    await page.goto(`${baseUrl}/assignments/new`)
    const drafts = page.getByTestId('other-drafts')
    await drafts.waitFor()
    await drafts.getByRole('link', { name: '继续' }).click()
    const item = page.locator('.editor-item').first()
    await expect.poll(() => item.getByLabel('内容（书名和页码）').inputValue()).toBe('期末复习：应用题')
    await item.getByText('计时中').waitFor()
    // The clock kept running across the two devices: at least the three minutes timed before the backup.
    expect(await item.getByRole('timer').innerText()).toMatch(/^(0[3-9]|[1-9]\d):\d\d$/)
    await item.getByRole('button', { name: '完成' }).click()
    await item.getByText('已完成').waitFor()
    await expect.poll(() => item.getByTestId('item-estimate').innerText()).toMatch(/先做 [\d.]+ 分钟/)
  }, 120_000)

  it('edits the term and her classes on 设置, and the multiplier on 规则 changes the designer’s estimate', async () => {
    const { page } = browsers[1]!
    await page.goto(`${baseUrl}/settings`)
    await page.getByRole('button', { name: '编辑学期和校历' }).click()
    await page.locator('#settings-term-name').fill('2026—2027学年第一学期')
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByText('已保存学期和校历').first().waitFor()

    const me = page.locator('section[aria-labelledby="settings-me-title"]')
    await page.getByRole('button', { name: '编辑我的信息' }).click()
    await me.getByRole('checkbox', { name: '5(2)', exact: true }).uncheck()
    await me.getByRole('button', { name: '保存' }).click()
    await page.getByText('已保存我的信息').first().waitFor()
    expect(await me.locator('dd').nth(1).innerText()).toBe('5(1) 数学')

    // The draft's estimate before: the teacher's own minutes × 3.
    await page.goto(`${baseUrl}/assignments/new`)
    await page.getByTestId('other-drafts').getByRole('link', { name: '继续' }).click()
    const estimate = page.locator('.editor-item').first().getByTestId('item-estimate')
    // Once the draft is on screen (it loads from IndexedDB after the click).
    const timed = /先做 ([\d.]+) 分钟 × 3 = 约 ([\d.]+) 分钟/
    await expect.poll(() => estimate.innerText()).toMatch(timed)
    const before = timed.exec(await estimate.innerText())
    expect(before).not.toBeNull()
    const trial = Number(before![1])

    await page.goto(`${baseUrl}/rules`)
    await page.getByRole('button', { name: '编辑小学三至六年级的先做换算倍数' }).click()
    await page.getByLabel('学生用时 = 教师先做用时 ×').fill('2')
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByText('已保存小学三至六年级的先做换算倍数').first().waitFor()

    await page.goto(`${baseUrl}/assignments/new`)
    await page.getByTestId('other-drafts').getByRole('link', { name: '继续' }).click()
    await expect.poll(() => estimate.innerText()).toContain(`先做 ${trial} 分钟 × 2 = 约 ${trial * 2} 分钟`)
    await page.screenshot({ path: `${SHOTS}journey-phone-designer-375.png`, fullPage: true })
  }, 120_000)

  it('imports a plan with Chinese grade names twice: the second adds nothing; the week reads as a list by day', async () => {
    const { page } = browsers[1]!
    for (const round of [1, 2]) {
      await page.goto(`${baseUrl}/import`)
      await page.locator('#plan-import-file').setInputFiles({ name: '计划.csv', mimeType: 'text/csv', buffer: Buffer.from(PLAN, 'utf8') })
      if (round === 1) {
        await page.getByRole('heading', { level: 2, name: /将导入 2 份作业、2 项内容/ }).waitFor()
        await page.getByRole('button', { name: '导入全部' }).click()
        await page.getByRole('status').getByText('已导入 2 份作业、2 项内容').waitFor()
      } else {
        await page.getByText('2 项已存在，不会重复导入').waitFor()
        expect(await page.getByRole('button', { name: '导入全部' }).count()).toBe(0)
      }
    }
    await page.screenshot({ path: `${SHOTS}journey-phone-import-again-375.png`, fullPage: true })

    const c51 = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('homework-ledger')
          open.onsuccess = () => {
            const all = open.result.transaction('classes').objectStore('classes').getAll()
            all.onsuccess = () => resolve(String((all.result as { id: string; name: string }[]).find((c) => c.name === '5(1)')?.id))
          }
        }),
    )
    await page.goto(`${baseUrl}/week/${c51}?date=2027-01-11`)
    const days = page.locator('.week-days')
    await days.waitFor()
    expect(await page.locator('.week-grid').count()).toBe(0) // the phone reads a list, not a table
    const text = await days.innerText()
    expect(text.split('期末复习卷（二）').length - 1).toBe(1)
    expect(text.split('口算练习').length - 1).toBe(1)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.screenshot({ path: `${SHOTS}journey-phone-week-375.png`, fullPage: true })
    await axe(page, 'week on a phone')
  }, 120_000)

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
