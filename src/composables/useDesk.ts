// The desk (统筹台): what "me" may open it for (the grades I lead, the classes I am 班主任 of), and the
// grade's (or class's) week or term read live and turned into the heat map, the attention list, each
// subject across the grade and the approvals waiting. The figures are the engine's; this only feeds it.
import { computed, type ComputedRef, type Ref } from 'vue'
import { approvalStatus, type ApprovalStatus } from '@hl/core/domain/approval'
import { addDays } from '@hl/core/domain/dates'
import { attentionList, buildHeatMap, eveningDetail, subjectsAcross, termRange, weekRange, type AttentionItem, type EveningDetail, type GradeClass, type HeatMap, type SubjectAcross } from '@hl/core/domain/gradeOverview'
import type { Assignment } from '@hl/core/domain/types'
import { appDb } from '@/db/database'
import type { AssignmentWithItems } from '@/db/repos/assignments'
import { listDeskRoles, loadDesk, type DeskClass, type DeskData, type DeskRoles } from '@/db/repos/desk'
import { classRefOf, toAssignment, toRoster } from '@/db/toDomain'
import type { ClassRow } from '@hl/core/records'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

/** Whom the desk is for: a grade (its leader) or one class (its 班主任). */
export type DeskScope = { kind: 'grade'; grade: number } | { kind: 'class'; classId: string; grade: number; name: string }

export function scopeKey(s: DeskScope): string {
  return s.kind === 'grade' ? `grade:${s.grade}` : `class:${s.classId}`
}

/** The desks "me" may open, read live: a grade leader's grades first, then my classes as 班主任. */
export function useDeskRoles() {
  const db = appDb()
  const { context } = useSchool()
  const meId = computed(() => context.value?.me?.id)
  const roles = useLiveQuery(async (): Promise<DeskRoles & { for: string | undefined }> => ({ for: meId.value, ...(meId.value ? await listDeskRoles(db, meId.value) : { leadGrades: [], homeroomClasses: [] }) }), [meId])
  const scopes = computed<DeskScope[]>(() => {
    const r = roles.data.value
    if (!r) return []
    return [...r.leadGrades.map((grade): DeskScope => ({ kind: 'grade', grade })), ...r.homeroomClasses.map((c): DeskScope => ({ kind: 'class', classId: c.id, grade: c.grade, name: c.name }))]
  })
  return {
    scopes,
    /** True once the roles of the current "me" are read. */
    isReady: computed(() => context.value !== undefined && roles.data.value !== undefined && roles.data.value.for === meId.value),
    meId,
    leadGrades: computed(() => new Set(roles.data.value?.leadGrades ?? [])),
    homeroomClasses: computed(() => new Set((roles.data.value?.homeroomClasses ?? []).map((c) => c.id))),
  }
}

export type DeskMode = 'week' | 'term'

export interface DeskAssignment {
  row: AssignmentWithItems
  cls: ClassRow
  engine: Assignment
  approval: ApprovalStatus
  teacherName: string
}

export interface GradeDesk {
  data: ComputedRef<DeskData | undefined>
  range: ComputedRef<{ from: string; to: string }>
  heat: ComputedRef<HeatMap | null>
  subjects: ComputedRef<SubjectAcross[]>
  attention: ComputedRef<AttentionItem[]>
  assignments: ComputedRef<DeskAssignment[]>
  /** The evening opened from the heat map. */
  detail: (classId: string, date: string) => EveningDetail | null
  isLoading: ComputedRef<boolean>
  /** The data on screen is for another scope, mode or week than asked (the next one is being read). */
  isSwitching: ComputedRef<boolean>
}

