// When the server refreshes PostgreSQL's statistics (server/src/store/freshStats.ts): the rule, and
// the real thing on PostgreSQL (a school growing by pushes gets its records analyzed without waiting
// for autovacuum).
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { analyzedByOthers, MIN_ROWS, needsAnalyze } from '../../server/src/store/freshStats'
import { assignment, makeSchool, uid } from './fixture'
import { makeStore, start, STORES, type StoreHandle } from './harness'
import { SimClient } from './simClient'

describe('needsAnalyze', () => {
  it.each([
    // added, counted by the last ANALYZE, analyze now?
    [0, 0, false],
    [MIN_ROWS - 1, 0, false],
    [MIN_ROWS, 0, true],
    [MIN_ROWS, 500, true],
    [MIN_ROWS, MIN_ROWS, true],
    [MIN_ROWS, MIN_ROWS + 1, false],
    [49_999, 50_000, false],
    [50_000, 50_000, true],
    [80_000, 50_000, true],
  ])('%i rows added since %i counted: %s', (added, counted, expected) => {
    expect(needsAnalyze(added, counted)).toBe(expected)
  })
})

describe('analyzedByOthers', () => {
  it.each([
    // the ANALYZEs this process counted after its own last one, what the database says, what to do
    ['never analyzed by anyone', null, { rows: -1, changed: 1200, analyzes: 0 }, null],
    ['analyzed before this process started, still fresh', null, { rows: 60_000, changed: 1_500, analyzes: 3 }, { added: 1_500, counted: 60_000 }],
    ['analyzed before this process started, since doubled', null, { rows: 30_000, changed: 30_000, analyzes: 3 }, null],
    ['nobody else since our own', 4, { rows: 1_000, changed: 1_100, analyzes: 4 }, null],
    ['autovacuum since our own, still fresh', 4, { rows: 60_000, changed: 900, analyzes: 5 }, { added: 900, counted: 60_000 }],
    ['autovacuum since our own, on a small table: fresh by the floor', 4, { rows: 200, changed: 999, analyzes: 5 }, { added: 999, counted: 200 }],
    ['someone else since, but stale again', 4, { rows: 2_000, changed: 2_500, analyzes: 6 }, null],
  ] as const)('%s', (_, own, seen, expected) => {
    expect(analyzedByOthers(own, seen)).toEqual(expected)
  })
})

const handles: StoreHandle[] = []
afterAll(() => handles.forEach((h) => h.cleanup()))

describe.each(STORES)('statistics on %s', (kind) => {
  it.skipIf(kind === 'pglite')('analyzes the records once pushes added a thousand of them', async () => {
    const h = await makeStore(kind, { persistent: true })
    handles.push(h)
    const server = await start(h)
    try {
      const school = await makeSchool(server)
      const manualAnalyzes = async (): Promise<number> => {
        const { rows } = await sql<{ n: number }>`select analyze_count::int as n from pg_stat_user_tables where relname = 'records'`.execute(server.ctx.db)
        return rows[0]?.n ?? 0
      }
      expect(await manualAnalyzes()).toBe(0)
      const math = new SimClient(uid('dev'), school.sessions.mathA)
      for (let i = 0; i < MIN_ROWS + 50; i++) {
        math.put('assignments', uid('asg'), assignment(school.classes.a, '数学', school.sessions.mathA.account.teacherId))
      }
      await math.flush(server)
      // ANALYZE runs beside the pushes, and its count reaches the statistics views within seconds.
      const deadline = Date.now() + 20_000
      while ((await manualAnalyzes()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
      expect(await manualAnalyzes()).toBeGreaterThan(0)
      const { rows } = await sql<{ rows: number }>`select reltuples::int as rows from pg_class where oid = 'records'::regclass`.execute(server.ctx.db)
      expect(rows[0]!.rows).toBeGreaterThanOrEqual(MIN_ROWS)

      // Someone else (an operator here; autovacuum in a school's term) analyzes the table after more
      // pushes; the pushes that then bring this process's own count to another ANALYZE find the
      // statistics fresh (the rows changed since that ANALYZE are fewer than it counted) and make none.
      const logged = (text: string) => server.log.lines.filter((l) => l.includes(text)).length
      const waitFor = async (done: () => boolean) => {
        const until = Date.now() + 20_000
        while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
      }
      await waitFor(() => logged('statistics refreshed') === 1)
      const more = async (n: number) => {
        for (let i = 0; i < n; i++) math.put('assignments', uid('asg'), assignment(school.classes.a, '数学', school.sessions.mathA.account.teacherId))
        await math.flush(server)
      }
      await more(700)
      await sql`analyze records`.execute(server.ctx.db)
      const before = await manualAnalyzes()
      await more(500)
      await waitFor(() => logged('statistics already fresh') > 0)
      expect(logged('statistics already fresh')).toBe(1)
      expect(logged('statistics refreshed')).toBe(1)
      expect(await manualAnalyzes()).toBe(before)
    } finally {
      await server.stop()
    }
  })
})
