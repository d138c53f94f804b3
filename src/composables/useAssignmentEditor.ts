// The designer screen's orchestration (AssignmentEditorView): which form it starts from (a kept unsaved
// draft, a stored assignment, or a new one with the teacher's defaults), the choices and problems it
// shows, and the save, delete and copy that follow. Focus moves stay in the view, which owns the DOM.
import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from 'vue-router'
import type { DraftProblemCode, ItemDraft } from '@hl/core/domain/assignmentDraft'
import { chinaDate, isIsoDate } from '@hl/core/domain/dates'
import { spreadSummary } from '@hl/core/domain/designer'
import { rulesForGrade } from '@hl/core/domain/rules/profile'
import { trialMinutesOf } from '@hl/core/domain/trial'
import { useNoticesStore } from '@/stores/notices'
import { assignmentActions, emptyState, stateOf, useAssignmentDraft, useStoredAssignment, type DraftItem } from './useAssignmentDraft'
import { useDesignerSchool } from './useDesignerSchool'
import { useEveningLoad } from './useEveningLoad'
import { useSchool } from './useSchool'
import { useTrialTimer } from './useTrialTimer'

export type AssignmentEditorStatus = 'draft' | 'published'
export type TimerAction = 'start' | 'pause' | 'resume' | 'finish'

export interface UseAssignmentEditorOptions {
  /** Called when a save is refused because of problems, once they are shown beside their fields. */
  onProblems?: () => void
}

