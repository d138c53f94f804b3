// The HTTP layer: the API under /api/v1 (Hono), every body size-limited and checked with the shared
// schemas (@hl/core/sync/protocol) before anything runs, and the built app beside it.
import { Hono, type Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { HttpBindings } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { renderSVG } from 'uqr'
import * as v from 'valibot'
import {
  CreateAccountSchema,
  DismissConflictsSchema,
  InviteAcceptSchema,
  LIMITS,
  LoginRequestSchema,
  MIN_SCHEMA_VERSION,
  PublicityLinkCreateSchema,
  PullRequestSchema,
  PushRequestSchema,
  RefreshRequestSchema,
  SCHEMA_VERSION,
  SetRolesSchema,
  SetupRequestSchema,
} from '@hl/core/sync/protocol'
import { sql } from 'kysely'
import { createAccount, listAccounts, reinvite, setDisabled, setRoles, setupSchool, unlock, type Invite } from './auth/accounts'
import { acceptInvite, accountInfo, listDevices, login, refresh, revokeDevice, revokeOwnDevice } from './auth/signIn'
import { ADDRESS_WINDOW_MS, AddressLimiter } from './auth/rateLimit'
import { sameSecret, verifyAccess } from './auth/secrets'
import { dump } from './ops/dump'
import type { ServerContext } from './context'
import { ApiFailure } from './errors'
import { errorFields } from './log'
import { serveApp } from './static'
import { dismissConflicts } from './sync/conflicts'
import { pull, pullBody } from './sync/pull'
import { push } from './sync/push'
import { authenticate, type Caller } from './sync/scope'
import { createLink, listLinks, revokeLink, tableForToken } from './publicity/links'
import { gonePage, publicityPage } from './publicity/page'

type Env = { Bindings: Partial<HttpBindings>; Variables: { caller: Caller; maxBody: number } }

const fail = (status: ApiFailure['status'], code: string, params: Record<string, unknown> = {}): never => {
  throw new ApiFailure(status, code, params)
}

const tooLarge = (maxBytes: number): never => fail(413, 'tooLarge', { maxBytes })

/**
 * The body as text, at most `maxSize` bytes, else 413. Read from Node's request itself rather than
 * through a web Request and its stream, which cost a tenth of the server's CPU in the benchmark's load.
 * A body over the limit is read on (up to 16 times it) and dropped, so the client reads the 413 instead
 * of a reset connection.
 */
async function readCapped(c: Context<Env>, maxSize: number): Promise<string> {
  const incoming = c.env?.incoming
  if (!incoming) {
    // Not served by @hono/node-server (Hono's own app.request()): the web Request is all there is.
    const text = await c.req.text()
    return Buffer.byteLength(text) > maxSize ? tooLarge(maxSize) : text
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= maxSize) chunks.push(chunk)
    else if (size > 16 * maxSize) break
  }
  if (size > maxSize) tooLarge(maxSize)
  const text = Buffer.concat(chunks, size).toString('utf8')
  // As a web Request's text() does: a byte-order mark is not part of the text.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** The body as JSON, checked with `schema`; 400 with the reasons when it is not. */
async function body<S extends v.GenericSchema>(c: Context<Env>, schema: S): Promise<v.InferOutput<S>> {
  const text = await readCapped(c, c.get('maxBody') ?? LIMITS.otherBytes)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return fail(400, 'malformedJson')
  }
  if (schema === (PushRequestSchema as v.GenericSchema) && typeof value === 'object' && value !== null) {
    const mutations = (value as { mutations?: unknown }).mutations
    if (Array.isArray(mutations) && mutations.length > LIMITS.pushMutations) fail(413, 'tooManyMutations', { max: LIMITS.pushMutations })
  }
  const parsed = v.safeParse(schema, value)
  if (!parsed.success) fail(400, 'invalidRequest', { issues: parsed.issues.slice(0, 20).map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })) })
  return (parsed as { output: v.InferOutput<S> }).output
}

/** 413 beyond `maxSize` bytes, by the declared length or, for a streamed body, while reading it. */
const limit = (maxSize: number) =>
  createMiddleware<Env>(async (c, next) => {
    // Refused before anything runs when its declared length is over (read on and dropped, then 413);
    // a body sent without its length (chunked) is counted as the handler reads it.
    if (Number(c.req.header('content-length')) > maxSize) {
      await readCapped(c, maxSize)
      tooLarge(maxSize)
    }
    c.set('maxBody', maxSize)
    await next()
  })

function inviteLink(ctx: ServerContext, c: Context, invite: Invite): Invite & { url: string; qrSvg: string } {
  const origin = ctx.config.publicUrl ?? new URL(c.req.url).origin
  const url = `${origin}/join?code=${encodeURIComponent(invite.code)}`
  // A quiet zone of 4 modules, as the QR standard asks: phone cameras find the code more surely.
  return { ...invite, url, qrSvg: renderSVG(url, { border: 4 }) }
}

