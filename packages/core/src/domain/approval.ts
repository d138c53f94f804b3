// 审核: the optional approval of homework (policy.md: "A common approval flow: draft → submitted →
// approved, or returned with a reason; the leader may edit the minutes"). When the school turns it on, a
// published assignment is submitted (待审核) until its class teacher or grade leader approves it (通过) or
// returns it (驳回) with a reason.
//
// The state is never a stored field a stale edit could overwrite (sync-design.md, "Approval state"). It is
// derived from rows: every decision is its own record, naming the newest change of the assignment and its
// items its decider saw (`basis`, an HLC). A decision applies while nothing changed after it; a teacher's
// change after a return (or after an approval) is newer than every decision, so it is a new submission.
// A change made before the decision but synced after it is also newer than what the leader saw: the
// leader looks again rather than having approved homework they never saw.
import type { IsoDate } from './types'

export type ApprovalState = 'draft' | 'published' | 'submitted' | 'approved' | 'returned'

export interface Decision {
  id: string
  decision: 'approved' | 'returned'
  reason: string
  /** Minutes the decider set per item id (approved with a change). */
  minutes: Readonly<Record<string, number>>
  basis: string
  teacherId: string
  decidedAt: number
}

interface Clocked {
  fieldClock: Readonly<Record<string, string>>
}

/** The newest change of an assignment's content: the latest clock of it and of its items, deleted items included. */
export function contentClock(assignment: Clocked, items: readonly Clocked[]): string {
  let out = ''
  for (const c of Object.values(assignment.fieldClock)) if (c > out) out = c
  for (const item of items) for (const c of Object.values(item.fieldClock)) if (c > out) out = c
  return out
}

export interface ApprovalStatus {
  state: ApprovalState
  /** The decision in force (approved or returned); null while submitted or when approval is off. */
  current: Decision | null
  /** Every decision, oldest first. */
  history: Decision[]
  /** Submitted again after an earlier decision (a fix after a return, or a change after an approval). */
  resubmitted: boolean
}

export const byDecidedAt = (a: Decision, b: Decision): number => a.decidedAt - b.decidedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The state of one assignment. `approvalOn`: the school's setting. Drafts are drafts; without approval a
 * published assignment is simply published. With it, the latest decision made on the content as it
 * stands applies; none: submitted.
 */
export function approvalStatus(input: { status: 'draft' | 'published'; approvalOn: boolean; contentClock: string; decisions: readonly Decision[] }): ApprovalStatus {
  const history = [...input.decisions].sort(byDecidedAt)
  if (input.status === 'draft') return { state: 'draft', current: null, history, resubmitted: false }
  if (!input.approvalOn) return { state: 'published', current: null, history, resubmitted: false }
  let current: Decision | null = null
  for (const d of history) if (d.basis >= input.contentClock) current = d
  if (current) return { state: current.decision, current, history, resubmitted: false }
  return { state: 'submitted', current: null, history, resubmitted: history.length > 0 }
}

/** The decision in force on content with this clock, approval on or off (a leader's adjusted minutes count either way). */
export function decisionInForce(decisions: readonly Decision[], clock: string): Decision | null {
  let current: Decision | null = null
  for (const d of [...decisions].sort(byDecidedAt)) if (d.basis >= clock) current = d
  return current
}

/** The minutes an item counts with: the decider's when an approval in force set them, else its own. */
export function adjustedMinutes(itemId: string, own: number | null, decision: Decision | null): number | null {
  if (!decision || decision.decision !== 'approved') return own
  return Object.hasOwn(decision.minutes, itemId) ? decision.minutes[itemId]! : own
}

/** Who may decide on an assignment: its class teacher or its grade's leader, never its own teacher. */
export function mayDecide(me: { teacherId: string; homeroomClasses: ReadonlySet<string>; leadGrades: ReadonlySet<number> }, assignment: { teacherId: string; classId: string; grade: number }): boolean {
  if (assignment.teacherId === me.teacherId) return false
  return me.homeroomClasses.has(assignment.classId) || me.leadGrades.has(assignment.grade)
}

export type DecisionProblem = 'reasonMissing' | 'reasonTooLong' | 'minutesInvalid'

/** A decision before it is stored: a return needs a reason; adjusted minutes are real times. */
export function checkDecision(d: { decision: 'approved' | 'returned'; reason: string; minutes: Readonly<Record<string, number>> }, maxReason = 200): DecisionProblem[] {
  const problems: DecisionProblem[] = []
  const reason = d.reason.trim()
  if (d.decision === 'returned' && reason === '') problems.push('reasonMissing')
  if (reason.length > maxReason) problems.push('reasonTooLong')
  if (Object.values(d.minutes).some((m) => !Number.isFinite(m) || m < 0 || m > 1440)) problems.push('minutesInvalid')
  return problems
}

/** The assignments waiting for a decision, oldest evening first (what the desk's 待审核 list shows). */
export function waitingOrder<T extends { date: IsoDate; state: ApprovalState }>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.state === 'submitted').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}
