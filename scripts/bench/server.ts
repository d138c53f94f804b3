// The school server's figures, on PostgreSQL and on embedded PGlite. The server runs as `npm start`
// runs it, in a child process of its own (node + tsx, server/src/main.ts); this process plays the
// devices over HTTP on loopback. PostgreSQL is a throwaway cluster with its durable defaults (fsync on),
// unless DATABASE_URL names one.
//   - serverPushPullMs: a teacher's day, 30 mutations pushed (2 assignments, 8 items, 20 layers), then
//     the pull that follows; median of `runs`, on an otherwise idle server.
//   - serverFullPullMs: a new grade leader's device pulling a 10-class grade's whole term (generated
//     like the benchmark school: 20 weeks, every subject, 45 students a class), all pages; median.
//   - loadP99Ms / loadPushesPerS: 500 teachers (10 schools of 50) each push a day's work and pull,
//     20 at a time; p99 of all their requests, and pushes per second until the last push was answered. Bounded: one day each, loopback only, then it stops.
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { encodeHlc, tickHlc, type Hlc } from '@hl/core/domain/hlc'
import { naturalId, uuidv7 } from '@hl/core/ids'
import { SCHEMA_VERSION, type Mutation, type PullResponse, type PushResponse, type Session } from '@hl/core/sync/protocol'
import { generateSchool } from '../../src/demo/generateSchool'
import { startCluster, type Cluster } from '../postgres-cluster'
import { median } from './stats'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const SERVER_TARGETS = { serverPushPullMs: 200, serverFullPullMs: 2000, loadP99Ms: 250, loadPushesPerS: 200 }

export interface ServerFigures {
  serverPushPullMs: number
  serverFullPullMs: number
  fullPullRecords: number
  loadP99Ms: number
  loadPushesPerS: number
  loadTeachers: number
}

interface ServerProcess {
  pid: number
  url: string
  setupCode: string
  stop(): Promise<void>
}

/** `npm run server`'s arguments to node (its flags included), read from package.json: the bench runs the server as it is run. */
function serverCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const [node, ...args] = pkg.scripts.server!.split(/\s+/)
  if (node !== 'node') throw new Error(`npm run server should start with node: ${pkg.scripts.server}`)
  return args
}

/** Starts server/src/main.ts in its own process, as `npm run server` does; resolves once it prints its address and setup code. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  // HL_BENCH_PROFILE=DIR writes the server's CPU profile there (open it in Chrome's DevTools).
  const profile = process.env.HL_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HL_BENCH_PROFILE}`] : []
  // Its log goes to a file: through a pipe, a busy benchmark reading slowly would stall the server's writes.
  const logDir = mkdtempSync(join(tmpdir(), 'hl-bench-log-'))
  const logFile = join(logDir, 'server.log')
  const fd = openSync(logFile, 'w')
  const child: ChildProcess = spawn(process.execPath, [...profile, ...serverCommand()], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', HL_DIST_DIR: join(ROOT, 'no-dist'), HL_SCRYPT_N: '1024', HL_SIGNINS_PER_ADDRESS: '100000', ...env },
    stdio: ['ignore', fd, 'inherit'],
  })
  closeSync(fd)
  let exited: number | null | undefined
  child.once('exit', (code) => (exited = code))
  const ready = await new Promise<{ url: string; setupCode: string }>((resolve, reject) => {
    const poll = setInterval(() => {
      const out = readFileSync(logFile, 'utf8')
      const url = /running at (http:\/\/[^\s/]+)/.exec(out)?.[1]
      const code = /setup code[^:]*: ([2-9A-Z-]{19})/.exec(out)?.[1]
      if (url && code) {
        clearInterval(poll)
        resolve({ url, setupCode: code })
      } else if (exited !== undefined) {
        clearInterval(poll)
        reject(new Error(`The server exited (${exited}) before it was ready:\n${out}`))
      }
    }, 100)
  })
  return {
    ...ready,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          rmSync(logDir, { recursive: true, force: true })
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}

/** CPU milliseconds used so far by the process `pid`, with (`reaped`) its children that have ended. */
function cpuMs(pid: number, reaped = false): number {
  const tick = 10 // USER_HZ is 100 on Linux
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0)) * tick
  } catch {
    return 0 // it ended while we read: its time is no longer ours to count
  }
}

