// A new teacher's first day, end to end in real Chromium, as the issue tells it: set up a school, add a
// class by pasting 45 names, set layers, design a layered assignment using the 先做 timer, see the gauge
// turn red when a second subject pushes the evening over the cap, go offline, reload, find everything,
// export a backup, clear the site's data, import the backup, find everything again.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { chinaDate, mondayOf } from '@hl/core/domain/dates'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

const baseUrl = inject('baseUrl')
let browser: TestBrowser
let downloads = ''
const consoleErrors: string[] = []
// A school day of this week, so the term the setup proposes (the one containing today) contains it.
const MONDAY = mondayOf(chinaDate(Date.now()))
const NAMES = Array.from({ length: 45 }, (_, i) => `${'王李张刘陈杨黄赵周吴徐孙马朱胡'[i % 15]}${['思远', '雨桐', '嘉怡'][Math.floor(i / 15)]}`)

beforeAll(async () => {
  browser = await launchBrowser({ width: 1280, height: 900 })
  downloads = await mkdtemp(join(tmpdir(), 'homework-ledger-journey-'))
  browser.page.on('console', (message) => {
    // The offline part makes the browser log failed fetches of its own; the app must log nothing else.
    if (message.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(message.text())) consoleErrors.push(message.text())
  })
})
afterAll(async () => {
  await browser?.close()
  await rm(downloads, { recursive: true, force: true })
})