export function buildApp(ctx: ServerContext): Hono<Env> {
  const app = new Hono<Env>()
  const addresses = new AddressLimiter({ windowMs: ADDRESS_WINDOW_MS, maxAttempts: ctx.config.signInsPerAddress })
  const address = (c: Context): string => getConnInfo(c).remote.address ?? 'unknown'
  const throttle = (c: Context): void => {
    const wait = addresses.hit(address(c), ctx.now())
    if (wait > 0) fail(429, 'tooManyAttempts', { retryAfterS: Math.ceil(wait / 1000) })
  }

  app.onError((err, c) => {
    if (err instanceof ApiFailure) return c.json({ error: { code: err.code, params: err.params } }, err.status)
    ctx.log.error('request failed', { method: c.req.method, route: c.req.routePath, ...errorFields(err) })
    return c.json({ error: { code: 'internal', params: {} } }, 500)
  })

  app.use('/api/*', async (c, next) => {
    const start = performance.now()
    // Set before the handler answers, so it goes out with the answer: a header set on a finished
    // response makes Hono rebuild it as a streamed one, which cost a 400 kB pull page several ms.
    c.header('Cache-Control', 'no-store')
    await next()
    ctx.log.info('request', { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - start) })
  })

  const api = new Hono<Env>()

  api.get('/health', async (c) => {
    try {
      await sql`select 1`.execute(ctx.db)
    } catch (err) {
      ctx.log.error('health check failed', errorFields(err))
      return c.json({ status: 'unavailable' }, 503)
    }
    return c.json({ status: 'ok', store: ctx.store.kind, schemaVersion: SCHEMA_VERSION, minSchemaVersion: MIN_SCHEMA_VERSION })
  })

  api.get('/info', async (c) => {
    const school = await ctx.db.selectFrom('schools').select('school_id').limit(1).executeTakeFirst()
    return c.json({ setupNeeded: !school, schemaVersion: SCHEMA_VERSION, minSchemaVersion: MIN_SCHEMA_VERSION, limits: LIMITS })
  })

  // The backup command's way in while this process holds the PGlite folder (src/ops/cli.ts).
  api.get('/ops/backup', async (c) => {
    const key = ctx.opsKey
    if (!key || !sameSecret(c.req.header('Authorization') ?? '', `Ops ${key}`)) return fail(401, 'badToken')
    const { readable, writable } = new TextEncoderStream()
    const writer = writable.getWriter()
    dump(ctx.db, ctx.now(), (line) => writer.write(line + '\n')).then(
      () => writer.close(),
      (err: unknown) => {
        ctx.log.error('backup failed', errorFields(err))
        return writer.abort(err)
      },
    )
    return c.body(readable, 200, { 'content-type': 'application/x-ndjson' })
  })

  // ---- signing in ----
  api.post('/setup', limit(LIMITS.otherBytes), async (c) => {
    throttle(c)
    return c.json(await setupSchool(ctx, await body(c, SetupRequestSchema)), 201)
  })
  api.post('/login', limit(LIMITS.otherBytes), async (c) => {
    throttle(c)
    return c.json(await login(ctx, await body(c, LoginRequestSchema)))
  })
  api.post('/invite/accept', limit(LIMITS.otherBytes), async (c) => {
    throttle(c)
    return c.json(await acceptInvite(ctx, await body(c, InviteAcceptSchema)))
  })
  api.post('/token', limit(LIMITS.otherBytes), async (c) => c.json(await refresh(ctx, (await body(c, RefreshRequestSchema)).refreshToken)))

  // ---- everything below needs a valid access token of a live device ----
  const auth = createMiddleware<Env>(async (c, next) => {
    const header = c.req.header('Authorization') ?? ''
    const claims = header.startsWith('Bearer ') ? verifyAccess(header.slice(7), ctx.tokenKey, ctx.now()) : null
    if (!claims) return fail(401, 'badToken')
    // The token alone proves nothing more than who it was given to: the device and the account are
    // checked in the database on every request, so a revoke or a disabled account takes effect at once.
    const caller = await authenticate(ctx.db, claims)
    if (!caller) return fail(401, 'badToken')
    c.set('caller', caller)
    await next()
  })

  api.get('/me', auth, async (c) => {
    const caller = c.get('caller')
    return c.json(await accountInfo(ctx.db, caller.schoolId, caller.accountId))
  })
  api.post('/logout', auth, async (c) => {
    const caller = c.get('caller')
    await revokeDevice(ctx, caller.schoolId, caller.deviceId)
    return c.json({ ok: true })
  })
  api.post('/push', auth, limit(LIMITS.pushBytes), async (c) => c.json(await push(ctx, c.get('caller'), await body(c, PushRequestSchema))))
  api.post('/pull', auth, limit(LIMITS.otherBytes), async (c) => c.body(pullBody(await pull(ctx, c.get('caller'), await body(c, PullRequestSchema))), 200, { 'content-type': 'application/json; charset=utf-8' }))
  api.post('/conflicts/dismiss', auth, limit(LIMITS.otherBytes), async (c) => c.json(await dismissConflicts(ctx, c.get('caller'), (await body(c, DismissConflictsSchema)).ids)))
  // The poke: a cheap question a device asks every few seconds while it is open. The school's version
  // moves with every change, so a device that sees a new one pulls (and shows another teacher's new
  // homework within seconds); no scope is computed, nothing is read but one row.
  api.get('/version', auth, async (c) => {
    const school = await ctx.db.selectFrom('schools').select('version').where('school_id', '=', c.get('caller').schoolId).executeTakeFirstOrThrow()
    return c.json({ version: Number(school.version) })
  })
  // A teacher's own devices: where she is signed in, and signing out one she lost.
  api.get('/devices', auth, async (c) => {
    const caller = c.get('caller')
    return c.json((await listDevices(ctx.db, caller.schoolId, caller.accountId)).map((d) => ({ ...d, current: d.id === caller.deviceId })))
  })
  api.post('/devices/:id/revoke', auth, async (c) => {
    const caller = c.get('caller')
    await revokeOwnDevice(ctx, caller.schoolId, caller.accountId, c.req.param('id'))
    return c.json({ ok: true })
  })

  // ---- 公示: parents' links of a class's week (its 班主任's or grade leader's) ----
  api.post('/publicity/links', auth, limit(LIMITS.otherBytes), async (c) => {
    const { token, ...link } = await createLink(ctx, c.get('caller'), await body(c, PublicityLinkCreateSchema))
    const origin = ctx.config.publicUrl ?? new URL(c.req.url).origin
    const url = `${origin}/p/${token}`
    return c.json({ ...link, url, qrSvg: renderSVG(url, { border: 4 }) }, 201)
  })
  api.get('/publicity/links', auth, async (c) => c.json(await listLinks(ctx, c.get('caller'), { classId: c.req.query('classId') ?? '', ...(c.req.query('weekStart') ? { weekStart: c.req.query('weekStart')! } : {}) })))
  api.post('/publicity/links/:id/revoke', auth, async (c) => {
    await revokeLink(ctx, c.get('caller'), c.req.param('id'))
    return c.json({ ok: true })
  })

  // ---- the admin's: accounts and devices ----
  const admin = new Hono<Env>()
  api.use('/admin/*', auth, async (c, next) => {
    if (!c.get('caller').isAdmin) fail(403, 'adminOnly')
    await next()
  })
  admin.get('/accounts', async (c) => c.json(await listAccounts(ctx.db, c.get('caller').schoolId)))
  admin.post('/accounts', limit(LIMITS.otherBytes), async (c) => {
    const { account, invite } = await createAccount(ctx, c.get('caller'), await body(c, CreateAccountSchema))
    return c.json({ account, invite: inviteLink(ctx, c, invite) }, 201)
  })
  admin.put('/accounts/:id/roles', limit(LIMITS.otherBytes), async (c) => c.json(await setRoles(ctx, c.get('caller'), c.req.param('id'), (await body(c, SetRolesSchema)).roles)))
  admin.post('/accounts/:id/invite', async (c) => c.json(inviteLink(ctx, c, await reinvite(ctx, c.get('caller').schoolId, c.req.param('id')))))
  admin.post('/accounts/:id/unlock', async (c) => {
    await unlock(ctx, c.get('caller').schoolId, c.req.param('id'))
    return c.json({ ok: true })
  })
  admin.post('/accounts/:id/disable', async (c) => {
    await setDisabled(ctx, c.get('caller'), c.req.param('id'), true)
    return c.json({ ok: true })
  })
  admin.post('/accounts/:id/enable', async (c) => {
    await setDisabled(ctx, c.get('caller'), c.req.param('id'), false)
    return c.json({ ok: true })
  })
  admin.get('/devices', async (c) => c.json(await listDevices(ctx.db, c.get('caller').schoolId)))
  admin.post('/devices/:id/revoke', async (c) => {
    await revokeDevice(ctx, c.get('caller').schoolId, c.req.param('id'))
    return c.json({ ok: true })
  })

  api.route('/admin', admin)
  app.route('/api/v1', api)
  app.all('/api/*', () => fail(404, 'notFound'))
  // The parents' page: no sign-in, no script, no app; a revoked or unknown link says only that.
  app.get('/p/:token', async (c) => {
    const lang = c.req.query('lang') === 'en' ? 'en' : 'zh-CN'
    const table = await tableForToken(ctx, c.req.param('token'))
    c.header('Cache-Control', 'no-store')
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:")
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Robots-Tag', 'noindex')
    return c.html(table ? publicityPage(table, lang) : gonePage(lang), table ? 200 : 404)
  })
  if (ctx.config.distDir) serveApp(app, ctx.config.distDir)
  return app
}
