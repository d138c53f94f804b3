// The designer's reads and writes, through the repositories: stored assignments, saves (a new one, or
// a stored one's changes against what is stored now), copies, deletes, and the unsaved drafts kept on
// the device.
import { toRaw } from 'vue'
import type { AssignmentDraft } from '@hl/core/domain/assignmentDraft'
import type { FormConflict, FormState } from '@hl/core/domain/designerForm'
import type { AssignmentRow, AssignmentStatus } from '@hl/core/records'
import { appDb } from '@/db/database'
import { propagateBankUses } from '@/db/repos/bankLinks'
import { getAssignment, type AssignmentWithItems } from '@/db/repos/assignments'
import { AssignmentConflictError, copyAssignment, createAssignments, formOf, removeAssignments, restoreAssignments, saveAssignmentChanges, type RemovedAssignments } from '@/db/repos/assignmentEdits'
import { dropDraft, editDraftKey, listNewDrafts, newDraftId, newDraftKey } from '@/db/repos/drafts'
import { plainState } from './useAssignmentDraft'
import { useLiveQuery } from './useLiveQuery'

export type SaveChangesResult = { ok: true; saved: FormState } | { ok: false; conflicts: FormConflict[]; current: FormState }

function asDraft(state: FormState): { draft: AssignmentDraft; itemIds: string[] } {
  return { draft: { subject: state.subject, date: state.date, due: state.due, items: state.items }, itemIds: state.items.map((i) => i.id) }
}

export const assignmentActions = {
  newDraftId,
  newDraftKey,
  editDraftKey,
  formOf,
  async create(state: FormState, teacherId: string, status: AssignmentStatus): Promise<AssignmentRow[]> {
    const plain = plainState(state)
    const { draft, itemIds } = asDraft(plain)
    const rows = await createAssignments(appDb(), { classIds: plain.classIds, teacherId, status, draft, itemIds })
    // Items picked from the bank: the parallel classes' copies are uses of the same bank items.
    await propagateBankUses(appDb(), rows.map((r) => r.id))
    return rows
  },
  /** Saves the form's changes since `base` against what is stored now; conflicts come back, not thrown. */
  async saveChanges(id: string, base: FormState, state: FormState, status: AssignmentStatus): Promise<SaveChangesResult> {
    try {
      return { ok: true, saved: await saveAssignmentChanges(appDb(), id, plainState(base), plainState(state), status) }
    } catch (error) {
      if (error instanceof AssignmentConflictError) return { ok: false, conflicts: error.conflicts, current: error.current }
      throw error
    }
  },
  copy(id: string, to: { date: string; due: string; classIds: readonly string[]; teacherId: string }): Promise<AssignmentRow[]> {
    return copyAssignment(appDb(), id, { ...to, classIds: [...toRaw(to.classIds)] })
  },
  remove(ids: readonly string[]): Promise<RemovedAssignments> {
    return removeAssignments(appDb(), [...ids])
  },
  restore(removed: RemovedAssignments): Promise<void> {
    return restoreAssignments(appDb(), removed)
  },
  get(id: string): Promise<AssignmentWithItems | undefined> {
    return getAssignment(appDb(), id)
  },
  /** Discards a kept draft of a new assignment, with the timers of its items (none of them was saved). */
  async dropDraft(key: string, teacherId: string | undefined): Promise<void> {
    const db = appDb()
    const kept = await db.drafts.get(key)
    await dropDraft(db, key, teacherId, kept?.state.items.map((i) => i.id) ?? [])
  },
}

/** A stored assignment with its items, read live (for the edit screen). */
export function useStoredAssignment(id: () => string | undefined) {
  return useLiveQuery(() => {
    const current = id()
    return current ? getAssignment(appDb(), current) : undefined
  }, [id])
}

/** The teacher's unsaved drafts of new assignments on this device, newest first, read live. */
export function useNewDrafts(teacherId: () => string | undefined) {
  return useLiveQuery(() => {
    const tid = teacherId()
    return tid ? listNewDrafts(appDb(), tid) : []
  }, [teacherId])
}