describe('a new teacher’s first day', () => {
  it('sets up, designs, works offline, and survives a backup round trip', async () => {
    const { page, context } = browser
    const nav = page.getByRole('navigation', { name: '主导航' })

    // 1. Set up a school: one grade 5 class of mine (cap 60 minutes).
    await page.goto(`${baseUrl}/`)
    await page.getByRole('link', { name: '新建学校' }).click()
    const next = page.getByRole('button', { name: '下一步' })
    await page.getByLabel('学校名称').fill('新城实验小学')
    await next.click()
    await page.getByRole('heading', { name: /第 2 步/ }).waitFor()
    await next.click()
    await page.getByRole('heading', { name: /第 3 步/ }).waitFor()
    await page.getByRole('checkbox', { name: '5 年级' }).check()
    await next.click()
    await page.getByRole('heading', { name: /第 4 步/ }).waitFor()
    await page.getByLabel('我的姓名').fill('李老师')
    await page.getByRole('checkbox', { name: '数学' }).check()
    await page.getByRole('checkbox', { name: '5(1)' }).check()
    await page.getByRole('button', { name: '完成，开始使用' }).click()
    await page.waitForURL((url) => url.pathname === '/my-week')

    // 2. A class by pasting 45 names (学号 and 姓名 columns, as copied from a spreadsheet), and layers.
    await nav.getByRole('link', { name: '班级学生' }).click()
    await page.getByRole('link', { name: /5\(1\)/ }).click()
    await page.getByRole('heading', { level: 1, name: '5(1) 班' }).waitFor()
    const classUrl = new URL(page.url())
    const classId = classUrl.pathname.split('/').pop()!
    await page.getByLabel('学生名单', { exact: true }).fill(NAMES.map((n, i) => `${i + 1}\t${n}`).join('\n'))
    await page.getByRole('button', { name: '添加 45 名学生' }).click()
    await page.getByRole('heading', { name: '学生名单（45 人）' }).waitFor()
    await page.getByLabel('学科', { exact: true }).selectOption('数学')
    for (const name of NAMES.slice(0, 5)) await page.getByRole('radio', { name: `${name}：拓展层` }).check()
    await page.getByTestId('layer-counts').getByText('拓展层 5 人').waitFor()

    // 3. A layered maths assignment: 20 minutes for all, and a challenge task timed with 先做.
    await page.goto(`${baseUrl}/assignments/new?classId=${classId}&date=${MONDAY}`)
    await page.getByRole('heading', { level: 1, name: '布置作业' }).waitFor()
    const items = page.locator('.editor-item')
    const gauge = page.locator('.load-gauge').first()
    await gauge.waitFor()
    // my subject in this class arrives with my teachings
    await expect.poll(() => page.locator('#subject').inputValue()).toBe('数学')
    await items.nth(0).getByLabel('内容（书名和页码）').fill('练习册p23-24')
    await items.nth(0).getByLabel('预计用时（分钟）').fill('20')
    await page.getByRole('button', { name: '添加一项' }).click()
    const challenge = items.nth(1)
    await challenge.getByLabel('内容（书名和页码）').fill('思考题：鸡兔同笼')
    await challenge.getByRole('checkbox', { name: '基础' }).uncheck()
    await challenge.getByRole('checkbox', { name: '提高' }).uncheck()
    await challenge.getByRole('button', { name: '开始先做' }).click()
    await page.waitForTimeout(1200)
    await challenge.getByRole('button', { name: '完成' }).click()
    await challenge.getByText('已完成').waitFor()
    // About a second on the clock counts as half a minute (the nearest half minute, at least half).
    expect(await challenge.getByTestId('item-estimate').innerText()).toMatch(/先做 0\.5 分钟 × 3 = 约 1\.5 分钟/)
    expect(await gauge.getAttribute('data-status')).not.toBe('over')
    await page.getByRole('button', { name: '发布', exact: true }).click()
    await page.getByText('已保存并发布').first().waitFor()

    // 4. A second subject that evening: Chinese. 30 minutes fits; 45 pushes the class over 60.
    await page.goto(`${baseUrl}/assignments/new?classId=${classId}&date=${MONDAY}`)
    await gauge.waitFor()
    await page.locator('#subject').selectOption('语文')
    await items.nth(0).getByLabel('内容（书名和页码）').fill('作文：我的老师')
    await items.nth(0).getByLabel('预计用时（分钟）').fill('30')
    await expect.poll(() => gauge.getAttribute('data-status')).not.toBe('over')
    await items.nth(0).getByLabel('预计用时（分钟）').fill('45')
    await expect.poll(() => gauge.getAttribute('data-status')).toBe('over')
    expect(await gauge.locator('.finding-list').innerText()).toMatch(/超过(每日|休息日)上限 60 分钟/)
    await page.getByRole('button', { name: '发布', exact: true }).click()
    // Over the cap, publishing asks first and says by how much; the teacher publishes anyway.
    const overCap = page.getByRole('dialog', { name: '发布后会超过上限' })
    await overCap.waitFor()
    expect(await overCap.innerText()).toMatch(/5\(1\) .+：书面作业全班平均 [\d.]+ 分钟，超过上限 60 分钟。/)
    await overCap.getByRole('button', { name: '仍然发布' }).click()
    await page.getByText('已保存并发布').first().waitFor()

    // 5. Offline: once the service worker controls the page, a reload still shows everything.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
    const weekUrl = `${baseUrl}/week/${classId}?date=${MONDAY}`
    await context.setOffline(true)
    try {
      await page.goto(weekUrl)
      await page.getByRole('link', { name: '练习册p23-24' }).waitFor()
      await page.getByRole('link', { name: '作文：我的老师' }).waitFor()
      expect(await page.locator('.week-grid').innerText()).toContain('思考题：鸡兔同笼')
      await page.reload()
      await page.getByRole('link', { name: '作文：我的老师' }).waitFor()
      await page.goto(`${baseUrl}/classes/${classId}`)
      await page.getByRole('heading', { name: '学生名单（45 人）' }).waitFor()
    } finally {
      await context.setOffline(false)
    }

    // 6. Export a backup, clear the site's data, import the backup: everything is back.
    await page.goto(`${baseUrl}/settings`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出备份' }).click()])
    const backup = join(downloads, download.suggestedFilename())
    await download.saveAs(backup)

    const cdp = await context.newCDPSession(page)
    await page.goto(`${baseUrl}/rules`)
    await cdp.send('Storage.clearDataForOrigin', { origin: baseUrl, storageTypes: 'all' })
    await page.goto(`${baseUrl}/my-week`)
    await page.waitForURL((url) => url.pathname === '/welcome')

    await page.goto(`${baseUrl}/settings`)
    await page.locator('#backup-file').setInputFiles(backup)
    await page.getByRole('button', { name: '恢复', exact: true }).click()
    await page.getByRole('status').getByText('已从备份恢复').waitFor()
    await page.goto(weekUrl)
    await page.getByRole('link', { name: '练习册p23-24' }).waitFor()
    await page.getByRole('link', { name: '作文：我的老师' }).waitFor()
    await page.goto(`${baseUrl}/classes/${classId}`)
    await page.getByRole('heading', { name: '学生名单（45 人）' }).waitFor()
    await page.getByLabel('学科', { exact: true }).selectOption('数学')
    await page.getByTestId('layer-counts').getByText('拓展层 5 人').waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
  }, 180_000)

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
