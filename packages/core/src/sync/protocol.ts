// The sync protocol between the app and the school server (../../shared/sync-design.md, "Protocol"):
// the request and response shapes of /api/v1, as valibot schemas the server checks every payload
// with and types the app's sync engine is written against. Row contents are checked with the one
// registry of tables (../schema/tables): never a second schema of a record.
import * as v from 'valibot'
import { hlcStamp, id } from '../schema/fields'
import { TEXT_LIMITS } from '../schema/textLimits'

/**
 * The shape of the records this code writes. The server refuses pushes from an app older than
 * `MIN_SCHEMA_VERSION` (the teacher is told to reload, which brings the new app) and from one newer
 * than it knows (the server needs updating).
 */
export const SCHEMA_VERSION = 1
export const MIN_SCHEMA_VERSION = 1

export const LIMITS = {
  /** Mutations per push; a longer queue is sent in several pushes. */
  pushMutations: 100,
  /** Bytes of one push body. */
  pushBytes: 1024 * 1024,
  /** Records per pull page. */
  pullRecords: 500,
  /** Bytes of any other request body. */
  otherBytes: 64 * 1024,
  /** A clock further ahead of the server's time than this is clamped. */
  clockSkewMs: 60_000,
} as const

const fieldName = v.pipe(v.string(), v.minLength(1), v.maxLength(60))
const seq = v.pipe(v.number(), v.safeInteger(), v.minValue(1))
/** A device's id for sync: as in an HLC stamp (lower-case letters, digits, '-'). */
export const clientId = v.pipe(v.string(), v.regex(/^[0-9a-z-]{1,64}$/))

export const MutationSchema = v.object({
  /** The device's own order of its changes, never reused: the server keeps the last one applied. */
  seq,
  /** A table of the registry; an unknown one is rejected (this mutation only), not a malformed push. */
  table: v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
  id,
  /** 'delete' when the change leaves the record deleted (`fields.deletedAt` is then its HLC). */
  op: v.picklist(['put', 'delete']),
  /** The record's version on the device before the change (informative: concurrency is judged per field by `baseClock`). */
  baseVersion: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  /** The HLC of the change's latest edit. */
  hlc: hlcStamp,
  /** The changed fields only, with their latest values; `deletedAt`: an HLC (deleted) or null (restored). */
  fields: v.record(fieldName, v.unknown()),
  /** The HLC of each changed field. */
  fieldClock: v.record(fieldName, hlcStamp),
  /** The record's field clocks as the device knew them before it began this change. */
  baseClock: v.record(fieldName, hlcStamp),
})
export type Mutation = v.InferOutput<typeof MutationSchema>

export const PushRequestSchema = v.object({
  clientId,
  schemaVersion: v.pipe(v.number(), v.safeInteger()),
  mutations: v.pipe(
    v.array(MutationSchema),
    v.maxLength(LIMITS.pushMutations),
    v.check((ms) => new Set(ms.map((m) => m.seq)).size === ms.length, 'duplicate seq'),
  ),
})
export type PushRequest = v.InferOutput<typeof PushRequestSchema>

/** Why a mutation was refused. It still consumes its seq: the device shows it to the user and moves on. */
export type RejectCode =
  /** `table` is not a synced table. */
  | 'unknownTable'
  /** Some field is not a field of the table, or its value is out of range (`params.issues`). */
  | 'invalidFields'
  /** A field has no clock, or `deletedAt` does not match `op`. */
  | 'invalidChange'
  /** A new record lacks fields (`params.missing`). */
  | 'incomplete'
  /** A record unique by meaning whose id is not the one its fields make. */
  | 'naturalId'
  /** The record's parent (an item's assignment) is not on the server, so its class is unknown. */
  | 'unknownParent'
  /** The record (as sent, or as stored) is outside what the caller may write (`params.table`). */
  | 'forbidden'

export interface Rejection {
  seq: number
  code: RejectCode
  params: Record<string, unknown>
}

/** A value that lost to another one for the same field, kept so a person can restore it. */
export const ConflictRowSchema = v.object({
  id,
  table: v.string(),
  recordId: id,
  /** The field; '' for a delete that won against an edit (`kind: 'deleted'`). */
  field: v.string(),
  kind: v.picklist(['field', 'deleted']),
  /** The value the record holds, the clock of its change, and the teacher whose change it was (null: unknown). */
  kept: v.unknown(),
  keptClock: v.string(),
  keptBy: v.nullable(v.string()),
  /** The value that lost (for `deleted`: the edited fields), its clock, and whose change it was. */
  lost: v.unknown(),
  lostClock: v.string(),
  lostBy: v.nullable(v.string()),
  /** When the server met the conflict (epoch ms), and when someone dismissed it (null while shown). */
  at: v.number(),
  dismissedAt: v.nullable(v.number()),
})
export type ConflictRow = v.InferOutput<typeof ConflictRowSchema>

