// POST /api/v1/push: a device's changes, in its own seq order, in ONE transaction that also records
// the client's last seq, so a replayed push is skipped and a crash never half-applies one. The
// school's row is locked first: pushes of one school are serialised, and the versions they take
// commit in order, so a pull never steps over a change still being written (sync-design.md: a plain
// serial column lost rows under concurrent writers).
import { MIN_SCHEMA_VERSION, SCHEMA_VERSION, type PushRequest, type PushResponse } from '@hl/core/sync/protocol'
import { ApiFailure } from '../errors'
import type { ServerContext } from '../context'
import { applyChange, type ApplyEnv } from './apply'
import { loadScope, type Caller } from './scope'

export function checkSchemaVersion(version: number): void {
  if (version < MIN_SCHEMA_VERSION) throw new ApiFailure(409, 'schemaTooOld', { min: MIN_SCHEMA_VERSION, got: version })
  if (version > SCHEMA_VERSION) throw new ApiFailure(409, 'schemaTooNew', { max: SCHEMA_VERSION, got: version })
}

/** Runs `fn` under the school's row lock with a version counter; stores the counter's end at commit. */
export async function withSchoolLock<T>(ctx: ServerContext, schoolId: string, fn: (env: Omit<ApplyEnv, 'scope'>) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (tx) => {
    const school = await tx.selectFrom('schools').select('version').where('school_id', '=', schoolId).forUpdate().executeTakeFirst()
    if (!school) throw new ApiFailure(404, 'unknownSchool')
    const start = school.version
    let version = start
    const result = await fn({ tx, schoolId, now: ctx.now(), nextVersion: () => ++version })
    if (version !== start) await tx.updateTable('schools').set({ version }).where('school_id', '=', schoolId).execute()
    return result
  })
}

export async function push(ctx: ServerContext, caller: Caller, req: PushRequest): Promise<PushResponse> {
  checkSchemaVersion(req.schemaVersion)
  const mutations = [...req.mutations].sort((a, b) => a.seq - b.seq)
  return withSchoolLock(ctx, caller.schoolId, async (base) => {
    const { tx } = base
    await tx
      .insertInto('clients')
      .values({ school_id: caller.schoolId, client_id: req.clientId, device_id: caller.deviceId, last_seq: 0 })
      .onConflict((oc) => oc.columns(['school_id', 'client_id']).doNothing())
      .execute()
    const client = await tx.selectFrom('clients').select(['device_id', 'last_seq']).where('school_id', '=', caller.schoolId).where('client_id', '=', req.clientId).executeTakeFirstOrThrow()
    // A client id is one app install's: another device presenting it would skip or spoil its queue.
    if (client.device_id !== caller.deviceId) throw new ApiFailure(403, 'clientOfAnotherDevice')
    const env: ApplyEnv = { ...base, scope: await loadScope(tx, caller) }
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
    if (response.lastSeq !== client.last_seq) {
      await tx.updateTable('clients').set({ last_seq: response.lastSeq }).where('school_id', '=', caller.schoolId).where('client_id', '=', req.clientId).execute()
    }
    return response
  })
}
