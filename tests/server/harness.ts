// Real servers on loopback for the protocol tests: the same startServer as `npm start`, on port 0,
// on PGlite (in memory, or in a folder for restarts) or on its own fresh database of the test
// PostgreSQL. Requests go over HTTP with fetch: no mocked transport.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { newSetupCode } from '../../server/src/auth/accounts'
import type { ServerConfig } from '../../server/src/config'
import type { Logger } from '../../server/src/log'
import { startServer, type RunningServer } from '../../server/src/server'
import type { RoleAssignment, Session } from '@hl/core/sync/protocol'

export type StoreKind = 'pglite' | 'postgres'
export const STORES: StoreKind[] = ['pglite', 'postgres']

/** Log lines a server wrote, to check they carry no personal data. */
export class CapturedLog implements Logger {
  readonly lines: string[] = []
  info(msg: string, fields = {}): void {
    this.lines.push(JSON.stringify({ level: 'info', msg, ...fields }))
  }
  warn(msg: string, fields = {}): void {
    this.lines.push(JSON.stringify({ level: 'warn', msg, ...fields }))
  }
  error(msg: string, fields = {}): void {
    this.lines.push(JSON.stringify({ level: 'error', msg, ...fields }))
  }
}

/** A fresh, empty PostgreSQL database on the test cluster. */
export async function freshPostgresDatabase(): Promise<string> {
  const base = inject('postgresUrl')
  const name = `hl_test_${Math.random().toString(36).slice(2, 10)}`
  const client = new pg.Client({ connectionString: base })
  await client.connect()
  await client.query(`create database ${name}`)
  await client.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

export interface StoreHandle {
  kind: StoreKind
  /** The config to start a server on this store again (a restart keeps the data). */
  config: ServerConfig
  cleanup(): void
}

export async function makeStore(kind: StoreKind, { persistent = false } = {}): Promise<StoreHandle> {
  const dir = persistent ? mkdtempSync(join(tmpdir(), 'hl-server-')) : null
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    dataDir: dir ?? 'memory://',
    scryptN: 1024,
    accessTokenMinutes: 15,
    poolSize: 5,
    signInsPerAddress: 30,
    ...(kind === 'postgres' ? { databaseUrl: await freshPostgresDatabase() } : {}),
  }
  return { kind, config, cleanup: () => dir && rmSync(dir, { recursive: true, force: true }) }
}

export async function start(handle: StoreHandle, log = new CapturedLog(), now?: () => number): Promise<RunningServer & { log: CapturedLog }> {
  const server = await startServer(handle.config, log, now)
  return Object.assign(server, { log })
}

export interface Reply<T = Record<string, unknown>> {
  status: number
  body: T
}

export async function call<T = Record<string, unknown>>(server: { url: string }, method: string, path: string, body?: unknown, token?: string, rawBody?: string): Promise<Reply<T>> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(rawBody !== undefined ? { body: rawBody } : body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T }
}

export const post = <T = Record<string, unknown>>(server: { url: string }, path: string, body: unknown, token?: string) => call<T>(server, 'POST', path, body, token)

let counter = 0
/** A school with its admin signed in. */
export async function newSchool(server: RunningServer, name = '实验小学'): Promise<{ admin: Session; schoolId: string }> {
  const code = await newSetupCode(server.ctx.db, server.ctx.now())
  counter++
  const res = await post<Session>(server, '/setup', { code, school: { name }, admin: { name: '王校长', login: `admin${counter}`, password: 'correct horse 1' }, device: { name: 'test' } })
  if (res.status !== 201) throw new Error(`setup failed: ${JSON.stringify(res.body)}`)
  return { admin: res.body, schoolId: res.body.school.id }
}

/** An account with roles, signed in through its invite. */
export async function newTeacher(server: RunningServer, admin: Session, name: string, roles: RoleAssignment[], teacherId?: string): Promise<Session> {
  counter++
  const created = await post<{ invite: { code: string } }>(server, '/admin/accounts', { name, login: `t${counter}`, roles, ...(teacherId ? { teacherId } : {}) }, admin.accessToken)
  if (created.status !== 201) throw new Error(`account failed: ${JSON.stringify(created.body)}`)
  const session = await post<Session>(server, '/invite/accept', { code: created.body.invite.code, password: 'a good password', device: { name: 'phone' } })
  if (session.status !== 200) throw new Error(`invite failed: ${JSON.stringify(session.body)}`)
  return session.body
}
