// Signing in: invites, passwords (slowed, then locked, after wrong ones), and the devices' tokens (a
// long-lived refresh token stored hashed and revocable, short-lived signed access tokens).
import { uuidv7 } from '@hl/core/ids'
import type { AccountInfo, Session } from '@hl/core/sync/protocol'
import type { ServerContext } from '../context'
import { ApiFailure } from '../errors'
import type { Db } from '../store'
import { rolesOf } from './roles'
import { hashPassword, makeRefreshToken, normaliseCode, parseRefreshToken, randomSecret, sameSecret, sha256, signAccess, verifyPassword } from './secrets'

/** Wrong passwords: this many are free, then each waits twice as long as the one before, up to the lock. */
export const LOGIN_POLICY = { freeFailures: 3, lockAfter: 10, lockMs: 60 * 60 * 1000, firstDelayMs: 1000, maxDelayMs: 5 * 60 * 1000 }

export async function openSession(ctx: ServerContext, db: Db, schoolId: string, accountId: string, deviceName: string): Promise<Session> {
  const now = ctx.now()
  const deviceId = uuidv7(now)
  const secret = randomSecret(32)
  await db.insertInto('devices').values({ school_id: schoolId, device_id: deviceId, account_id: accountId, name: deviceName, refresh_hash: sha256(secret), created_at: now, last_seen_at: now, revoked_at: null }).execute()
  const access = accessToken(ctx, schoolId, deviceId, accountId)
  return { ...access, refreshToken: makeRefreshToken(schoolId, deviceId, secret), account: await accountInfo(db, schoolId, accountId), school: await schoolInfo(db, schoolId) }
}

function accessToken(ctx: ServerContext, school: string, device: string, account: string): { accessToken: string; accessExpiresAt: number } {
  const exp = ctx.now() + ctx.config.accessTokenMinutes * 60_000
  return { accessToken: signAccess({ school, device, account, exp }, ctx.tokenKey), accessExpiresAt: exp }
}

async function schoolInfo(db: Db, schoolId: string): Promise<Session['school']> {
  const s = await db.selectFrom('schools').select(['school_id', 'code', 'name']).where('school_id', '=', schoolId).executeTakeFirstOrThrow()
  return { id: s.school_id, code: s.code, name: s.name }
}

export async function accountInfo(db: Db, schoolId: string, accountId: string): Promise<AccountInfo> {
  const a = await db.selectFrom('accounts').select(['account_id', 'name', 'login', 'teacher_id', 'is_admin']).where('school_id', '=', schoolId).where('account_id', '=', accountId).executeTakeFirstOrThrow()
  return { id: a.account_id, name: a.name, login: a.login, teacherId: a.teacher_id, roles: await rolesOf(db, schoolId, a.teacher_id, a.is_admin) }
}


export async function acceptInvite(ctx: ServerContext, input: { code: string; password: string; device: { name: string } }): Promise<Session> {
  const now = ctx.now()
  const hash = sha256(normaliseCode(input.code))
  const account = await ctx.db.selectFrom('accounts').select(['school_id', 'account_id', 'invite_expires_at']).where('invite_hash', '=', hash).executeTakeFirst()
  if (!account || (account.invite_expires_at ?? 0) < now) throw new ApiFailure(403, 'badInviteCode')
  const passwordHash = await hashPassword(input.password, ctx.config.scryptN)
  const done = await ctx.db
    .updateTable('accounts')
    .set({ password_hash: passwordHash, invite_hash: null, invite_expires_at: null, failed_logins: 0, next_login_at: 0 })
    .where('school_id', '=', account.school_id)
    .where('account_id', '=', account.account_id)
    .where('invite_hash', '=', hash)
    .executeTakeFirst()
  // Two devices racing with one code: only one sets the password.
  if (Number(done.numUpdatedRows) !== 1) throw new ApiFailure(403, 'badInviteCode')
  return openSession(ctx, ctx.db, account.school_id, account.account_id, input.device.name)
}

async function findSchool(db: Db, code: string | undefined): Promise<string> {
  if (code) {
    const s = await db.selectFrom('schools').select('school_id').where('code', '=', code.toUpperCase()).executeTakeFirst()
    if (!s) throw new ApiFailure(401, 'badLogin')
    return s.school_id
  }
  const schools = await db.selectFrom('schools').select('school_id').limit(2).execute()
  if (schools.length !== 1) throw new ApiFailure(400, schools.length === 0 ? 'noSchool' : 'schoolRequired')
  return schools[0]!.school_id
}

/** The wait after `failures` wrong passwords in a row: none for the first few, then doubling. */
export function loginDelayMs(failures: number): number {
  if (failures < LOGIN_POLICY.freeFailures) return 0
  if (failures >= LOGIN_POLICY.lockAfter) return LOGIN_POLICY.lockMs
  return Math.min(LOGIN_POLICY.firstDelayMs * 2 ** (failures - LOGIN_POLICY.freeFailures), LOGIN_POLICY.maxDelayMs)
}

