// The designer's form: plain reactive state (house-style habit: no rows in stores), its checks, the
// item operations, and its safe keeping. The form is kept on the device as the teacher types
// (src/db/repos/drafts.ts, in IndexedDB): closing the browser, a reload or a phone that drops a
// background tab loses nothing, and a backup carries it. For a stored assignment the form remembers
// what it was opened from (`base`), so it can list the unsaved changes (and what was saved before),
// save only those, and take in changes saved elsewhere meanwhile (rebaseForm in @hl/core).
import { computed, reactive, ref, shallowRef, toRaw, watch } from 'vue'
import { checkDraft, type AssignmentDraft, type DraftCheckMode, type DraftProblem, type DraftProblemCode, type ItemDraft } from '@hl/core/domain/assignmentDraft'
import { moveItem } from '@hl/core/domain/designer'
import { blankItem, conflictKey, diffForm, rebaseForm, sameForm, takeTheirs, type FormConflict, type FormItem, type FormState } from '@hl/core/domain/designerForm'
import { uuidv7 } from '@hl/core/ids'
import type { AssignmentStatus } from '@hl/core/records'
import { appDb } from '@/db/database'
import { clearTimersOfUnsavedItems, dropDraft, getDraft, keepDraft, type DraftRecord } from '@/db/repos/drafts'

export type DraftItem = FormItem
export type DesignerState = FormState

export function newDraftItem(over: Partial<ItemDraft> = {}): DraftItem {
  return { ...blankItem(uuidv7()), ...over }
}

export function emptyState(over: Partial<DesignerState> = {}): DesignerState {
  return { classIds: [], subject: '', date: '', due: '', items: [newDraftItem()], ...over }
}

/** How long typing may pause before the form is written to the device. Short: a closed tab loses at most this. */
const KEEP_DELAY_MS = 150

/** Plain copies for IndexedDB: Vue proxies cannot be cloned into it (house-style habit 4). */
export function plainState(state: DesignerState): DesignerState {
  const raw = toRaw(state)
  return {
    classIds: [...toRaw(raw.classIds)],
    subject: raw.subject,
    date: raw.date,
    due: raw.due,
    items: raw.items.map((i) => {
      const item = toRaw(i)
      return { id: item.id, title: item.title, kind: item.kind, where: item.where, tiers: { ...toRaw(item.tiers) }, minutes: item.minutes, trialMinutes: item.trialMinutes }
    }),
  }
}

/** Copies `next` into the reactive form in place: items keep their objects, so an input being typed in keeps its focus. */
function applyInPlace(state: DesignerState, next: DesignerState): void {
  if (state.classIds.join() !== next.classIds.join()) state.classIds = [...next.classIds]
  if (state.subject !== next.subject) state.subject = next.subject
  if (state.date !== next.date) state.date = next.date
  if (state.due !== next.due) state.due = next.due
  const byId = new Map(state.items.map((i) => [i.id, i]))
  const items = next.items.map((n) => {
    const item = byId.get(n.id)
    if (!item) return { ...n, tiers: { ...n.tiers } }
    for (const key of ['title', 'kind', 'where', 'minutes', 'trialMinutes'] as const) if (item[key] !== n[key]) (item as unknown as Record<string, unknown>)[key] = n[key]
    for (const tier of ['core', 'extend', 'challenge'] as const) if (item.tiers[tier] !== n.tiers[tier]) item.tiers[tier] = n.tiers[tier]
    return item
  })
  if (items.length !== state.items.length || items.some((item, i) => item !== state.items[i])) state.items = items
}

export interface DraftKeeping {
  /** The drafts table's key ('new:<id>' or 'edit:<assignment id>'). */
  key: string
  teacherId: string
  /** The stored assignment being changed; '' for a new one. */
  assignmentId: string
}

