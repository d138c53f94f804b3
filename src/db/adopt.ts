// A teacher whose device holds another school (set up before she joined the school's server) takes the
// server's school instead, without losing her homework: it is collected first, the device's synced
// tables give way to the server's (she has downloaded a backup of them), and once the server's classes
// have arrived her assignments, items and 先做 timers are written again into the classes of the same
// grade and name, as her changes (so they are sent). Her unsaved drafts follow too.
import { classKey } from '@hl/core/domain/types'
import type { AssignmentRow, ItemRow, TrialRow } from '@hl/core/records'
import { TABLE_NAMES } from '@hl/core/schema/tables'
import { META } from './constants'
import type { AppDB } from './database'
import type { DraftRecord } from './repos/drafts'
import { trialId } from './repos/trials'
import { write } from './write'

export interface MyHomework {
  teacherId: string | null
  /** grade|name of each class the homework was for, by the device's class id. */
  classKeys: Map<string, string>
  assignments: AssignmentRow[]
  items: ItemRow[]
  trials: TrialRow[]
  drafts: DraftRecord[]
}

export async function collectMyHomework(db: AppDB): Promise<MyHomework> {
  const me = (await db.meta.get(META.me))?.value
  const teacherId = typeof me === 'string' ? me : null
  const classKeys = new Map((await db.classes.toArray()).map((c) => [c.id, classKey({ grade: c.grade, className: c.name })]))
  if (!teacherId) return { teacherId, classKeys, assignments: [], items: [], trials: [], drafts: [] }
  const assignments = (await db.assignments.where('[teacherId+date]').between([teacherId, ''], [teacherId, '\uffff']).toArray()).filter((a) => a.deletedAt === undefined)
  const ids = assignments.map((a) => a.id)
  const items = ids.length ? (await db.items.where('assignmentId').anyOf(ids).toArray()).filter((i) => i.deletedAt === undefined) : []
  const trials = (await db.trials.toArray()).filter((t) => t.deletedAt === undefined && t.teacherId === teacherId)
  const drafts = await db.drafts.where('[teacherId+assignmentId]').between([teacherId, ''], [teacherId, '\uffff']).toArray()
  return { teacherId, classKeys, assignments, items, trials, drafts }
}

/** Empties the synced tables, the outbox and the conflicts, and makes the server's school the device's. */
export async function adoptServerSchool(db: AppDB, schoolId: string, teacherId: string): Promise<void> {
  await db.transaction('rw', [...TABLE_NAMES.map((t) => db.table(t)), db.outbox, db.meta, db.syncConflicts, db.drafts], async () => {
    for (const t of TABLE_NAMES) await db.table(t).clear()
    await db.outbox.clear()
    await db.syncConflicts.clear()
    await db.meta.delete(META.syncCursor)
    await db.meta.put({ key: META.schoolId, value: schoolId })
    await db.meta.put({ key: META.me, value: teacherId })
  })
}

/** Writes the collected homework into the server school's classes of the same grade and name. */
export async function rehomeHomework(db: AppDB, mine: MyHomework, teacherId: string): Promise<{ moved: number; unmatched: number }> {
  const serverClasses = new Map((await db.classes.toArray()).filter((c) => c.deletedAt === undefined).map((c) => [classKey({ grade: c.grade, className: c.name }), c.id]))
  const target = (localClassId: string): string | undefined => {
    const key = mine.classKeys.get(localClassId)
    return key ? serverClasses.get(key) : undefined
  }
  let moved = 0
  let unmatched = 0
  const movedItems = new Set<string>()
  await write(db, ['assignments', 'items', 'trials'], async (w) => {
    for (const a of mine.assignments) {
      const classId = target(a.classId)
      if (!classId) {
        unmatched++
        continue
      }
      await w.upsert('assignments', a.id, { classId, subject: a.subject, date: a.date, due: a.due, status: a.status, teacherId, batchId: a.batchId })
      for (const item of mine.items.filter((i) => i.assignmentId === a.id)) {
        const { id, updatedAt: _u, fieldClock: _f, version: _v, deletedAt: _d, ...fields } = item
        await w.upsert('items', id, fields)
        movedItems.add(id)
      }
      moved++
    }
    // Timers of moved items, and of items of drafts not saved yet, under the teacher's server id.
    const draftItems = new Set(mine.drafts.flatMap((d) => d.state.items.map((i) => i.id)))
    for (const t of mine.trials) {
      if (!movedItems.has(t.itemId) && !draftItems.has(t.itemId)) continue
      await w.upsert('trials', trialId(t.itemId, teacherId), { itemId: t.itemId, teacherId, state: t.state, elapsedMs: t.elapsedMs, runningSince: t.runningSince })
    }
  })
  await db.transaction('rw', db.drafts, async () => {
    for (const d of mine.drafts) {
      const classIds = d.state.classIds.map(target).filter((id): id is string => id !== undefined)
      await db.drafts.put({ ...d, teacherId, state: { ...d.state, classIds } })
    }
  })
  return { moved, unmatched }
}
