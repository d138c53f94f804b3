// One size of the report benchmark, alone in its process: `node --expose-gc --import tsx
// scripts/bench/engineRun.ts SCALE RUNS` prints its figures as one JSON line (see engine.ts).
import { benchmarkSchoolOptions, generateSchool } from '../../src/demo/generateSchool'
import { buildReport, type EveningLoad } from '@hl/core/domain/report'
import { median } from './stats'

const scale = Number(process.argv[2] ?? 1)
const runs = Math.max(1, Number(process.argv[3] ?? 9))
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

const school = generateSchool(benchmarkSchoolOptions(scale))
const input = { assignments: school.assignments, rosters: school.rosters, calendar: school.calendar, from: school.termStart, to: school.termEnd }
// Warm-up: lets the JIT compile the hot paths before timing.
for (let i = 0; i < 2; i++) buildReport(input)
const times: number[] = []
let last: EveningLoad[] = []
for (let run = 0; run < runs; run++) {
  last = []
  gc()
  const t0 = performance.now()
  last = buildReport(input)
  times.push(performance.now() - t0)
}
console.log(
  JSON.stringify({
    scale,
    ms: median(times),
    items: school.itemCount,
    classes: school.classes.length,
    evenings: last.length,
    errors: last.filter((e) => e.findings.some((f) => f.severity === 'error')).length,
  }),
)
