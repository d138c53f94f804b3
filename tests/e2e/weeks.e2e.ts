// The week screens, backups and storage in real Chromium, as a visitor with the demo school: the class
// week with its red days, the previous week, my week; a backup exported, the site's data gone (a fresh
// browser profile), the backup imported in Settings, the class week back. axe and screenshots of every
// screen at a phone and a desktop width.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

const baseUrl = inject('baseUrl')
const SHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url))
let browser: TestBrowser
let fresh: TestBrowser | undefined
let backupPath = ''
const consoleErrors: string[] = []

beforeAll(async () => {
  browser = await launchBrowser({ width: 1440, height: 900 })
  browser.page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  await mkdir(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await fresh?.close()
})

async function axe(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const minor = results.violations.filter((v) => !blocking.includes(v))
  if (minor.length) console.info(`axe (${label}), minor:`, minor.map((v) => `${v.id}: ${v.help}`))
  expect(blocking.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })), label).toEqual([])
}

/** Steps back week by week (at most `max`) until the grid shows an over-cap day. */
async function findRedWeek(page: Page, max = 5): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.locator('.week-grid').waitFor()
    if ((await page.locator('th.week-grid__day--error').count()) > 0) return
    const heading = await page.locator('.class-week__heading').innerText()
    await page.getByRole('button', { name: '上一周' }).click()
    await page.waitForFunction((h) => document.querySelector('.class-week__heading')?.textContent?.trim() !== h.trim(), heading)
  }
  throw new Error('no over-cap day in the demo school’s recent weeks')
}

