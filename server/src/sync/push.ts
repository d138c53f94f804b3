// POST /api/v1/push: a device's changes, in its own seq order, in ONE transaction that also records
// the client's last seq, so a replayed push is skipped and a crash never half-applies one. The
// school's row is locked first: pushes of one school are serialised, and the versions they take
// commit in order, so a pull never steps over a change still being written (sync-design.md: a plain
// serial column lost rows under concurrent writers).
import { sql } from 'kysely'
import { MIN_SCHEMA_VERSION, SCHEMA_VERSION, type PushRequest, type PushResponse } from '@hl/core/sync/protocol'
import { ApiFailure } from '../errors'
import type { ServerContext } from '../context'
import { planOnce, type Db } from '../store'
import { applyChange, ChangeSet, keysOf, preloadFor, recordsByKey, type ApplyEnv, type FoundRow } from './apply'
import { loadScope, type Caller } from './scope'

export function checkSchemaVersion(version: number): void {
  if (version < MIN_SCHEMA_VERSION) throw new ApiFailure(409, 'schemaTooOld', { min: MIN_SCHEMA_VERSION, got: version })
  if (version > SCHEMA_VERSION) throw new ApiFailure(409, 'schemaTooNew', { max: SCHEMA_VERSION, got: version })
}

/**
 * One queue per school in this process. Pushes of one school take turns anyway (the row lock); waiting
 * here instead of in the database keeps them from holding pool connections while they wait, which
 * would starve every other request (pulls, other schools) of connections.
 */
const queues = new Map<string, Promise<unknown>>()
function inTurn<T>(schoolId: string, fn: () => Promise<T>): Promise<T> {
  const before = queues.get(schoolId) ?? Promise.resolve()
  const run = before.then(fn, fn)
  const tail = run.catch(() => undefined)
  queues.set(schoolId, tail)
  void tail.then(() => {
    if (queues.get(schoolId) === tail) queues.delete(schoolId)
  })
  return run
}

/**
 * Runs `fn` under the school's row lock with a version counter and a change set; writes the changes
 * and the counter's end before commit. The row lock orders pushes across server processes too.
 */
export async function withSchoolLock<T>(ctx: ServerContext, schoolId: string, fn: (env: LockedEnv) => Promise<T>, client?: ClientKey): Promise<T> {
  return inTurn(schoolId, () => schoolTransaction(ctx, schoolId, fn, client))
}

/** A push's sync client: its row is made (or read) with the school's lock, in the same statement. */
export interface ClientKey {
  clientId: string
  deviceId: string
  /** The records the push names, read with the lock too (keysOf). */
  records: readonly { table: string; id: string }[]
}

/** What a function run under the school's lock gets: the apply environment, less the scope it brings. */
export type LockedEnv = Omit<ApplyEnv, 'scope'> & {
  /** The client's row, when the lock was taken for a client's push. */
  client: { device_id: string; last_seq: number } | null
  alsoAtCommit(write: { lastSeq: { clientId: string; seq: number } }): void
}

/**
 * Takes the school's row lock and, for a push, makes or reads the client's row and reads the records
 * the push names: one round trip. The insert reads from the locked row, so it runs only once the lock
 * is held (and not at all for an unknown school); an upsert works on the row's latest committed
 * version, as a statement of its own would. The records, though, are read in the statement's snapshot,
 * taken before the lock was granted: if a push of another server process committed in between, the
 * school's version as that snapshot saw it (`seen`) is not the locked row's, and they are not used
 * (ChangeSet reads them again, now under the lock). Every push that changes records moves the version.
 */
