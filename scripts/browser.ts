// Launches headless Chromium for the e2e tests, the benchmark and the screenshots: a persistent context in
// a fresh folder, because an incognito context (browser.newContext) makes Chromium report the app as not
// installable.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { findBrowser } from './ensure-browser'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface TestBrowser {
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

export async function launchBrowser(viewport = { width: 1280, height: 900 }, options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<TestBrowser> {
  const executablePath = findBrowser()
  if (!executablePath) throw new Error('No Chromium found: run `npx tsx scripts/ensure-browser.ts` or set CHROME_PATH.')
  const userDataDir = await mkdtemp(join(tmpdir(), 'homework-ledger-e2e-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'zh-CN',
    ...options,
  })
  // Every wait is bounded: a hung page fails the test instead of the session.
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(20_000)
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}
