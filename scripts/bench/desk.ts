// The grade leader's desk (统筹台) in headless Chromium on the large benchmark school (grade 5 of it,
// led by the benchmark teacher): the grade overview's week (a click on 下一周 → the frame with the next
// week's heat map in it: the `desk-rendered` mark is made in that frame's animation callback, once the
// new week's data is in the DOM) and the whole term (a click on 整个学期 → the same); and the desk's own
// JS, gzipped: every file a desk screen loads that the first visit and the other screens do not, the
// chart library included, and whether any of it loads before the desk is opened.
import type { Page } from 'playwright-core'
import { launchBrowser, type TestBrowser } from '../browser'
import { startPreview } from '../preview-server'
import { gzipSize, sumOf, timeToMark, visit, type LoadedFile, type SeedResult } from './pages'
import { median } from './stats'

export const DESK_TARGETS = { gradeWeekMs: 200, gradeTermMs: 1000, deskJsKiB: 80 }

export interface DeskFigures {
  gradeWeekMs: number
  gradeTermMs: number
  /** The desk's own JS files, gzipped, by path (the chart library's among them). */
  deskJs: LoadedFile[]
  /** Loaded only when a 公示 is exported as XLSX (the spreadsheet writer). */
  xlsxJs: LoadedFile[]
  /** Files of the desk that the first visit to / or another screen already loads (none expected). */
  loadedBeforeDesk: string[]
  classes: number
  termCells: number
}

const CELL = '.heat__cell'
/** The desk's modules by their chunk names (src/views/Desk*, PublicityView, the chart and the spreadsheet writer). */
const DESK_MODULE = /\/(Desk[A-Za-z]*|Publicity[A-Za-z]*|publicityXlsx|useDesk[A-Za-z]*|uplot[^/]*|write-excel[^/]*)-[\w-]+\.js$/i

async function waitForMark(page: Page, mark: string, act: string, arg: unknown, check: string): Promise<number> {
  const ms = await timeToMark(page, mark, act, arg)
  // The mark must come with the data asked for on screen, never an earlier state.
  if (!(await page.evaluate((sel) => document.querySelector(sel) !== null, check))) throw new Error(`${mark} came before ${check} was on screen`)
  return ms
}

export async function measureDesk(runs: number): Promise<DeskFigures> {
  const { server, baseUrl } = await startPreview('dist-bench')
  let browser: TestBrowser | undefined
  try {
    browser = await launchBrowser({ width: 1440, height: 900 }, { serviceWorkers: 'block' })
    const { page, context } = browser
    context.setDefaultTimeout(120_000)
    await page.goto(`${baseUrl}/bench/seed.html`)
    type SeedWindow = { seedBenchSchool?: () => Promise<SeedResult> }
    await page.waitForFunction(() => typeof (window as unknown as SeedWindow).seedBenchSchool === 'function')
    const seed = await page.evaluate(() => (window as unknown as SeedWindow).seedBenchSchool!())

    // The desk's own files: what its screens load beyond the first visit and the other screens.
    const others = [`${baseUrl}/`, `${baseUrl}/my-week`, `${baseUrl}/week/${seed.classId}?date=${seed.monday}`, `${baseUrl}/assignments/new?classId=${seed.classId}&date=${seed.monday}`, `${baseUrl}/settings`, `${baseUrl}/classes`]
    // The practice screen's term view draws the charts: the chart library loads there.
    const desks = ['', '/approvals', '/budgets', '/practice', '/practice?view=term', '/publicity', '/files'].map((p) => `${baseUrl}/desk${p}${p.includes('?') ? '&' : '?'}grade=5&date=${seed.monday}`)
    const load = async (url: string, settle?: string) => {
      const p = await context.newPage()
      const files = await visit(p, url, 'dist-bench/')
      if (settle) await p.locator(settle).first().waitFor()
      await p.close()
      return files
    }
    const before = new Map<string, LoadedFile>()
    for (const url of others) for (const f of await load(url)) before.set(f.path, f)
    const desk = new Map<string, LoadedFile>()
    for (const url of desks) for (const f of await load(url)) desk.set(f.path, f)
    const deskJs = [...desk.values()].filter((f) => f.path.endsWith('.js') && !before.has(f.path))
    // The spreadsheet writer loads only when a 公示 is exported.
    const xlsxJs: LoadedFile[] = []
    {
      const p = await context.newPage()
      const seen: string[] = []
      p.on('response', (r) => {
        if (r.request().resourceType() === 'script') seen.push(new URL(r.url()).pathname)
      })
      await p.goto(`${baseUrl}/desk/publicity?grade=5&date=${seed.monday}`, { waitUntil: 'networkidle' })
      await p.locator('.publicity-sheet').first().waitFor()
      const opened = seen.length
      await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: '导出 Excel' }).click()])
      for (const path of seen.slice(opened)) if (!before.has(path)) xlsxJs.push({ path, gzip: gzipSize('dist-bench/', path) })
      await p.close()
    }

    // The week: next week and back, from the click to the frame with the week's heat map.
    await page.goto(`${baseUrl}/desk?grade=5&date=${seed.monday}`)
    await page.locator(CELL).first().waitFor()
    const classes = await page.locator('.heat [role="rowheader"]').count()
    await page.waitForTimeout(500)
    const next = await page.getByRole('button', { name: '下一周' }).elementHandle()
    const prev = await page.getByRole('button', { name: '上一周' }).elementHandle()
    const plusWeeks = (n: number) => new Date(Date.parse(`${seed.monday}T00:00:00Z`) + n * 7 * 86_400_000).toISOString().slice(0, 10)
    const nextMonday = plusWeeks(1)
    const weekTimes: number[] = []
    for (let i = 0; i < runs; i++) {
      const forward = i % 2 === 0
      weekTimes.push(await waitForMark(page, 'desk-rendered', 'arg.click()', forward ? next : prev, `${CELL}[data-date="${forward ? nextMonday : seed.monday}"]`))
      await page.waitForTimeout(100)
    }

    // The term: from the click on 整个学期 to the frame with the whole term's heat map (then back to a week, untimed).
    const termTimes: number[] = []
    let termCells = 0
    for (let i = 0; i < runs; i++) {
      // The term reaches five weeks past the week shown: its cells are the sign it is on screen.
      const term = await page.getByRole('radio', { name: '整个学期' }).elementHandle()
      termTimes.push(await waitForMark(page, 'desk-rendered', 'arg.click()', term, `${CELL}[data-date="${plusWeeks(5)}"]`))
      termCells = await page.locator(CELL).count()
      await page.getByRole('radio', { name: '一周' }).click()
      await page.waitForFunction((n) => document.querySelectorAll('.heat__cell').length < n, termCells)
      await page.waitForTimeout(100)
    }
    // Nothing of the desk before it opens: no desk module among what the other screens load.
    const loadedBeforeDesk = [...before.keys()].filter((path) => DESK_MODULE.test(path))
    return { gradeWeekMs: median(weekTimes), gradeTermMs: median(termTimes), deskJs, xlsxJs, loadedBeforeDesk, classes, termCells }
  } finally {
    await browser?.close()
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
  }
}

export const deskJsBytes = (f: DeskFigures): number => sumOf(f.deskJs, '.js')