export function useGradeDesk(scope: Ref<DeskScope | undefined>, mode: Ref<DeskMode>, monday: Ref<string>): GradeDesk {
  const db = appDb()
  const { context, rules, calendar, approvalOn } = useSchool()
  const range = computed(() => {
    if (mode.value === 'week') return weekRange(monday.value)
    const term = context.value?.term
    // Without a term set, the 20 teaching weeks up to the week shown.
    return term ? termRange(term) : { from: addDays(monday.value, -7 * 19), to: addDays(monday.value, 6) }
  })
  const query = useLiveQuery(async () => {
    const s = scope.value
    const r = range.value
    const key = s ? scopeKey(s) : ''
    if (!s) return { key, from: r.from, to: r.to, data: undefined }
    return { key, from: r.from, to: r.to, data: await loadDesk(db, s.grade, r.from, r.to, s.kind === 'class' ? s.classId : undefined) }
  }, [scope, range])
  const data = computed(() => query.data.value?.data)

  const engine = computed(() => {
    const d = data.value
    if (!d) return null
    const classes: GradeClass[] = d.classes.map((c) => ({ id: c.cls.id, classRef: classRefOf(c.cls) }))
    const assignments: DeskAssignment[] = []
    for (const c of d.classes) {
      const ref = classes.find((x) => x.id === c.cls.id)!.classRef
      for (const a of c.assignments) {
        const engineA = toAssignment(a, c.cls)
        assignments.push({
          row: a,
          cls: c.cls,
          engine: { ...engineA, classRef: ref },
          approval: approvalStatus({ status: a.assignment.status, approvalOn: approvalOn.value, contentClock: a.approval?.contentClock ?? '', decisions: a.approval?.decisions ?? [] }),
          teacherName: d.teachers.get(a.assignment.teacherId)?.name ?? '',
        })
      }
    }
    return { classes, assignments, rosters: d.classes.map((c: DeskClass) => ({ ...toRoster(c.cls, c.students, c.tiers), classRef: classes.find((x) => x.id === c.cls.id)!.classRef })) }
  })

  const heat = computed(() => {
    const e = engine.value
    const d = query.data.value
    if (!e || !d) return null
    return buildHeatMap({ classes: e.classes, assignments: e.assignments.map((a) => a.engine), rosters: e.rosters, calendar: calendar.value, rules: rules.value, from: d.from, to: d.to })
  })

  const attention = computed(() => {
    const map = heat.value
    const e = engine.value
    if (!map || !e) return []
    const others: AttentionItem[] = []
    for (const c of e.classes) {
      const waiting = e.assignments.filter((a) => a.cls.id === c.id && a.approval.state === 'submitted').length
      if (waiting) others.push({ rule: 'approval-waiting', severity: 'info', classId: c.id, classRef: c.classRef, date: null, figures: { count: waiting } })
    }
    for (const a of e.assignments) {
      if (a.approval.state === 'returned') others.push({ rule: 'approval-returned', severity: 'warning', classId: a.cls.id, classRef: e.classes.find((c) => c.id === a.cls.id)!.classRef, date: a.row.assignment.date, subject: a.row.assignment.subject, figures: {}, assignmentId: a.row.assignment.id })
    }
    return attentionList(map, others)
  })

  return {
    data,
    range,
    heat,
    subjects: computed(() => (heat.value && data.value ? subjectsAcross(heat.value, data.value.subjects, rules.value, calendar.value) : [])),
    attention,
    assignments: computed(() => engine.value?.assignments ?? []),
    detail(classId, date) {
      const e = engine.value
      const d = data.value
      const c = e?.classes.find((x) => x.id === classId)
      if (!e || !d || !c) return null
      return eveningDetail({ classRef: c.classRef, date, assignments: e.assignments.filter((a) => a.cls.id === classId).map((a) => a.engine), roster: e.rosters.find((r) => r.classRef === c.classRef)!, calendar: calendar.value, rules: rules.value })
    },
    isLoading: computed(() => query.isLoading.value && !query.data.value),
    isSwitching: computed(() => {
      const d = query.data.value
      return !!d && (d.key !== (scope.value ? scopeKey(scope.value) : '') || d.from !== range.value.from || d.to !== range.value.to)
    }),
  }
}
