// The full-term report on the generated school and on one twice as large (engine time only).
import { benchmarkSchoolOptions, generateSchool } from '../../src/demo/generateSchool'
import { buildReport, type EveningLoad } from '@hl/core/domain/report'
import { median } from './stats'

export interface ReportFigures {
  ms: number
  items: number
  classes: number
  evenings: number
  errors: number
}

/**
 * Both schools are in memory throughout and the runs alternate, with a full garbage collection before
 * each (Node's --expose-gc, given by `npm run bench`), so both sizes are timed under the same conditions
 * and the ratio shows the algorithm, not the heap or the machine's mood at the time.
 */
export function measureReports(runs: number): [ReportFigures, ReportFigures] {
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
