// The school server's HTTP API as the app calls it (the shapes are @hl/core/sync/protocol's). Every
// failure becomes one of three errors the engine and the screens tell apart: the network (offline: try
// again later, nothing lost), the server's answer with a code (worded by the messages), or a session
// that can no longer be renewed (sign in again; the outbox stays).
import type { AccountInfo, PublicityLinkInfo, PullRequest, PullResponse, PushRequest, PushResponse, RoleAssignment, Session } from '@hl/core/sync/protocol'

/** No answer: the device is offline, the server is down, or the address is wrong. */
export class NetworkError extends Error {
  constructor(override readonly cause?: unknown) {
    super('The school server could not be reached')
    this.name = 'NetworkError'
  }
}

/** The server answered with an error code (src/i18n/messages/sync.ts words it). */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(`The school server answered ${status} ${code}`)
    this.name = 'ServerError'
  }
}

/** The device's sign-in has expired or was revoked: sign in again. */
export class SignedOutError extends Error {
  constructor() {
    super('Signed out: sign in again')
    this.name = 'SignedOutError'
  }
}

export interface ServerInfo {
  setupNeeded: boolean
  schemaVersion: number
  minSchemaVersion: number
}

export interface InviteLink {
  code: string
  url: string
  expiresAt?: number
  qrSvg?: string
}

export interface AccountListEntry extends AccountInfo {
  locked?: boolean
  disabled?: boolean
  devices?: number
}

export interface DeviceEntry {
  id: string
  name: string
  accountId?: string
  accountName?: string
  createdAt?: number
  lastSeenAt?: number | null
  revokedAt?: number | null
}

/** How the API gets its access token: the engine's session store refreshes it when it runs out. */
export interface Tokens {
  access(): Promise<string>
  /** Called once after a 401: a fresh token, or a SignedOutError. */
  renew(): Promise<string>
}

export type Fetch = typeof fetch

async function request<T>(fetchImpl: Fetch, server: string, method: string, path: string, body: unknown, token: string | null): Promise<{ status: number; body: T }> {
  let res: Response
  try {
    res = await fetchImpl(`${server.replace(/\/+$/, '')}/api/v1${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      cache: 'no-store',
    })
  } catch (error) {
    throw new NetworkError(error)
  }
  let parsed: unknown = null
  try {
    parsed = await res.json()
  } catch {
    // A proxy's HTML error page or an empty answer: handled as an answer without a code below.
  }
  if (res.ok) return { status: res.status, body: parsed as T }
  const error = (parsed as { error?: { code?: unknown; params?: unknown } } | null)?.error
  const code = typeof error?.code === 'string' ? error.code : res.status === 413 ? 'tooLarge' : res.status >= 500 ? 'serverDown' : 'badAnswer'
  // A gateway in front of a stopped server answers 502–504: the same as no answer for the engine.
  if (res.status >= 502 && res.status <= 504 && !error) throw new NetworkError()
  throw new ServerError(res.status, code, (error?.params as Record<string, unknown> | undefined) ?? {})
}

/** Calls without a session: what the server is, and the ways to sign in. */
export function publicApi(server: string, fetchImpl: Fetch = fetch) {
  const call = <T>(method: string, path: string, body?: unknown) => request<T>(fetchImpl, server, method, path, body, null).then((r) => r.body)
  return {
    info: () => call<ServerInfo>('GET', '/info'),
    setup: (body: { code: string; school: { id?: string; name: string }; admin: { name: string; login: string; password: string; teacherId?: string }; device?: { name: string } }) =>
      call<Session>('POST', '/setup', body),
    login: (body: { school?: string; login: string; password: string; device?: { name: string } }) => call<Session>('POST', '/login', body),
    acceptInvite: (body: { code: string; password: string; device?: { name: string } }) => call<Session>('POST', '/invite/accept', body),
    refresh: (refreshToken: string) => call<Session>('POST', '/token', { refreshToken }),
  }
}

/** Calls with the device's session: a 401 renews the access token once, then gives up (SignedOutError). */
export function sessionApi(server: string, tokens: Tokens, fetchImpl: Fetch = fetch) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return (await request<T>(fetchImpl, server, method, path, body, await tokens.access())).body
    } catch (error) {
      if (!(error instanceof ServerError) || error.status !== 401) throw error
      return (await request<T>(fetchImpl, server, method, path, body, await tokens.renew())).body
    }
  }
  return {
    me: () => call<AccountInfo>('GET', '/me'),
    logout: () => call<{ ok: true }>('POST', '/logout', {}),
    push: (body: PushRequest) => call<PushResponse>('POST', '/push', body),
    pull: (body: PullRequest) => call<PullResponse>('POST', '/pull', body),
    dismissConflicts: (ids: readonly string[]) => call<unknown>('POST', '/conflicts/dismiss', { ids }),
    version: () => call<{ version: number }>('GET', '/version'),
    myDevices: () => call<(DeviceEntry & { current: boolean })[]>('GET', '/devices'),
    revokeMyDevice: (id: string) => call<{ ok: true }>('POST', `/devices/${encodeURIComponent(id)}/revoke`, {}),
    publicity: {
      create: (classId: string, weekStart: string) => call<PublicityLinkInfo>('POST', '/publicity/links', { classId, weekStart }),
      list: (classId: string, weekStart: string) => call<PublicityLinkInfo[]>('GET', `/publicity/links?classId=${encodeURIComponent(classId)}&weekStart=${encodeURIComponent(weekStart)}`),
      revoke: (id: string) => call<{ ok: true }>('POST', `/publicity/links/${encodeURIComponent(id)}/revoke`, {}),
    },
    admin: {
      accounts: () => call<AccountListEntry[]>('GET', '/admin/accounts'),
      createAccount: (body: { name: string; login: string; teacherId?: string; roles: RoleAssignment[] }) => call<{ account: AccountInfo; invite: InviteLink }>('POST', '/admin/accounts', body),
      setRoles: (id: string, roles: RoleAssignment[]) => call<AccountInfo>('PUT', `/admin/accounts/${encodeURIComponent(id)}/roles`, { roles }),
      invite: (id: string) => call<InviteLink>('POST', `/admin/accounts/${encodeURIComponent(id)}/invite`, {}),
      unlock: (id: string) => call<{ ok: true }>('POST', `/admin/accounts/${encodeURIComponent(id)}/unlock`, {}),
      devices: () => call<DeviceEntry[]>('GET', '/admin/devices'),
      revokeDevice: (id: string) => call<{ ok: true }>('POST', `/admin/devices/${encodeURIComponent(id)}/revoke`, {}),
    },
  }
}

export type SessionApi = ReturnType<typeof sessionApi>
export type PublicApi = ReturnType<typeof publicApi>