export function useAssignmentDraft() {
  const db = appDb()
  const state = reactive<DesignerState>(emptyState())
  /** The stored assignment as the form loaded it (null for a new one). */
  const base = shallowRef<DesignerState | null>(null)
  const baseStatus = ref<AssignmentStatus | null>(null)
  /** For a new assignment: the form as it started (a blank form with defaults is not "unsaved work"). */
  const start = shallowRef<DesignerState>(plainState(state))
  const conflicts = ref<FormConflict[]>([])
  let keeping: DraftKeeping | null = null

  const draft = computed<AssignmentDraft>(() => ({ subject: state.subject, date: state.date, due: state.due, items: state.items }))
  const problemsFor = (mode: DraftCheckMode): DraftProblem[] => checkDraft(draft.value, mode)
  const classProblem = computed(() => state.classIds.length === 0)
  const changes = computed(() => (base.value ? diffForm(base.value, state) : []))
  /** Something the teacher typed is not saved yet. */
  const dirty = computed(() => (base.value ? changes.value.length > 0 : !sameForm(start.value, state)))

  function replace(next: DesignerState): void {
    applyInPlace(state, next)
  }

  /** Starts a form from `initial` (new) or from a stored assignment (`from` = its form and status). */
  function begin(initial: DesignerState, from: { base: DesignerState; status: AssignmentStatus } | null, keep: DraftKeeping): void {
    keeping = null // no write of the old form under the new key
    replace(initial)
    base.value = from ? from.base : null
    baseStatus.value = from ? from.status : null
    start.value = plainState(initial)
    conflicts.value = []
    keeping = keep
  }

  /**
   * Continues a kept draft if there is one under `keep.key`. For a stored assignment, the kept changes
   * are brought up to date with what is stored now (`current`): the teacher's changes stay, the others'
   * come in, and where both changed the same thing the form shows both. True when a draft was found.
   */
  async function resume(keep: DraftKeeping, current: { base: DesignerState; status: AssignmentStatus } | null): Promise<boolean> {
    const kept = await getDraft(db, keep.key)
    if (!kept) return false
    keeping = null
    if (current && kept.base) {
      const out = rebaseForm(kept.base, kept.state, current.base)
      replace(out.state)
      base.value = current.base
      baseStatus.value = current.status
      conflicts.value = out.conflicts
    } else {
      replace(kept.state)
      base.value = null
      baseStatus.value = null
      conflicts.value = []
    }
    start.value = current ? plainState(state) : emptyState({ classIds: kept.state.classIds, date: kept.state.date, subject: kept.state.subject, items: [] })
    keeping = keep
    return true
  }

  /** The stored assignment changed while the form is open (another tab, a sync): take it in. */
  function onStoredChange(current: DesignerState, status: AssignmentStatus): void {
    if (!base.value || sameForm(base.value, current)) {
      baseStatus.value = status
      return
    }
    const out = rebaseForm(base.value, plainState(state), current)
    replace(out.state)
    base.value = current
    baseStatus.value = status
    addConflicts(out.conflicts)
  }

  function addConflicts(found: readonly FormConflict[]): void {
    const seen = new Set(conflicts.value.map(conflictKey))
    const added: FormConflict[] = []
    for (const c of found) {
      const key = conflictKey(c)
      if (seen.has(key)) continue
      seen.add(key)
      added.push(c)
    }
    if (added.length) conflicts.value = [...conflicts.value, ...added]
  }

  /** The save found the stored assignment changed in the same places: show both, keep the form. */
  function onConflict(current: DesignerState, found: FormConflict[]): void {
    const out = rebaseForm(base.value ?? current, plainState(state), current)
    replace(out.state)
    base.value = current
    addConflicts([...out.conflicts, ...found])
  }

  /** The form as it is now counts as its start (defaults filled in are not the teacher's work). */
  function markStart(): void {
    start.value = plainState(state)
  }

  /** After a save: what was saved is the new base, and nothing is unsaved. */
  function saved(as: DesignerState, status: AssignmentStatus): void {
    base.value = as
    baseStatus.value = status
    conflicts.value = []
  }

  function resolve(conflict: FormConflict, take: 'mine' | 'theirs'): void {
    if (take === 'theirs') replace(takeTheirs(plainState(state), conflict))
    conflicts.value = conflicts.value.filter((c) => conflictKey(c) !== conflictKey(conflict))
  }

  // ---- keeping the form on the device ----
  let timer: ReturnType<typeof setTimeout> | undefined
  let writing: Promise<void> = Promise.resolve()
  function keepNow(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    const keep = keeping
    if (!keep) return writing
    const record: DraftRecord | null = dirty.value
      ? { ...keep, savedAt: Date.now(), base: base.value ? plainState(base.value) : null, baseStatus: baseStatus.value, state: plainState(state) }
      : null
    // One write at a time, in order: the last state typed is the one kept.
    writing = writing.then(() => (record ? keepDraft(db, record) : db.drafts.delete(keep.key).then(() => undefined)))
    return writing
  }
  watch(
    [state, base],
    () => {
      if (!keeping) return
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(() => void keepNow(), KEEP_DELAY_MS)
    },
    { deep: true },
  )

  /**
   * Forgets the kept draft (after a save, or when the teacher discards it). `stop`: the form is done
   * (a new assignment was saved and the screen moves on); else changes typed next are kept again.
   */
  async function forget(options: { discardUnsavedTimers?: boolean; stop?: boolean } = {}): Promise<void> {
    const keep = keeping
    if (options.stop) keeping = null
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    await writing
    if (!keep) return
    const baseIds = new Set(base.value?.items.map((i) => i.id) ?? [])
    const unsaved = options.discardUnsavedTimers ? state.items.map((i) => i.id).filter((id) => !baseIds.has(id)) : []
    await dropDraft(db, keep.key, keep.teacherId, unsaved)
  }

  /** Stops keeping (the screen closes); what is typed so far is written first. */
  async function close(): Promise<void> {
    await keepNow()
    keeping = null
  }

  return {
    state,
    base,
    baseStatus,
    draft,
    problemsFor,
    classProblem,
    changes,
    dirty,
    conflicts,
    begin,
    resume,
    onStoredChange,
    saved,
    onConflict,
    markStart,
    resolve,
    keepNow,
    forget,
    close,
    get keeping() {
      return keeping
    },
    addItem(): DraftItem {
      const item = newDraftItem()
      state.items.push(item)
      return item
    },
    /** Removes an item; an item never saved takes its 先做 timer with it. */
    async removeItem(index: number): Promise<DraftItem | undefined> {
      const [item] = state.items.splice(index, 1)
      const teacherId = keeping?.teacherId
      if (item && teacherId && !base.value?.items.some((i) => i.id === item.id)) await clearTimersOfUnsavedItems(db, teacherId, [item.id])
      return item
    },
    moveItem(index: number, delta: -1 | 1): void {
      state.items = moveItem(state.items, index, index + delta)
    },
  }
}

export type AssignmentDraftState = ReturnType<typeof useAssignmentDraft>
export type { DraftProblemCode }
