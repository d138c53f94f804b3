// Screenshots of every screen at a phone and a desktop size, in both locales, for a human to look at.
// Run: npm run build && npx tsx scripts/screenshots.ts
//      (or BASE_URL=http://127.0.0.1:4173 npx tsx scripts/screenshots.ts against a running preview)
// Loads the demo school first. Writes .tmp/screenshots/<screen>-<locale>-<width>-top.png (first screen), -full.png (whole
// page) and -table.png (one screen at the first table).
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { findBrowser } from './ensure-browser'
import { startPreview } from './preview-server'
import { CHROMIUM_ARGS } from './browser'

const OUT_DIR = fileURLToPath(new URL('../.tmp/screenshots/', import.meta.url))
const VIEWPORTS = [
  { width: 375, height: 812 },
  { width: 1440, height: 900 },
] as const
const LOCALES = ['zh-CN', 'en'] as const
// With the demo school loaded (the first step below), every screen has something to show.
const SCREENS = [
  { name: 'my-week', path: '/my-week' },
  { name: 'class-week', path: '/week' },
  { name: 'designer', path: '/assignments/new' },
  { name: 'classes', path: '/classes' },
  { name: 'plan-import', path: '/import' },
  { name: 'settings', path: '/settings' },
  { name: 'rules', path: '/rules' },
] as const

async function main(): Promise<void> {
  const executablePath = findBrowser()
  if (!executablePath) throw new Error('No Chromium found: run `npx tsx scripts/ensure-browser.ts` or set CHROME_PATH.')
  const preview = process.env.BASE_URL ? null : await startPreview()
  const baseUrl = process.env.BASE_URL ?? preview?.baseUrl ?? ''
  const userDataDir = await mkdtemp(join(tmpdir(), 'homework-ledger-shots-'))
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: CHROMIUM_ARGS })
  context.setDefaultTimeout(15_000)
  try {
    await mkdir(OUT_DIR, { recursive: true })
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${baseUrl}/welcome`)
    await page.getByRole('button', { name: '载入示例学校' }).click()
    await page.waitForURL((url) => url.pathname === '/my-week', { timeout: 30_000 })
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport)
      for (const locale of LOCALES) {
        for (const screen of SCREENS) {
          await page.goto(`${baseUrl}${screen.path}`)
          await page.locator(`button[data-locale="${locale}"]`).click()
          await page.locator('html').and(page.locator(`[lang="${locale}"]`)).waitFor()
          await page.getByRole('heading', { level: 1 }).waitFor()
          // The first screen as a user sees it on arrival, and the whole page.
          const stem = join(OUT_DIR, `${screen.name}-${locale}-${viewport.width}`)
          await page.screenshot({ path: `${stem}-top.png` })
          await page.screenshot({ path: `${stem}-full.png`, fullPage: true })
          // A full page of a phone is too tall to judge when scaled down: also one screen of a table.
          const table = page.locator('table').first()
          if ((await table.count()) > 0) {
            await table.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }))
            await page.screenshot({ path: `${stem}-table.png` })
          }
          console.log(`wrote ${stem}-top.png, -full.png and -table.png`)
        }
      }
    }
  } finally {
    await context.close()
    await rm(userDataDir, { recursive: true, force: true })
    await preview?.server.close()
  }
}

await main()
