// A new version of the app, in a real browser: the first visit says the app now works offline; when the
// school's server has a newer build, the app asks before it reloads (稍后 keeps the old version running,
// and the question comes back on the next visit), and 立即更新 brings the new version in control.
// The build is served by the school server (as `npm start` does, its cache headers included) from a
// copy of dist/, so a new version can be put in place while the browser runs: a changed sw.js is what
// makes a browser see one.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { TestBrowser } from '../../scripts/browser'
import { ROOT, startSchoolServer, type SchoolServer } from './schoolServer'

let root: string
let school: SchoolServer
let baseUrl: string
let browser: TestBrowser

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hl-pwa-'))
  cpSync(join(ROOT, 'dist'), root, { recursive: true })
  school = await startSchoolServer(root)
  baseUrl = school.server.url
  browser = await school.person()
})

afterAll(async () => {
  await school?.stop()
  if (root) rmSync(root, { recursive: true, force: true })
})

/** A new build on the server: the same files with a worker that differs by a byte's worth. */
function publishNewVersion(version: number): void {
  const sw = join(root, 'sw.js')
  writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// version ${version}\n`)
}

const banner = (page: Page) => page.getByRole('region', { name: '应用更新' })

/** Asks the browser to look for a new worker now (as it does by itself on a later navigation). */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration()
    await registration?.update()
  })
}

describe('a new version of the app', () => {
  it('says the app works offline once the first visit has cached it, then asks before updating', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/rules`)
    await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()
    await expect.poll(() => banner(page).innerText(), { timeout: 15_000 }).toContain('已可离线使用')
    await banner(page).getByRole('button', { name: '知道了' }).click()
    await expect.poll(() => banner(page).count()).toBe(0)

    // The next visit is controlled by the worker; a new build appears on the server.
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
    await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()
    expect(await banner(page).count()).toBe(0)
    publishNewVersion(2)
    await checkForUpdate(page)
    await expect.poll(() => banner(page).innerText(), { timeout: 15_000 }).toContain('有新版本可用')
    expect(await banner(page).innerText()).toContain('请先保存正在填写的内容')

    // 稍后: nothing reloads, the old version goes on; the question comes back on the next visit.
    const navigations: string[] = []
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url())
    })
    await banner(page).getByRole('button', { name: '稍后' }).click()
    await expect.poll(() => banner(page).count()).toBe(0)
    expect(navigations).toEqual([])
    await page.reload()
    await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()
    await expect.poll(() => banner(page).innerText(), { timeout: 15_000 }).toContain('有新版本可用')

    // 立即更新: the waiting version takes control and the page reloads under it, asking nothing more.
    navigations.length = 0
    const oldWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)
    expect(oldWorker).toBe(`${baseUrl}/sw.js`)
    await page.getByRole('button', { name: '立即更新' }).click()
    await expect.poll(() => navigations.length, { timeout: 15_000 }).toBeGreaterThan(0)
    await page.getByRole('heading', { level: 1, name: '双减规则' }).waitFor()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return { waiting: registration?.waiting !== null, active: registration?.active?.state }
    })
    expect(after).toEqual({ waiting: false, active: 'activated' })
    expect(await banner(page).count()).toBe(0)
  })
})
