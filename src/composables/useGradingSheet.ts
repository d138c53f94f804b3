// The grading sheet of one assignment: the rows of the domain (buildSheet) over the stored records,
// with every mark shown the moment it is made. A mark is written at once (one small write), but the
// screen does not wait for IndexedDB and the live query to come back: the mark sits in a pending layer
// over the stored rows until the stored row says the same, so a keystroke shows in the next frame on a
// phone with a whole school in its database. A write that fails drops its pending mark and says so.
import { computed, reactive, watch, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { buildSheet, EMPTY_GRADING, gradingProgress, itemErrorRates, type SheetRow, type StudentGrading } from '@hl/core/domain/grading'
import { rulesForGrade } from '@hl/core/domain/rules/profile'
import { tiersOf } from '@hl/core/domain/assignmentDraft'
import type { GradeScale } from '@hl/core/records'
import { appDb } from '@/db/database'
import { loadSheet } from '@/db/repos/grading'
import { setGrading, setItemMark, setSheetScale } from '@/db/repos/gradingEdits'
import { useNoticesStore } from '@/stores/notices'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

/** User Timing mark after the DOM shows a mark: `npm run bench` measures keystroke → mark shown with it. */
export const GRADE_MARK = 'grade-shown'

type MarkPatch = { wrong?: boolean; fixed?: boolean }

export function useGradingSheet(assignmentId: () => string | undefined) {
  const db = appDb()
  const { t } = useI18n()
  const notices = useNoticesStore()
  const school = useSchool()
  const data = useLiveQuery(async () => {
    const id = assignmentId()
    return { id, sheet: id ? await loadSheet(db, id) : null }
  }, [assignmentId])

  // Pending marks, by student (gradings) and by item+student (item marks).
  const pendingGradings = reactive(new Map<string, Partial<StudentGrading>>())
  const pendingMarks = reactive(new Map<string, MarkPatch>())
  const markKey = (itemId: string, studentId: string) => `${itemId}\u0000${studentId}`

  const sheet = computed(() => (data.data.value?.id === assignmentId() ? data.data.value?.sheet : undefined))
  const scale = computed<GradeScale>(() => {
    const s = sheet.value
    if (!s) return 'levels'
    return s.sheet?.scale ?? rulesForGrade(school.rules.value, s.cls.grade).gradeScale
  })
  const maxScore = computed(() => sheet.value?.sheet?.maxScore ?? 100)
  const items = computed(() => (sheet.value?.items ?? []).map((i) => ({ id: i.id, title: i.title, tiers: tiersOf(i.tiers), kind: i.kind })))

  // A row keeps its object while nothing of it changed, so a mark re-renders that one student's row,
  // not the 45 others (what keeps a keystroke within a frame on a phone).
  let previous = new Map<string, { key: string; row: SheetRow }>()
  const stable = (built: SheetRow[]): SheetRow[] => {
    const next = new Map<string, { key: string; row: SheetRow }>()
    const out = built.map((row) => {
      const g = row.grading
      const key = [row.student.name, row.student.number, row.student.tier, g.status, g.level, g.score, g.comment, g.correction, [...row.wrong].join(','), [...row.fixed].join(','), row.items.map((i) => `${i.id}:${i.title}`).join(',')].join('\u0000')
      const kept = previous.get(row.student.id)
      const use = kept && kept.key === key ? kept.row : row
      next.set(row.student.id, { key, row: use })
      return use
    })
    previous = next
    return out
  }

  const rows: ComputedRef<SheetRow[]> = computed(() => {
    const s = sheet.value
    if (!s) return []
    const tierOf = new Map(s.tiers.map((x) => [x.studentId, x.tier] as const))
    const gradings = new Map<string, StudentGrading>()
    for (const g of s.gradings) gradings.set(g.studentId, { status: g.status, level: g.level, score: g.score, comment: g.comment, correction: g.correction })
    for (const [studentId, patch] of pendingGradings) gradings.set(studentId, { ...(gradings.get(studentId) ?? EMPTY_GRADING), ...patch })
    const marks = new Map(s.marks.map((m) => [markKey(m.itemId, m.studentId), { itemId: m.itemId, studentId: m.studentId, wrong: m.wrong, fixed: m.fixed }]))
    for (const [key, patch] of pendingMarks) {
      const [itemId, studentId] = key.split('\u0000') as [string, string]
      marks.set(key, { ...(marks.get(key) ?? { itemId, studentId, wrong: false, fixed: false }), ...patch })
    }
    return stable(
      buildSheet({
        items: items.value,
        students: s.students.map((st) => ({ id: st.id, name: st.name, number: st.number, tier: tierOf.get(st.id) ?? 'core' })),
        gradings,
        marks: [...marks.values()],
      }),
    )
  })

  // A pending mark is dropped once the stored record says the same.
  watch(
    () => sheet.value,
    (s) => {
      if (!s) return
      const stored = new Map(s.gradings.map((g) => [g.studentId, g]))
      for (const [studentId, patch] of pendingGradings) {
        const g = stored.get(studentId)
        if (g && Object.entries(patch).every(([k, v]) => (g as Record<string, unknown>)[k] === v)) pendingGradings.delete(studentId)
      }
      const storedMarks = new Map(s.marks.map((m) => [markKey(m.itemId, m.studentId), m]))
      for (const [key, patch] of pendingMarks) {
        const m = storedMarks.get(key)
        if (m && Object.entries(patch).every(([k, v]) => (m as Record<string, unknown>)[k] === v)) pendingMarks.delete(key)
      }
    },
  )

  const failed = (error: unknown) => {
    notices.error(t('grading.sheet.notSaved', { reason: error instanceof Error ? error.message : String(error) }))
  }

  function grade(studentId: string, patch: Partial<StudentGrading>): void {
    const s = sheet.value
    if (!s) return
    pendingGradings.set(studentId, { ...(pendingGradings.get(studentId) ?? {}), ...patch })
    setGrading(db, { assignmentId: s.assignment.id, studentId, classId: s.cls.id }, patch).catch((e: unknown) => {
      pendingGradings.delete(studentId)
      failed(e)
    })
  }

  function mark(studentId: string, itemId: string, patch: MarkPatch): void {
    const s = sheet.value
    if (!s) return
    const key = markKey(itemId, studentId)
    pendingMarks.set(key, { ...(pendingMarks.get(key) ?? {}), ...patch })
    setItemMark(db, { assignmentId: s.assignment.id, studentId, classId: s.cls.id, itemId }, patch).catch((e: unknown) => {
      pendingMarks.delete(key)
      failed(e)
    })
  }

  async function chooseScale(next: GradeScale, max: number): Promise<void> {
    const s = sheet.value
    if (s) await setSheetScale(db, s.assignment.id, next, max)
  }

  const progress = computed(() => gradingProgress(rows.value))
  const errorRates = computed(() => itemErrorRates(rows.value, items.value))

  return {
    isLoading: computed(() => data.isLoading.value || (data.data.value !== undefined && data.data.value.id !== assignmentId())),
    notFound: computed(() => data.data.value?.id === assignmentId() && data.data.value?.sheet === null),
    sheet,
    items,
    rows,
    scale,
    maxScore,
    progress,
    errorRates,
    grade,
    mark,
    chooseScale,
  }
}
