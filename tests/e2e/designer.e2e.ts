// The designer in real Chromium: the demo school, a layered assignment timed with 先做 (surviving a
// reload mid-way), the live gauge turning red with a cap finding, save, reload, still there; axe at a
// phone and a desktop width, and screenshots of both for a human to look at.
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

const baseUrl = inject('baseUrl')
const SHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url))
let browser: TestBrowser
const consoleErrors: string[] = []
let savedPath = ''

beforeAll(async () => {
  browser = await launchBrowser()
  browser.page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  await mkdir(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

async function axe(width: number): Promise<void> {
  const results = await new AxeBuilder({ page: browser.page }).analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const minor = results.violations.filter((v) => !blocking.includes(v))
  if (minor.length) console.info(`axe designer (${width} px), minor:`, minor.map((v) => `${v.id}: ${v.help}`))
  expect(blocking.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([])
}

describe('the assignment designer', () => {
  it('designs a layered assignment with the 先做 timer and the live gauge, saves it, and finds it after a reload', async () => {
    const { page } = browser
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(`${baseUrl}/`)
    await page.getByRole('button', { name: '载入示例学校', exact: true }).click()
    await page.waitForURL(/\/my-week/, { timeout: 30_000 })

    await page.goto(`${baseUrl}/assignments/new`)
    await page.getByRole('heading', { level: 1, name: '布置作业' }).waitFor()
    const gauge = page.locator('.load-gauge').first()
    await gauge.waitFor()
    expect(await page.locator('#subject').inputValue()).not.toBe('')

    // Item 1: for every layer, typed minutes.
    const items = page.locator('.editor-item')
    await items.nth(0).getByLabel('内容（书名和页码）').fill('练习册第 23 页 1–4 题')
    await items.nth(0).getByLabel('预计用时（分钟）').fill('10')

    // Item 2: the challenge layer only, timed by the teacher.
    await page.getByRole('button', { name: '添加一项' }).click()
    const second = items.nth(1)
    await second.getByLabel('内容（书名和页码）').fill('拓展：思考题 2 道')
    await second.getByRole('checkbox', { name: '基础' }).uncheck()
    await second.getByRole('checkbox', { name: '提高' }).uncheck()
    await second.getByRole('button', { name: '开始先做' }).click()
    await second.getByText('计时中').waitFor()
    await page.waitForTimeout(1500)
    expect(await second.getByRole('timer').innerText()).toMatch(/^00:0[1-9]$/)

    // A reload mid-way loses neither the draft nor the running timer.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: '布置作业' }).waitFor()
    await page.getByText('已恢复上次未保存的作业。').waitFor()
    await second.getByText('计时中').waitFor()
    expect(await second.getByLabel('内容（书名和页码）').inputValue()).toBe('拓展：思考题 2 道')
    expect(await second.getByRole('checkbox', { name: '基础' }).isChecked()).toBe(false)
    await second.getByRole('button', { name: '完成' }).click()
    await second.getByText('已完成').waitFor()
    // A couple of seconds on the clock count as half a minute (the nearest half minute, at least half).
    const multiplier = (await second.getByTestId('item-estimate').innerText()).match(/先做 0\.5 分钟 × (\d+(?:\.\d+)?) = 约/)
    expect(multiplier).not.toBeNull()
    // Focus moved from 完成 to the button that took its place, not to the page.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('重新计时')

    // The gauge shows the evening; more minutes turn it red with the cap finding.
    await page.getByRole('heading', { level: 2, name: '当晚负担' }).waitFor()
    expect(await gauge.innerText()).toContain('各层合计')
    const minutes = items.nth(0).getByLabel('预计用时（分钟）')
    let typed = 10
    while ((await gauge.getAttribute('data-status')) !== 'over' && typed < 400) {
      typed += 20
      await minutes.fill(String(typed))
    }
    expect(await gauge.getAttribute('data-status')).toBe('over')
    expect(await gauge.innerText()).toContain('超过上限')
    expect(await gauge.locator('.finding-list').innerText()).toMatch(/超过每日上限 \d+ 分钟|超过休息日上限 \d+ 分钟/)
    await page.screenshot({ path: `${SHOTS}designer-zh-CN-1440-top.png` })
    await page.screenshot({ path: `${SHOTS}designer-zh-CN-1440-full.png`, fullPage: true })
    await axe(1440)

    // At 375 px the summary stays in sight while the items scroll by.
    await page.setViewportSize({ width: 375, height: 812 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await second.getByLabel('内容（书名和页码）').scrollIntoViewIfNeeded()
    const summary = page.locator('.designer__sticky')
    const box = await summary.boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(-1)
    expect(box!.y).toBeLessThan(812)
    expect(await summary.innerText()).toContain('超过上限')
    await page.screenshot({ path: `${SHOTS}designer-zh-CN-375-items.png` })
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SHOTS}designer-zh-CN-375-top.png` })
    await page.screenshot({ path: `${SHOTS}designer-zh-CN-375-full.png`, fullPage: true })
    await axe(375)

    // Publishing an evening over the cap asks first, naming the class, the evening, the figure and the cap.
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByRole('button', { name: '发布', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '发布后会超过上限' })
    await dialog.waitFor()
    expect(await dialog.innerText()).toMatch(/\d+\(\d+\) .+：书面作业全班平均 \d+(\.\d)? 分钟，超过上限 \d+ 分钟。/)
    await page.screenshot({ path: `${SHOTS}designer-zh-CN-1440-overcap.png` })
    await dialog.getByRole('button', { name: '返回修改' }).click()
    expect(page.url()).toMatch(/\/assignments\/new/)
    await page.getByRole('button', { name: '发布', exact: true }).click()
    await dialog.getByRole('button', { name: '仍然发布' }).click()
    await page.waitForURL(/\/assignments\/[0-9a-f-]{36}$/)
    await page.getByText('已保存并发布').first().waitFor()
    savedPath = new URL(page.url()).pathname

    await page.reload()
    await page.getByRole('heading', { level: 1, name: '编辑作业' }).waitFor()
    await page.getByText('状态：已发布').waitFor()
    expect(await items.count()).toBe(2)
    expect(await items.nth(0).getByLabel('内容（书名和页码）').inputValue()).toBe('练习册第 23 页 1–4 题')
    expect(await items.nth(0).getByLabel('预计用时（分钟）').inputValue()).toBe(String(typed))
    expect(await items.nth(1).getByTestId('item-estimate').innerText()).toContain('先做 0.5 分钟')
    // The timer is still attached to the saved item (the draft's item id was kept).
    await items.nth(1).getByText('已完成').waitFor()
  })

  it('edits, deletes with undo', async () => {
    const { page } = browser
    expect(savedPath).not.toBe('')
    await page.goto(`${baseUrl}${savedPath}`)
    await page.getByRole('heading', { level: 1, name: '编辑作业' }).waitFor()
    await page.getByRole('button', { name: '删除作业' }).click()
    await page.waitForURL(/\/week\//)
    await page.getByRole('button', { name: '撤销' }).click()
    await page.waitForURL(new RegExp(`${savedPath}$`))
    await page.getByRole('heading', { level: 1, name: '编辑作业' }).waitFor()
    // the restored assignment's items arrive with the live query, just after the heading
    await expect.poll(() => page.locator('.editor-item').count()).toBe(2)
  })

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
