import 'fake-indexeddb/auto'
// The app's sync runner against the real server: after a local change it syncs by itself (debounced);
// while the server is down it retries with growing waits and drops nothing; once the server is back,
// the waiting changes go through. The page's events (online, visibility) come from a small stand-in for
// window and document: this runs in Node, with the real fetch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppDB } from '@/db/database'
import { META } from '@/db/constants'
import { listClassAssignments } from '@/db/repos/assignments'
import { createAssignments } from '@/db/repos/assignmentEdits'
import { listClasses } from '@/db/repos/classes'
import { setUpSchool } from '@/db/repos/schoolSetup'
import { countWaiting } from '@/db/sync'
import { syncOnce } from '@/sync/engine'
import { createSchoolOnServer } from '@/sync/join'
import { createSyncRunner, type SyncStatus } from '@/sync/runner'
import { newSetupCode } from '../../server/src/auth/accounts'
import type { RunningServer } from '../../server/src/server'
import { makeStore, start, type StoreHandle } from './harness'

const page = { window: new EventTarget(), document: Object.assign(new EventTarget(), { visibilityState: 'visible' }) }
let store: StoreHandle
let server: RunningServer
let db: AppDB

beforeAll(async () => {
  store = await makeStore('pglite', { persistent: true })
  server = await start(store)
  db = new AppDB(`runner-${Date.now()}`)
  await setUpSchool(db, {
    name: '实验小学',
    regionId: 'national',
    term: { name: '秋', startDate: '2026-09-01', endDate: '2027-01-20' },
    calendar: [],
    grades: [{ grade: 4, classNames: ['4(1)'], subjects: ['数学'] }],
    me: { name: '王老师', teaching: [{ grade: 4, className: '4(1)', subject: '数学' }], homeroomOf: null, gradeLeaderOf: null },
  })
  const code = await newSetupCode(server.ctx.db, server.ctx.now())
  await createSchoolOnServer(db, server.url, { code, adminName: '王老师', schoolName: '', login: 'wang', password: 'long enough pw' }, 'pc')
  await syncOnce({ db })
})
afterAll(async () => {
  await db?.delete()
  await server?.stop()
  store?.cleanup()
})

const item = (title: string) => ({ title, kind: 'written' as const, where: 'home' as const, tiers: { core: true, extend: true, challenge: true }, minutes: 10, trialMinutes: null })

describe('the sync runner', () => {
  it('syncs a local change by itself, retries with growing waits while the server is down, and loses nothing', async () => {
    const seen: SyncStatus[] = []
    const attempts: number[] = []
    const countingFetch: typeof fetch = (input, init) => {
      if (String(input).endsWith('/push')) attempts.push(Date.now())
      return fetch(input, init)
    }
    const runner = createSyncRunner({ db, onStatus: (s) => seen.push(s), fetch: countingFetch, timing: { debounceMs: 50, backoffMs: 100, maxBackoffMs: 2000, pokeMs: 60_000, intervalMs: 60_000 }, page })
    runner.start()
    try {
      await expect.poll(() => seen.at(-1)?.phase, { timeout: 10_000 }).toBe('idle')
      const me = (await db.meta.get(META.me))!.value as string
      const [cls] = await listClasses(db)
      await createAssignments(db, { classIds: [cls!.id], teacherId: me, status: 'published', draft: { subject: '数学', date: '2026-11-23', due: '', items: [item('练习册 p1')] } })
      runner.changed()
      await expect.poll(() => countWaiting(db), { timeout: 10_000 }).toBe(0)

      // The server goes down; a change waits, and the runner keeps trying at growing intervals.
      await server.stop()
      attempts.length = 0
      await createAssignments(db, { classIds: [cls!.id], teacherId: me, status: 'published', draft: { subject: '数学', date: '2026-11-24', due: '', items: [item('练习册 p2')] } })
      runner.changed()
      await expect.poll(() => seen.at(-1)?.phase, { timeout: 10_000 }).toBe('offline')
      await expect.poll(() => attempts.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(4)
      const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!)
      expect(gaps[2]!).toBeGreaterThan(gaps[0]!) // back-off: each wait longer than the one before (with jitter)
      expect(await countWaiting(db)).toBeGreaterThan(0)

      // Back up on the same address and data: the next retry sends what waited.
      const config = { ...store.config, port: server.port }
      server = await start({ ...store, config })
      await expect.poll(() => countWaiting(db), { timeout: 20_000 }).toBe(0)
      await expect.poll(() => seen.at(-1)?.phase, { timeout: 10_000 }).toBe('idle')
      expect((await listClassAssignments(db, cls!.id, '2026-11-24', '2026-11-24'))[0]?.items[0]?.title).toBe('练习册 p2')
    } finally {
      runner.stop()
      await new Promise((r) => setTimeout(r, 100)) // a report in flight finishes before the database goes
    }
  }, 60_000)
})
