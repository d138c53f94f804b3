// The full-term report on the generated school (engine time only, no file parsing), at 1×, 2× and 4×
// its size, each size in a process of its own (scripts/bench/engineRun.ts). Sharing one heap made the
// growth an artefact: the larger school was timed among the smaller one's live objects and garbage,
// so the figure showed the collector, not the algorithm.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { median } from './stats'

export interface ReportFigures {
  scale: number
  /** Median of the timed runs. */
  ms: number
  items: number
  classes: number
  evenings: number
  errors: number
}

export const ENGINE_TARGETS = { reportMs: 500, growth4x: 4.4 }

const RUNNER = fileURLToPath(new URL('./engineRun.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** One size, measured in a fresh Node process (with --expose-gc, so each run starts from a collected heap). */
export function measureReport(scale: number, runs: number): ReportFigures {
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', RUNNER, String(scale), String(runs)], { encoding: 'utf8', cwd: ROOT })
  if (child.status !== 0) throw new Error(`the report benchmark at ${scale}× failed (exit ${child.status}):\n${child.stderr}`)
  const last = child.stdout.trim().split('\n').pop() ?? ''
  return JSON.parse(last) as ReportFigures
}

/** Prints the engine's figures and returns them for the JSON line, with whether they meet the targets. */
export function engineResult(runs: number): { figures: Record<string, number>; met: boolean } {
  // Three rounds of the three sizes, interleaved, each run a process of its own: the machine's load at
  // one moment then weighs on every size alike; each size's figure is the median of its rounds.
  const rounds = [0, 1, 2].map(() => [1, 2, 4].map((scale) => measureReport(scale, runs)))
  const [one, two, four] = [0, 1, 2].map((k) => ({ ...rounds[0]![k]!, ms: median(rounds.map((r) => r[k]!.ms)) })) as [ReportFigures, ReportFigures, ReportFigures]
  const growth = four.ms / one.ms
  console.log(`Full-term report, ${one.classes} classes, ${one.items.toLocaleString('en')} items, ${one.evenings} class evenings (${one.errors} with an error): ${one.ms.toFixed(1)} ms, median of ${runs} (target ≤ ${ENGINE_TARGETS.reportMs})`)
  console.log(`  each size in its own process, medians of 3 rounds: 2× ${two.ms.toFixed(1)} ms, 4× (${four.items.toLocaleString('en')} items) ${four.ms.toFixed(1)} ms; 4× / 1× = ${growth.toFixed(2)} (target ≤ ${ENGINE_TARGETS.growth4x})`)
  const r = (x: number): number => Number(x.toFixed(1))
  return {
    figures: { reportMs: r(one.ms), reportMs2x: r(two.ms), reportMs4x: r(four.ms), reportGrowth4x: Number(growth.toFixed(2)), reportItems: one.items, reportItems4x: four.items },
    met: one.ms <= ENGINE_TARGETS.reportMs && growth <= ENGINE_TARGETS.growth4x,
  }
}