export function useAssignmentEditor({ onProblems }: UseAssignmentEditorOptions = {}) {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const notices = useNoticesStore()
  const school = useSchool()
  const teacherId = () => school.context.value?.me?.id

  const editingId = computed(() => (route.name === 'assignment-edit' ? String(route.params.id) : undefined))
  const draft = useAssignmentDraft(() => editingId.value ?? 'new')
  const { state } = draft
  const designer = useDesignerSchool(teacherId)
  const stored = useStoredAssignment(() => editingId.value)
  const load = useEveningLoad(state, () => editingId.value, school.rules, school.calendar)
  const timers = useTrialTimer(() => state.items.map((i) => i.id), teacherId)

  /** Problems are shown once the teacher tries to save, not while a fresh form is still empty. */
  const showProblems = ref(false)
  const busy = ref(false)
  const copying = ref(false)

  // ---- Starting the form: a kept unsaved draft, a stored assignment, or a new one with defaults. ----
  let initializedFor: string | null = null
  let wantDefaults = false

  function startNew(): void {
    const query = route.query
    const classId = typeof query.classId === 'string' ? query.classId : ''
    const date = typeof query.date === 'string' && isIsoDate(query.date) ? query.date : chinaDate(Date.now())
    if (draft.restore('')) {
      notices.info(t('designer.restored'), { label: t('designer.startOver'), run: () => begin(emptyState({ classIds: classId ? [classId] : [], date })) })
      return
    }
    begin(emptyState({ classIds: classId ? [classId] : [], date }))
  }
  function begin(initial: ReturnType<typeof emptyState>): void {
    draft.begin(initial)
    showProblems.value = false
    wantDefaults = true
    applyDefaults()
  }

  watch(
    [editingId, () => stored.data.value, () => stored.isLoading.value],
    ([id, row, loading]) => {
      const key = id ?? 'new'
      if (initializedFor === key) return
      if (!id) {
        initializedFor = key
        startNew()
        return
      }
      if (loading || !row) return
      initializedFor = key
      showProblems.value = false
      if (!draft.restore(row.assignment.updatedAt)) draft.begin(stateOf(row), row.assignment.updatedAt)
    },
    { immediate: true },
  )

  /** The teacher's classes and subjects fill the blanks of a new form once they are loaded. */
  function applyDefaults(): void {
    if (!wantDefaults || !designer.isReady.value) return
    wantDefaults = false
    const teachings = designer.teachings.value
    if (state.classIds.length === 0 && teachings[0]) state.classIds = [teachings[0].classId]
    if (state.subject === '') {
      const first = state.classIds[0]
      const mine = teachings.find((x) => x.classId === first) ?? teachings[0]
      if (mine) state.subject = mine.subject
    }
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
  const spread = computed(() => spreadSummary(state.date, state.due, state.items, multiplier.value))
  const laterEvenings = computed(() => (spread.value && spread.value.evenings > 1 ? { n: spread.value.evenings - 1, minutes: spread.value.perEvening } : null))
  const status = computed<AssignmentEditorStatus | 'unsaved'>(() => (editingId.value ? (stored.data.value?.assignment.status ?? 'draft') : 'unsaved'))
  const notFound = computed(() => editingId.value !== undefined && !stored.isLoading.value && !stored.data.value)
  const classWeekLink = computed(() => {
    const classId = state.classIds[0]
    return classId ? { name: 'class-week', params: { classId }, query: isIsoDate(state.date) ? { date: state.date } : {} } : null
  })

  // ---- Problems beside their fields ----
  const problem = (field: string): DraftProblemCode | undefined => (showProblems.value ? draft.problemOf.value.get(field) : undefined)
  function itemProblems(index: number): Partial<Record<string, DraftProblemCode>> {
    if (!showProblems.value) return {}
    const prefix = `items.${index}.`
    const out: Partial<Record<string, DraftProblemCode>> = {}
    for (const [field, code] of draft.problemOf.value) if (field.startsWith(prefix)) out[field.slice(prefix.length)] = code
    return out
  }

  // ---- Items ----
  function updateItem(item: DraftItem, patch: Partial<ItemDraft>): void {
    Object.assign(item, patch)
  }
  function removeItem(index: number): void {
    draft.removeItem(index)
    notices.info(t('designer.items.removed', { n: index + 1 }))
  }
  function trialStateOf(item: DraftItem) {
    return timers.trialOf(item.id)?.state ?? 'idle'
  }
  async function onTimer(item: DraftItem, action: TimerAction): Promise<void> {
    if (action === 'finish') {
      const row = await timers.finish(item.id)
      item.trialMinutes = trialMinutesOf(row.elapsedMs)
    } else {
      await timers[action](item.id)
    }
  }

  // ---- Save, delete, copy ----
  async function save(next: AssignmentEditorStatus): Promise<void> {
    showProblems.value = true
    if (!draft.isValid.value) {
      notices.error(t('designer.actions.fixFirst'))
      onProblems?.()
      return
    }
    const tid = teacherId()
    if (!tid) {
      notices.error(t('designer.noTeacher'))
      return
    }
    busy.value = true
    try {
      const text = next === 'published' ? t('designer.actions.published') : t('designer.actions.savedDraft')
      if (editingId.value) {
        await assignmentActions.update(editingId.value, state, next)
        draft.forget()
        // Re-read the saved row so an unsaved draft kept from now on has the new base.
        initializedFor = null
        notices.info(text)
      } else {
        const rows = await assignmentActions.create(state, tid, next)
        draft.forget()
        const first = rows[0]!
        notices.info(rows.length > 1 ? t('designer.actions.savedClasses', { n: rows.length, className: classById.value.get(first.classId)?.name ?? '' }) : text)
        await router.replace({ name: 'assignment-edit', params: { id: first.id } })
      }
    } finally {
      busy.value = false
    }
  }

  async function remove(): Promise<void> {
    const id = editingId.value
    const row = stored.data.value?.assignment
    if (!id || !row) return
    const removed = await assignmentActions.remove([id])
    draft.forget()
    notices.info(t('designer.actions.deleted'), {
      label: t('common.undo'),
      run: async () => {
        await assignmentActions.restore(removed)
        await router.push({ name: 'assignment-edit', params: { id } })
      },
    })
    await router.push({ name: 'class-week', params: { classId: row.classId }, query: { date: row.date } })
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
    spread,
    laterEvenings,
    status,
    notFound,
    classWeekLink,
    problem,
    itemProblems,
    updateItem,
    removeItem,
    trialStateOf,
    onTimer,
    save,
    remove,
    copy,
  }
}
