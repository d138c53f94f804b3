// Browser measurements in headless Chromium (service worker blocked, so its precache downloads never
// count as a page's load): what the first visit downloads, what each screen adds, and how fast the
// class week and the designer's gauge answer on a whole school's term of data.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { ElementHandle, Page } from 'playwright-core'
import { launchBrowser, type TestBrowser } from '../browser'
import { startPreview } from '../preview-server'
import { median } from './stats'

export interface LoadedFile {
  path: string
  gzip: number
}

const gzipCache = new Map<string, number>()
export function gzipSize(outDir: string, path: string): number {
  const key = `${outDir}${path}`
  let size = gzipCache.get(key)
  if (size === undefined) gzipCache.set(key, (size = gzipSync(readFileSync(key)).length))
  return size
}

/** The scripts and style sheets a page fetches until the network is idle. */
export async function visit(page: Page, url: string, outDir: string): Promise<LoadedFile[]> {
  const urls = new Set<string>()
  const onResponse = (response: { url(): string; request(): { resourceType(): string } }) => {
    const type = response.request().resourceType()
    if (type === 'script' || type === 'stylesheet') urls.add(response.url())
  }
  page.on('response', onResponse)
  await page.goto(url, { waitUntil: 'networkidle' })
  page.off('response', onResponse)
  return [...urls].map((u) => {
    const path = new URL(u).pathname
    return { path, gzip: gzipSize(outDir, path) }
  })
}

export const sumOf = (files: readonly LoadedFile[], ext: string): number => files.filter((f) => f.path.endsWith(ext)).reduce((s, f) => s + f.gzip, 0)

/** The three ways into the app whose first load counts: a new teacher, a returning one, a direct class week. */
export type EntryPath = 'newUser' | 'returningTeacher' | 'directClassWeek'
export type FirstLoads = Record<EntryPath, LoadedFile[]>

/** A visit with the HTTP cache off, so every file the page needs is fetched (and counted) again. */
async function visitUncached(context: TestBrowser['context'], url: string, outDir: string): Promise<LoadedFile[]> {
  const page = await context.newPage()
  try {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    return await visit(page, url, outDir)
  } finally {
    await page.close()
  }
}

/**
 * The shipped build's (dist/) first loads: a new teacher's first visit to /; then, with the demo school
 * on the device, a returning teacher opening the app (/ goes to 我的作业) and a direct load of the class
 * week. Each counts every script and style sheet fetched until the network is idle.
 */
export async function measureFirstLoads(): Promise<FirstLoads> {
  const { server, baseUrl } = await startPreview('dist')
  const browser = await launchBrowser({ width: 1280, height: 900 }, { serviceWorkers: 'block' })
  try {
    const newUser = await visitUncached(browser.context, `${baseUrl}/`, 'dist/')
    const { page } = browser
    await page.goto(`${baseUrl}/`)
    await page.getByRole('button', { name: '载入示例学校', exact: true }).click()
    await page.waitForURL(/\/my-week/)
    const returningTeacher = await visitUncached(browser.context, `${baseUrl}/`, 'dist/')
    const directClassWeek = await visitUncached(browser.context, `${baseUrl}/week`, 'dist/')
    return { newUser, returningTeacher, directClassWeek }
  } finally {
    await browser.close()
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
  }
}

export interface SeedResult {
  classId: string
  assignmentId: string
  teacherId: string
  monday: string
  items: number
  ms: number
}

export interface ScreenFigures {
  seedMs: number
  seededItems: number
  /** JS (gzipped) each screen loads beyond what every screen shares. */
  screenJs: Record<string, number>
  classWeekMs: number
  gaugeEditMs: number
  gradeStepMs: number
}

