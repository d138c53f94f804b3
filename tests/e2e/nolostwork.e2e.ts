// No lost work, in real Chromium with the demo school: two tabs editing one assignment both keep their
// edits (and the same field shows both values instead of overwriting); an unsaved draft with a running
// 先做 timer survives closing every tab; leaving with unsaved changes asks first; editing a published
// assignment lists what changed against what was published, and "discard" goes back to it.
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

const baseUrl = inject('baseUrl')
const SHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url))
let browser: TestBrowser
const consoleErrors: string[] = []
let assignmentPath = ''

beforeAll(async () => {
  browser = await launchBrowser({ width: 1440, height: 900 })
  browser.context.on('page', (p) => p.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text())))
  browser.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  await mkdir(SHOTS, { recursive: true })
  const { page } = browser
  await page.goto(`${baseUrl}/`)
  await page.getByRole('button', { name: '载入示例学校', exact: true }).click()
  await page.waitForURL(/\/my-week/, { timeout: 30_000 })
})
afterAll(async () => {
  await browser?.close()
})

const items = (page: Page) => page.locator('.editor-item')
const title = (page: Page, n: number) => items(page).nth(n).getByLabel('内容（书名和页码）')
const minutes = (page: Page, n: number) => items(page).nth(n).getByLabel('预计用时（分钟）')

/** Publishes; an evening over the cap asks first, and the test answers "publish anyway". */
async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: '发布', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '发布后会超过上限' })
  const answered = await Promise.race([
    dialog.waitFor({ timeout: 3000 }).then(() => true),
    page.getByText('已保存并发布').first().waitFor({ timeout: 3000 }).then(() => false),
  ]).catch(() => false)
  if (answered) await dialog.getByRole('button', { name: '仍然发布' }).click()
  await page.getByText('已保存并发布').first().waitFor()
}

