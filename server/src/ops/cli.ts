// Operations from the command line (README, docs/deploy.md):
//   npm run server:backup [-- --out FILE]     a consistent dump of the whole server, gzipped JSON lines
//   npm run server:restore -- FILE            replaces everything by a dump; devices then pull again
//   npm run server:purge -- --days N          deletes tombstones older than N days (devices behind reset)
//   npm run server:setup-code                 a one-time code to create another school on this server
// The store is the server's own (DATABASE_URL, else PGlite in HL_DATA_DIR or ./data).
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { parseArgs } from 'node:util'
import { newSetupCode } from '../auth/accounts'
import { configFromEnv } from '../config'
import { openStore, type Store } from '../store'
import { dump, purgeTombstones, restore } from './dump'
import { readLock } from './lock'

const config = configFromEnv()
const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, days: { type: 'string' } } })
const [command, ...rest] = positionals

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onPoolError: (err) => console.error(err.message) })
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

function runningPGlite(): ReturnType<typeof readLock> {
  return config.databaseUrl ? null : readLock(config.dataDir)
}

async function backup(): Promise<void> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  const out = resolve(values.out ?? `backups/hl-backup-${stamp}.jsonl.gz`)
  mkdirSync(dirname(out), { recursive: true })
  const gzip = createGzip()
  const done = pipeline(gzip, createWriteStream(out, { mode: 0o600 }))
  const write = (line: string): Promise<void> => new Promise((ok) => (gzip.write(line + '\n') ? ok() : gzip.once('drain', ok)))
  const running = runningPGlite()
  if (running) {
    // The server holds the PGlite folder: it makes the dump itself.
    const res = await fetch(`${running.url}/api/v1/ops/backup`, { headers: { authorization: `Ops ${running.opsKey}` } })
    if (!res.ok || !res.body) throw new Error(`The running server refused the backup (HTTP ${res.status})`)
    await pipeline(Readable.fromWeb(res.body as never), gzip)
    await done
  } else {
    await withStore((store) => dump(store.db, Date.now(), write))
    gzip.end()
    await done
  }
  console.log(`Backup written to ${out}`)
}

async function restoreFrom(file: string | undefined): Promise<void> {
  if (!file) throw new Error('Say which backup to restore: npm run server:restore -- FILE')
  const running = runningPGlite()
  if (running) throw new Error(`The server (pid ${running.pid}) is running on ${config.dataDir}: stop it first, then restore.`)
  const input = createReadStream(resolve(file))
  const reader = createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity })
  // Taken now: readline starts reading at once, and lines read before iteration began would be lost.
  const iterator = reader[Symbol.asyncIterator]()
  const count = await withStore((store) => restore(store.db, { [Symbol.asyncIterator]: () => iterator }))
  console.log(`Restored ${count} rows from ${file}. Every device will pull the restored data again on its next sync.`)
}

async function purge(): Promise<void> {
  const days = Number(values.days)
  if (!Number.isFinite(days) || days < 30) throw new Error('Give --days N, at least 30: devices offline for longer than that will have to pull everything again.')
  if (runningPGlite()) throw new Error('The server is running on this PGlite folder: stop it first.')
  const purged = await withStore((store) => purgeTombstones(store.db, Date.now() - days * 86_400_000))
  console.log(`Purged ${purged} tombstones older than ${days} days.`)
}

async function setupCode(): Promise<void> {
  if (runningPGlite()) throw new Error('The server is running on this PGlite folder: stop it first (or use PostgreSQL for a server of several schools).')
  const code = await withStore((store) => newSetupCode(store.db, Date.now()))
  console.log(`One-time setup code for a new school: ${code}`)
}

const commands: Record<string, () => Promise<void>> = { backup, restore: () => restoreFrom(rest[0]), purge, 'setup-code': setupCode }
const run = command ? commands[command] : undefined
if (!run) {
  console.error(`Usage: server/src/ops/cli.ts ${Object.keys(commands).join('|')}`)
  process.exit(2)
}
try {
  await run()
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err))
  process.exit(1)
}