async function lockSchool(tx: Db, schoolId: string, changes: ChangeSet, client: ClientKey | undefined): Promise<{ version: number; client: LockedEnv['client'] } | undefined> {
  if (!client) {
    const school = await tx.selectFrom('schools').select('version').where('school_id', '=', schoolId).forUpdate().executeTakeFirst()
    return school && { version: school.version, client: null }
  }
  const { rows } = await planOnce(sql<{ version: number; seen: number; device_id: string | null; last_seq: number | null; found: FoundRow[] | null }>`
    with s as (select version from schools where school_id = ${schoolId} for update),
    c as (insert into clients (school_id, client_id, device_id, last_seq) select ${schoolId}, ${client.clientId}, ${client.deviceId}, 0 from s
      on conflict (school_id, client_id) do update set device_id = clients.device_id
      returning device_id, last_seq)
    select s.version, (select version from schools where school_id = ${schoolId}) as seen, c.device_id, c.last_seq,
      ${client.records.length > 0 ? recordsByKey(schoolId, client.records) : sql`null`} as found
    from s left join c on true`).execute(tx)
  const row = rows[0]
  if (!row) return undefined
  if (client.records.length > 0 && Number(row.seen) === Number(row.version)) changes.take(client.records, row.found ?? [])
  return { version: Number(row.version), client: { device_id: row.device_id!, last_seq: Number(row.last_seq) } }
}

async function schoolTransaction<T>(ctx: ServerContext, schoolId: string, fn: (env: LockedEnv) => Promise<T>, clientKey: ClientKey | undefined): Promise<T> {
  const { result, added } = await ctx.db.transaction().execute(async (tx) => {
    const changes = new ChangeSet(tx, schoolId)
    const school = await lockSchool(tx, schoolId, changes, clientKey)
    if (!school) throw new ApiFailure(404, 'unknownSchool')
    const start = school.version
    let version = start
    const nextVersion = (): number => ++version
    let lastSeq: { clientId: string; seq: number } | undefined
    const result = await fn({ tx, schoolId, now: ctx.now(), nextVersion, changes, client: school.client, alsoAtCommit: (w) => (lastSeq = w.lastSeq) })
    // The client's last seq and the school's counter, with the records when it can be (flush).
    await changes.flush(nextVersion, () => [
      ...(lastSeq ? [planOnce(sql`update clients set last_seq = ${lastSeq.seq} where school_id = ${schoolId} and client_id = ${lastSeq.clientId}`)] : []),
      ...(version !== start ? [planOnce(sql`update schools set version = ${version} where school_id = ${schoolId}`)] : []),
    ])
    return { result, added: changes.added }
  })
  // Committed: the store may refresh the statistics its kept plans were made from.
  if (added > 0) ctx.store.rowsAdded(added)
  return result
}

export async function push(ctx: ServerContext, caller: Caller, req: PushRequest): Promise<PushResponse> {
  checkSchemaVersion(req.schemaVersion)
  const mutations = [...req.mutations].sort((a, b) => a.seq - b.seq)
  return withSchoolLock(
    ctx,
    caller.schoolId,
    async (base) => {
      const { tx } = base
      // The client's row, made on its first push, came with the lock.
      const client = base.client!
      // A client id is one app install's: another device presenting it would skip or spoil its queue.
      if (client.device_id !== caller.deviceId) throw new ApiFailure(403, 'clientOfAnotherDevice')
      const env: ApplyEnv = { ...base, scope: await loadScope(tx, caller) }
      await preloadFor(env, mutations.filter((m) => m.seq > client.last_seq))
      const response: PushResponse = { lastSeq: client.last_seq, applied: [], skipped: [], rejected: [], conflicts: [], clamped: [], serverTime: base.now }
      for (const m of mutations) {
        if (m.seq <= response.lastSeq) {
          response.skipped.push(m.seq)
          continue
        }
        const result = await applyChange(env, caller.teacherId, m)
        if (result.ok) {
          response.applied.push(m.seq)
          response.conflicts.push(...result.conflicts)
          if (result.clampedClock) response.clamped.push({ seq: m.seq, fieldClock: result.clampedClock })
        } else response.rejected.push({ seq: m.seq, code: result.code, params: result.params })
        response.lastSeq = m.seq
      }
      if (response.lastSeq !== client.last_seq) base.alsoAtCommit({ lastSeq: { clientId: req.clientId, seq: response.lastSeq } })
      return response
    },
    { clientId: req.clientId, deviceId: caller.deviceId, records: keysOf(mutations) },
  )
}
