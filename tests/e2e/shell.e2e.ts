// The app shell in a real browser: Chinese by default, the language switch, keyboard access, and no
// request leaving the machine (the app must work without internet).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

const baseUrl = inject('baseUrl')
let browser: TestBrowser
const foreignRequests: string[] = []
const consoleErrors: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  browser.context.on('request', (request) => {
    if (!request.url().startsWith(baseUrl) && !request.url().startsWith('data:')) foreignRequests.push(request.url())
  })
  browser.page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
})
afterAll(async () => {
  await browser?.close()
})

describe('app shell', () => {
  it('welcomes a new user in Chinese, and shows the Rules page with its caps', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/`)
    // No school on this device yet: the first screen offers to set one up or load the demo school.
    await page.getByRole('heading', { level: 1, name: '欢迎使用作业台账' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/welcome')
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '规则' }).click()
    await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/rules')
    expect(await page.title()).toBe('作业台账')
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(await page.getByRole('banner').innerText()).toContain('作业台账')
    expect(await page.getByRole('navigation', { name: '主导航' }).innerText()).toContain('规则')
    const cap = (level: string) => page.locator(`#level-${level} tr[data-rule="dailyCapMinutes"]`).innerText()
    expect(await cap('upperPrimary')).toContain('60 分钟')
    expect(await cap('juniorHigh')).toContain('90 分钟')
    expect(await cap('lowerPrimary')).toContain('不布置家庭书面作业')
  })

  it('switches to English and back with the language switch', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/rules`)
    const group = page.getByRole('group', { name: '界面语言' })
    await group.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Double Reduction rules' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.title()).toBe('Homework Ledger')
    expect(await page.locator('#level-juniorHigh tr[data-rule="dailyCapMinutes"]').innerText()).toContain('90 min')

    // The choice survives a reload.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Double Reduction rules' }).waitFor()

    await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '中文' }).click()
    await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
  })

  it('puts the skip link first in the tab order and operates the language switch by keyboard', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/rules`)
    await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()

    await page.keyboard.press('Tab')
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      top: document.activeElement?.getBoundingClientRect().top ?? -1,
    }))
    expect(first.text).toBe('跳到主要内容')
    expect(first.top).toBeGreaterThanOrEqual(0) // visible once focused, not parked off screen

    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')

    // Back to the top and on to the language switch: Tab until the English button has focus.
    await page.evaluate(() => (document.querySelector('.skip-link') as HTMLElement | null)?.focus())
    let reached = false
    for (let i = 0; i < 14 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-locale') === 'en')
    }
    expect(reached).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Double Reduction rules' }).waitFor()

    await page.keyboard.press('Shift+Tab') // to 中文
    await page.keyboard.press('Space')
    await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()
  })

  it('on a phone, reaches every destination through the menu without scrolling the bar sideways', async () => {
    const { page } = browser
    await page.setViewportSize({ width: 375, height: 812 })
    try {
      await page.goto(`${baseUrl}/rules`)
      await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()
      const nav = page.getByRole('navigation', { name: '主导航' })
      const menu = nav.getByRole('button', { name: '菜单' })
      expect(await menu.getAttribute('aria-expanded')).toBe('false')
      expect(await nav.getByRole('link').count()).toBe(0) // closed: the links are neither shown nor in the tab order
      // The bar itself never scrolls sideways.
      const overflow = await page.evaluate(() => [...document.querySelectorAll('.app-bar *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible').length)
      expect(overflow).toBe(0)

      // The first Tab still lands on the skip link, the menu button comes before the links.
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('跳到主要内容')

      await menu.click()
      expect(await menu.getAttribute('aria-expanded')).toBe('true')
      for (const name of ['我的作业', '班级周表', '布置作业', '班级学生', '规则', '设置']) {
        const box = await nav.getByRole('link', { name }).boundingBox()
        expect(box, name).not.toBeNull()
        expect(box!.x, name).toBeGreaterThanOrEqual(0)
        expect(box!.x + box!.width, name).toBeLessThanOrEqual(375)
        expect(box!.height, name).toBeGreaterThanOrEqual(44) // a finger-sized target
      }
      expect(await nav.getByRole('link', { name: '规则' }).getAttribute('aria-current')).toBe('page')

      // Escape closes it and gives focus back to the button; from there Tab goes into the open list.
      await page.keyboard.press('Escape')
      expect(await menu.getAttribute('aria-expanded')).toBe('false')
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('app-nav-list')
      await page.keyboard.press('Enter')
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('我的作业')

      // Choosing a destination goes there and closes the menu.
      await nav.getByRole('link', { name: '设置' }).click()
      await page.getByRole('heading', { level: 1, name: '设置' }).waitFor()
      expect(new URL(page.url()).pathname).toBe('/settings')
      expect(await menu.getAttribute('aria-expanded')).toBe('false')

      // A click outside closes it too.
      await menu.click()
      await page.mouse.click(187, 700)
      expect(await menu.getAttribute('aria-expanded')).toBe('false')
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 })
    }
  })

  it('on a desktop, shows every destination in the bar without a menu', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/rules`)
    const nav = page.getByRole('navigation', { name: '主导航' })
    await nav.getByRole('link', { name: '设置' }).waitFor()
    expect(await nav.getByRole('button', { name: '菜单' }).isVisible()).toBe(false)
    for (const name of ['我的作业', '规则', '设置']) expect(await nav.getByRole('link', { name }).isVisible()).toBe(true)
  })

  it('loaded nothing from outside the app and logged no errors', () => {
    expect(foreignRequests).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})
