// PGlite is one process's database: the server marks its data folder as in use (its pid and address),
// so a second server refuses to open it, and the backup command asks the running server for a dump
// (authorised by a key in the same folder: whoever can read the folder can read the data anyway)
// instead of opening the files under it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomSecret } from '../auth/secrets'

export interface LockInfo {
  pid: number
  url: string
  opsKey: string
}

const lockPath = (dataDir: string): string => join(dataDir, 'server.lock')

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but is another user's.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The running server's lock on `dataDir` (this process's too), or null when none (a stale lock of a dead process is ignored). */
export function readLock(dataDir: string): LockInfo | null {
  const path = lockPath(dataDir)
  if (!existsSync(path)) return null
  let info: LockInfo
  try {
    info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo
  } catch {
    return null // a half-written lock from a crash: nobody holds it
  }
  return alive(info.pid) ? info : null
}

export class FolderInUseError extends Error {
  override name = 'FolderInUseError'
}

/**
 * Marks `dataDir` as this process's (before the database opens); throws when another live server
 * holds it. `listening(url)` records the address once known; `release()` at stop.
 */
export function takeLock(dataDir: string): { opsKey: string; listening(url: string): void; release(): void } {
  const held = readLock(dataDir)
  if (held) throw new FolderInUseError(`Another server (pid ${held.pid}, ${held.url}) is using ${dataDir}. Stop it first, or set HL_DATA_DIR to another folder.`)
  const opsKey = randomSecret(32)
  const write = (url: string): void => writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, url, opsKey } satisfies LockInfo), { mode: 0o600 })
  mkdirSync(dataDir, { recursive: true })
  write('')
  return {
    opsKey,
    listening: write,
    release: () => {
      const current = existsSync(lockPath(dataDir)) ? (JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo) : null
      if (current?.opsKey === opsKey) rmSync(lockPath(dataDir), { force: true })
    },
  }
}
