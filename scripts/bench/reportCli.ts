// `npm run report` as a teacher runs it, on the benchmark school's whole term written as one plan file
// (scripts/bench/planCsv.ts): the wall time from the command to the last byte of its JSON, and the
// peak memory of the whole command (GNU time's maximum resident set, the largest process of the tree:
// npm, the shell and node). Then the same on four times the school (1.2 million items), to show that
// memory grows no worse than linearly.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeBenchmarkPlan } from './planCsv'
import { median } from './stats'

export const REPORT_CLI_TARGETS = { reportCliMs: 2000, reportCliPeakMiB: 400, memoryGrowth4x: 4 }

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

interface CliRun {
  ms: number
  /** User + system CPU of the whole command: what the wall time would be on an idle core. */
  cpuMs: number
  peakMiB: number
  bytes: number
}

/** One run of `npm run --silent report -- --plan <plan> --format json`, its stdout counted, not kept. */
function runCli(plan: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', 'npm', 'run', '--silent', 'report', '--', '--plan', plan, '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let bytes = 0
    let last = 0
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      last = performance.now()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      // Exit 1: the school has evenings over a cap, which is what the plan is made to have.
      const m = /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr)
      if ((code !== 0 && code !== 1) || bytes === 0 || !m) return reject(new Error(`npm run report failed (exit ${code}):\n${stderr}`))
      resolve({ ms: last - t0, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, peakMiB: Number(m[3]) / 1024, bytes })
    })
  })
}

export async function reportCliResult(runs: number): Promise<{ figures: Record<string, number>; met: boolean }> {
  const dir = join(ROOT, '.tmp', 'bench')
  mkdirSync(dir, { recursive: true })
  const plans = [1, 4].map((scale) => {
    const path = join(dir, `plan-${scale}x.csv`)
    const written = writeBenchmarkPlan(path, scale)
    return { path, ...written }
  })
  const [one, four] = plans as [(typeof plans)[0], (typeof plans)[0]]
  if (!existsSync(one.path)) throw new Error('the plan was not written')
  await runCli(one.path) // builds the CLI if it is stale, and warms the file cache
  const timed: CliRun[] = []
  for (let i = 0; i < Math.min(runs, 5); i++) timed.push(await runCli(one.path))
  const big = await runCli(four.path)
  const ms = median(timed.map((r) => r.ms))
  const peak = median(timed.map((r) => r.peakMiB))
  const cpu = median(timed.map((r) => r.cpuMs))
  const growth = big.peakMiB / peak / (four.items / one.items)
  console.log(`npm run report --format json, ${one.items.toLocaleString('en')} items (${(one.bytes / 2 ** 20).toFixed(0)} MiB of plan): ${ms.toFixed(0)} ms to the last byte, median of ${timed.length} (target ≤ ${REPORT_CLI_TARGETS.reportCliMs}), CPU ${cpu.toFixed(0)} ms; peak ${peak.toFixed(0)} MiB (target ≤ ${REPORT_CLI_TARGETS.reportCliPeakMiB})`)
  console.log(`  ${four.items.toLocaleString('en')} items: ${big.ms.toFixed(0)} ms, peak ${big.peakMiB.toFixed(0)} MiB: memory per item ${growth.toFixed(2)}× the smaller file's (target ≤ 1: no worse than linear)`)
  return {
    figures: { reportCliMs: Math.round(ms), reportCliCpuMs: Math.round(cpu), reportCliPeakMiB: Math.round(peak), reportCliItems: one.items, reportCliMs4x: Math.round(big.ms), reportCliPeakMiB4x: Math.round(big.peakMiB), reportCliItems4x: four.items },
    met: ms <= REPORT_CLI_TARGETS.reportCliMs && peak <= REPORT_CLI_TARGETS.reportCliPeakMiB && growth <= 1,
  }
}
