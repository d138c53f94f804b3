// 公示 for parents: a read-only page per class and week, reached by a link (or its QR code) that the
// class teacher or grade leader makes and may revoke. The link's token is 32 random bytes, shown once;
// only its hash is stored, so the database alone opens no page. The page is computed from the records
// as they stand (the same engine as the app, @hl/core), showing the table and nothing else: no student
// names, no layers (work not done by everyone is "选做"), no login.
import { isIsoDate, mondayOf } from '@hl/core/domain/dates'
import { approvalStatus } from '@hl/core/domain/approval'
import { buildPublicity, isPublishable, type PublicityTable } from '@hl/core/domain/publicity'
import { uuidv7 } from '@hl/core/ids'
import type { ApprovalRow, AssignmentRow, CalendarDayRow, ClassRow, GradeBudgetRow, ItemRow, SchoolRow, StudentRow, StudentTierRow, TeacherRow, TermRow } from '@hl/core/records'
import { approvalFactsOf, engineAssignment, engineCalendar, engineRoster, schoolRulesOf } from '@hl/core/toEngine'
import type { ServerContext } from '../context'
import { ApiFailure } from '../errors'
import { randomSecret, sha256 } from '../auth/secrets'
import { loadScope, type Caller } from '../sync/scope'

export interface PublicityLink {
  id: string
  classId: string
  weekStart: string
  createdAt: number
  createdBy: string
  createdByName: string
  revokedAt: number | null
}

const fail = (status: ApiFailure['status'], code: string, params: Record<string, unknown> = {}): never => {
  throw new ApiFailure(status, code, params)
}

/** Only the class's 班主任, its grade's leader or the admin publish its table. */
async function assertPublisher(ctx: ServerContext, caller: Caller, classId: string): Promise<void> {
  const scope = await loadScope(ctx.db, caller)
  if (!(scope.isAdmin || scope.homeroom.has(classId) || scope.ledClasses.has(classId))) fail(403, 'forbidden', { table: 'publicity' })
}

export async function createLink(ctx: ServerContext, caller: Caller, body: { classId: string; weekStart: string }): Promise<PublicityLink & { token: string }> {
  if (!isIsoDate(body.weekStart)) fail(400, 'invalidRequest', { issues: [{ path: 'weekStart', message: 'date' }] })
  const cls = await ctx.db.selectFrom('records').select('id').where('school_id', '=', caller.schoolId).where('tbl', '=', 'classes').where('id', '=', body.classId).where('deleted', '=', false).executeTakeFirst()
  if (!cls) fail(404, 'notFound')
  await assertPublisher(ctx, caller, body.classId)
  const token = randomSecret(32)
  const link = { school_id: caller.schoolId, link_id: uuidv7(ctx.now()), token_hash: sha256(token), class_id: body.classId, week_start: mondayOf(body.weekStart), created_by: caller.teacherId, created_at: ctx.now(), revoked_at: null }
  await ctx.db.insertInto('publicity_links').values(link).execute()
  return { ...toLink(link, await teacherName(ctx, caller.schoolId, caller.teacherId)), token }
}

function toLink(row: { link_id: string; class_id: string; week_start: string; created_at: number | string; created_by: string; revoked_at: number | string | null }, createdByName: string): PublicityLink {
  return { id: row.link_id, classId: row.class_id, weekStart: row.week_start, createdAt: Number(row.created_at), createdBy: row.created_by, createdByName, revokedAt: row.revoked_at === null ? null : Number(row.revoked_at) }
}

async function teacherName(ctx: ServerContext, schoolId: string, teacherId: string): Promise<string> {
  const row = await ctx.db.selectFrom('records').select('data').where('school_id', '=', schoolId).where('tbl', '=', 'teachers').where('id', '=', teacherId).executeTakeFirst()
  return row ? String((row.data as Partial<TeacherRow>).name ?? '') : ''
}

/** The links of a class (and week, if given) that the caller may manage, newest first. */
export async function listLinks(ctx: ServerContext, caller: Caller, q: { classId: string; weekStart?: string }): Promise<PublicityLink[]> {
  await assertPublisher(ctx, caller, q.classId)
  let query = ctx.db.selectFrom('publicity_links').selectAll().where('school_id', '=', caller.schoolId).where('class_id', '=', q.classId)
  if (q.weekStart && isIsoDate(q.weekStart)) query = query.where('week_start', '=', mondayOf(q.weekStart))
  const rows = await query.orderBy('created_at', 'desc').execute()
  const names = new Map<string, string>()
  for (const r of rows) if (!names.has(r.created_by)) names.set(r.created_by, await teacherName(ctx, caller.schoolId, r.created_by))
  return rows.map((r) => toLink(r, names.get(r.created_by) ?? ''))
}

