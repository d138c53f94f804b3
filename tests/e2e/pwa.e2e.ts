// The PWA in a real browser: the service worker takes control, the app then works offline, and
// Chromium considers it installable.
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'
import { filesOf, precacheOf } from '../../scripts/bench/precache'

const baseUrl = inject('baseUrl')
let browser: TestBrowser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('PWA', () => {
  it('registers a service worker that controls the page after one reload', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/rules`)
    await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()
    const scope = await page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then((registration) => registration.scope),
        new Promise<string>((_, reject) => setTimeout(() => reject(new Error('no service worker after 15 s')), 15_000)),
      ]),
    )
    expect(scope).toBe(`${baseUrl}/`)
    // registerType 'prompt' does not claim the first visit: control comes with the next load.
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
  })

  it('precaches every file of the build once, and nothing twice', async () => {
    const response = await browser.context.request.get(`${baseUrl}/sw.js`)
    const { urls, duplicates } = precacheOf(await response.text())
    expect(duplicates).toEqual([])
    // The worker itself and its workbox runtime are not precached; every other built file is.
    const built = filesOf(fileURLToPath(new URL('../../dist/', import.meta.url))).filter((f) => f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f))
    expect([...urls].sort()).toEqual(built)
  })

  it('shows the Rules page offline', async () => {
    const { page, context } = browser
    await context.setOffline(true)
    try {
      await page.reload()
      await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()
      expect(await page.locator('#level-upperPrimary tr[data-rule="dailyCapMinutes"]').innerText()).toContain('60 分钟')
      // A deep link that was never visited comes from the precached shell too (and, with no school on
      // this device yet, lands on the welcome screen).
      await page.goto(`${baseUrl}/some/old/bookmark`)
      await page.getByRole('heading', { level: 1, name: '欢迎使用作业台账' }).waitFor()
    } finally {
      await context.setOffline(false)
    }
  })

  it('is installable according to Chromium', async () => {
    const { page, context } = browser
    await page.goto(`${baseUrl}/rules`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])
    await cdp.detach()
  })

  it('has a Chinese standalone manifest with 192, 512 and maskable icons that load', async () => {
    const { context } = browser
    const manifestResponse = await context.request.get(`${baseUrl}/manifest.webmanifest`)
    expect(manifestResponse.ok()).toBe(true)
    const manifest = (await manifestResponse.json()) as {
      lang: string
      display: string
      name: string
      icons: { src: string; sizes: string; purpose?: string }[]
    }
    expect(manifest).toMatchObject({ lang: 'zh-CN', display: 'standalone', name: '作业台账' })
    const icon = (sizes: string, purpose?: string) => manifest.icons.find((i) => i.sizes === sizes && i.purpose === purpose)
    for (const [expected, entry] of [
      [192, icon('192x192')],
      [512, icon('512x512')],
      [512, icon('512x512', 'maskable')],
    ] as const) {
      expect(entry, `${expected} icon`).toBeDefined()
      const response = await context.request.get(`${baseUrl}/${entry?.src}`)
      expect(response.headers()['content-type']).toContain('image/png')
      expect(pngSize(await response.body())).toEqual({ width: expected, height: expected })
    }
    const apple = await context.request.get(`${baseUrl}/apple-touch-icon.png`)
    expect(pngSize(await apple.body())).toEqual({ width: 180, height: 180 })
    const robots = await context.request.get(`${baseUrl}/robots.txt`)
    expect(await robots.text()).toContain('User-agent')
  })
})
