// 审核: the school's approval setting and the decisions on assignments. A decision is a new row every
// time (never an edit of the assignment or of an earlier decision), signed by its decider, naming the
// content it was made on (its `basis`), so every decision is kept with who and when, and the state
// follows from them (domain/approval.ts).
import { checkDecision, type DecisionProblem } from '@hl/core/domain/approval'
import { uuidv7 } from '@hl/core/ids'
import type { ApprovalRow } from '@hl/core/records'
import { approvalFactsOf } from '@hl/core/toEngine'
import type { AppDB } from '../database'
import { liveRow, liveRows } from '../read'
import { RecordNotFoundError, write } from '../write'

export class InvalidDecisionError extends Error {
  constructor(readonly problems: readonly DecisionProblem[]) {
    super(`The decision is not valid: ${problems.join(', ')}`)
    this.name = 'InvalidDecisionError'
  }
}

/** Turns approval on or off for the school (a school setting: the admin's, with a server). */
export async function setApprovalOn(db: AppDB, schoolId: string, on: boolean): Promise<void> {
  await write(db, ['schools'], (w) => w.update('schools', schoolId, { approval: on }))
}

export function listDecisions(db: AppDB, assignmentId: string): Promise<ApprovalRow[]> {
  return liveRows(db.approvals.where('assignmentId').equals(assignmentId))
}

export interface DecisionInput {
  assignmentId: string
  decision: 'approved' | 'returned'
  reason: string
  /** Item id → minutes, for an approval with the leader's minutes. */
  minutes: Readonly<Record<string, number>>
  /** The decider ("me"). */
  teacherId: string
}

/**
 * Records a decision on the assignment as this device holds it now: its basis is the newest change of
 * the assignment and its items here, read in the same transaction, so a change that arrives later is
 * a new submission rather than something approved unseen.
 */
export async function decide(db: AppDB, input: DecisionInput, now: number = Date.now()): Promise<ApprovalRow> {
  const problems = checkDecision(input)
  if (problems.length) throw new InvalidDecisionError(problems)
  return write(db, ['approvals', 'assignments', 'items'], async (w) => {
    const assignment = await liveRow(db.assignments, input.assignmentId)
    if (!assignment) throw new RecordNotFoundError('assignments', input.assignmentId)
    const items = await db.items.where('assignmentId').equals(input.assignmentId).toArray()
    const live = new Set(items.filter((i) => i.deletedAt === undefined).map((i) => i.id))
    const minutes = Object.fromEntries(Object.entries(input.decision === 'approved' ? input.minutes : {}).filter(([id]) => live.has(id)))
    const { contentClock } = approvalFactsOf(assignment, items, [])
    return w.create('approvals', uuidv7(now), {
      assignmentId: input.assignmentId,
      decision: input.decision,
      reason: input.reason.trim(),
      minutes,
      basis: contentClock,
      teacherId: input.teacherId,
      decidedAt: now,
    })
  })
}
