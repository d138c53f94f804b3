// `npm run report` runs scripts/report-cli.mjs: the CLI bundled for plain Node in dist-cli/, built when
// it is missing or stale. These spawn it as a shell does and compare with the in-process run.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runReport } from '../../scripts/report'

const root = fileURLToPath(new URL('../..', import.meta.url))
const stamp = `${root}dist-cli/report.inputs.json`
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url))
const args = ['--plan', 'tests/fixtures/plan.csv', '--roster', 'tests/fixtures/roster.csv', '--format', 'json']
const prebuilt = (...a: string[]) => spawnSync(process.execPath, ['scripts/report-cli.mjs', ...a], { cwd: root, encoding: 'utf8', timeout: 60_000 })
const stamped = () => JSON.parse(readFileSync(stamp, 'utf8')) as { inputs: Record<string, string> }

describe('the prebuilt report CLI', { timeout: 120_000 }, () => {
  it('builds itself on a fresh clone and prints what the in-process run prints', () => {
    rmSync(`${root}dist-cli`, { recursive: true, force: true })
    const result = prebuilt(...args)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(1)
    expect(result.stdout).toBe(runReport(args, read).stdout)
    expect(Object.keys(stamped().inputs)).toEqual(expect.arrayContaining(['scripts/report.ts', 'packages/core/src/domain/report.ts', 'packages/core/src/formats/plan.ts']))
  })

  it('rebuilds when a file it was built from has changed, and not otherwise', () => {
    prebuilt(...args)
    const before = stamped()
    const changed = { ...before, inputs: { ...before.inputs, 'packages/core/src/formats/plan.ts': '0:0' } }
    writeFileSync(stamp, JSON.stringify(changed))
    const result = prebuilt(...args)
    expect(result.stdout).toBe(runReport(args, read).stdout)
    expect(stamped().inputs['packages/core/src/formats/plan.ts']).toBe(before.inputs['packages/core/src/formats/plan.ts'])
    // Fresh now: a run leaves the stamp as it is.
    const fresh = readFileSync(stamp, 'utf8')
    prebuilt(...args)
    expect(readFileSync(stamp, 'utf8')).toBe(fresh)
  })

  it('exits 2 with the error on bad input, as the script does', () => {
    const result = prebuilt('--plan', 'tests/fixtures/plan-bad.csv', '--format', 'json')
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(runReport(['--plan', 'tests/fixtures/plan-bad.csv', '--format', 'json'], read).stderr)
  })
})
