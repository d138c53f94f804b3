// Schools, accounts and devices: the one-time setup code that creates a school and its admin, the
// admin's accounts with their role assignments and one-time invite codes, sign-in with a password
// (slowed, then locked, after wrong ones), and the devices' refresh tokens (stored hashed, revocable).
// Roles are written as the synced `teachings` and `roles` records of the account's teacher, so the
// app sees them and the scope is computed from them (./../sync/scope.ts).
import { naturalId, uuidv7 } from '@hl/core/ids'
import type { AccountInfo, RoleAssignment, Session } from '@hl/core/sync/protocol'
import type { ServerContext } from '../context'
import { ApiFailure } from '../errors'
import type { Db } from '../store'
import { applyChange } from '../sync/apply'
import { withSchoolLock } from '../sync/push'
import type { Scope } from '../sync/scope'
import { hashPassword, makeRefreshToken, newCode, normaliseCode, parseRefreshToken, randomSecret, sameSecret, sha256, signAccess, verifyPassword } from './secrets'

/** Wrong passwords: this many are free, then each waits twice as long as the one before, up to the lock. */
export const LOGIN_POLICY = { freeFailures: 3, lockAfter: 10, lockMs: 60 * 60 * 1000, firstDelayMs: 1000, maxDelayMs: 5 * 60 * 1000 }
const INVITE_DAYS = 14

// ---- setup codes ----

/** Makes a new one-time setup code (printed by the server; only its hash is stored). */
export async function newSetupCode(db: Db, now: number): Promise<string> {
  const code = newCode(4)
  await db.insertInto('setup_codes').values({ code_hash: sha256(normaliseCode(code)), created_at: now, used_at: null }).execute()
  return code
}

/** A setup code is good for a week: one found in an old log cannot create a school later. */
export const SETUP_CODE_DAYS = 7

/** While the server holds no school (the very first start, or restarts before setup), a setup code to print; otherwise null. */
export async function firstStartSetupCode(db: Db, now: number): Promise<string | null> {
  const school = await db.selectFrom('schools').select('school_id').limit(1).executeTakeFirst()
  return school ? null : newSetupCode(db, now)
}

// ---- role assignments as synced records ----

function roleRecords(teacherId: string, roles: readonly RoleAssignment[], grades: Map<string, number>): { table: 'teachings' | 'roles'; id: string; fields: Record<string, unknown> }[] {
  const out: { table: 'teachings' | 'roles'; id: string; fields: Record<string, unknown> }[] = []
  for (const r of roles) {
    if (r.role === 'teacher') out.push({ table: 'teachings', id: naturalId(teacherId, r.classId, r.subject), fields: { teacherId, classId: r.classId, subject: r.subject } })
    else if (r.role === 'homeroomTeacher') {
      const grade = grades.get(r.classId)
      if (grade === undefined) throw new ApiFailure(400, 'unknownClass', { classId: r.classId })
      out.push({ table: 'roles', id: naturalId(teacherId, 'homeroomTeacher', r.classId), fields: { teacherId, role: 'homeroomTeacher', classId: r.classId, grade } })
    } else if (r.role === 'gradeLeader') out.push({ table: 'roles', id: naturalId(teacherId, 'gradeLeader', r.grade), fields: { teacherId, role: 'gradeLeader', classId: '', grade: r.grade } })
  }
  return out
}

const ADMIN_SCOPE = (teacherId: string): Scope => ({
  teacherId,
  isAdmin: true,
  teaches: new Set(),
  taughtClasses: new Set(),
  homeroom: new Set(),
  leadGrades: new Set(),
  readableClasses: [],
  hash: '',
})

