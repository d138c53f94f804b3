// `npm run bench`: the speed and size targets, measured (never checked by timed tests).
//   - first-load JS and CSS of the shipped build, gzipped: every script and style sheet fetched until the
//     network is idle in headless Chromium (service worker blocked, so its precache downloads do not
//     count; the lazy chunks the first screen needs do), on three entry paths (below);
//   - the full-term report on a generated school of 60 classes (engine time, no file parsing), and on
//     two and four times the school, each size in its own process, to show the cost grows linearly;
//   - `npm run report` itself on that school's term as one plan file (300,000 rows), wall time to the
//     last byte of JSON and peak memory, and its memory on four times the school (scripts/bench/reportCli.ts);
//   - in Chromium, on that school loaded into IndexedDB: what each lazy screen adds to the first load,
//     the class week's render (click on 下一周 → rendered week), the designer gauge's update per edit,
//     and a grading step (a grade's keystroke on the sheet → the next frame with the mark shown);
//   - calibrationError: the seeded simulation of packages/core/src/domain/calibrationSimulation.ts (20
//     classes with known skewed true times and stops at the cut-off; two weeks of reports predict the
//     third week's class average): the largest relative error of the twenty.
// Prints figures for people, then, as its last line, one JSON object.
//   - sync in the browser (scripts/bench/sync.ts): a teacher's day from her outbox into another device,
//     and a new grade leader's first sync of a whole grade;
//   - the school server (scripts/bench/server.ts): a teacher's day, a grade leader's full pull and a
//     load of 500 teachers, on PostgreSQL (the figures named plainly) and on PGlite (…Pglite).
//   - Lighthouse (scripts/bench/lighthouse.ts), mobile preset, on the welcome page, 我的作业 and the class
//     week with the demo school, served by the school server as `npm start` does: medians of 3 runs;
//   - first-load JS on three entry paths: a new teacher (/), a returning one (/ → 我的作业), a direct
//     class week; initialJsGzipBytes is the largest;
//   - vendorChunksStable: two builds, the second with a change to the app's code, keep every vendor
//     chunk's name (scripts/bench/vendorChunks.ts).
// Options: --no-build (measure the builds already made), --runs N (timed runs each, default 9),
// --pages-only (first-load JS and Lighthouse alone, on the build already made),
// --server-only (the server's figures alone; no build, no browser), --sync-only (sync in the browser alone,
// on the builds already made), --report-only (the report engine's and `npm run report`'s figures alone; no
// build, no browser), --desk-only (the grade leader's desk alone: gradeWeekMs, gradeTermMs and the desk's
// own JS; builds the bench build unless --no-build), --import-only (the plan import in the browser alone, on
// the bench build already made).
//   - the desk (scripts/bench/desk.ts): grade 5's overview for a week and for the term, and its chunks.
//   - the plan import (导入计划, scripts/bench/planImport.ts): the school's whole term as one plan file,
//     from choosing it to the preview shown, and from 导入全部 to the done message shown.
import { execSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { engineResult } from './bench/engine'
import { reportCliResult } from './bench/reportCli'
import { LIGHTHOUSE_TARGETS, measureLighthouse, type PageScores } from './bench/lighthouse'
import { measureFirstLoads, measureScreens, sumOf, type EntryPath } from './bench/pages'
import { measurePlanImport, PLAN_IMPORT_TARGETS, type PlanImportFigures } from './bench/planImport'
import { measureServer, SERVER_TARGETS, type ServerFigures } from './bench/server'
import { DESK_TARGETS, deskJsBytes, measureDesk } from './bench/desk'
import { measureSync, SYNC_TARGETS } from './bench/sync'
import { kib } from './bench/stats'
import { checkVendorChunks, type VendorChunkCheck } from './bench/vendorChunks'
import { calibrationError } from '@hl/core/domain/calibrationSimulation'

const TARGETS = { initialJsKiB: 100, screenJsKiB: 50, classWeekMs: 100, gaugeEditMs: 16, gradeStepMs: 16, calibrationError: 0.1 }

const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '9' },
    'server-only': { type: 'boolean', default: false },
    'sync-only': { type: 'boolean', default: false },
    'pages-only': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    'desk-only': { type: 'boolean', default: false },
    'import-only': { type: 'boolean', default: false },
  },
})
const runs = Math.max(1, Number(values.runs) || 9)

