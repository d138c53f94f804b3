// A conflict notice stays until one of the two teachers whose values met dismisses it (after restoring
// the lost value, or deciding to keep the other). A dismissal takes a new version, so the notice
// leaves the other devices of both teachers on their next pull too.
import type { ServerContext } from '../context'
import { withSchoolLock } from './push'
import type { Caller } from './scope'

export async function dismissConflicts(ctx: ServerContext, caller: Caller, ids: readonly string[]): Promise<{ dismissed: string[] }> {
  return withSchoolLock(ctx, caller.schoolId, async ({ tx, now, nextVersion }) => {
    const rows = await tx
      .selectFrom('conflicts')
      .select('conflict_id')
      .where('school_id', '=', caller.schoolId)
      .where('conflict_id', 'in', [...ids])
      .where('dismissed_at', 'is', null)
      .where((eb) => eb.or([eb('lost_by', '=', caller.teacherId), eb('kept_by', '=', caller.teacherId)]))
      .orderBy('conflict_id')
      .execute()
    for (const r of rows) {
      await tx.updateTable('conflicts').set({ dismissed_at: now, version: nextVersion() }).where('school_id', '=', caller.schoolId).where('conflict_id', '=', r.conflict_id).execute()
    }
    return { dismissed: rows.map((r) => r.conflict_id) }
  })
}