/** Writes a server-made change of a record (as the admin would), with the server's clock. */
async function serverPut(ctx: ServerContext, env: Parameters<typeof applyChange>[0], authorId: string, table: string, id: string, fields: Record<string, unknown>): Promise<void> {
  const stored = await env.changes.get(table, id)
  const storedData = stored?.data as { fieldClock?: Record<string, string>; deletedAt?: string } | undefined
  const stamp = ctx.stamp()
  const all = storedData?.deletedAt ? { ...fields, deletedAt: null } : fields
  const changed = Object.fromEntries(Object.entries(all).filter(([f, value]) => !stored || f === 'deletedAt' || JSON.stringify((stored.data as Record<string, unknown>)[f]) !== JSON.stringify(value)))
  if (stored && Object.keys(changed).length === 0) return
  const result = await applyChange(env, authorId, {
    table,
    id,
    op: typeof changed.deletedAt === 'string' ? 'delete' : 'put',
    fields: changed,
    fieldClock: Object.fromEntries(Object.keys(changed).map((f) => [f, stamp])),
    baseClock: storedData?.fieldClock ?? {},
  })
  if (!result.ok) throw new ApiFailure(400, result.code, result.params)
}

async function serverDelete(ctx: ServerContext, env: Parameters<typeof applyChange>[0], authorId: string, table: string, id: string): Promise<void> {
  const stamp = ctx.stamp()
  const stored = await env.changes.get(table, id)
  if (!stored || (stored.data as { deletedAt?: string }).deletedAt) return
  const result = await applyChange(env, authorId, { table, id, op: 'delete', fields: { deletedAt: stamp }, fieldClock: { deletedAt: stamp }, baseClock: (stored.data as { fieldClock: Record<string, string> }).fieldClock })
  if (!result.ok) throw new ApiFailure(400, result.code, result.params)
}

async function classGrades(db: Db, schoolId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('records').select(['id', 'grade']).where('school_id', '=', schoolId).where('tbl', '=', 'classes').where('deleted', '=', false).execute()
  return new Map(rows.map((r) => [r.id, r.grade ?? 0]))
}

/** Replaces the teacher's role records by `roles` (unchanged ones stay as they are). */
async function writeRoles(ctx: ServerContext, env: Parameters<typeof applyChange>[0], authorId: string, teacherId: string, roles: readonly RoleAssignment[]): Promise<void> {
  const wanted = roleRecords(teacherId, roles, await classGrades(env.tx, env.schoolId))
  const existing = await env.tx.selectFrom('records').select(['tbl', 'id']).where('school_id', '=', env.schoolId).where('tbl', 'in', ['teachings', 'roles']).where('teacher_id', '=', teacherId).where('deleted', '=', false).execute()
  const keep = new Set(wanted.map((w) => `${w.table}|${w.id}`))
  for (const e of existing) if (!keep.has(`${e.tbl}|${e.id}`)) await serverDelete(ctx, env, authorId, e.tbl, e.id)
  for (const w of wanted) await serverPut(ctx, env, authorId, w.table, w.id, w.fields)
}

// ---- sessions ----

