// axe-core on the Rules page at a phone and a desktop width, in both locales: no serious or critical
// violation. Lesser findings are printed so they are not lost.
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