export async function login(ctx: ServerContext, input: { school?: string; login: string; password: string; device: { name: string } }): Promise<Session> {
  const schoolId = await findSchool(ctx.db, input.school)
  const account = await ctx.db
    .selectFrom('accounts')
    .select(['account_id', 'password_hash', 'failed_logins', 'next_login_at', 'disabled_at'])
    .where('school_id', '=', schoolId)
    .where((eb) => eb(eb.fn('lower', ['login']), '=', input.login.toLowerCase()))
    .executeTakeFirst()
  const now = ctx.now()
  if (account && account.next_login_at > now) {
    const locked = account.failed_logins >= LOGIN_POLICY.lockAfter
    throw new ApiFailure(locked ? 423 : 429, locked ? 'accountLocked' : 'tooManyAttempts', { retryAfterS: Math.ceil((account.next_login_at - now) / 1000) })
  }
  // An unknown login costs the same hashing as a known one, so timing does not tell which logins exist.
  const ok = await verifyPassword(input.password, account?.password_hash ?? (await dummyHash(ctx)))
  if (!account || !account.password_hash || account.disabled_at !== null || !ok) {
    if (account) {
      // Counted in the database, atomically: several server processes, or parallel tries, share one count.
      const { failed_logins: failures } = await ctx.db
        .updateTable('accounts')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('school_id', '=', schoolId)
        .where('account_id', '=', account.account_id)
        .returning('failed_logins')
        .executeTakeFirstOrThrow()
      await ctx.db.updateTable('accounts').set({ next_login_at: now + loginDelayMs(failures) }).where('school_id', '=', schoolId).where('account_id', '=', account.account_id).execute()
      ctx.log.warn('login failed', { school: schoolId, failures })
    }
    throw new ApiFailure(401, 'badLogin')
  }
  await ctx.db.updateTable('accounts').set({ failed_logins: 0, next_login_at: 0 }).where('school_id', '=', schoolId).where('account_id', '=', account.account_id).execute()
  return openSession(ctx, ctx.db, schoolId, account.account_id, input.device.name)
}

let dummy: Promise<string> | undefined
const dummyHash = (ctx: ServerContext): Promise<string> => (dummy ??= hashPassword(randomSecret(), ctx.config.scryptN))

export async function refresh(ctx: ServerContext, token: string): Promise<{ accessToken: string; accessExpiresAt: number }> {
  const parsed = parseRefreshToken(token)
  if (!parsed) throw new ApiFailure(401, 'badToken')
  const device = await ctx.db
    .selectFrom('devices')
    .innerJoin('accounts', (j) => j.onRef('accounts.school_id', '=', 'devices.school_id').onRef('accounts.account_id', '=', 'devices.account_id'))
    .select(['devices.account_id', 'devices.refresh_hash', 'devices.revoked_at', 'accounts.disabled_at'])
    .where('devices.school_id', '=', parsed.school)
    .where('devices.device_id', '=', parsed.device)
    .executeTakeFirst()
  if (!device || device.revoked_at !== null || device.disabled_at !== null || !sameSecret(device.refresh_hash, sha256(parsed.secret))) throw new ApiFailure(401, 'badToken')
  await ctx.db.updateTable('devices').set({ last_seen_at: ctx.now() }).where('school_id', '=', parsed.school).where('device_id', '=', parsed.device).execute()
  return accessToken(ctx, parsed.school, parsed.device, device.account_id)
}

export async function listDevices(db: Db, schoolId: string, accountId?: string) {
  let q = db
    .selectFrom('devices')
    .select(['device_id as id', 'account_id as accountId', 'name', 'created_at as createdAt', 'last_seen_at as lastSeenAt', 'revoked_at as revokedAt'])
    .where('school_id', '=', schoolId)
  if (accountId !== undefined) q = q.where('account_id', '=', accountId)
  return q.orderBy('created_at').execute()
}

/** A device of the caller's own account (a teacher signs out her lost phone). */
export async function revokeOwnDevice(ctx: ServerContext, schoolId: string, accountId: string, deviceId: string): Promise<void> {
  const own = await ctx.db.selectFrom('devices').select('device_id').where('school_id', '=', schoolId).where('account_id', '=', accountId).where('device_id', '=', deviceId).executeTakeFirst()
  if (!own) throw new ApiFailure(404, 'unknownDevice')
  await revokeDevice(ctx, schoolId, deviceId)
}

export async function revokeDevice(ctx: ServerContext, schoolId: string, deviceId: string): Promise<void> {
  const done = await ctx.db.updateTable('devices').set({ revoked_at: ctx.now() }).where('school_id', '=', schoolId).where('device_id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst()
  if (Number(done.numUpdatedRows) !== 1) throw new ApiFailure(404, 'unknownDevice')
  ctx.log.info('device revoked', { school: schoolId, device: deviceId })
}
