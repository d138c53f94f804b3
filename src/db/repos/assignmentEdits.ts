// Assignments' edits: created (one per class: setting homework for parallel classes at once creates one
// per class, sharing a batch id), changed, merged with another device's changes, copied, published and
// removed with undo. They are read through assignments.ts.
import { checkDraft, type AssignmentDraft, type DraftProblem, type ItemDraft } from '@hl/core/domain/assignmentDraft'
import { rebaseForm, type FormConflict, type FormItem, type FormState } from '@hl/core/domain/designerForm'
import type { AppDB } from '../database'
import { uuidv7 } from '@hl/core/ids'
import { liveRow, liveRows } from '../read'
import type { AssignmentRow, AssignmentStatus, ItemRow } from '@hl/core/records'
import { RecordNotFoundError, write, type Writer } from '../write'
import { getAssignment, toItemDraft, type AssignmentWithItems } from './assignments'

export class InvalidDraftError extends Error {
  constructor(readonly problems: DraftProblem[]) {
    super(`The assignment is not valid: ${problems.map((p) => `${p.field} ${p.code}`).join(', ')}`)
    this.name = 'InvalidDraftError'
  }
}

/** A draft may be incomplete; a published assignment may not (checkDraft's modes). */
function assertValid(draft: AssignmentDraft, status: AssignmentStatus = 'published'): void {
  const problems = checkDraft(draft, status === 'draft' ? 'draft' : 'publish')
  if (problems.length) throw new InvalidDraftError(problems)
}

/** The stored assignment changed underneath the form in the same places the form changed it. */
export class AssignmentConflictError extends Error {
  constructor(
    readonly conflicts: FormConflict[],
    /** The assignment as stored now, as a form. */
    readonly current: FormState,
  ) {
    super(`The assignment changed elsewhere: ${conflicts.length} conflicting changes`)
    this.name = 'AssignmentConflictError'
  }
}

function itemFields(assignmentId: string, position: number, item: ItemDraft): Omit<ItemRow, 'id' | 'updatedAt' | 'fieldClock' | 'version' | 'deletedAt'> {
  return {
    assignmentId,
    position,
    title: item.title.trim(),
    kind: item.kind,
    where: item.where,
    tiers: { core: item.tiers.core, extend: item.tiers.extend, challenge: item.tiers.challenge },
    minutes: item.minutes,
    trialMinutes: item.trialMinutes,
  }
}

async function createWithItems(
  w: Writer,
  classId: string,
  teacherId: string,
  batchId: string,
  draft: AssignmentDraft,
  status: AssignmentStatus,
  itemIds: readonly (string | undefined)[] = [],
): Promise<AssignmentRow> {
  const id = uuidv7()
  const row = await w.create('assignments', id, { classId, subject: draft.subject.trim(), date: draft.date, due: draft.due, status, teacherId, batchId })
  for (const [position, item] of draft.items.entries()) await w.create('items', itemIds[position] ?? uuidv7(), itemFields(id, position, item))
  return row
}

/**
 * Sets one assignment for each of `classIds`. `itemIds` (optional) are ids the designer made for its
 * draft items: the FIRST class's items take them, so what was attached to a draft item before it was
 * saved (a 先做 timer) stays attached; the other classes' items get new ids.
 */
export async function createAssignments(
  db: AppDB,
  input: { classIds: readonly string[]; teacherId: string; status: AssignmentStatus; draft: AssignmentDraft; itemIds?: readonly (string | undefined)[] },
): Promise<AssignmentRow[]> {
  assertValid(input.draft, input.status)
  if (input.classIds.length === 0) throw new InvalidDraftError([{ code: 'subjectMissing', field: 'classIds' }])
  const batchId = uuidv7()
  return write(db, ['assignments', 'items'], async (w) => {
    const out: AssignmentRow[] = []
    for (const [i, classId] of input.classIds.entries()) {
      out.push(await createWithItems(w, classId, input.teacherId, batchId, input.draft, input.status, i === 0 ? (input.itemIds ?? []) : []))
    }
    return out
  })
}

/**
 * Replaces an assignment's fields and items with the draft. Items keep their ids by position where an
 * `itemIds` entry is given, so an edit of one item's minutes is a one-field change for sync. A given id
 * that is not one of the assignment's items (an item the designer added) is used for the new item, unless
 * another live record already has it.
 */
export async function updateAssignment(db: AppDB, id: string, draft: AssignmentDraft, itemIds: readonly (string | undefined)[] = [], status?: AssignmentStatus): Promise<void> {
  assertValid(draft, status)
  await write(db, ['assignments', 'items'], (w) => applyUpdate(db, w, id, draft, itemIds, status))
}