export interface PushResponse {
  /** The highest seq the server has taken from this client (applied, rejected or skipped). */
  lastSeq: number
  applied: number[]
  /** Seqs the server had already taken: a replayed push changes nothing. */
  skipped: number[]
  rejected: Rejection[]
  /** Conflicts this push met: values of the push that lost, and stored values it overwrote. */
  conflicts: ConflictRow[]
  /** Mutations whose clocks were more than LIMITS.clockSkewMs ahead of the server: the clocks the server stored instead. */
  clamped: { seq: number; fieldClock: Record<string, string> }[]
  /** The server's time (epoch ms), so a device whose clock runs ahead can tell. */
  serverTime: number
}

export const PullRequestSchema = v.object({
  clientId,
  /** Opaque; null (or absent) to pull from the start. */
  cursor: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(1000))), null),
  limit: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(LIMITS.pullRecords)), LIMITS.pullRecords),
})
export type PullRequest = v.InferOutput<typeof PullRequestSchema>

export type ResetReason =
  /** The server was restored from a backup: its history is not the one the cursor points into. */
  | 'restored'
  /** Tombstones older than the cursor were purged: deletions the device missed can no longer be sent. */
  | 'purged'
  /** The caller's classes changed: records now in scope are older than the cursor. */
  | 'scopeChanged'
  /** The cursor is not one this server gave. */
  | 'badCursor'

/**
 * A page of changes, oldest first, parents before children within a push. A reset tells the device to
 * pull from the start (cursor null) while keeping its unsent outbox.
 */
export type PullResponse =
  | { records: { table: string; row: Record<string, unknown> }[]; conflicts: ConflictRow[]; cursor: string; more: boolean }
  | { reset: true; reason: ResetReason }

// ---- accounts ----

const login = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64), v.regex(/^[^\s]+$/, 'login'))
/** At least 8 characters; bounded so hashing stays cheap. */
export const password = v.pipe(v.string(), v.minLength(8), v.maxLength(200))
const personName = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(TEXT_LIMITS.name))
const deviceName = v.optional(v.pipe(v.string(), v.maxLength(100)), '')
const grade = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12))

/** A role assignment: one person may hold several. */
export const RoleAssignmentSchema = v.variant('role', [
  v.object({ role: v.literal('teacher'), classId: id, subject: v.pipe(v.string(), v.minLength(1), v.maxLength(TEXT_LIMITS.subject)) }),
  v.object({ role: v.literal('homeroomTeacher'), classId: id }),
  v.object({ role: v.literal('gradeLeader'), grade }),
  v.object({ role: v.literal('admin') }),
])
export type RoleAssignment = v.InferOutput<typeof RoleAssignmentSchema>

export const SetupRequestSchema = v.object({
  code: v.pipe(v.string(), v.maxLength(100)),
  /** The school: `id` is the device's own school record's id, so a school made offline keeps its ids. */
  school: v.object({ id: v.optional(id), name: personName }),
  /** The admin's account; `teacherId` links it to the teacher record of "who I am" on the device. */
  admin: v.object({ name: personName, login, password, teacherId: v.optional(id) }),
  device: v.optional(v.object({ name: deviceName }), { name: '' }),
})

export const LoginRequestSchema = v.object({
  /** The school's code (shown at setup); may be left out on a server that holds one school. */
  school: v.optional(v.pipe(v.string(), v.maxLength(64))),
  login,
  password: v.pipe(v.string(), v.maxLength(200)),
  device: v.optional(v.object({ name: deviceName }), { name: '' }),
})

export const InviteAcceptSchema = v.object({
  code: v.pipe(v.string(), v.maxLength(100)),
  password,
  device: v.optional(v.object({ name: deviceName }), { name: '' }),
})

export const RefreshRequestSchema = v.object({ refreshToken: v.pipe(v.string(), v.maxLength(300)) })

export const CreateAccountSchema = v.object({
  name: personName,
  login,
  /** The teacher record this account is; a new one is made when absent. */
  teacherId: v.optional(id),
  roles: v.pipe(v.array(RoleAssignmentSchema), v.maxLength(200)),
})

export const SetRolesSchema = v.object({ roles: v.pipe(v.array(RoleAssignmentSchema), v.maxLength(200)) })

/** 公示: a parents' link for one class and week (the class teacher's or grade leader's). */
export const PublicityLinkCreateSchema = v.object({ classId: id, weekStart: v.pipe(v.string(), v.maxLength(10)) })

/** A parents' link as the app lists it; `url` and `qrSvg` only when it is made (the token is shown once). */
export interface PublicityLinkInfo {
  id: string
  classId: string
  weekStart: string
  createdAt: number
  createdBy: string
  createdByName: string
  revokedAt: number | null
  url?: string
  qrSvg?: string
}

export const DismissConflictsSchema = v.object({ ids: v.pipe(v.array(id), v.minLength(1), v.maxLength(500)) })

/** What a device gets when it signs in: a long-lived refresh token (revocable) and a short-lived access token. */
export interface Session {
  accessToken: string
  /** Epoch ms after which the access token is refused: get another with the refresh token. */
  accessExpiresAt: number
  refreshToken: string
  account: AccountInfo
  school: { id: string; code: string; name: string }
}

export interface AccountInfo {
  id: string
  name: string
  login: string
  teacherId: string
  roles: RoleAssignment[]
}

/** An error answer of the API: a code the app words through its messages, with parameters. */
export interface ApiError {
  error: { code: string; params: Record<string, unknown> }
}
