// `npm run bench`: the speed and size targets, measured (never checked by timed tests).
//   - first-load JS and CSS of the shipped build, gzipped: every script and style sheet a new teacher's
//     first visit to / fetches in headless Chromium (service worker blocked, so its precache downloads do
//     not count; the lazy chunks the first screen needs do);
//   - the full-term report on a generated school of 60 classes (engine time, no file parsing), and on
//     one twice as large, to show the cost grows linearly;
//   - in Chromium, on that school loaded into IndexedDB: what each lazy screen adds to the first load,
//     the class week's render (click on 下一周 → rendered week), the designer gauge's update per edit,
//     and a grading step (a grade's keystroke on the sheet → the next frame with the mark shown);
//   - calibrationError: the seeded simulation of packages/core/src/domain/calibrationSimulation.ts (20
//     classes with known skewed true times and stops at the cut-off; two weeks of reports predict the
//     third week's class average): the largest relative error of the twenty.
// Prints figures for people, then, as its last line, one JSON object.
//   - the school server (scripts/bench/server.ts): a teacher's day, a grade leader's full pull and a
//     load of 500 teachers, on PostgreSQL (the figures named plainly) and on PGlite (…Pglite).
// Options: --no-build (measure the builds already made), --runs N (timed runs each, default 9),
// --server-only (the server's figures alone; no build, no browser), --desk-only (the grade leader's desk
// alone: gradeWeekMs, gradeTermMs and the desk's own JS; builds the bench build unless --no-build).
//   - the desk (scripts/bench/desk.ts): grade 5's overview for a week and for the term, and its chunks.
import { execSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { measureReports } from './bench/engine'
import { measureFirstLoad, measureScreens, sumOf } from './bench/pages'
import { measureServer, SERVER_TARGETS, type ServerFigures } from './bench/server'
import { DESK_TARGETS, deskJsBytes, measureDesk } from './bench/desk'
import { kib } from './bench/stats'
import { calibrationError } from '@hl/core/domain/calibrationSimulation'

const TARGETS = { initialJsKiB: 120, screenJsKiB: 50, reportMs: 500, linearity: 2.2, classWeekMs: 100, gaugeEditMs: 16, gradeStepMs: 16, calibrationError: 0.1 }

const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, runs: { type: 'string', default: '9' }, 'server-only': { type: 'boolean', default: false }, 'desk-only': { type: 'boolean', default: false } } })
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
  reportServer('PGlite', pglite)
  return {
    serverPushPullMs: round(postgres.serverPushPullMs),
    serverFullPullMs: round(postgres.serverFullPullMs),
    loadP99Ms: round(postgres.loadP99Ms),
    loadPushesPerS: round(postgres.loadPushesPerS),
    serverPushPullMsPglite: round(pglite.serverPushPullMs),
    serverFullPullMsPglite: round(pglite.serverFullPullMs),
    loadP99MsPglite: round(pglite.loadP99Ms),
    loadPushesPerSPglite: round(pglite.loadPushesPerS),
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

if (values['server-only']) {
  console.log(JSON.stringify(await serverResult()))
  process.exit(0)
}

if (!values['no-build']) {
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
  execSync('npx vite build --mode bench --logLevel warn', { stdio: 'inherit' })
}

const first = await measureFirstLoad()
const js = sumOf(first, '.js')
const css = sumOf(first, '.css')
console.log('First visit to / (gzipped):')
for (const f of first) console.log(`  ${kib(f.gzip).padStart(7)} KiB  ${f.path}`)
console.log(`  JS ${kib(js)} KiB (target ≤ ${TARGETS.initialJsKiB}), CSS ${kib(css)} KiB`)

const [one, two] = measureReports(runs)
console.log(`Full-term report, ${one.classes} classes, ${one.items.toLocaleString('en')} items, ${one.evenings} class evenings (${one.errors} with an error): ${one.ms.toFixed(1)} ms, median of ${runs} (target ≤ ${TARGETS.reportMs})`)
console.log(`Twice as large, ${two.classes} classes, ${two.items.toLocaleString('en')} items: ${two.ms.toFixed(1)} ms; ratio ${(two.ms / one.ms).toFixed(2)} (target ≤ ${TARGETS.linearity})`)

const calibration = calibrationError(20)
console.log(`Calibration: predicted class average vs the true mean, 20 simulated classes: worst ${(calibration.worst * 100).toFixed(1)}%, mean ${(calibration.mean * 100).toFixed(1)}% (target ≤ ${TARGETS.calibrationError * 100}%)`)

const screens = await measureScreens(runs)
console.log(`Seeded ${screens.seededItems.toLocaleString('en')} items into IndexedDB in ${(screens.seedMs / 1000).toFixed(1)} s`)
console.log(`JS each screen adds (gzipped, target ≤ ${TARGETS.screenJsKiB} KiB each):`)
for (const [name, bytes] of Object.entries(screens.screenJs)) console.log(`  ${kib(bytes).padStart(7)} KiB  ${name}`)
console.log(`Class week render: ${screens.classWeekMs.toFixed(1)} ms, median of ${runs} (target ≤ ${TARGETS.classWeekMs})`)
console.log(`Gauge update per edit: ${screens.gaugeEditMs.toFixed(1)} ms, median of ${runs} (target ≤ ${TARGETS.gaugeEditMs})`)
console.log(`Grading step (keystroke → next frame with the mark): ${screens.gradeStepMs.toFixed(1)} ms, median of ${runs} (target ≤ ${TARGETS.gradeStepMs})`)

const deskFigures = await deskResult()
const server = await serverResult()
const maxScreenJs = Math.max(...Object.values(screens.screenJs))
const result = {
  initialJsGzipBytes: js,
  initialCssGzipBytes: css,
  reportMs: Number(one.ms.toFixed(1)),
  reportMs2x: Number(two.ms.toFixed(1)),
  reportItems: one.items,
  reportItems2x: two.items,
  classWeekMs: Number(screens.classWeekMs.toFixed(1)),
  gaugeEditMs: Number(screens.gaugeEditMs.toFixed(1)),
  gradeStepMs: Number(screens.gradeStepMs.toFixed(1)),
  calibrationError: Number(calibration.worst.toFixed(3)),
  maxScreenJsGzipBytes: maxScreenJs,
  screenJsGzipBytes: screens.screenJs,
  ...deskFigures,
  ...server,
  targetsMet:
    server.serverTargetsMet === true &&
    deskFigures.deskTargetsMet === true &&
    js <= TARGETS.initialJsKiB * 1024 &&
    maxScreenJs <= TARGETS.screenJsKiB * 1024 &&
    one.ms <= TARGETS.reportMs &&
    two.ms / one.ms <= TARGETS.linearity &&
    screens.classWeekMs <= TARGETS.classWeekMs &&
    screens.gaugeEditMs <= TARGETS.gaugeEditMs &&
    screens.gradeStepMs <= TARGETS.gradeStepMs &&
    calibration.worst <= TARGETS.calibrationError,
}
console.log(JSON.stringify(result))