const round = (x: number): number => Number(x.toFixed(1))
function reportServer(name: string, f: ServerFigures): void {
  console.log(`  ${name}: a teacher's day (30 mutations pushed, then a pull) ${f.serverPushPullMs.toFixed(1)} ms, median (target ≤ ${SERVER_TARGETS.serverPushPullMs})`)
  console.log(`  ${name}: a new grade leader's full pull of a 10-class grade's term, ${f.fullPullRecords.toLocaleString('en')} records: ${f.serverFullPullMs.toFixed(0)} ms (target ≤ ${SERVER_TARGETS.serverFullPullMs})`)
  console.log(`  ${name}: ${f.loadTeachers} teachers pushing and pulling a day's work: p99 ${f.loadP99Ms.toFixed(0)} ms (target ≤ ${SERVER_TARGETS.loadP99Ms}) at ${f.loadPushesPerS.toFixed(0)} pushes/s (target ≥ ${SERVER_TARGETS.loadPushesPerS})`)
}
async function serverResult(): Promise<Record<string, number | boolean>> {
  const { postgres, pglite } = await measureServer(runs)
  reportServer('PostgreSQL', postgres)
  if (pglite) reportServer('PGlite', pglite)
  return {
    serverPushPullMs: round(postgres.serverPushPullMs),
    serverFullPullMs: round(postgres.serverFullPullMs),
    loadP99Ms: round(postgres.loadP99Ms),
    loadPushesPerS: round(postgres.loadPushesPerS),
    // Absent when HL_BENCH_STORES=postgres skipped PGlite.
    ...(pglite && {
      serverPushPullMsPglite: round(pglite.serverPushPullMs),
      serverFullPullMsPglite: round(pglite.serverFullPullMs),
      loadP99MsPglite: round(pglite.loadP99Ms),
      loadPushesPerSPglite: round(pglite.loadPushesPerS),
    }),
    serverTargetsMet:
      postgres.serverPushPullMs <= SERVER_TARGETS.serverPushPullMs &&
      postgres.serverFullPullMs <= SERVER_TARGETS.serverFullPullMs &&
      postgres.loadP99Ms <= SERVER_TARGETS.loadP99Ms &&
      postgres.loadPushesPerS >= SERVER_TARGETS.loadPushesPerS,
  }
}

async function deskResult(): Promise<Record<string, number | boolean | string[]>> {
  const d = await measureDesk(runs)
  const js = deskJsBytes(d)
  console.log(`Desk, grade 5 (${d.classes} classes): a week's overview ${d.gradeWeekMs.toFixed(1)} ms, median of ${runs} (target ≤ ${DESK_TARGETS.gradeWeekMs}); the term (${d.termCells} cells) ${d.gradeTermMs.toFixed(1)} ms (target ≤ ${DESK_TARGETS.gradeTermMs})`)
  console.log(`The desk's own JS (gzipped, target ≤ ${DESK_TARGETS.deskJsKiB} KiB, the chart library included):`)
  for (const f of d.deskJs) console.log(`  ${kib(f.gzip).padStart(7)} KiB  ${f.path}`)
  console.log(`  total ${kib(js)} KiB; the XLSX writer, loaded only on export: ${d.xlsxJs.map((f) => `${kib(f.gzip)} KiB ${f.path}`).join(', ') || 'none'}`)
  console.log(`  desk modules loaded before the desk opens: ${d.loadedBeforeDesk.join(', ') || 'none'}`)
  return {
    gradeWeekMs: round(d.gradeWeekMs),
    gradeTermMs: round(d.gradeTermMs),
    deskJsGzipBytes: js,
    deskXlsxJsGzipBytes: sumOf(d.xlsxJs, '.js'),
    deskLoadedBefore: d.loadedBeforeDesk,
    deskTargetsMet: d.gradeWeekMs <= DESK_TARGETS.gradeWeekMs && d.gradeTermMs <= DESK_TARGETS.gradeTermMs && js <= DESK_TARGETS.deskJsKiB * 1024 && d.loadedBeforeDesk.length === 0,
  }
}

if (values['desk-only']) {
  if (!values['no-build']) execSync('npx vite build --mode bench --logLevel warn', { stdio: 'inherit' })
  console.log(JSON.stringify(await deskResult()))
  process.exit(0)
}

if (values['sync-only']) {
  const sync = await measureSync(runs)
  console.log(JSON.stringify({ syncDayMs: round(sync.syncDayMs), firstSyncMs: round(sync.firstSyncMs), firstSyncRecords: sync.firstSyncRecords }))
  process.exit(0)
}

if (values['server-only']) {
  console.log(JSON.stringify(await serverResult()))
  process.exit(0)
}

