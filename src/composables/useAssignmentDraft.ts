// The designer's draft: plain reactive state (house-style habit: no rows in stores), its checks, the
// item operations, and the writes of a finished draft. Draft items get a UUIDv7 the moment they are
// added, which the saved item keeps (createAssignments' itemIds): a 先做 timer started on an unsaved
// item stays attached to it. The unsaved draft is kept in sessionStorage, so a reload mid-way (a timer
// running, a phone reloading a background tab) loses nothing.
import { computed, reactive, toRaw, watch } from 'vue'
import { checkDraft, type AssignmentDraft, type DraftProblem, type DraftProblemCode, type ItemDraft } from '@hl/core/domain/assignmentDraft'
import { moveItem } from '@hl/core/domain/designer'
import type { Tier } from '@hl/core/domain/types'
import { DESIGNER_DRAFT_KEY_PREFIX } from '@/constants'
import { appDb } from '@/db/database'
import { uuidv7 } from '@hl/core/ids'
import type { AssignmentRow, AssignmentStatus } from '@hl/core/records'
import {
  copyAssignment,
  createAssignments,
  getAssignment,
  removeAssignments,
  restoreAssignments,
  toItemDraft,
  updateAssignment,
  type AssignmentWithItems,
  type RemovedAssignments,
} from '@/db/repos/assignments'
import { useLiveQuery } from './useLiveQuery'

export interface DraftItem extends ItemDraft {
  /** Made when the item is added; the saved item keeps it. */
  id: string
}

export interface DesignerState {
  classIds: string[]
  subject: string
  date: string
  due: string
  items: DraftItem[]
}

export function newDraftItem(over: Partial<ItemDraft> = {}): DraftItem {
  const tiers: Record<Tier, boolean> = { core: true, extend: true, challenge: true }
  return { id: uuidv7(), title: '', kind: 'written', where: 'home', tiers, minutes: null, trialMinutes: null, ...over }
}

export function emptyState(over: Partial<DesignerState> = {}): DesignerState {
  return { classIds: [], subject: '', date: '', due: '', items: [newDraftItem()], ...over }
}

/** The form state of a stored assignment. */
export function stateOf(a: AssignmentWithItems): DesignerState {
  return {
    classIds: [a.assignment.classId],
    subject: a.assignment.subject,
    date: a.assignment.date,
    due: a.assignment.due,
    items: a.items.map((item) => ({ id: item.id, ...toItemDraft(item) })),
  }
}

interface StoredDraft {
  /** The stored assignment's updatedAt when editing began ('' for a new one): a changed row wins. */
  base: string
  state: DesignerState
}

function readStored(key: string): StoredDraft | null {
  try {
    const raw = sessionStorage.getItem(key)
    if (!raw) return null
    const parsed = JSON.parse(raw) as StoredDraft
    return parsed && typeof parsed.base === 'string' && Array.isArray(parsed.state?.items) ? parsed : null
  } catch {
    // No storage (private mode) or a damaged entry: start from the database instead.
    return null
  }
}

export function useAssignmentDraft(storageName: () => string) {
  const state = reactive<DesignerState>(emptyState())
  let base = ''
  let persist = false

  const draft = computed<AssignmentDraft>(() => ({ subject: state.subject, date: state.date, due: state.due, items: state.items }))
  const problems = computed<DraftProblem[]>(() => checkDraft(draft.value))
  const classProblem = computed(() => state.classIds.length === 0)
  const problemOf = computed(() => {
    const byField = new Map<string, DraftProblemCode>()
    for (const p of problems.value) if (!byField.has(p.field)) byField.set(p.field, p.code)
    return byField
  })
  const isValid = computed(() => problems.value.length === 0 && !classProblem.value)

  const key = () => DESIGNER_DRAFT_KEY_PREFIX + storageName()

  function replace(next: DesignerState, nextBase = ''): void {
    state.classIds = [...next.classIds]
    state.subject = next.subject
    state.date = next.date
    state.due = next.due
    state.items = next.items.map((i) => ({ ...i, tiers: { ...i.tiers } }))
    base = nextBase
  }

  /** Restores an unsaved draft kept for this screen, if its base is still current. True when it did. */
  function restore(currentBase = ''): boolean {
    persist = true
    const stored = readStored(key())
    if (!stored || stored.base !== currentBase) return false
    replace(stored.state, stored.base)
    return true
  }

  /** Starts keeping the draft across reloads, from `initial`. */
  function begin(initial: DesignerState, initialBase = ''): void {
    replace(initial, initialBase)
    persist = true
  }

  function forget(): void {
    try {
      sessionStorage.removeItem(key())
    } catch {
      // Nothing was kept.
    }
  }

  watch(
    state,
    () => {
      if (!persist) return
      try {
        sessionStorage.setItem(key(), JSON.stringify({ base, state: toRaw(state) } satisfies StoredDraft))
      } catch {
        // Full or blocked storage: the draft still lives in this page; only a reload would lose it.
      }
    },
    { deep: true },
  )

  return {
    state,
    draft,
    problems,
    problemOf,
    classProblem,
    isValid,
    restore,
    begin,
    forget,
    addItem(): DraftItem {
      const item = newDraftItem()
      state.items.push(item)
      return item
    },
    removeItem(index: number): void {
      state.items.splice(index, 1)
    },
    moveItem(index: number, delta: -1 | 1): void {
      state.items = moveItem(state.items, index, index + delta)
    },
  }
}

/** Plain copies for IndexedDB: Vue proxies cannot be cloned into it (house-style habit 4). */
function plainDraft(state: DesignerState): { draft: AssignmentDraft; itemIds: string[] } {
  const raw = toRaw(state)
  const items = raw.items.map((i) => toRaw(i))
  return {
    draft: {
      subject: raw.subject,
      date: raw.date,
      due: raw.due,
      items: items.map((i) => ({ title: i.title, kind: i.kind, where: i.where, tiers: { ...toRaw(i.tiers) }, minutes: i.minutes, trialMinutes: i.trialMinutes })),
    },
    itemIds: items.map((i) => i.id),
  }
}

/** The designer's writes, through the repositories. */
export const assignmentActions = {
  async create(state: DesignerState, teacherId: string, status: AssignmentStatus): Promise<AssignmentRow[]> {
    const { draft, itemIds } = plainDraft(state)
    return createAssignments(appDb(), { classIds: [...toRaw(state.classIds)], teacherId, status, draft, itemIds })
  },
  async update(id: string, state: DesignerState, status: AssignmentStatus): Promise<void> {
    const { draft, itemIds } = plainDraft(state)
    await updateAssignment(appDb(), id, draft, itemIds, status)
  },
  copy(id: string, to: { date: string; due: string; classIds: readonly string[]; teacherId: string }): Promise<AssignmentRow[]> {
    return copyAssignment(appDb(), id, { ...to, classIds: [...to.classIds] })
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
}

/** A stored assignment with its items, read live (for the edit screen). */
export function useStoredAssignment(id: () => string | undefined) {
  return useLiveQuery(() => {
    const current = id()
    return current ? getAssignment(appDb(), current) : undefined
  }, [id])
}
