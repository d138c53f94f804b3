// axe-core at a phone and a desktop width: the Rules page in both locales, and every screen in English
// (the screens' own tests check them in Chinese). No serious or critical violation; lesser findings are
// printed so they are not lost.
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

const baseUrl = inject('baseUrl')
let browser: TestBrowser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const CASES = [
  { width: 375, height: 812, locale: 'zh-CN', heading: '双减规则' },
  { width: 375, height: 812, locale: 'en', heading: 'Double Reduction rules' },
  { width: 1440, height: 900, locale: 'zh-CN', heading: '双减规则' },
  { width: 1440, height: 900, locale: 'en', heading: 'Double Reduction rules' },
] as const

describe('accessibility of the Rules page', () => {
  it.each(CASES)('has no serious or critical axe violation at $width px in $locale', async ({ width, height, locale, heading }) => {
    const { page } = browser
    await page.setViewportSize({ width, height })
    await page.goto(`${baseUrl}/rules`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.locator(`button[data-locale="${locale}"]`).click()
    await page.getByRole('heading', { level: 1, name: heading }).waitFor()

    // No horizontal overflow: the page must fit a 375 px phone without sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)

    const results = await new AxeBuilder({ page }).analyze()
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    const minor = results.violations.filter((v) => !blocking.includes(v))
    if (minor.length) console.info(`axe (${width} px, ${locale}), minor:`, minor.map((v) => `${v.id}: ${v.help}`))
    expect(blocking.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([])
  })
})

// Every screen of the app with the demo school loaded, in English too (the screens' own tests check them
// in Chinese): the second locale must be as usable as the first.
const SCREENS = [
  { path: '/my-week', ready: '.week-nav, .my-week' },
  { path: '/week', ready: '.week-grid, .week-days' },
  { path: '/assignments/new', ready: '.load-gauge' },
  { path: '/classes', ready: 'main h1' },
  // a class's page (students and the layers grid), reached from the classes list
  { path: '/classes', ready: 'main h1', open: 'main a[href^="/classes/"]' },
  { path: '/import', ready: '#plan-import-file' },
  { path: '/settings', ready: '#backup-file' },
] as const

describe('accessibility of every screen in English', () => {
  beforeAll(async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/welcome`)
    // The Rules cases above leave the language as they last set it (English): the button speaks it.
    await page.getByRole('button', { name: /^(载入示例学校|Load the demo school)$/ }).click()
    await page.waitForURL((url) => url.pathname === '/my-week', { timeout: 30_000 })
    await page.locator('button[data-locale="en"]').click()
    await page.locator('html[lang="en"]').waitFor()
  })

  it.each(SCREENS.flatMap((s) => [375, 1440].map((width) => ({ open: '', ...s, width }))))('$path $open at $width px', async ({ path, ready, open, width }) => {
    const { page } = browser
    await page.setViewportSize({ width, height: width < 400 ? 812 : 900 })
    await page.goto(`${baseUrl}${path}`)
    await page.locator(ready).first().waitFor()
    if (open) {
      await page.locator(open).first().click()
      await page.locator('.layers').waitFor()
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    const results = await new AxeBuilder({ page }).analyze()
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(blocking.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([])
  })
})
