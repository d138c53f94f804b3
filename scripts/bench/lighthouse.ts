// Lighthouse (mobile preset: a mid-range phone, 4× CPU slowdown, a slow 4G network, simulated) on the
// shipped build as `npm start` serves it (the school server, compressed, on loopback): the welcome page
// for a new teacher, and 我的作业 and the class week for a returning one with the demo school on the
// device. Each page is run `runs` times in the same real Chromium; the medians are reported.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import lighthouse from 'lighthouse'
import { chromium } from 'playwright-core'
import { startServer } from '../../server/src/server'
import { CHROMIUM_ARGS } from '../browser'
import { findBrowser } from '../ensure-browser'
import { median } from './stats'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100 }

export interface PageScores {
  performance: number
  accessibility: number
  /** The figures behind the performance score, medians, for the note. */
  lcpMs: number
  tbtMs: number
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export async function measureLighthouse(runs = 3): Promise<Record<'welcome' | 'myWeek' | 'classWeek', PageScores>> {
  const executablePath = findBrowser()
  if (!executablePath) throw new Error('No Chromium found: run `npx tsx scripts/ensure-browser.ts` or set CHROME_PATH.')
  const dataDir = await mkdtemp(join(tmpdir(), 'hl-bench-lh-server-'))
  const profile = await mkdtemp(join(tmpdir(), 'hl-bench-lh-browser-'))
  const quiet = { info: () => undefined, warn: () => undefined, error: (m: string, f?: unknown) => console.error(m, f) }
  const server = await startServer(
    { host: '127.0.0.1', port: 0, dataDir, distDir: join(ROOT, 'dist'), scryptN: 1024, accessTokenMinutes: 15, poolSize: 2, signInsPerAddress: 1000 },
    quiet,
  )
  const port = await freePort()
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
    viewport: { width: 412, height: 823 },
    locale: 'zh-CN',
  })
  try {
    const audit = async (url: string, keepData: boolean): Promise<PageScores> => {
      const scores: PageScores[] = []
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(url, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          // The returning teacher's data stays (Lighthouse otherwise clears the site's storage first).
          disableStorageReset: keepData,
        })
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
        const { categories, audits, runtimeError } = result.lhr
        if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`)
        if (process.env.HL_LIGHTHOUSE_DUMP) await writeFile(join(process.env.HL_LIGHTHOUSE_DUMP, `${new URL(url).pathname.replace(/\W+/g, '_') || 'root'}-${i}.json`), JSON.stringify(result.lhr))
        scores.push({
          performance: Math.round((categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
          lcpMs: audits['largest-contentful-paint']?.numericValue ?? NaN,
          tbtMs: audits['total-blocking-time']?.numericValue ?? NaN,
        })
      }
      return {
        performance: median(scores.map((s) => s.performance)),
        accessibility: median(scores.map((s) => s.accessibility)),
        lcpMs: Math.round(median(scores.map((s) => s.lcpMs))),
        tbtMs: Math.round(median(scores.map((s) => s.tbtMs))),
      }
    }
    const welcome = await audit(`${server.url}/`, false)
    // A returning teacher: the demo school on the device, as a visitor would load it.
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${server.url}/`)
    await page.getByRole('button', { name: '载入示例学校', exact: true }).click()
    await page.waitForURL(/\/my-week/, { timeout: 60_000 })
    const myWeek = await audit(`${server.url}/my-week`, true)
    const classWeek = await audit(`${server.url}/week`, true)
    return { welcome, myWeek, classWeek }
  } finally {
    await context.close()
    await server.stop()
    await rm(profile, { recursive: true, force: true })
    await rm(dataDir, { recursive: true, force: true })
  }
}