/** Waits for the next User Timing mark of that name after `act` runs in the page; returns the ms between. */
export async function timeToMark(page: Page, mark: string, act: string, arg?: unknown): Promise<number> {
  return page.evaluate(
    async ({ mark, act, arg }) => {
      const done = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${mark} mark within 10 s`)), 10_000)
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name === mark)
          if (entry) {
            clearTimeout(timer)
            observer.disconnect()
            resolve(entry.startTime)
          }
        })
        observer.observe({ type: 'mark' })
      })
      const t0 = performance.now()
      // The action is sent as source text: page.evaluate cannot carry closures across.
      new Function('arg', act)(arg)
      return (await done) - t0
    },
    { mark, act, arg },
  )
}

/**
 * From a click on 下一周 or 上一周 to the first animation frame whose DOM shows the new week with its data:
 * the class's name in the heading, the new Monday's dates in the grid, the week's subject rows and day
 * totals. Every frame in between is checked too: one that shows the new dates without the class's rows
 * (another week's data, or an empty week) fails the run, since a teacher would have seen it.
 */
async function timeToWeekWithData(page: Page, button: ElementHandle, shiftDays: number): Promise<number> {
  // tsx keeps function names with a `__name` helper that does not exist in the page: give it one (as
  // source text, which nothing compiles).
  await page.evaluate('globalThis.__name ??= (f) => f')
  return page.evaluate(
    async ({ button, shiftDays }) => {
      const firstDate = () => document.querySelector('.class-week__week [data-date]')?.getAttribute('data-date') ?? null
      const before = firstDate()
      const className = (document.querySelector('#class-week-class') as HTMLSelectElement | null)?.selectedOptions[0]?.textContent?.trim()
      if (!before || !className) throw new Error('the class week is not showing a week with a class')
      const expected = new Date(Date.parse(`${before}T00:00:00Z`) + shiftDays * 86_400_000).toISOString().slice(0, 10)
      const t0 = performance.now()
      ;(button as unknown as HTMLElement).click()
      return new Promise<number>((resolve, reject) => {
        const deadline = t0 + 10_000
        const frame = (now: number) => {
          const week = document.querySelector('.class-week__week')
          const shownDate = firstDate()
          if (shownDate === expected) {
            const heading = week?.querySelector('.class-week__heading')?.textContent ?? ''
            const rows = week?.querySelectorAll('[data-subject-row]').length ?? 0
            const totals = week?.querySelector('tfoot')?.textContent ?? ''
            if (!heading.includes(className) || rows === 0 || !/\d/.test(totals)) {
              reject(new Error(`a frame showed the week of ${expected} without its data (heading "${heading}", ${rows} subject rows)`))
              return
            }
            resolve(now - t0)
            return
          }
          if (now > deadline) reject(new Error(`the week of ${expected} did not appear within 10 s`))
          else requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      })
    },
    { button, shiftDays },
  )
}

export async function measureScreens(runs: number): Promise<ScreenFigures> {
  const { server, baseUrl } = await startPreview('dist-bench')
  let browser: TestBrowser | undefined
  try {
    browser = await launchBrowser({ width: 1280, height: 900 }, { serviceWorkers: 'block' })
    const { page, context } = browser
    context.setDefaultTimeout(120_000)
    await page.goto(`${baseUrl}/bench/seed.html`)
    // bench/seed.ts puts its seeding function on window (it runs in the page, not here).
    type SeedWindow = { seedBenchSchool?: () => Promise<SeedResult> }
    await page.waitForFunction(() => typeof (window as unknown as SeedWindow).seedBenchSchool === 'function')
    const seed = await page.evaluate(() => (window as unknown as SeedWindow).seedBenchSchool!())
    const weekUrl = `${baseUrl}/week/${seed.classId}?date=${seed.monday}`
    const designerUrl = `${baseUrl}/assignments/new?classId=${seed.classId}&date=${seed.monday}`

    // What each screen adds: files a direct visit loads, less those every screen loads.
    const screens: Record<string, string> = {
      myWeek: `${baseUrl}/my-week`,
      classWeek: weekUrl,
      designer: designerUrl,
      classes: `${baseUrl}/classes`,
      classStudents: `${baseUrl}/classes/${seed.classId}`,
      planImport: `${baseUrl}/import`,
      settings: `${baseUrl}/settings`,
      rules: `${baseUrl}/rules`,
      grading: `${baseUrl}/grading/${seed.assignmentId}`,
      bank: `${baseUrl}/bank`,
    }
    const loaded: Record<string, LoadedFile[]> = {}
    for (const [name, url] of Object.entries(screens)) {
      const p = await context.newPage()
      loaded[name] = await visit(p, url, 'dist-bench/')
      await p.close()
    }
    const shared = Object.values(loaded).reduce((acc, files) => acc.filter((path) => files.some((f) => f.path === path)), loaded.rules!.map((f) => f.path))
    const screenJs = Object.fromEntries(Object.entries(loaded).map(([name, files]) => [name, sumOf(files.filter((f) => !shared.includes(f.path)), '.js')]))

    // Class week: week after week, from the click on 下一周 to the rendered week.
    await page.goto(weekUrl)
    await page.getByRole('button', { name: '下一周' }).waitFor()
    await page.waitForTimeout(500)
    const next = await page.getByRole('button', { name: '下一周' }).elementHandle()
    const prev = await page.getByRole('button', { name: '上一周' }).elementHandle()
    const weekTimes: number[] = []
    for (let i = 0; i < runs; i++) weekTimes.push(await timeToWeekWithData(page, i % 2 === 0 ? next! : prev!, i % 2 === 0 ? 7 : -7))

    // Designer gauge: from an edit of an item's minutes to the recomputed gauge.
    await page.goto(designerUrl)
    const minutes = page.getByLabel('预计用时（分钟）').first()
    await minutes.waitFor()
    await page.waitForTimeout(500)
    const handle = await minutes.elementHandle()
    const gaugeTimes: number[] = []
    for (let i = 0; i < runs; i++) {
      const act = `const el = arg.el; el.value = String(arg.n); el.dispatchEvent(new Event('input', { bubbles: true }))`
      gaugeTimes.push(await timeToMark(page, 'gauge-updated', act, { el: handle, n: 10 + i }))
    }
    // Grading: from a keystroke on a student's row (a grade) to the next frame with the mark shown.
    await page.goto(`${baseUrl}/grading/${seed.assignmentId}`)
    await page.locator('.sheet-row').first().waitFor()
    await page.waitForTimeout(500)
    const gradeTimes: number[] = []
    for (let i = 0; i < runs; i++) {
      gradeTimes.push(
        await page.evaluate(async (key) => {
          const row = document.activeElement?.closest('.sheet-row') ?? document.querySelector('.sheet-row')!
          const shown = new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no grade-shown mark within 10 s')), 10_000)
            const observer = new PerformanceObserver((list) => {
              if (!list.getEntries().some((e) => e.name === 'grade-shown')) return
              clearTimeout(timer)
              observer.disconnect()
              resolve()
            })
            observer.observe({ type: 'mark' })
          })
          const t0 = performance.now()
          row.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
          await shown
          // The frame that paints it.
          return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - t0)))
        }, ['a', 'b', 'c', 'd'][i % 4]!),
      )
    }
    return { seedMs: seed.ms, seededItems: seed.items, screenJs, classWeekMs: median(weekTimes), gaugeEditMs: median(gaugeTimes), gradeStepMs: median(gradeTimes) }
  } finally {
    await browser?.close()
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
  }
}
