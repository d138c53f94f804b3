// `npm run bench`: the speed and size targets, measured (never checked by timed tests).
//   - first-load JS and CSS of the built app, gzipped: every script and style sheet the page fetches
//     on its first visit to / in headless Chromium (service worker blocked, so its precache downloads
//     do not count; the lazy chunks the first screen needs do);
//   - the full-term report on a generated school of 60 classes (engine time, no file parsing), and on
//     one twice as large, to show the cost grows linearly.
// Prints figures for people, then, as its last line, one JSON object.
// Options: --no-build (measure the dist/ already built), --runs N (timed runs per size, default 9).
// Run through `npm run bench`, which gives Node --expose-gc so each timed run starts from a collected heap.
import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { parseArgs } from 'node:util'
import { benchmarkSchoolOptions, generateSchool } from '../src/demo/generateSchool'
import { buildReport, type EveningLoad } from '../src/domain/report'
import { launchBrowser } from './browser'
import { startPreview } from './preview-server'

const TARGETS = { initialJsGzipKiB: 110, reportMs: 500, linearity: 2.2 }

const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, runs: { type: 'string', default: '9' } } })
const runs = Math.max(1, Number(values.runs) || 9)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

async function measureFirstLoad(): Promise<{ js: number; css: number; files: { path: string; gzip: number }[] }> {
  if (!values['no-build']) execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
  const { server, baseUrl } = await startPreview()
  const browser = await launchBrowser({ width: 1280, height: 900 }, { serviceWorkers: 'block' })
  try {
    const urls = new Set<string>()
    browser.page.on('response', (response) => {
      const type = response.request().resourceType()
      if (type === 'script' || type === 'stylesheet') urls.add(response.url())
    })
    await browser.page.goto(baseUrl + '/', { waitUntil: 'networkidle' })
    const files = [...urls].map((url) => {
      const path = new URL(url).pathname
      return { path, gzip: gzipSync(readFileSync(`dist${path}`)).length }
    })
    const sum = (ext: string) => files.filter((f) => f.path.endsWith(ext)).reduce((s, f) => s + f.gzip, 0)
    return { js: sum('.js'), css: sum('.css'), files }
  } finally {
    await browser.close()
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
  }
}

interface ReportFigures {
  ms: number
  items: number
  classes: number
  evenings: number
  errors: number
}

/**
 * Times the full-term report on the benchmark school and on one twice as large. Both schools are in
 * memory throughout and the runs alternate, with a full garbage collection before each, so both sizes
 * are timed under the same conditions and the ratio shows the algorithm, not the heap or the machine's
 * mood at the time.
 */
function measureReports(): [ReportFigures, ReportFigures] {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
  const schools = [1, 2].map((scale) => generateSchool(benchmarkSchoolOptions(scale)))
  const inputs = schools.map((s) => ({ assignments: s.assignments, rosters: s.rosters, calendar: s.calendar, from: s.termStart, to: s.termEnd }))
  // Warm-up: lets the JIT compile the hot paths before timing.
  for (const input of inputs) for (let i = 0; i < 2; i++) buildReport(input)
  const times: number[][] = [[], []]
  const last: EveningLoad[][] = [[], []]
  for (let run = 0; run < runs; run++) {
    inputs.forEach((input, k) => {
      gc()
      const t0 = performance.now()
      last[k] = buildReport(input)
      times[k]!.push(performance.now() - t0)
    })
  }
  return [0, 1].map((k) => ({
    ms: median(times[k]!),
    items: schools[k]!.itemCount,
    classes: schools[k]!.classes.length,
    evenings: last[k]!.length,
    errors: last[k]!.filter((e) => e.findings.some((f) => f.severity === 'error')).length,
  })) as [ReportFigures, ReportFigures]
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1)

const load = await measureFirstLoad()
console.log('First load of / (gzipped):')
for (const f of load.files) console.log(`  ${kib(f.gzip).padStart(7)} KiB  ${f.path}`)
console.log(`  JS ${kib(load.js)} KiB (target ≤ ${TARGETS.initialJsGzipKiB}), CSS ${kib(load.css)} KiB`)

const [one, two] = measureReports()
console.log(`Full-term report, ${one.classes} classes, ${one.items.toLocaleString('en')} items, ${one.evenings} class evenings (${one.errors} with an error): ${one.ms.toFixed(1)} ms median of ${runs} (target ≤ ${TARGETS.reportMs})`)
console.log(`Twice as large, ${two.classes} classes, ${two.items.toLocaleString('en')} items: ${two.ms.toFixed(1)} ms; ratio ${(two.ms / one.ms).toFixed(2)} (target ≤ ${TARGETS.linearity})`)

const result = {
  initialJsGzipBytes: load.js,
  initialCssGzipBytes: load.css,
  reportMs: Number(one.ms.toFixed(1)),
  reportMs2x: Number(two.ms.toFixed(1)),
  reportItems: one.items,
  reportItems2x: two.items,
  targetsMet: load.js <= TARGETS.initialJsGzipKiB * 1024 && one.ms <= TARGETS.reportMs && two.ms / one.ms <= TARGETS.linearity,
}
console.log(JSON.stringify(result))