/**
 * CPU milliseconds used so far by one PostgreSQL cluster: its postmaster, every live child (backends,
 * WAL writer, checkpointer, autovacuum) and, through the postmaster, the children that have ended. Not
 * any other cluster on the machine (the tests' own, say), which counting every process named
 * `postgres` would take in.
 */
function clusterCpuMs(postmaster: number): number {
  let total = cpuMs(postmaster, true)
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) total += cpuMs(Number(entry))
    } catch {
      // ended while we read
    }
  }
  return total
}

/** Runs `fn` on a connection of the bench's own to the database at `url`, closed after. */
async function onDatabase<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** ANALYZE of every table, as autovacuum does. */
const analyzeAll = (url: string): Promise<unknown> => onDatabase(url, (client) => client.query('analyze'))

/** The postmaster of the database at `url`, when it runs on this machine (the parent of a backend). */
function postmasterOf(url: string): Promise<number | null> {
  return onDatabase(url, async (client) => {
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid')
    try {
      const stat = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8')
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    } catch {
      return null // a server elsewhere: its CPU is not ours to see
    }
  })
}

/**
 * The devices' connections: kept open between requests, as a phone's are during a sync. node:http
 * rather than fetch: the simulated devices share the machine's two cores with the server they load,
 * and fetch took about twice their CPU, time the server being measured did not get.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

export function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const payload = JSON.stringify(body)
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...(token ? { authorization: `Bearer ${token}` } : {}) }
  return new Promise<T>((resolve, reject) => {
    const req = http.request(`${url}/api/v1${path}`, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString()
        if ((res.statusCode ?? 500) >= 400) return reject(new Error(`${path}: HTTP ${res.statusCode} ${text}`))
        try {
          resolve(JSON.parse(text) as T)
        } catch (err) {
          reject(err as Error)
        }
      })
    })
    req.on('error', reject)
    req.end(payload)
  })
}

/** A device: its clock, its seq and its cursor; it sends changes as the app's outbox would. */
class Device {
  private clock: Hlc
  private seq = 1
  cursor: string | null = null
  readonly clientId = uuidv7().slice(-12).replace(/-/g, '')
  constructor(
    readonly url: string,
    readonly session: Session,
  ) {
    this.clock = { wall: Date.now(), counter: 0, deviceId: this.clientId }
  }
  mutation(table: string, id: string, fields: Record<string, unknown>): Mutation {
    this.clock = tickHlc(this.clock, Date.now())
    const hlc = encodeHlc(this.clock)
    return { seq: this.seq++, table, id, op: 'put', baseVersion: 0, hlc, fields, fieldClock: Object.fromEntries(Object.keys(fields).map((f) => [f, hlc])), baseClock: {} }
  }
  async push(mutations: Mutation[]): Promise<PushResponse> {
    const res = await post<PushResponse>(this.url, '/push', { clientId: this.clientId, schemaVersion: SCHEMA_VERSION, mutations }, this.session.accessToken)
    if (res.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(res.rejected[0])}`)
    return res
  }
  async pullAll(): Promise<number> {
    let records = 0
    for (;;) {
      const res = await post<PullResponse>(this.url, '/pull', { clientId: this.clientId, cursor: this.cursor, limit: 500 }, this.session.accessToken)
      if ('reset' in res) throw new Error(`reset: ${res.reason}`)
      records += res.records.length + res.conflicts.length
      this.cursor = res.cursor
      if (!res.more) return records
    }
  }
}

const SUBJECTS = ['语文', '数学', '英语', '物理', '历史']
/** Teachers syncing at the same moment in the load test (two per school). */
const LOAD_USERS = 20

export interface BenchSchool {
  admin: Device
  classIds: string[]
  students: Map<string, string[]>
  teachers: { device: Device; classId: string; subject: string }[]
}

/** A school of 10 classes in grade 7 (45 students each) and one teacher per class and subject (50). */
export async function makeSchool(url: string, setupCode: string, index: number, withTerm: boolean): Promise<BenchSchool> {
  const session = await post<Session>(url, '/setup', { code: setupCode, school: { name: `第${index + 1}中学` }, admin: { name: '管理员', login: `admin${index}`, password: 'bench password' } })
  const admin = new Device(url, session)
  const generated = generateSchool({ seed: 7 + index, classesPerGrade: { 7: 10 }, studentsPerClass: [45, 45], termStart: '2026-08-31', weeks: withTerm ? 20 : 1, itemsPerSubjectPerDay: 3 })
  const classIds = generated.classes.map(() => uuidv7())
  const students = new Map<string, string[]>()
  const batch: Mutation[] = []
  const flush = async (all = false): Promise<void> => {
    while (batch.length >= 100 || (all && batch.length > 0)) await admin.push(batch.splice(0, 100))
  }
  for (const [k, ref] of generated.classes.entries()) {
    batch.push(admin.mutation('classes', classIds[k]!, { grade: ref.grade, name: ref.className }))
  }
  for (const [k, roster] of generated.rosters.entries()) {
    const ids: string[] = []
    for (const [n, s] of roster.students.entries()) {
      const id = uuidv7()
      ids.push(id)
      batch.push(admin.mutation('students', id, { classId: classIds[k]!, number: String(n + 1).padStart(2, '0'), name: s.name, position: n + 1 }))
      for (const [subject, tier] of Object.entries(s.tiers)) batch.push(admin.mutation('studentTiers', naturalId(id, subject), { studentId: id, classId: classIds[k]!, subject, tier }))
      await flush()
    }
    students.set(classIds[k]!, ids)
  }
  if (withTerm) {
    const classIndex = new Map(generated.classes.map((c, k) => [`${c.grade}|${c.className}`, classIds[k]!]))
    for (const a of generated.assignments) {
      const id = uuidv7()
      batch.push(admin.mutation('assignments', id, { classId: classIndex.get(`${a.classRef.grade}|${a.classRef.className}`)!, subject: a.subject, date: a.date, due: a.due ?? '', status: 'published', teacherId: session.account.teacherId, batchId: '' }))
      for (const [p, it] of a.items.entries()) {
        batch.push(
          admin.mutation('items', uuidv7(), {
            assignmentId: id,
            position: p + 1,
            title: it.title,
            kind: it.kind,
            where: it.where,
            tiers: { core: it.tiers.includes('core'), extend: it.tiers.includes('extend'), challenge: it.tiers.includes('challenge') },
            minutes: it.minutes ?? null,
            trialMinutes: it.trialMinutes ?? null,
          }),
        )
      }
      await flush()
    }
  }
  await flush(true)
  const teachers: BenchSchool['teachers'] = []
  for (const classId of classIds) {
    for (const subject of SUBJECTS) {
      const created = await post<{ invite: { code: string } }>(url, '/admin/accounts', { name: `${subject}老师`, login: `t${teachers.length}`, roles: [{ role: 'teacher', classId, subject }] }, session.accessToken)
      const s = await post<Session>(url, '/invite/accept', { code: created.invite.code, password: 'bench password' })
      teachers.push({ device: new Device(url, s), classId, subject })
    }
  }
  return { admin, classIds, students, teachers }
}

let day = 0
/** A teacher's day: 2 assignments with 4 items each, and 20 students' layers in the subject. */
function dayOfWork(t: BenchSchool['teachers'][number], students: string[]): Mutation[] {
  day++
  const date = `2027-03-${String(1 + (day % 28)).padStart(2, '0')}`
  const out: Mutation[] = []
  for (let a = 0; a < 2; a++) {
    const id = uuidv7()
    out.push(t.device.mutation('assignments', id, { classId: t.classId, subject: t.subject, date, due: '', status: 'published', teacherId: t.device.session.account.teacherId, batchId: '' }))
    for (let p = 0; p < 4; p++) {
      out.push(t.device.mutation('items', uuidv7(), { assignmentId: id, position: p + 1, title: `练习册 p${10 + p} 第 ${p + 1} 题`, kind: 'written', where: 'home', tiers: { core: true, extend: p > 0, challenge: p > 1 }, minutes: 10, trialMinutes: null }))
    }
  }
  const tiers = ['core', 'extend', 'challenge']
  for (let s = 0; s < 20; s++) {
    const student = students[(day + s) % students.length]!
    out.push(t.device.mutation('studentTiers', naturalId(student, t.subject), { studentId: student, classId: t.classId, subject: t.subject, tier: tiers[(day + s) % 3] }))
  }
  return out
}

async function newSetupCode(env: Record<string, string>): Promise<string> {
  const { execFileSync } = await import('node:child_process')
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/src/ops/cli.ts', 'setup-code'], { cwd: ROOT, env: { ...process.env, ...env } }).toString()
  return /: ([2-9A-Z-]{19})/.exec(out)![1]!
}

async function measureOn(env: Record<string, string>, runs: number, log: (line: string) => void): Promise<ServerFigures> {
  // Schools are made before the server starts (PGlite's folder is the server's while it runs).
  const codes: string[] = []
  for (let i = 1; i < 10; i++) codes.push(await newSetupCode(env))
  const server = await startServerProcess(env)
  try {
    log(`  seeding 10 schools (the first with a whole term of a 10-class grade)…`)
    let t = performance.now()
    const first = await makeSchool(server.url, server.setupCode, 0, true)
    log(`  the first in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    t = performance.now()
    const schools = [first, ...(await Promise.all(codes.map((code, i) => makeSchool(server.url, code, i + 1, false))))]
    log(`  the other nine in ${((performance.now() - t) / 1000).toFixed(1)} s`)

    // A teacher's day on an idle server.
    const teacher = first.teachers[0]!
    await teacher.device.pullAll()
    const dayTimes: number[] = []
    for (let r = 0; r < runs; r++) {
      const work = dayOfWork(teacher, first.students.get(teacher.classId)!)
      const t0 = performance.now()
      await teacher.device.push(work)
      await teacher.device.pullAll()
      dayTimes.push(performance.now() - t0)
    }

    // A new grade leader's device, pulling the grade's whole term.
    const leaderSession = await post<{ invite: { code: string } }>(server.url, '/admin/accounts', { name: '年级组长', login: 'leader', roles: [{ role: 'gradeLeader', grade: 7 }] }, first.admin.session.accessToken)
    const leader = await post<Session>(server.url, '/invite/accept', { code: leaderSession.invite.code, password: 'bench password' })
    const fullTimes: number[] = []
    let fullRecords = 0
    for (let r = 0; r < Math.max(3, Math.ceil(runs / 2)); r++) {
      const device = new Device(server.url, leader)
      const t0 = performance.now()
      fullRecords = await device.pullAll()
      fullTimes.push(performance.now() - t0)
    }

    // The load: 500 teachers, each pushing a day's work and then pulling, LOAD_USERS at a time (each
    // starts when one before it is done): the pushes a second are what the server keeps up with, and
    // the p99 the latency a teacher sees meanwhile.
    // In turn across the schools (the first teacher of each, then the second of each…), so the
    // LOAD_USERS in flight are two per school, as in a district where every school syncs at once. In
    // school order they were all one school's: its pushes take turns under its lock (push.ts), and the
    // figure was one school's serial rate, the other nine idle.
    const bySchool = schools.map((s) => s.teachers.map((t) => ({ t, students: s.students.get(t.classId)! })))
    const rounds = Math.max(...bySchool.map((teachers) => teachers.length))
    const all = Array.from({ length: rounds }, (_, k) => bySchool.flatMap((teachers) => (k < teachers.length ? [teachers[k]!] : []))).flat()
    for (const { t } of all) await t.device.pullAll()
    // The bench makes in seconds what a district builds over weeks: nine schools came a moment ago,
    // after the server's own last ANALYZE (freshStats.ts: it follows a school's import, not every new
    // school). Autovacuum looks once a minute and has not yet; its ANALYZE is run here, as it would
    // have been by any morning of the term. Without it PostgreSQL's CPU a teacher was 4.2 ms, not 3.0
    // (its kept plans made from statistics that knew one school).
    if (env.DATABASE_URL) await analyzeAll(env.DATABASE_URL)
    const work = all.map(({ t, students }) => ({ t, mutations: dayOfWork(t, students) }))
    const latencies: number[] = []
    const postmaster = env.DATABASE_URL ? await postmasterOf(env.DATABASE_URL) : null
    const cpu0 = { server: cpuMs(server.pid), postgres: postmaster ? clusterCpuMs(postmaster) : 0, devices: process.cpuUsage() }
    const t0 = performance.now()
    let lastPush = t0
    let next = 0
    await Promise.all(
      Array.from({ length: LOAD_USERS }, async () => {
        while (next < work.length) {
          const job = work[next++]!
          let s = performance.now()
          await job.t.device.push(job.mutations)
          lastPush = Math.max(lastPush, performance.now())
          latencies.push(performance.now() - s)
          s = performance.now()
          await job.t.device.pullAll()
          latencies.push(performance.now() - s)
        }
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    const pushSeconds = (lastPush - t0) / 1000
    const devicesCpu = process.cpuUsage(cpu0.devices)
    const per = (ms: number): string => (ms / work.length).toFixed(1)
    log(
      `  load: ${seconds.toFixed(1)} s; CPU ms per teacher (push + pull): server ${per(cpuMs(server.pid) - cpu0.server)}${postmaster ? `, PostgreSQL ${per(clusterCpuMs(postmaster) - cpu0.postgres)}` : ''}, the simulated devices ${per((devicesCpu.user + devicesCpu.system) / 1000)}`,
    )
    latencies.sort((a, b) => a - b)
    return {
      serverPushPullMs: median(dayTimes),
      serverFullPullMs: median(fullTimes),
      fullPullRecords: fullRecords,
      loadP99Ms: latencies[Math.floor(latencies.length * 0.99)]!,
      loadPushesPerS: work.length / pushSeconds,
      loadTeachers: work.length,
    }
  } finally {
    await server.stop()
  }
}

/** Both stores' figures; PostgreSQL first. PGlite's are null when HL_BENCH_STORES=postgres skipped it. */
export async function measureServer(runs: number, log: (line: string) => void = console.log): Promise<{ postgres: ServerFigures; pglite: ServerFigures | null }> {
  let cluster: Cluster | undefined
  let url = process.env.DATABASE_URL
  if (!url) {
    cluster = await startCluster({ durable: true })
    url = cluster.url
  } else {
    // A given database must be empty: the benchmark makes its own schools.
    const { rows } = await onDatabase(url, (client) => client.query<{ n: string }>("select count(*) as n from information_schema.tables where table_name = 'schools'"))
    if (rows[0]!.n !== '0') throw new Error('DATABASE_URL must name an empty database for the benchmark')
  }
  const dir = mkdtempSync(join(tmpdir(), 'hl-bench-pglite-'))
  try {
    log('Server on PostgreSQL:')
    const postgres = await measureOn({ DATABASE_URL: url, HL_POOL_SIZE: '20' }, runs, log)
    // HL_BENCH_STORES=postgres skips PGlite (when working on the server's speed).
    if (process.env.HL_BENCH_STORES === 'postgres') return { postgres, pglite: null }
    log('Server on PGlite:')
    const pglite = await measureOn({ DATABASE_URL: '', HL_DATA_DIR: dir }, runs, log)
    return { postgres, pglite }
  } finally {
    cluster?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
