// Assignments and their items, as screens read them (with what their approval state is read from).
// Their edits are in assignmentEdits.ts.
import type { ItemDraft } from '@hl/core/domain/assignmentDraft'
import { addDays } from '@hl/core/domain/dates'
import type { AppDB } from '../database'
import { byPosition, liveRow, liveRows, rowsWhereAnyOf } from '../read'
import type { ApprovalRow, AssignmentRow, ItemRow } from '@hl/core/records'
import { approvalFactsOf, type ApprovalFacts } from '@hl/core/toEngine'
import { zhOrder } from '@hl/core/domain/order'

export interface AssignmentWithItems {
  assignment: AssignmentRow
  items: ItemRow[]
  /** 审核: the newest change of its content and its decisions (what its approval state is read from). */
  approval?: ApprovalFacts
}

async function withItems(db: AppDB, assignments: AssignmentRow[]): Promise<AssignmentWithItems[]> {
  if (assignments.length === 0) return []
  const ids = assignments.map((a) => a.id)
  // Deleted items too: a removed item is a change of the content an approval was given on.
  const [items, approvals] = await Promise.all([rowsWhereAnyOf(db.items, 'assignmentId', ids), db.approvals.where('assignmentId').anyOf(ids).toArray()])
  const byAssignment = new Map<string, ItemRow[]>()
  for (const item of items) {
    const list = byAssignment.get(item.assignmentId)
    if (list) list.push(item)
    else byAssignment.set(item.assignmentId, [item])
  }
  const decisions = new Map<string, ApprovalRow[]>()
  for (const d of approvals) {
    const list = decisions.get(d.assignmentId)
    if (list) list.push(d)
    else decisions.set(d.assignmentId, [d])
  }
  return assignments.map((assignment) => {
    const all = byAssignment.get(assignment.id) ?? []
    return {
      assignment,
      items: all.filter((i) => i.deletedAt === undefined).sort(byPosition),
      approval: approvalFactsOf(assignment, all, decisions.get(assignment.id) ?? []),
    }
  })
}

export async function getAssignment(db: AppDB, id: string): Promise<AssignmentWithItems | undefined> {
  const a = await liveRow(db.assignments, id)
  return a ? (await withItems(db, [a]))[0] : undefined
}

/**
 * A class's assignments with an evening in [from, to]: those set in the range, and those set earlier
 * whose due date spreads them into it. Sorted by date, then subject.
 */
export async function listClassAssignments(db: AppDB, classId: string, from: string, to: string): Promise<AssignmentWithItems[]> {
  const [setInRange, dueAfterFrom] = await Promise.all([
    liveRows(db.assignments.where('[classId+date]').between([classId, from], [classId, to], true, true)),
    // due > from means its last evening (due − 1) is on or after from. Only the keys: over a term these
    // are mostly the assignments set in it, read above; the rest are read by key below.
    db.assignments.where('[classId+due]').between([classId, addDays(from, 1)], [classId, '\uffff'], true, true).primaryKeys(),
  ])
  const seen = new Set(setInRange.map((a) => a.id))
  const others = dueAfterFrom.filter((id) => !seen.has(id))
  const spreadingIn = others.length ? (await db.assignments.bulkGet(others)).filter((a): a is AssignmentRow => a !== undefined && a.deletedAt === undefined && a.date < from) : []
  const all = [...setInRange, ...spreadingIn]
  all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : zhOrder.compare(a.subject, b.subject)))
  return withItems(db, all)
}

/** A teacher's assignments set in [from, to], across their classes. */
export async function listTeacherAssignments(db: AppDB, teacherId: string, from: string, to: string): Promise<AssignmentWithItems[]> {
  const rows = await liveRows(db.assignments.where('[teacherId+date]').between([teacherId, from], [teacherId, to], true, true))
  return withItems(db, rows)
}

export function toItemDraft(item: ItemRow): ItemDraft {
  return { title: item.title, kind: item.kind, where: item.where, tiers: { ...item.tiers }, minutes: item.minutes, trialMinutes: item.trialMinutes }
}