export async function revokeLink(ctx: ServerContext, caller: Caller, linkId: string): Promise<void> {
  const row = await ctx.db.selectFrom('publicity_links').select(['class_id']).where('school_id', '=', caller.schoolId).where('link_id', '=', linkId).executeTakeFirst()
  if (!row) return fail(404, 'notFound')
  await assertPublisher(ctx, caller, row.class_id)
  await ctx.db.updateTable('publicity_links').set({ revoked_at: ctx.now() }).where('school_id', '=', caller.schoolId).where('link_id', '=', linkId).where('revoked_at', 'is', null).execute()
}

/** The table a live link opens; null for an unknown or revoked token (the page says so, and nothing else). */
export async function tableForToken(ctx: ServerContext, token: string): Promise<PublicityTable | null> {
  if (token.length < 20 || token.length > 100) return null
  const link = await ctx.db.selectFrom('publicity_links').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst()
  if (!link || link.revoked_at !== null) return null
  const schoolId = link.school_id
  const school = await ctx.db.selectFrom('records').select(['tbl', 'data']).where('school_id', '=', schoolId).where('tbl', 'in', ['schools', 'terms', 'calendarDays', 'gradeBudgets']).where('deleted', '=', false).execute()
  const ofClass = await ctx.db
    .selectFrom('records')
    .select(['tbl', 'data'])
    .where('school_id', '=', schoolId)
    .where('class_id', '=', link.class_id)
    .where('tbl', 'in', ['assignments', 'items', 'approvals', 'students', 'studentTiers'])
    .execute()
  const cls = await ctx.db.selectFrom('records').select('data').where('school_id', '=', schoolId).where('tbl', '=', 'classes').where('id', '=', link.class_id).where('deleted', '=', false).executeTakeFirst()
  if (!cls) return null
  const of = <T>(rows: readonly { tbl: string; data: unknown }[], tbl: string) => rows.filter((r) => r.tbl === tbl).map((r) => r.data as T)
  const schoolRow = of<SchoolRow>(school, 'schools')[0]
  const live = <T extends { deletedAt?: string }>(rows: T[]) => rows.filter((r) => r.deletedAt === undefined)
  const classRow = cls.data as ClassRow
  const allItems = of<ItemRow>(ofClass, 'items')
  const approvals = of<ApprovalRow>(ofClass, 'approvals')
  const approvalOn = schoolRow?.approval === true
  const assignments = live(of<AssignmentRow>(ofClass, 'assignments')).flatMap((a) => {
    const items = allItems.filter((i) => i.assignmentId === a.id)
    const facts = approvalFactsOf(a, items, approvals.filter((d) => d.assignmentId === a.id))
    const state = approvalStatus({ status: a.status, approvalOn, contentClock: facts.contentClock, decisions: facts.decisions }).state
    if (!isPublishable(state)) return []
    return [engineAssignment(a, live(items).sort((x, y) => x.position - y.position), classRow, facts)]
  })
  const terms = live(of<TermRow>(school, 'terms')).sort((a, b) => (a.startDate < b.startDate ? 1 : -1))
  const term = terms.find((t) => t.startDate <= link.week_start) ?? terms[0]
  // The school's own record names it; a school whose admin never uploaded one has its server name.
  const schoolName = schoolRow?.name ?? (await ctx.db.selectFrom('schools').select('name').where('school_id', '=', schoolId).executeTakeFirst())?.name ?? ''
  return buildPublicity({
    schoolName,
    publishedBy: await teacherName(ctx, schoolId, link.created_by),
    ...(term ? { termStart: term.startDate } : {}),
    classRef: { grade: classRow.grade, className: classRow.name },
    weekOf: link.week_start,
    assignments,
    roster: engineRoster(classRow, live(of<StudentRow>(ofClass, 'students')), live(of<StudentTierRow>(ofClass, 'studentTiers'))),
    calendar: engineCalendar(live(of<CalendarDayRow>(school, 'calendarDays'))),
    rules: schoolRulesOf(schoolRow, live(of<GradeBudgetRow>(school, 'gradeBudgets'))),
  })
}
