// A class's page on a phone, in real Chromium, with the demo school: the layers grid fits 375 px with
// its 拓展 column, a ten-digit 学号 shows whole, every student shows the layer stored for the subject
// after switching subjects, a paste repeating students already there adds only the new ones, and
// "撤销添加" takes a pasted mistake back (with its own undo).
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

const baseUrl = inject('baseUrl')
let browser: TestBrowser
let classUrl = ''
const consoleErrors: string[] = []

beforeAll(async () => {
  browser = await launchBrowser({ width: 375, height: 812 })
  browser.page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  const { page } = browser
  await page.goto(`${baseUrl}/welcome`)
  await page.getByRole('button', { name: '载入示例学校', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/my-week', { timeout: 30_000 })
  // A class whose students are layered in several subjects (the demo's lower grades have no layers).
  await page.goto(`${baseUrl}/classes`)
  await page.locator('main a[href^="/classes/"]').first().waitFor()
  const links = await page.locator('main a[href^="/classes/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
  for (const href of links) {
    await page.goto(`${baseUrl}${href}`)
    await page.locator('.layers').waitFor()
    const layered = await page
      .waitForFunction(() => Number(/\d+/.exec(document.querySelector('[data-testid="layer-counts"] [data-tier="extend"]')?.textContent ?? '')?.[0] ?? 0) > 0, undefined, { timeout: 1500 })
      .then(() => true)
      .catch(() => false)
    if (layered) {
      classUrl = page.url()
      break
    }
  }
  if (!classUrl) throw new Error('no layered class in the demo school')
})
afterAll(async () => {
  await browser?.close()
})

/** Per row of the layers grid, the layers whose radio is checked; and the counts the grid shows. */
async function layersShown(page: Page) {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('.layers__table tbody tr')]
    const checked = rows.map((r) => [...r.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((i) => i.checked).map((i) => i.value))
    const counts = Object.fromEntries([...document.querySelectorAll('[data-testid="layer-counts"] [data-tier]')].map((el) => [el.getAttribute('data-tier'), Number(/\d+/.exec(el.textContent ?? '')?.[0])]))
    return { checked, counts }
  })
}

async function axe(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(blocking.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })), label).toEqual([])
}

describe('a class’s students on a phone', () => {
  it('shows every student’s stored layer after switching subject, back and forth', async () => {
    const { page } = browser
    const subjects = await page.locator('#layers-subject option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
    expect(subjects.length).toBeGreaterThan(3)
    for (const subject of [...subjects.slice(0, 4), ...subjects.slice(0, 4).reverse()]) {
      await page.locator('#layers-subject').selectOption(subject)
      const { checked, counts } = await layersShown(page)
      expect(checked.filter((c) => c.length !== 1), `${subject}: rows without exactly one layer`).toEqual([])
      const tally = { core: 0, extend: 0, challenge: 0 } as Record<string, number>
      for (const [tier] of checked) tally[tier!]!++
      expect(tally, subject).toEqual(counts)
    }
  })

  it.each(['zh-CN', 'en'] as const)('fits the layers grid, with its 拓展 column, into 375 px (%s)', async (locale) => {
    const { page } = browser
    await page.goto(classUrl)
    await page.locator(`button[data-locale="${locale}"]`).click()
    await page.locator(`html[lang="${locale}"]`).waitFor()
    const grid = page.locator('.layers .table-wrap')
    await grid.waitFor()
    expect(await grid.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    const head = page.locator('.layers__tier-head').last()
    const box = await head.boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(375)
    const lastRadio = await page.locator('.layers__table tbody tr').first().locator('input[type="radio"]').last().boundingBox()
    expect(lastRadio!.x + lastRadio!.width).toBeLessThanOrEqual(375)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await axe(page, `class students ${locale}`)
    await page.locator('button[data-locale="zh-CN"]').click()
  })

  it('flags pasted students already in the class, adds only the new, shows a ten-digit 学号 whole, and undoes the paste', async () => {
    const { page } = browser
    await page.goto(classUrl)
    const heading = page.getByRole('heading', { level: 2, name: /学生名单（\d+ 人）/ })
    const before = Number(/\d+/.exec(await heading.innerText())![0])
    const first = page.locator('.student-list tbody tr').first()
    const firstName = await first.getAttribute('data-student')
    const firstNumber = await first.locator('.student-list__number').inputValue()

    await page.getByLabel('学生名单', { exact: true }).fill(`${firstNumber}\t${firstName}\n2026040299\t欧阳明月`)
    const summary = page.locator('.paste [role="status"]')
    await summary.getByText('将添加 1 名学生').waitFor()
    await summary.getByText('1 名已在班级中，不会重复添加').waitFor()
    expect(await page.locator('.paste tbody tr[data-status="inClass"]').innerText()).toContain('已在班级中')
    await page.getByRole('button', { name: '添加 1 名学生' }).click()
    await page.getByRole('heading', { level: 2, name: `学生名单（${before + 1} 人）` }).waitFor()

    const number = page.getByLabel('欧阳明月 的学号')
    expect(await number.inputValue()).toBe('2026040299')
    expect(await number.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

    await page.getByRole('status').getByRole('button', { name: '撤销添加' }).click()
    await page.getByRole('heading', { level: 2, name: `学生名单（${before} 人）` }).waitFor()
    await page.getByRole('status').getByText('已移除刚添加的 1 名学生').waitFor()
    await page.getByRole('status').getByRole('button', { name: '撤销', exact: true }).click()
    await page.getByRole('heading', { level: 2, name: `学生名单（${before + 1} 人）` }).waitFor()
  })

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
