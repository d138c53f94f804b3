// Sync in the browser (issue 7), on the embedded store as `npm start` runs it: the school server in its
// own process serving the benchmark build, and the app's own engine in headless Chromium pages.
//   - syncDayMs: a teacher's day of edits (2 assignments with 4 items each, 20 students' layers),
//     written through the app's repositories into the outbox, then the time from her device's sync
//     (the outbox sent, the server's answer taken) to another teacher's device of the same class
//     having pulled it into its IndexedDB; median of `runs`.
//   - firstSyncMs: a new grade leader's device signing in and receiving the whole grade (10 classes of
//     45 students, a term of every subject's homework) into IndexedDB.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { launchBrowser, type TestBrowser } from '../browser'
import { makeSchool, post, startServerProcess } from './server'
import { median } from './stats'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const SYNC_TARGETS = { syncDayMs: 500, firstSyncMs: 30_000 }

export interface SyncFigures {
  syncDayMs: number
  firstSyncMs: number
  firstSyncRecords: number
}

type BenchWindow = { benchSync: { signIn(s: string, l: string, p: string): Promise<{ ms: number; records: number }>; dayOfEdits(d: string, n: number): Promise<number>; sync(): Promise<number>; hasTitle(t: string): Promise<boolean> } }

async function device(url: string): Promise<{ b: TestBrowser; page: Page }> {
  const b = await launchBrowser({ width: 1280, height: 900 }, { serviceWorkers: 'block' })
  b.context.setDefaultTimeout(120_000)
  await b.page.goto(`${url}/bench/sync.html`)
  await b.page.waitForFunction(() => typeof (window as unknown as BenchWindow).benchSync === 'object')
  return { b, page: b.page }
}

export async function measureSync(runs: number, log: (line: string) => void = console.log): Promise<SyncFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hl-bench-sync-'))
  const server = await startServerProcess({ DATABASE_URL: '', HL_DATA_DIR: dataDir, HL_DIST_DIR: join(ROOT, 'dist-bench') })
  const browsers: TestBrowser[] = []
  try {
    log('  seeding the server with a 10-class grade and its term…')
    const school = await makeSchool(server.url, server.setupCode, 0, true)
    const leader = await post<{ invite: { code: string } }>(server.url, '/admin/accounts', { name: '年级组长', login: 'leader', roles: [{ role: 'gradeLeader', grade: 7 }] }, school.admin.session.accessToken)
    await post(server.url, '/invite/accept', { code: leader.invite.code, password: 'bench password' })

    // Two teachers of the first class (its 语文 and 数学 teachers: logins t0 and t1), each on a device.
    const a = await device(server.url)
    const b = await device(server.url)
    browsers.push(a.b, b.b)
    for (const [d, login] of [
      [a, 't0'],
      [b, 't1'],
    ] as const) {
      await d.page.evaluate(({ url, login }) => (window as unknown as BenchWindow).benchSync.signIn(url, login, 'bench password'), { url: server.url, login })
    }
    const times: number[] = []
    for (let r = 0; r < runs; r++) {
      await a.page.evaluate((n) => (window as unknown as BenchWindow).benchSync.dayOfEdits(`2027-03-${String(1 + n).padStart(2, '0')}`, n), r)
      const send = await a.page.evaluate(() => (window as unknown as BenchWindow).benchSync.sync())
      const receive = await b.page.evaluate(() => (window as unknown as BenchWindow).benchSync.sync())
      const arrived = await b.page.evaluate((t) => (window as unknown as BenchWindow).benchSync.hasTitle(t), `练习册 p${r}-1-3`)
      if (!arrived) throw new Error('the day of edits did not reach the other device')
      times.push(send + receive)
    }

    // A new grade leader's device: sign in, first sync of the whole grade.
    const firsts: number[] = []
    let records = 0
    for (let r = 0; r < Math.max(1, Math.min(3, runs)); r++) {
      const c = await device(server.url)
      const first = await c.page.evaluate((url) => (window as unknown as BenchWindow).benchSync.signIn(url, 'leader', 'bench password'), server.url)
      firsts.push(first.ms)
      records = first.records
      await c.b.close()
    }
    return { syncDayMs: median(times), firstSyncMs: median(firsts), firstSyncRecords: records }
  } finally {
    for (const b of browsers) await b.close().catch(() => undefined)
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
