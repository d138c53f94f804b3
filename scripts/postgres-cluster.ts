// A throwaway PostgreSQL cluster for the server's tests and benchmark, when DATABASE_URL is unset:
// Debian's `postgresql` package (on Debian, as root, installed with apt when missing; it says so), a
// cluster in a temporary folder on a free loopback port (trust auth, loopback only), run as the
// `postgres` user when we are root (PostgreSQL refuses to run as root), stopped and removed afterwards.
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Cluster {
  url: string
  stop(): void
}

const MIN_MAJOR = 15

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const majors = readdirSync(root)
    .map(Number)
    .filter((m) => m >= MIN_MAJOR && existsSync(join(root, String(m), 'bin', 'initdb')))
    .sort((a, b) => b - a)
  return majors.length > 0 ? join(root, String(majors[0]), 'bin') : null
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0

function ensureBinDir(): string {
  const found = findBinDir()
  if (found) return found
  if (existsSync('/etc/debian_version') && isRoot()) {
    console.log("Installing Debian's postgresql package for the server tests (apt-get install -y postgresql)…")
    const result = spawnSync('sh', ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql'], { stdio: 'inherit' })
    const installed = findBinDir()
    if (result.status === 0 && installed) return installed
    throw new Error('Installing postgresql with apt-get failed; see the output above.')
  }
  throw new Error(
    `No PostgreSQL ${MIN_MAJOR}+ found for the server tests. Install it (on Debian or Ubuntu: sudo apt-get install postgresql), or set DATABASE_URL=postgres://… to a database the tests may fill and empty.`,
  )
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * `durable: false` (tests) turns fsync off: a throwaway cluster holds nothing anyone keeps. The
 * benchmark keeps PostgreSQL's defaults, so its figures are those of a real deployment on this disk.
 */
export async function startCluster({ durable = false }: { durable?: boolean } = {}): Promise<Cluster> {
  const bin = ensureBinDir()
  const dir = mkdtempSync(join(tmpdir(), 'hl-pg-'))
  const data = join(dir, 'data')
  const asPostgres = isRoot()
  if (asPostgres) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim()
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim()
    chownSync(dir, Number(ids), Number(gid))
  }
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args]
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir })
  }
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'])
  const port = await freePort()
  const fast = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${fast}`
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'])
  let stopped = false
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
