// When the server refreshes PostgreSQL's statistics (server/src/store/freshStats.ts): the rule, and
// the real thing on PostgreSQL (a school growing by pushes gets its records analyzed without waiting
// for autovacuum).
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { MIN_ROWS, needsAnalyze } from '../../server/src/store/freshStats'
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
    } finally {
      await server.stop()
    }
  })
})
