// The server's tables, as Kysely sees them (the SQL is in ./migrations.ts). Every table holding a
// school's data has a key that starts with `school_id`, so one server holds several schools and a
// district can spread schools over several databases. Times are epoch milliseconds (bigint).
import type { ColumnType, Generated } from 'kysely'

/** A jsonb column: written through `json()` (./store.ts), read back parsed. */
type Json<T> = ColumnType<T, string, string>

export interface Database {
  /** The server's own settings: the epoch (changed by a restore), the token key. Not school data. */
  server_meta: { key: string; value: string }
  /** One-time codes that create a school and its admin; stored hashed. Not school data. */
  setup_codes: { code_hash: string; created_at: number; used_at: number | null }
  schools: {
    school_id: string
    /** Short code a teacher types at sign-in on a server holding several schools. */
    code: string
    name: string
    /** The per-school change counter: taken under this row's lock by every push (sync-design.md). */
    version: Generated<number>
    /** Tombstones at or below this version were purged: an older cursor must reset. */
    purged_below: Generated<number>
    created_at: number
  }
  accounts: {
    school_id: string
    account_id: string
    login: string
    name: string
    /** The teacher record (synced table `teachers`) this account is. */
    teacher_id: string
    is_admin: boolean
    password_hash: string | null
    invite_hash: string | null
    invite_expires_at: number | null
    failed_logins: Generated<number>
    /** Wrong passwords slow the next try: no attempt before this time. */
    next_login_at: Generated<number>
    disabled_at: number | null
    created_at: number
  }
  devices: {
    school_id: string
    device_id: string
    account_id: string
    name: string
    /** SHA-256 of the refresh token's secret (the secret is 256 random bits, so no slow hash is needed). */
    refresh_hash: string
    created_at: number
    last_seen_at: number
    revoked_at: number | null
  }
  /** A sync client (one app install) and the last seq the server took from it. */
  clients: { school_id: string; client_id: string; device_id: string; last_seq: number }
  records: {
    school_id: string
    tbl: string
    id: string
    /** The per-school version of the record's last change: the pull cursor runs over it. */
    version: number
    /** The whole stored row: fields, `fieldClock`, `updatedAt`, `deletedAt`, the server copy's `version`. */
    data: Json<Record<string, unknown>>
    /** Per field, the teacher whose change it holds (server-side only: says who a conflict's values belong to). */
    authors: Json<Record<string, string>>
    /** Scope columns, from the table's TABLE_SCOPE entry (and the parent's, for an item). */
    read_kind: string
    class_id: string | null
    subject: string | null
    grade: number | null
    teacher_id: string | null
    parent_id: string | null
    deleted: boolean
  }
  conflicts: {
    school_id: string
    conflict_id: string
    version: number
    tbl: string
    record_id: string
    field: string
    kind: string
    kept: Json<unknown>
    kept_clock: string
    kept_by: string | null
    lost: Json<unknown>
    lost_clock: string
    lost_by: string | null
    created_at: number
    dismissed_at: number | null
  }
  publicity_links: {
    school_id: string
    link_id: string
    token_hash: string
    class_id: string
    week_start: string
    created_by: string
    created_at: number
    revoked_at: number | null
  }
}
