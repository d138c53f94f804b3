// The designer screen's orchestration (AssignmentEditorView): which form it starts from (a kept unsaved
// draft, a stored assignment, or a new one with the teacher's defaults), the choices and problems it
// shows, and the saves, deletes and copies that follow. Nothing typed is lost: the form is kept on the
// device as it is typed (useAssignmentDraft), leaving with unsaved changes asks first, a stored
// assignment's form saves only its own changes against what is stored now, and publishing an evening
// over the cap asks first. Focus moves stay in the view, which owns the DOM.
import { computed, onScopeDispose, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { onBeforeRouteLeave, useRoute, useRouter } from 'vue-router'
import type { DraftProblem, DraftProblemCode, ItemDraft } from '@hl/core/domain/assignmentDraft'
import { chinaDate, isIsoDate } from '@hl/core/domain/dates'
import { spreadSummary } from '@hl/core/domain/designer'
import type { FormConflict } from '@hl/core/domain/designerForm'
import { rulesForGrade } from '@hl/core/domain/rules/profile'
import { subjectBudgetOn } from '@hl/core/domain/budgets'
import { isRestDay } from '@hl/core/domain/calendar'
import { approvalOf, type ApprovalState } from './approvalState'
import { trialMinutesOf } from '@hl/core/domain/trial'
import type { AssignmentStatus } from '@hl/core/records'
import { useConfirmStore } from '@/stores/confirm'
import { useNoticesStore } from '@/stores/notices'
import { assignmentActions, useNewDrafts, useStoredAssignment } from './useAssignmentActions'
import { emptyState, useAssignmentDraft, type DraftItem } from './useAssignmentDraft'
import { useDesignerSchool } from './useDesignerSchool'
import { useEveningLoad } from './useEveningLoad'
import { useDesignerExtras } from './useDesignerExtras'
import { overCapLines } from './overCapLines'
import { useSchool } from './useSchool'
import { useTrialTimer } from './useTrialTimer'

export type AssignmentEditorStatus = AssignmentStatus
export type TimerAction = 'start' | 'pause' | 'resume' | 'finish'

export interface UseAssignmentEditorOptions {
  /** Called when a save is refused because of problems, once they are shown beside their fields. */
  onProblems?: () => void
  /** Called after a save, once the screen shows the saved assignment. */
  onSaved?: () => void
}

export function useAssignmentEditor({ onProblems, onSaved }: UseAssignmentEditorOptions = {}) {
  const { t, locale } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const notices = useNoticesStore()
  const confirm = useConfirmStore()
  const school = useSchool()
  const teacherId = () => school.context.value?.me?.id

  const editingId = computed(() => (route.name === 'assignment-edit' ? String(route.params.id) : undefined))
  const draftId = computed(() => (typeof route.query.draft === 'string' && route.query.draft ? route.query.draft : undefined))
  const draft = useAssignmentDraft()
  const { state } = draft
  const designer = useDesignerSchool(teacherId)
  const stored = useStoredAssignment(() => editingId.value)
  const newDrafts = useNewDrafts(teacherId)
  const load = useEveningLoad(state, () => editingId.value, school.rules, school.calendar)
  const timers = useTrialTimer(() => state.items.map((i) => i.id), teacherId)

  /** Problems are shown once the teacher tries to save, for the kind of save she tried. */
  const attempted = ref<AssignmentStatus | null>(null)
  const busy = ref(false)
  const copying = ref(false)

  // ---- Starting the form: a kept draft, a stored assignment, or a new one with defaults. ----
  let initializedFor: string | null = null
  let wantDefaults = false

  function defaultsFromAddress() {
    const query = route.query
    const classId = typeof query.classId === 'string' ? query.classId : ''
    const date = typeof query.date === 'string' && isIsoDate(query.date) ? query.date : chinaDate(Date.now())
    return emptyState({ classIds: classId ? [classId] : [], date })
  }

  async function startNew(tid: string): Promise<void> {
    const id = draftId.value ?? assignmentActions.newDraftId()
    const keep = { key: assignmentActions.newDraftKey(id), teacherId: tid, assignmentId: '' }
    if (draftId.value && (await draft.resume(keep, null))) {
      notices.info(t('designer.restored'))
      return
    }
    draft.begin(defaultsFromAddress(), null, keep)
    attempted.value = null
    wantDefaults = true
    applyDefaults()
  }

  async function startEdit(tid: string, id: string): Promise<void> {
    const row = stored.data.value
    if (!row) return
    const current = { base: assignmentActions.formOf(row), status: row.assignment.status }
    const keep = { key: assignmentActions.editDraftKey(id), teacherId: tid, assignmentId: id }
    attempted.value = null
    if (await draft.resume(keep, current)) {
      notices.info(t('designer.restoredChanges'))
      return
    }
    draft.begin(current.base, current, keep)
  }

  watch(
    [editingId, draftId, () => stored.data.value, () => stored.isLoading.value, () => teacherId()],
    async ([id, newId, row, loading, tid]) => {
      if (!tid) return
      const key = id ? `edit:${id}` : `new:${newId ?? ''}`
      if (initializedFor === key) {
        // The same assignment, changed elsewhere (another tab, a sync) while the form is open.
        if (id && row) draft.onStoredChange(assignmentActions.formOf(row), row.assignment.status)
        return
      }
      // A new form that gets its draft id in the address (its first keystroke) is the same form.
      if (!id && initializedFor === 'new:' && newId && draft.keeping?.key === assignmentActions.newDraftKey(newId)) {
        initializedFor = key
        return
      }
      if (id && (loading || !row)) return
      initializedFor = key
      await draft.close()
      if (id) await startEdit(tid, id)
      else await startNew(tid)
    },
    { immediate: true },
  )

  // A new form's first change gives it an address of its own (?draft=…): a reload, or the browser
  // reopening the tab, comes back to the same draft.
  watch(
    () => draft.dirty.value,
    (dirty) => {
      const key = draft.keeping?.key
      if (!dirty || editingId.value || draftId.value || !key?.startsWith('new:')) return
      void router.replace({ query: { ...route.query, draft: key.slice(4) } })
    },
  )

  /** The teacher's classes and subjects fill the blanks of a new form once they are loaded. */
  function applyDefaults(): void {
    if (!wantDefaults || !designer.isReady.value) return
    wantDefaults = false
    const teachings = designer.teachings.value
    const before = draft.dirty.value
    if (state.classIds.length === 0 && teachings[0]) state.classIds = [teachings[0].classId]
    if (state.subject === '') {
      const first = state.classIds[0]
      const mine = teachings.find((x) => x.classId === first) ?? teachings[0]
      if (mine) state.subject = mine.subject
    }
    // Defaults are not the teacher's work: a form holding only them is not "unsaved".
    if (!before) draft.markStart()
  }
  watch(() => designer.isReady.value, applyDefaults)

  // ---- Choices ----
  const classById = computed(() => new Map(designer.classes.value.map((c) => [c.id, c] as const)))
  const myGrades = computed(() => {
    const grades = new Set<number>()
    for (const x of designer.teachings.value) {
      const c = classById.value.get(x.classId)
      if (c) grades.add(c.grade)
    }
    return [...grades].sort((a, b) => a - b)
  })
  const subjectChoices = computed(() => {
    const grades = new Set(state.classIds.map((id) => classById.value.get(id)?.grade))
    const out: string[] = []
    for (const s of designer.gradeSubjects.value) if ((grades.size === 0 || grades.has(s.grade)) && !out.includes(s.subject)) out.push(s.subject)
    if (state.subject && !out.includes(state.subject)) out.unshift(state.subject)
    return out
  })
  const multiplier = computed(() => {
    const grade = classById.value.get(state.classIds[0] ?? '')?.grade ?? myGrades.value[0] ?? 7
    return rulesForGrade(school.rules.value, grade).teacherMultiplier
  })
  const extras = useDesignerExtras(state, teacherId, multiplier)
  const spread = computed(() => spreadSummary(state.date, state.due, state.items, multiplier.value))
  const laterEvenings = computed(() => (spread.value && spread.value.evenings > 1 ? { n: spread.value.evenings - 1, minutes: spread.value.perEvening } : null))
  /** 审核: the stored assignment's approval state, its decision in force and every decision. */
  const approval = computed(() => (stored.data.value ? approvalOf(stored.data.value, school.approvalOn.value) : null))
  const status = computed<ApprovalState | 'unsaved'>(() => (editingId.value ? (approval.value?.state ?? 'draft') : 'unsaved'))
  /** 统筹: the subject's budget in the first class's grade that evening, and what the class's evening already holds of it. */
  const budget = computed(() => {
    const cls = classById.value.get(state.classIds[0] ?? '')
    const subject = state.subject.trim()
    if (!cls || !subject || !isIsoDate(state.date)) return null
    const found = subjectBudgetOn(school.rules.value, cls.grade, subject, state.date, isRestDay(school.calendar.value, state.date))
    if (!found) return null
    const used = load.gauges.value.find((g) => g.classId === cls.id)?.gauge.subjects.find((x) => x.subject === subject)?.averageMinutes ?? 0
    return { subject, minutes: found.minutes, setBy: found.setBy, used, over: used > found.minutes + 1e-6 }
  })
  const notFound = computed(() => editingId.value !== undefined && !stored.isLoading.value && !stored.data.value)
  /** Another teacher's homework (a subject teacher sees the whole evening of her classes): read, and copy, only. */
  const readOnly = computed(() => {
    const row = stored.data.value?.assignment
    const me = teacherId()
    return editingId.value !== undefined && row !== undefined && me !== undefined && row.teacherId !== me
  })
  const authorName = computed(() => {
    const id = stored.data.value?.assignment.teacherId
    return designer.teacherNames.value.get(id ?? '') ?? ''
  })
  const classWeekLink = computed(() => {
    const classId = state.classIds[0]
    return classId ? { name: 'class-week', params: { classId }, query: isIsoDate(state.date) ? { date: state.date } : {} } : null
  })
  /** Unsaved drafts of new assignments, other than the one open. */
  const otherDrafts = computed(() => (newDrafts.data.value ?? []).filter((d) => d.key !== draft.keeping?.key))

  // ---- Problems beside their fields ----
  const runningItemIds = computed(() => state.items.filter((i) => timers.trialOf(i.id)?.state === 'running').map((i) => i.id))
  const problems = computed<DraftProblem[]>(() => {
    const mode = attempted.value === 'draft' ? 'draft' : 'publish'
    const out = draft.problemsFor(mode)
    if (mode === 'publish') state.items.forEach((item, i) => runningItemIds.value.includes(item.id) && out.push({ code: 'timerRunning', field: `items.${i}.trial` }))
    return out
  })
  const problemOf = computed(() => {
    const byField = new Map<string, DraftProblemCode>()
    for (const p of problems.value) if (!byField.has(p.field)) byField.set(p.field, p.code)
    return byField
  })
  const showProblems = computed(() => attempted.value !== null)
  const problem = (field: string): DraftProblemCode | undefined => (showProblems.value ? problemOf.value.get(field) : undefined)
  function itemProblems(index: number): Partial<Record<string, DraftProblemCode>> {
    if (!showProblems.value) return {}
    const prefix = `items.${index}.`
    const out: Partial<Record<string, DraftProblemCode>> = {}
    for (const [field, code] of problemOf.value) if (field.startsWith(prefix)) out[field.slice(prefix.length)] = code
    return out
  }

  // ---- Items ----
  function updateItem(item: DraftItem, patch: Partial<ItemDraft>): void {
    Object.assign(item, patch)
  }
  async function removeItem(index: number): Promise<void> {
    await draft.removeItem(index)
    notices.info(t('designer.items.removed', { n: index + 1 }))
  }
  function trialStateOf(item: DraftItem) {
    return timers.trialOf(item.id)?.state ?? 'idle'
  }
  async function onTimer(item: DraftItem, action: TimerAction): Promise<void> {
    if (action === 'finish') {
      const row = await timers.finish(item.id)
      item.trialMinutes = trialMinutesOf(row.elapsedMs)
      // Not typing: kept at once, not after the pause that typing gets.
      await draft.keepNow()
    } else {
      await timers[action](item.id)
    }
  }

  // ---- Save, discard, delete, copy ----
  async function publishOverCap(): Promise<boolean> {
    const lines = overCapLines(load.gauges.value, t, locale.value)
    if (lines.length === 0) return true
    return confirm.ask({
      title: t('designer.overCap.title'),
      lines: [...lines, t('designer.overCap.question')],
      confirm: t('designer.overCap.confirm'),
      cancel: t('designer.overCap.cancel'),
      danger: true,
    })
  }

  async function save(next: AssignmentStatus): Promise<void> {
    if (readOnly.value) return
    attempted.value = next
    if (problems.value.length > 0 || draft.classProblem.value) {
      notices.error(t(next === 'draft' ? 'designer.actions.fixFirstDraft' : 'designer.actions.fixFirst'))
      onProblems?.()
      return
    }
    if (draft.conflicts.value.length > 0) {
      notices.error(t('designer.conflicts.settleFirst'))
      onProblems?.()
      return
    }
    const tid = teacherId()
    if (!tid) {
      notices.error(t('designer.noTeacher'))
      return
    }
    if (next === 'published' && !(await publishOverCap())) return
    busy.value = true
    try {
      const text = next === 'published' ? t('designer.actions.published') : t('designer.actions.savedDraft')
      const id = editingId.value
      if (id) {
        const base = draft.base.value
        if (!base) return
        const result = await assignmentActions.saveChanges(id, base, state, next)
        if (!result.ok) {
          draft.onConflict(result.current, result.conflicts)
          notices.error(t('designer.conflicts.found', { n: result.conflicts.length }))
          onProblems?.()
          return
        }
        draft.saved(result.saved, next)
        await draft.forget()
        attempted.value = null
        notices.info(text)
        onSaved?.()
      } else {
        const rows = await assignmentActions.create(state, tid, next)
        await draft.forget({ stop: true })
        const first = rows[0]!
        notices.info(rows.length > 1 ? t('designer.actions.savedClasses', { n: rows.length, className: classById.value.get(first.classId)?.name ?? '' }) : text)
        leaving = true
        try {
          await router.replace({ name: 'assignment-edit', params: { id: first.id } })
        } finally {
          leaving = false
        }
        onSaved?.()
      }
    } finally {
      busy.value = false
    }
  }

  /** Drops the unsaved changes: a stored assignment goes back to what is saved, a new form starts over. */
  async function discard(): Promise<void> {
    const yes = await confirm.ask({
      title: t('designer.unsaved.discardTitle'),
      lines: [t(editingId.value ? 'designer.unsaved.discardEdit' : 'designer.unsaved.discardNew')],
      confirm: t('designer.unsaved.discard'),
      cancel: t('designer.unsaved.keep'),
      danger: true,
    })
    if (!yes) return
    const row = stored.data.value
    const tid = teacherId()
    const id = editingId.value
    await draft.forget({ discardUnsavedTimers: true, stop: !id })
    if (id && row && tid) {
      const current = { base: assignmentActions.formOf(row), status: row.assignment.status }
      draft.begin(current.base, current, { key: assignmentActions.editDraftKey(id), teacherId: tid, assignmentId: id })
    } else if (tid && draftId.value) {
      // The address loses its draft id: the watch above starts a fresh form.
      await router.replace({ query: { ...route.query, draft: undefined } })
    } else if (tid) {
      initializedFor = 'new:'
      await startNew(tid)
    }
    attempted.value = null
    notices.info(t('designer.unsaved.discarded'))
  }

  async function discardOther(key: string): Promise<void> {
    await assignmentActions.dropDraft(key, teacherId())
  }

  async function remove(): Promise<void> {
    const id = editingId.value
    const row = stored.data.value?.assignment
    if (!id || !row) return
    const removed = await assignmentActions.remove([id])
    await draft.forget()
    notices.info(t('designer.actions.deleted'), {
      label: t('common.undo'),
      run: async () => {
        await assignmentActions.restore(removed)
        await router.push({ name: 'assignment-edit', params: { id } })
      },
    })
    leaving = true
    try {
      await router.push({ name: 'class-week', params: { classId: row.classId }, query: { date: row.date } })
    } finally {
      leaving = false
    }
  }

  async function copy(to: { date: string; due: string; classIds: string[] }): Promise<void> {
    const id = editingId.value
    const tid = teacherId()
    if (!id || !tid) return
    const rows = await assignmentActions.copy(id, { ...to, teacherId: tid })
    copying.value = false
    notices.info(t('designer.actions.copied'))
    if (rows[0]) await router.push({ name: 'assignment-edit', params: { id: rows[0].id } })
  }

  // ---- Leaving with unsaved changes asks first (the draft is kept on the device either way) ----
  let leaving = false
  onBeforeRouteLeave(async () => {
    if (leaving || !draft.dirty.value) return true
    await draft.keepNow()
    return confirm.ask({
      title: t('designer.unsaved.leaveTitle'),
      lines: [t(editingId.value ? 'designer.unsaved.leaveEdit' : 'designer.unsaved.leaveNew')],
      confirm: t('designer.unsaved.leave'),
      cancel: t('designer.unsaved.stay'),
    })
  })
  const beforeUnload = (event: BeforeUnloadEvent) => {
    void draft.keepNow()
    if (!draft.dirty.value) return
    event.preventDefault()
    event.returnValue = ''
  }
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void draft.keepNow()
  }
  window.addEventListener('beforeunload', beforeUnload)
  document.addEventListener('visibilitychange', onHidden)
  onScopeDispose(() => {
    window.removeEventListener('beforeunload', beforeUnload)
    document.removeEventListener('visibilitychange', onHidden)
    void draft.close()
  })

  function resolveConflict(conflict: FormConflict, take: 'mine' | 'theirs'): void {
    draft.resolve(conflict, take)
  }

  return {
    editingId,
    draft,
    state,
    designer,
    load,
    timers,
    showProblems,
    busy,
    copying,
    myGrades,
    subjectChoices,
    multiplier,
    extras,
    spread,
    laterEvenings,
    status,
    approval,
    approvalOn: school.approvalOn,
    budget,
    notFound,
    readOnly,
    authorName,
    classWeekLink,
    otherDrafts,
    problem,
    itemProblems,
    updateItem,
    removeItem,
    trialStateOf,
    onTimer,
    save,
    discard,
    discardOther,
    resolveConflict,
    remove,
    copy,
  }
}
