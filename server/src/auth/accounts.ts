// Schools and accounts: the one-time setup code that creates a school and its admin, and the admin's
// accounts with their role assignments (./roles.ts) and one-time invite codes. Signing in is ./signIn.ts.
import { uuidv7 } from '@hl/core/ids'
import type { AccountInfo, RoleAssignment, Session } from '@hl/core/sync/protocol'
import type { ServerContext } from '../context'
import { ApiFailure } from '../errors'
import type { Db } from '../store'
import { withSchoolLock } from '../sync/push'
import { ADMIN_SCOPE, serverPut, writeRoles } from './roles'
import { hashPassword, newCode, normaliseCode, sha256 } from './secrets'
import { accountInfo, LOGIN_POLICY, openSession } from './signIn'

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