async function applyUpdate(db: AppDB, w: Writer, id: string, draft: AssignmentDraft, itemIds: readonly (string | undefined)[], status?: AssignmentStatus): Promise<void> {
  await w.update('assignments', id, { subject: draft.subject.trim(), date: draft.date, due: draft.due, ...(status ? { status } : {}) })
  const current = await liveRows(db.items.where('assignmentId').equals(id))
  const kept = new Set<string>()
  for (const [position, item] of draft.items.entries()) {
    const itemId = itemIds[position]
    if (itemId && current.some((c) => c.id === itemId)) {
      kept.add(itemId)
      await w.update('items', itemId, itemFields(id, position, item))
    } else {
      const fresh = itemId && !kept.has(itemId) && !(await liveRow(db.items, itemId)) ? itemId : uuidv7()
      kept.add(fresh)
      // An id that was an item of this assignment once (deleted, then added back) is revived, not duplicated.
      await w.upsert('items', fresh, itemFields(id, position, item))
    }
  }
  for (const c of current) if (!kept.has(c.id)) await w.remove('items', c.id)
}

/** A stored assignment as the designer's form holds it. */
export function formOf(a: AssignmentWithItems): FormState {
  return {
    classIds: [a.assignment.classId],
    subject: a.assignment.subject,
    date: a.assignment.date,
    due: a.assignment.due,
    items: a.items.map((item): FormItem => ({ id: item.id, ...toItemDraft(item) })),
  }
}

/**
 * Saves what the form changed since it loaded the assignment (`base`), against the assignment as it is
 * stored NOW, in one transaction: fields the teacher did not change keep what another tab or device
 * saved meanwhile. Where both changed the same thing, nothing is written and the conflicts are thrown
 * (AssignmentConflictError), for the form to show both values. Returns the form as saved.
 */
export async function saveAssignmentChanges(db: AppDB, id: string, base: FormState, mine: FormState, status: AssignmentStatus): Promise<FormState> {
  // 'approvals' too: getAssignment reads the decisions, and a read outside the transaction's tables fails.
  return write(db, ['assignments', 'items', 'approvals'], async (w) => {
    const stored = await getAssignment(db, id)
    if (!stored) throw new RecordNotFoundError('assignments', id)
    const current = formOf(stored)
    const { state, conflicts } = rebaseForm(base, mine, current)
    if (conflicts.length > 0) throw new AssignmentConflictError(conflicts, current)
    const draft: AssignmentDraft = { subject: state.subject, date: state.date, due: state.due, items: state.items }
    assertValid(draft, status)
    await applyUpdate(db, w, id, draft, state.items.map((i) => i.id), status)
    return state
  })
}

export async function setAssignmentStatus(db: AppDB, ids: readonly string[], status: AssignmentStatus): Promise<void> {
  await write(db, ['assignments'], async (w) => {
    for (const id of ids) await w.update('assignments', id, { status })
  })
}

/** Copies an assignment, with its items, to another evening and/or other classes, as drafts. */
export async function copyAssignment(db: AppDB, id: string, to: { date: string; due: string; classIds: readonly string[]; teacherId: string }): Promise<AssignmentRow[]> {
  const source = await getAssignment(db, id)
  if (!source) throw new Error(`No assignment ${id}`)
  const draft: AssignmentDraft = { subject: source.assignment.subject, date: to.date, due: to.due, items: source.items.map(toItemDraft) }
  return createAssignments(db, { classIds: to.classIds, teacherId: to.teacherId, status: 'draft', draft })
}

export interface RemovedAssignments {
  assignmentIds: string[]
  itemIds: string[]
}

/** Deletes assignments with their items (tombstones); `restoreAssignments` is the undo. */
export async function removeAssignments(db: AppDB, ids: readonly string[]): Promise<RemovedAssignments> {
  return write(db, ['assignments', 'items'], async (w) => {
    const removed: RemovedAssignments = { assignmentIds: [], itemIds: [] }
    for (const id of ids) {
      if (!(await liveRow(db.assignments, id))) continue
      await w.remove('assignments', id)
      removed.assignmentIds.push(id)
      for (const item of await liveRows(db.items.where('assignmentId').equals(id))) {
        await w.remove('items', item.id)
        removed.itemIds.push(item.id)
      }
    }
    return removed
  })
}

export async function restoreAssignments(db: AppDB, removed: RemovedAssignments): Promise<void> {
  await write(db, ['assignments', 'items'], async (w) => {
    for (const id of removed.assignmentIds) await w.restore('assignments', id)
    for (const id of removed.itemIds) await w.restore('items', id)
  })
}
