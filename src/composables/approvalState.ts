// 审核: an assignment's approval state as every screen shows it (the designer, the class week, my week,
// the desk), from its decisions and the school's setting (domain/approval.ts).
import { approvalStatus, type ApprovalState, type ApprovalStatus } from '@hl/core/domain/approval'
import type { AssignmentWithItems } from '@/db/repos/assignments'

export type { ApprovalState }

export function approvalOf(a: AssignmentWithItems, approvalOn: boolean): ApprovalStatus {
  return approvalStatus({ status: a.assignment.status, approvalOn, contentClock: a.approval?.contentClock ?? '', decisions: a.approval?.decisions ?? [] })
}

export function stateOf(a: AssignmentWithItems, approvalOn: boolean): ApprovalState {
  return approvalOf(a, approvalOn).state
}