// A whole term is one import of 300,000 rows: three runs, not `runs`, keep the bench's length sane.
async function planImportResult(): Promise<{ figures: Omit<PlanImportFigures, 'rows' | 'bytes'>; met: boolean }> {
  const f = await measurePlanImport(Math.min(runs, 3))
  console.log(`Plan import, the whole term as one file (${f.rows.toLocaleString('en')} rows, ${(f.bytes / 1048576).toFixed(1)} MiB), median of ${Math.min(runs, 3)}:`)
  console.log(`  file chosen → preview shown ${f.planPreviewMs.toFixed(0)} ms (target ≤ ${PLAN_IMPORT_TARGETS.planPreviewMs}); 导入全部 → done ${f.planImportMs.toFixed(0)} ms (target ≤ ${PLAN_IMPORT_TARGETS.planImportMs}); longest main-thread task ${f.planLongestTaskMs.toFixed(0)} ms`)
  const figures = { planPreviewMs: round(f.planPreviewMs), planImportMs: round(f.planImportMs), planLongestTaskMs: round(f.planLongestTaskMs) }
  return { figures, met: f.planPreviewMs <= PLAN_IMPORT_TARGETS.planPreviewMs && f.planImportMs <= PLAN_IMPORT_TARGETS.planImportMs }
}

if (values['import-only']) {
  const plan = await planImportResult()
  console.log(JSON.stringify({ ...plan.figures, targetsMet: plan.met }))
  process.exit(0)
}

if (values['report-only']) {
  const engine = engineResult(runs)
  const cli = await reportCliResult(runs)
  console.log(JSON.stringify({ ...engine.figures, ...cli.figures, targetsMet: engine.met && cli.met }))
  process.exit(0)
}

if (!values['no-build']) {
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
  execSync('npx vite build --mode bench --logLevel warn', { stdio: 'inherit' })
}

function reportLighthouse(scores: Record<string, PageScores>): { lighthouse: Record<string, number>; lighthouseAccessibility: Record<string, number>; met: boolean } {
  console.log(`Lighthouse, mobile preset, medians of 3 runs (targets: performance ≥ ${LIGHTHOUSE_TARGETS.performance}, accessibility ${LIGHTHOUSE_TARGETS.accessibility}):`)
  for (const [page, s] of Object.entries(scores)) {
    console.log(`  ${page.padEnd(10)} performance ${s.performance}, accessibility ${s.accessibility} (LCP ${s.lcpMs} ms, TBT ${s.tbtMs} ms)`)
  }
  const pages = Object.entries(scores)
  return {
    lighthouse: Object.fromEntries(pages.map(([p, s]) => [p, s.performance])),
    lighthouseAccessibility: Object.fromEntries(pages.map(([p, s]) => [p, s.accessibility])),
    met: pages.every(([, s]) => s.performance >= LIGHTHOUSE_TARGETS.performance && s.accessibility >= LIGHTHOUSE_TARGETS.accessibility),
  }
}

function reportVendorChunks(check: VendorChunkCheck): void {
  console.log(`Vendor chunks after an app change (${check.appChanged.length} app chunks renamed): ${check.vendor.map((f) => (check.vendorChanged.includes(f) ? `${f} changed` : `${f} kept`)).join(', ')} (target: every one kept)`)
}

// What a phone sees of the shipped build: first-load JS on the three entry paths, and Lighthouse.
if (values['pages-only']) {
  const loads = await measureFirstLoads()
  const byPath = Object.fromEntries(Object.entries(loads).map(([path, files]) => [path, sumOf(files, '.js')]))
  for (const [path, bytes] of Object.entries(byPath)) console.log(`First-load JS, ${path}: ${kib(bytes)} KiB (target ≤ ${TARGETS.initialJsKiB})`)
  const lh = reportLighthouse(await measureLighthouse(3))
  const vendor = await checkVendorChunks()
  reportVendorChunks(vendor)
  console.log(JSON.stringify({ initialJsGzipBytes: Math.max(...Object.values(byPath)), initialJsGzipBytesByPath: byPath, vendorChunksStable: vendor.stable, lighthouse: lh.lighthouse, lighthouseAccessibility: lh.lighthouseAccessibility }))
  process.exit(0)
}

const firstLoads = await measureFirstLoads()
const initialJs = Object.fromEntries(Object.entries(firstLoads).map(([path, files]) => [path, sumOf(files, '.js')])) as Record<EntryPath, number>
const js = Math.max(...Object.values(initialJs))
const css = Math.max(...Object.values(firstLoads).map((files) => sumOf(files, '.css')))
for (const [path, files] of Object.entries(firstLoads)) {
  console.log(`First load, ${path} (gzipped):`)
  for (const f of files) console.log(`  ${kib(f.gzip).padStart(7)} KiB  ${f.path}`)
  console.log(`  JS ${kib(sumOf(files, '.js'))} KiB (target ≤ ${TARGETS.initialJsKiB}), CSS ${kib(sumOf(files, '.css'))} KiB`)
}

