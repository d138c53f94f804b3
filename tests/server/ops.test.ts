// Operations on both stores: migrations, first-start setup code, backup and restore (devices reset
// rather than go back in time), purged tombstones, graceful shutdown, one server per PGlite folder.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { dump, purgeTombstones, restore } from '../../server/src/ops/dump'
import { LATEST_MIGRATION, migrate } from '../../server/src/store/migrations'
import { openStore, planOnce } from '../../server/src/store'
import { assignment, makeSchool, uid } from './fixture'
import { makeStore, start, STORES, type StoreHandle } from './harness'
import { SimClient } from './simClient'

const run = promisify(execFile)
const handles: StoreHandle[] = []
afterAll(() => handles.forEach((h) => h.cleanup()))
const store = async (kind: (typeof STORES)[number]) => {
  const h = await makeStore(kind, { persistent: true })
  handles.push(h)
  return h
}

describe.each(STORES)('operations on %s', (kind) => {
  it('runs the migrations once, on a new database and never again', async () => {
    const h = await store(kind)
    const s = await openStore(h.config)
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' order by 1`.execute(s.db)
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['accounts', 'clients', 'conflicts', 'devices', 'records', 'schools', 'server_meta', 'setup_codes']))
    expect(await migrate(s.db as never)).toEqual([])
    const done = await sql<{ name: string }>`select name from kysely_migration`.execute(s.db)
    expect(done.rows.map((r) => r.name).at(-1)).toBe(LATEST_MIGRATION)
    await s.close()
    // Every school table's key starts with school_id.
    const s2 = await openStore(h.config)
    const keys = await sql<{ table_name: string; column_name: string }>`
      select tc.table_name, kcu.column_name from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.ordinal_position = 1
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = 'public'`.execute(s2.db)
    for (const k of keys.rows) if (!['server_meta', 'setup_codes', 'kysely_migration', 'kysely_migration_lock'].includes(k.table_name)) expect([k.table_name, k.column_name]).toEqual([k.table_name, 'school_id'])
    await s2.close()
  })

  it('prepares a statement marked planOnce once per connection (PostgreSQL), with the same answers on both', async () => {
    const h = await store(kind)
    const s = await openStore(h.config)
    await s.db.transaction().execute(async (tx) => {
      for (const n of [1, 2, 3]) expect((await planOnce(sql<{ n: number }>`select ${n}::int as n`).execute(tx)).rows).toEqual([{ n }])
      if (kind !== 'postgres') return
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from pg_prepared_statements where statement like ${'%plan once%::int as n'}`.execute(tx)
      expect(rows[0]!.count).toBe(1)
    })
    await s.close()
  })

  it('prints a setup code on the very first start only', async () => {
    const h = await store(kind)
    let server = await start(h)
    expect(server.setupCode).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/)
    await makeSchool(server)
    await server.stop()
    server = await start(h)
    expect(server.setupCode).toBeNull()
    await server.stop()
  })

  it('restores a backup; devices reset instead of going back in time', async () => {
    const h = await store(kind)
    let server = await start(h)
    const school = await makeSchool(server)
    const math = new SimClient(uid('dev'), school.sessions.mathA)
    const kept = uid('asg')
    math.put('assignments', kept, assignment(school.classes.a, '数学', school.sessions.mathA.account.teacherId))
    await math.flush(server)
    const lines: string[] = []
    await dump(server.ctx.db, Date.now(), async (l) => void lines.push(l))
    // After the backup: another record, which the restore takes away.
    const later = uid('asg')
    math.put('assignments', later, assignment(school.classes.a, '数学', school.sessions.mathA.account.teacherId))
    await math.flush(server)
    await math.pullAll(server)
    await server.stop()

    const s = await openStore(h.config)
    // A damaged file (cut short) changes nothing.
    await expect(restore(s.db, lines.slice(0, -1))).rejects.toThrow(/cut short/)
    expect(await s.db.selectFrom('records').select('id').where('id', '=', later).executeTakeFirst()).toBeDefined()
    expect(await restore(s.db, lines)).toBe(lines.length - 2)
    await s.close()

    server = await start(h)
    await math.pullAll(server)
    expect(math.resets).toEqual(['restored'])
    const rows = await server.ctx.db.selectFrom('records').select('id').where('id', 'in', [kept, later]).execute()
    expect(rows.map((r) => r.id)).toEqual([kept])
    // Signed-in devices stay signed in: their refresh tokens are in the backup.
    expect(math.records.has(`assignments/${kept}`)).toBe(true)
    // The restored state is exactly the backup's: dumped again, the same file.
    const again: string[] = []
    await dump(server.ctx.db, Number(JSON.parse(lines[0]!).createdAt), async (l) => void again.push(l))
    expect(again).toEqual(lines)
    await server.stop()
  })

  it('resets a device whose cursor is older than purged tombstones', async () => {
    const h = await store(kind)
    const server = await start(h)
    const school = await makeSchool(server)
    const math = new SimClient(uid('dev'), school.sessions.mathA)
    const behind = new SimClient(uid('dev'), school.sessions.mathA)
    const id = uid('asg')
    math.put('assignments', id, assignment(school.classes.a, '数学', school.sessions.mathA.account.teacherId))
    await math.flush(server)
    await behind.pullAll(server)
    math.remove('assignments', id)
    await math.flush(server)
    await math.pullAll(server)
    expect(await purgeTombstones(server.ctx.db, Date.now() + 1000)).toBeGreaterThanOrEqual(1)
    await behind.pullAll(server)
    expect(behind.resets).toEqual(['purged'])
    // Up to date: no reset.
    await math.pullAll(server)
    expect(math.resets).toEqual([])
    await server.stop()
  })

  it('finishes a push in flight when stopped, and keeps it', async () => {
    const h = await store(kind)
    let server = await start(h)
    const school = await makeSchool(server)
    const math = new SimClient(uid('dev'), school.sessions.mathA)
    const ids = Array.from({ length: 100 }, () => uid('asg'))
    for (const id of ids) math.put('assignments', id, assignment(school.classes.a, '数学', school.sessions.mathA.account.teacherId))
    const received = new Promise((r) => server.http.once('request', r))
    const pushing = math.push(server)
    // Stopped while the push is being handled: it finishes, and only then does the database close.
    await received
    const stopping = server.stop()
    const res = await pushing
    await stopping
    expect(res!.applied).toHaveLength(100)
    server = await start(h)
    const rows = await server.ctx.db.selectFrom('records').select('id').where('id', 'in', ids).execute()
    expect(rows).toHaveLength(100)
    await server.stop()
  })
})

describe('the PGlite folder', () => {
  it('is one server’s: a second refuses it; the backup command asks the running one', async () => {
    const h = await store('pglite')
    const server = await start(h)
    await makeSchool(server)
    await expect(start(h)).rejects.toThrow(/Another server/)
    const out = join(mkdtempSync(join(tmpdir(), 'hl-backup-')), 'b.jsonl.gz')
    const env = { ...process.env, HL_DATA_DIR: h.config.dataDir, DATABASE_URL: '' }
    await run(process.execPath, ['--import', 'tsx', 'server/src/ops/cli.ts', 'backup', '--out', out], { env })
    expect(existsSync(out)).toBe(true)
    await expect(run(process.execPath, ['--import', 'tsx', 'server/src/ops/cli.ts', 'restore', out], { env })).rejects.toThrow(/stop it first/)
    await server.stop()
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/src/ops/cli.ts', 'restore', out], { env })
    expect(stdout).toMatch(/Restored \d+ rows/)
    rmSync(out, { force: true })
  })
})