describe('no lost work', () => {
  it('two tabs editing one assignment both keep their edits', async () => {
    const a = browser.page
    await a.goto(`${baseUrl}/assignments/new?date=2026-12-21`)
    await a.getByRole('heading', { level: 1, name: '布置作业' }).waitFor()
    await expect.poll(() => a.locator('#subject').inputValue()).not.toBe('')
    await title(a, 0).fill('练习册 p10')
    await minutes(a, 0).fill('10')
    await a.getByRole('button', { name: '添加一项' }).click()
    await title(a, 1).fill('口算 20 题')
    await minutes(a, 1).fill('5')
    await publish(a)
    await a.waitForURL(/\/assignments\/[0-9a-f-]{36}$/)
    assignmentPath = new URL(a.url()).pathname

    const b = await browser.context.newPage()
    await b.goto(`${baseUrl}${assignmentPath}`)
    await b.getByRole('heading', { level: 1, name: '编辑作业' }).waitFor()
    await expect.poll(() => title(b, 1).inputValue()).toBe('口算 20 题')

    // A renames item 1 and publishes; B, opened before, changes item 2's minutes and publishes.
    await title(a, 0).fill('练习册 p10–11')
    await publish(a)
    await minutes(b, 1).fill('8')
    await publish(b)

    // Both edits are stored: A's title was not overwritten by B's older form.
    const c = await browser.context.newPage()
    await c.goto(`${baseUrl}${assignmentPath}`)
    await expect.poll(() => title(c, 0).inputValue()).toBe('练习册 p10–11')
    await expect.poll(() => minutes(c, 1).inputValue()).toBe('8')
    await c.close()

    // The same field changed in both tabs: B's form shows both values and overwrites nothing.
    await minutes(b, 0).fill('15')
    await minutes(a, 0).fill('12')
    await publish(a)
    const conflicts = b.getByTestId('conflicts')
    await conflicts.waitFor()
    expect(await conflicts.innerText()).toContain('你的：15 分钟')
    expect(await conflicts.innerText()).toContain('别处的：12 分钟')
    await b.screenshot({ path: `${SHOTS}designer-conflict-1440.png` })
    // Publishing with the conflict open is refused, nothing written.
    await b.getByRole('button', { name: '发布', exact: true }).click()
    await b.getByText('请先处理与别处修改冲突的地方。').first().waitFor()
    await conflicts.getByRole('button', { name: '用别处的' }).click()
    await expect.poll(() => minutes(b, 0).inputValue()).toBe('12')
    await b.close()
  })

  it('editing a published assignment lists what changed against what was published, and discard goes back', async () => {
    const page = browser.page
    await page.goto(`${baseUrl}${assignmentPath}`)
    await page.getByRole('heading', { level: 1, name: '编辑作业' }).waitFor()
    await expect.poll(() => minutes(page, 0).inputValue()).toBe('12')
    await minutes(page, 0).fill('20')
    const unsaved = page.getByTestId('unsaved')
    await unsaved.waitFor()
    expect(await unsaved.innerText()).toContain('有 1 处未保存的修改')
    expect(await unsaved.innerText()).toContain('第 1 项 预计用时：20 分钟 （原为 12 分钟）')
    expect(await unsaved.innerText()).toContain('已发布的版本仍是原来的样子')
    await page.screenshot({ path: `${SHOTS}designer-unsaved-1440.png` })
    await page.setViewportSize({ width: 375, height: 812 })
    await page.screenshot({ path: `${SHOTS}designer-unsaved-375.png` })
    await page.setViewportSize({ width: 1440, height: 900 })

    // Leaving asks first; staying keeps everything.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的作业' }).click()
    const leave = page.getByRole('dialog', { name: '有未保存的修改' })
    await leave.waitFor()
    await leave.getByRole('button', { name: '留在这里' }).click()
    expect(new URL(page.url()).pathname).toBe(assignmentPath)
    expect(await minutes(page, 0).inputValue()).toBe('20')

    // A reload brings the unsaved change back (kept on the device).
    await page.reload()
    await page.getByText('已恢复上次未保存的修改。').waitFor()
    await expect.poll(() => minutes(page, 0).inputValue()).toBe('20')

    await unsaved.getByRole('button', { name: '放弃修改' }).click()
    await page.getByRole('dialog', { name: '放弃未保存的修改？' }).getByRole('button', { name: '放弃修改' }).click()
    await expect.poll(() => minutes(page, 0).inputValue()).toBe('12')
    expect(await unsaved.count()).toBe(0)
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的作业' }).click()
    await page.waitForURL(/\/my-week/) // nothing unsaved: no question
  })

  it('an unsaved draft with a running 先做 timer survives closing every tab', async () => {
    const page = browser.page
    await page.goto(`${baseUrl}/assignments/new?date=2026-12-22`)
    await page.getByRole('heading', { level: 1, name: '布置作业' }).waitFor()
    await expect.poll(() => page.locator('#subject').inputValue()).not.toBe('')
    await title(page, 0).fill('阅读 第三单元')
    await items(page).nth(0).getByRole('button', { name: '开始先做' }).click()
    await items(page).nth(0).getByText('计时中').waitFor()
    // Focus moved to the timer's next button, not to the page.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('完成')
    await page.waitForURL(/draft=/)
    await page.waitForTimeout(400) // the form is written a moment after the last keystroke

    // Every tab closes (the browser stays: same profile), then the teacher comes back.
    const back = await browser.context.newPage()
    await page.close()
    await back.goto(`${baseUrl}/assignments/new`)
    const drafts = back.getByTestId('other-drafts')
    await drafts.waitFor()
    expect(await drafts.innerText()).toContain('12月22日')
    await back.screenshot({ path: `${SHOTS}designer-drafts-1440.png` })
    await drafts.getByRole('link', { name: '继续' }).click()
    await expect.poll(() => title(back, 0).inputValue()).toBe('阅读 第三单元')
    await items(back).nth(0).getByText('计时中').waitFor()
    browser.page = back
  })

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