const vendorChunks = await checkVendorChunks()
reportVendorChunks(vendorChunks)

const engine = engineResult(runs)
const cli = await reportCliResult(runs)

const calibration = calibrationError(20)
console.log(`Calibration: predicted class average vs the true mean, 20 simulated classes: worst ${(calibration.worst * 100).toFixed(1)}%, mean ${(calibration.mean * 100).toFixed(1)}% (target ≤ ${TARGETS.calibrationError * 100}%)`)

const screens = await measureScreens(runs)
console.log(`Seeded ${screens.seededItems.toLocaleString('en')} items into IndexedDB in ${(screens.seedMs / 1000).toFixed(1)} s`)
console.log(`JS each screen adds (gzipped, target ≤ ${TARGETS.screenJsKiB} KiB each):`)
for (const [name, bytes] of Object.entries(screens.screenJs)) console.log(`  ${kib(bytes).padStart(7)} KiB  ${name}`)
console.log(`Class week render: ${screens.classWeekMs.toFixed(1)} ms, median of ${runs} (target ≤ ${TARGETS.classWeekMs})`)
console.log(`Gauge update per edit: ${screens.gaugeEditMs.toFixed(1)} ms, median of ${runs} (target ≤ ${TARGETS.gaugeEditMs})`)
console.log(`Grading step (keystroke → next frame with the mark): ${screens.gradeStepMs.toFixed(1)} ms, median of ${runs} (target ≤ ${TARGETS.gradeStepMs})`)

console.log('Sync in the browser (PGlite server, the app’s own engine):')
const sync = await measureSync(runs)
console.log(`  a teacher's day of edits, outbox → server → another device's IndexedDB: ${sync.syncDayMs.toFixed(0)} ms, median of ${runs} (target ≤ ${SYNC_TARGETS.syncDayMs})`)
console.log(`  a new grade leader's first sync, ${sync.firstSyncRecords.toLocaleString('en')} records into IndexedDB: ${(sync.firstSyncMs / 1000).toFixed(1)} s (target ≤ ${SYNC_TARGETS.firstSyncMs / 1000})`)

const lh = reportLighthouse(await measureLighthouse(3))

const deskFigures = await deskResult()
const plan = await planImportResult()

const server = await serverResult()
const maxScreenJs = Math.max(...Object.values(screens.screenJs))
const result = {
  initialJsGzipBytes: js,
  initialJsGzipBytesByPath: initialJs,
  initialCssGzipBytes: css,
  vendorChunksStable: vendorChunks.stable,
  ...engine.figures,
  ...cli.figures,
  classWeekMs: Number(screens.classWeekMs.toFixed(1)),
  gaugeEditMs: Number(screens.gaugeEditMs.toFixed(1)),
  gradeStepMs: Number(screens.gradeStepMs.toFixed(1)),
  calibrationError: Number(calibration.worst.toFixed(3)),
  maxScreenJsGzipBytes: maxScreenJs,
  screenJsGzipBytes: screens.screenJs,
  syncDayMs: round(sync.syncDayMs),
  firstSyncMs: round(sync.firstSyncMs),
  firstSyncRecords: sync.firstSyncRecords,
  lighthouse: lh.lighthouse,
  lighthouseAccessibility: lh.lighthouseAccessibility,
  ...deskFigures,
  ...plan.figures,
  ...server,
  targetsMet:
    server.serverTargetsMet === true &&
    plan.met &&
    lh.met &&
    deskFigures.deskTargetsMet === true &&
    sync.syncDayMs <= SYNC_TARGETS.syncDayMs &&
    sync.firstSyncMs <= SYNC_TARGETS.firstSyncMs &&
    js <= TARGETS.initialJsKiB * 1024 &&
    vendorChunks.stable &&
    maxScreenJs <= TARGETS.screenJsKiB * 1024 &&
    engine.met &&
    cli.met &&
    screens.classWeekMs <= TARGETS.classWeekMs &&
    screens.gaugeEditMs <= TARGETS.gaugeEditMs &&
    screens.gradeStepMs <= TARGETS.gradeStepMs &&
    calibration.worst <= TARGETS.calibrationError,
}
console.log(JSON.stringify(result))
