// Importing a checked plan (packages/core/src/formats/planImport.ts) as the signed-in teacher's homework: ONE write()
// transaction for the whole file, so an import either adds every assignment or, on any failure, none.
import type { PlannedAssignment } from '@hl/core/formats/planImport'
import type { AppDB } from './database'
import { uuidv7 } from '@hl/core/ids'
import type { AssignmentStatus } from '@hl/core/records'
import { write } from './write'

export interface PlanImportOutcome {
  assignmentIds: string[]
  itemCount: number
}

export async function importPlan(db: AppDB, input: { planned: readonly PlannedAssignment[]; teacherId: string; status: AssignmentStatus }): Promise<PlanImportOutcome> {
  return write(db, ['assignments', 'items'], async (w) => {
    const outcome: PlanImportOutcome = { assignmentIds: [], itemCount: 0 }
    for (const { classId, assignment: a } of input.planned) {
      const id = uuidv7()
      // Each planned assignment is its own batch: the file names one class a row, not parallel classes.
      await w.create('assignments', id, { classId, subject: a.subject.trim(), date: a.date, due: a.due ?? '', status: input.status, teacherId: input.teacherId, batchId: uuidv7() })
      for (const [position, item] of a.items.entries()) {
        await w.create('items', uuidv7(), {
          assignmentId: id,
          position,
          title: item.title.trim(),
          kind: item.kind,
          where: item.where,
          tiers: { core: item.tiers.includes('core'), extend: item.tiers.includes('extend'), challenge: item.tiers.includes('challenge') },
          minutes: item.minutes ?? null,
          trialMinutes: item.trialMinutes ?? null,
        })
        outcome.itemCount++
      }
      outcome.assignmentIds.push(id)
    }
    return outcome
  })
}