describe('weeks, backups and storage', () => {
  it('loads the demo school and lands on my week', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/`)
    await page.getByRole('button', { name: '载入示例学校', exact: true }).click()
    await page.waitForURL(/\/my-week/)
    await page.getByRole('heading', { level: 1, name: '我的作业' }).waitFor()
    await page.getByRole('link', { name: '布置新作业' }).first().waitFor()
  })

  it('shows the class week with red findings explained in words, and goes to the previous week', async () => {
    const { page } = browser
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '班级周表' }).click()
    await page.waitForURL(/\/week\/[^/?]+/)
    await findRedWeek(page)
    const red = page.locator('th.week-grid__day--error').first()
    const date = await red.getAttribute('data-date')
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const findings = page.locator('.class-week__findings')
    expect(await findings.locator('.finding-list__item--error').count()).toBeGreaterThan(0)
    expect(await findings.innerText()).toMatch(/超过/)
    // Entries link to their assignment.
    expect(await page.locator('.week-grid a[href*="/assignments/"]').count()).toBeGreaterThan(0)

    const url = new URL(page.url())
    const before = await page.locator('.class-week__heading').innerText()
    await page.getByRole('button', { name: '上一周' }).click()
    await page.waitForFunction((h) => document.querySelector('.class-week__heading')?.textContent?.trim() !== h.trim(), before)
    const after = new URL(page.url())
    expect(after.pathname).toBe(url.pathname)
    expect(after.searchParams.get('date')).not.toBe(url.searchParams.get('date'))
    // Back to the red week for the screenshots.
    await page.goBack()
    await page.locator('th.week-grid__day--error').first().waitFor()
  })

  it('has no serious axe violation and fits a phone on every screen of its own (screenshots taken)', async () => {
    const { page } = browser
    const classWeekUrl = page.url()
    const screens = [
      { name: 'class-week', url: classWeekUrl, ready: '.week-grid, .week-days' },
      { name: 'my-week', url: `${baseUrl}/my-week`, ready: '.my-week__range' },
      { name: 'plan-import', url: `${baseUrl}/import`, ready: '#plan-import-file' },
      { name: 'settings', url: `${baseUrl}/settings`, ready: '#backup-file' },
    ]
    for (const width of [375, 1440]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
      for (const s of screens) {
        await page.goto(s.url)
        await page.locator(s.ready).first().waitFor()
        await page.waitForTimeout(150)
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${s.name} at ${width}`).toBeLessThanOrEqual(width)
        await axe(page, `${s.name} ${width}px`)
        await page.screenshot({ path: join(SHOTS, `weeks-${s.name}-${width}-top.png`) })
        await page.screenshot({ path: join(SHOTS, `weeks-${s.name}-${width}-full.png`), fullPage: true })
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 })
  })

  it('shows every error of a bad plan file and imports nothing', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/import`)
    const csv = '日期,年级,班级,学科,内容,时长\n2026-11-23,5,5(9),数学,练习,20\n2026-11-23,5,5(1),数学,,abc\n'
    await page.locator('#plan-import-file').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    const errors = page.getByRole('alert')
    await errors.getByText('什么也没有导入').waitFor()
    const text = await errors.innerText()
    expect(text).toContain('班级「5(9)」在本校不存在')
    expect(text).toContain('内容不能为空')
    await axe(page, 'plan-import errors')
  })

  it('previews a valid plan file and imports all of it as drafts', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/import`)
    const csv = '\uFEFF日期,年级,班级,学科,内容,类型,时长\n2027-01-11,5,5(1),数学,寒假前复习卷,,25\n2027-01-11,5,5(1),数学,口算,口头,5\n'
    await page.locator('#plan-import-file').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByRole('heading', { level: 2, name: /将导入 1 份作业、2 项内容/ }).waitFor()
    const preview = await page.getByRole('region', { name: '导入预览' }).innerText()
    expect(preview).toContain('寒假前复习卷')
    expect(preview).toContain('1月11日 周一')
    await axe(page, 'plan-import preview')
    await page.screenshot({ path: join(SHOTS, 'weeks-plan-import-preview-1440-top.png'), fullPage: true })
    await page.getByRole('button', { name: '导入全部' }).click()
    await page.getByRole('status').getByText('已导入 1 份作业、2 项内容').waitFor()
  })

  it('exports a backup as one file', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/settings`)
    await page.getByRole('heading', { level: 2, name: '备份与恢复' }).waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出备份' }).click()])
    expect(download.suggestedFilename()).toMatch(/^作业台账备份-.+-\d{8}\.json$/)
    backupPath = join(SHOTS, '..', 'e2e-backup.json')
    await download.saveAs(backupPath)
  })

  it('on a device with no data, refuses a foreign file, then imports the backup after confirmation', async () => {
    fresh = await launchBrowser({ width: 1440, height: 900 })
    const { page } = fresh
    await page.goto(`${baseUrl}/week`)
    await page.waitForURL(/\/welcome/) // no school here

    await page.goto(`${baseUrl}/settings`)
    await page.locator('#backup-file').waitFor()
    await page.locator('#backup-file').setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) })
    await page.getByRole('alert').getByText('PNG').waitFor()
    await page.locator('#backup-file').setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x","version":"1.0.0"}') })
    await page.getByRole('alert').getByText('这不是作业台账的备份文件').waitFor()

    await page.locator('#backup-file').setInputFiles(backupPath)
    await page.getByRole('button', { name: '恢复', exact: true }).waitFor()
    expect(await page.locator('tr[data-table="assignments"] td').first().innerText()).toBe('0')
    expect(Number(await page.locator('tr[data-table="assignments"] td').nth(1).innerText())).toBeGreaterThan(10)
    await axe(page, 'settings import summary')
    await page.screenshot({ path: join(SHOTS, 'weeks-settings-import-1440-top.png'), fullPage: true })
    await page.getByRole('button', { name: '恢复', exact: true }).click()
    await page.getByRole('status').getByText('已从备份恢复').waitFor()

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '班级周表' }).click()
    await page.waitForURL(/\/week\/[^/?]+/)
    await findRedWeek(page)
    expect(await page.locator('.week-grid tbody tr').count()).toBeGreaterThan(0)
  })

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