async function openSession(ctx: ServerContext, db: Db, schoolId: string, accountId: string, deviceName: string): Promise<Session> {
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

async function rolesOf(db: Db, schoolId: string, teacherId: string, isAdmin: boolean): Promise<RoleAssignment[]> {
  const rows = await db.selectFrom('records').select(['tbl', 'data']).where('school_id', '=', schoolId).where('tbl', 'in', ['teachings', 'roles']).where('teacher_id', '=', teacherId).where('deleted', '=', false).orderBy('id').execute()
  const roles: RoleAssignment[] = rows.map(({ tbl, data }) =>
    tbl === 'teachings'
      ? { role: 'teacher', classId: String(data.classId), subject: String(data.subject) }
      : data.role === 'homeroomTeacher'
        ? { role: 'homeroomTeacher', classId: String(data.classId) }
        : { role: 'gradeLeader', grade: Number(data.grade) },
  )
  return isAdmin ? [{ role: 'admin' }, ...roles] : roles
}

// ---- setup ----

export interface SetupInput {
  code: string
  school: { id?: string; name: string }
  admin: { name: string; login: string; password: string; teacherId?: string }
  device: { name: string }
}

export async function setupSchool(ctx: ServerContext, input: SetupInput): Promise<Session> {
  const now = ctx.now()
  const codeHash = sha256(normaliseCode(input.code))
  const passwordHash = await hashPassword(input.admin.password, ctx.config.scryptN)
  const schoolId = input.school.id ?? uuidv7(now)
  const teacherId = input.admin.teacherId ?? uuidv7(now)
  const accountId = uuidv7(now)
  await ctx.db.transaction().execute(async (tx) => {
    const used = await tx
      .updateTable('setup_codes')
      .set({ used_at: now })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('created_at', '>', now - SETUP_CODE_DAYS * 86_400_000)
      .executeTakeFirst()
    if (Number(used.numUpdatedRows) !== 1) throw new ApiFailure(403, 'badSetupCode')
    const taken = await tx.selectFrom('schools').select('school_id').where('school_id', '=', schoolId).executeTakeFirst()
    if (taken) throw new ApiFailure(409, 'schoolExists')
    await tx.insertInto('schools').values({ school_id: schoolId, code: await freeSchoolCode(tx), name: input.school.name, created_at: now }).execute()
    await tx.insertInto('accounts').values({ school_id: schoolId, account_id: accountId, login: input.admin.login, name: input.admin.name, teacher_id: teacherId, is_admin: true, password_hash: passwordHash, invite_hash: null, invite_expires_at: null, disabled_at: null, created_at: now }).execute()
  })
  // The admin's teacher record (if the device did not bring one, it pushes its own later: same id).
  await withSchoolLock(ctx, schoolId, async (base) => {
    const env = { ...base, scope: ADMIN_SCOPE(teacherId) }
    if (!input.admin.teacherId) await serverPut(ctx, env, teacherId, 'teachers', teacherId, { name: input.admin.name })
  })
  ctx.log.info('school created', { school: schoolId })
  return openSession(ctx, ctx.db, schoolId, accountId, input.device.name)
}

async function freeSchoolCode(db: Db): Promise<string> {
  for (;;) {
    const code = newCode(1)
    const taken = await db.selectFrom('schools').select('school_id').where('code', '=', code).executeTakeFirst()
    if (!taken) return code
  }
}

// ---- accounts (admin) ----

export interface NewAccount {
  name: string
  login: string
  teacherId?: string
  roles: RoleAssignment[]
}

export interface Invite {
  code: string
  expiresAt: number
}

async function newInvite(ctx: ServerContext, db: Db, schoolId: string, accountId: string): Promise<Invite> {
  const code = newCode(4)
  const expiresAt = ctx.now() + INVITE_DAYS * 86_400_000
  await db.updateTable('accounts').set({ invite_hash: sha256(normaliseCode(code)), invite_expires_at: expiresAt }).where('school_id', '=', schoolId).where('account_id', '=', accountId).execute()
  return { code, expiresAt }
}

export async function createAccount(ctx: ServerContext, admin: { schoolId: string; teacherId: string }, input: NewAccount): Promise<{ account: AccountInfo; invite: Invite }> {
  const now = ctx.now()
  const accountId = uuidv7(now)
  const teacherId = input.teacherId ?? uuidv7(now)
  const isAdmin = input.roles.some((r) => r.role === 'admin')
  await withSchoolLock(ctx, admin.schoolId, async (base) => {
    const { tx } = base
    const clash = await tx
      .selectFrom('accounts')
      .select(['login', 'teacher_id'])
      .where('school_id', '=', admin.schoolId)
      .where((eb) => eb.or([eb(eb.fn('lower', ['login']), '=', input.login.toLowerCase()), eb('teacher_id', '=', teacherId)]))
      .executeTakeFirst()
    if (clash) throw new ApiFailure(409, clash.teacher_id === teacherId ? 'teacherHasAccount' : 'loginTaken')
    await tx.insertInto('accounts').values({ school_id: admin.schoolId, account_id: accountId, login: input.login, name: input.name, teacher_id: teacherId, is_admin: isAdmin, password_hash: null, invite_hash: null, invite_expires_at: null, disabled_at: null, created_at: now }).execute()
    const env = { ...base, scope: ADMIN_SCOPE(admin.teacherId) }
    const teacher = await env.changes.get('teachers', teacherId)
    if (!teacher || teacher.data.deletedAt !== undefined) await serverPut(ctx, env, admin.teacherId, 'teachers', teacherId, { name: input.name })
    await writeRoles(ctx, env, admin.teacherId, teacherId, input.roles)
  })
  const invite = await newInvite(ctx, ctx.db, admin.schoolId, accountId)
  return { account: await accountInfo(ctx.db, admin.schoolId, accountId), invite }
}

export async function setRoles(ctx: ServerContext, admin: { schoolId: string; teacherId: string; accountId: string }, accountId: string, roles: RoleAssignment[]): Promise<AccountInfo> {
  const account = await ctx.db.selectFrom('accounts').select(['teacher_id']).where('school_id', '=', admin.schoolId).where('account_id', '=', accountId).executeTakeFirst()
  if (!account) throw new ApiFailure(404, 'unknownAccount')
  const isAdmin = roles.some((r) => r.role === 'admin')
  // An admin cannot take away their own admin role: the school could be left with nobody to manage it.
  if (!isAdmin && accountId === admin.accountId) throw new ApiFailure(409, 'ownAdminRole')
  await withSchoolLock(ctx, admin.schoolId, async (base) => {
    await base.tx.updateTable('accounts').set({ is_admin: isAdmin }).where('school_id', '=', admin.schoolId).where('account_id', '=', accountId).execute()
    await writeRoles(ctx, { ...base, scope: ADMIN_SCOPE(admin.teacherId) }, admin.teacherId, account.teacher_id, roles)
  })
  return accountInfo(ctx.db, admin.schoolId, accountId)
}

export async function reinvite(ctx: ServerContext, schoolId: string, accountId: string): Promise<Invite> {
  const account = await ctx.db.selectFrom('accounts').select('account_id').where('school_id', '=', schoolId).where('account_id', '=', accountId).executeTakeFirst()
  if (!account) throw new ApiFailure(404, 'unknownAccount')
  return newInvite(ctx, ctx.db, schoolId, accountId)
}

export async function unlock(ctx: ServerContext, schoolId: string, accountId: string): Promise<void> {
  const done = await ctx.db.updateTable('accounts').set({ failed_logins: 0, next_login_at: 0 }).where('school_id', '=', schoolId).where('account_id', '=', accountId).executeTakeFirst()
  if (Number(done.numUpdatedRows) !== 1) throw new ApiFailure(404, 'unknownAccount')
}

/** Disables an account (a teacher who left): its devices are refused at once; `enable` undoes it. */
export async function setDisabled(ctx: ServerContext, admin: { schoolId: string; accountId: string }, accountId: string, disabled: boolean): Promise<void> {
  if (disabled && accountId === admin.accountId) throw new ApiFailure(409, 'ownAccount')
  const done = await ctx.db
    .updateTable('accounts')
    .set({ disabled_at: disabled ? ctx.now() : null })
    .where('school_id', '=', admin.schoolId)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
  if (Number(done.numUpdatedRows) !== 1) throw new ApiFailure(404, 'unknownAccount')
  ctx.log.info(disabled ? 'account disabled' : 'account enabled', { school: admin.schoolId })
}

export async function listAccounts(db: Db, schoolId: string): Promise<(AccountInfo & { hasPassword: boolean; invitePending: boolean; locked: boolean; disabled: boolean })[]> {
  const rows = await db.selectFrom('accounts').select(['account_id', 'password_hash', 'invite_hash', 'failed_logins', 'disabled_at']).where('school_id', '=', schoolId).orderBy('created_at').execute()
  return Promise.all(
    rows.map(async (r) => ({
      ...(await accountInfo(db, schoolId, r.account_id)),
      hasPassword: r.password_hash !== null,
      invitePending: r.invite_hash !== null,
      locked: r.failed_logins >= LOGIN_POLICY.lockAfter,
      disabled: r.disabled_at !== null,
    })),
  )
}

// ---- invites, sign-in, tokens ----

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

export async function listDevices(db: Db, schoolId: string) {
  return db
    .selectFrom('devices')
    .select(['device_id as id', 'account_id as accountId', 'name', 'created_at as createdAt', 'last_seen_at as lastSeenAt', 'revoked_at as revokedAt'])
    .where('school_id', '=', schoolId)
    .orderBy('created_at')
    .execute()
}

export async function revokeDevice(ctx: ServerContext, schoolId: string, deviceId: string): Promise<void> {
  const done = await ctx.db.updateTable('devices').set({ revoked_at: ctx.now() }).where('school_id', '=', schoolId).where('device_id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst()
  if (Number(done.numUpdatedRows) !== 1) throw new ApiFailure(404, 'unknownDevice')
  ctx.log.info('device revoked', { school: schoolId, device: deviceId })
}
