// The class week (班级周表): one class's Monday to Sunday, read live, turned into the engine's week table
// and arranged as a subjects × days grid. The class and the week come from the route; nothing here is
// kept in a store.
//
// The week on screen is the week of the data on screen: each answer carries the class and Monday it was
// read for, and everything shown (dates, heading, grid) is built from that answer. While the next week
// loads, the previous one stays whole; it is never redrawn with the new dates and the old rows.
import { computed, type ComputedRef, type Ref } from 'vue'
import { addDays } from '@hl/core/domain/dates'
import { buildWeekTable, type WeekTable } from '@hl/core/domain/weekTable'
import { buildWeekGrid, type WeekGrid } from '@hl/core/domain/weekGrid'
import { appDb } from '@/db/database'
import { listClasses } from '@/db/repos/classes'
import { listTeacherClassIds, loadClassWeek } from '@/db/repos/weeks'
import { toAssignment, toRoster } from '@/db/toDomain'
import type { AssignmentStatus, ClassRow } from '@hl/core/records'
import { stateOf, type ApprovalState } from './approvalState'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export type { AssignmentStatus }

export interface ClassOption {
  id: string
  grade: number
  name: string
}

export interface ClassWeek {
  /** The teacher's own classes first, then every other class of the school. */
  myClasses: ComputedRef<ClassOption[]>
  otherClasses: ComputedRef<ClassOption[]>
  /** The class shown, once loaded; null when the id names no class. */
  cls: ComputedRef<ClassOption | null | undefined>
  /** The Monday of the week shown: the route's once its data is there, the previous one until then. */
  shownMonday: ComputedRef<string | undefined>
  /** A week other than the one shown (another week or class) is being read. */
  isSwitching: ComputedRef<boolean>
  table: ComputedRef<WeekTable | null>
  grid: ComputedRef<WeekGrid | null>
  /** Each assignment's status, by id (a draft is marked in the grid; with 审核, its approval state). */
  statusOf: ComputedRef<ReadonlyMap<string, ApprovalState>>
  /** Who set each assignment that is not mine, by id (another subject's teacher, arrived by sync). */
  authorOf: ComputedRef<ReadonlyMap<string, string>>
  isLoading: ComputedRef<boolean>
  /** The first class to show when the route names none. */
  defaultClassId: ComputedRef<string | undefined>
}

const option = (c: ClassRow): ClassOption => ({ id: c.id, grade: c.grade, name: c.name })

export function useClassWeek(classId: Ref<string | undefined>, monday: Ref<string>): ClassWeek {
  const db = appDb()
  const { context, rules, calendar, approvalOn } = useSchool()
  const meId = computed(() => context.value?.me?.id)

  const classes = useLiveQuery(() => listClasses(db))
  // The answer carries the teacher it is for, so a stale answer (before "me" loaded) is never taken as
  // "teaches no class" and the wrong default class picked.
  const mine = useLiveQuery(async () => ({ for: meId.value, ids: meId.value ? await listTeacherClassIds(db, meId.value) : [] }), [meId])
  const myIds = computed(() => new Set(mine.data.value?.ids ?? []))
  const week = useLiveQuery(async () => {
    const id = classId.value
    const m = monday.value
    return { classId: id, monday: m, data: id ? await loadClassWeek(db, id, m) : null }
  }, [classId, monday])
  const shown = computed(() => week.data.value)

  const myClasses = computed(() => {
    return (classes.data.value ?? []).filter((c) => myIds.value.has(c.id)).map(option)
  })
  const otherClasses = computed(() => {
    return (classes.data.value ?? []).filter((c) => !myIds.value.has(c.id)).map(option)
  })

  const table = computed<WeekTable | null>(() => {
    const answer = shown.value
    const data = answer?.data
    if (!answer || !data) return null
    const assignments = data.assignments.map((a) => toAssignment(a, data.cls))
    return buildWeekTable({
      classRef: { grade: data.cls.grade, className: data.cls.name },
      weekOf: answer.monday,
      assignments,
      roster: toRoster(data.cls, data.students, data.tiers),
      calendar: calendar.value,
      rules: rules.value,
    })
  })

  return {
    myClasses,
    otherClasses,
    cls: computed(() => {
      const answer = shown.value
      // No class in the address yet (the view is about to pick one): nothing to show, not "no such class".
      if (!answer || answer.classId === undefined) return undefined
      return answer.data ? option(answer.data.cls) : null
    }),
    shownMonday: computed(() => shown.value?.monday),
    isSwitching: computed(() => shown.value !== undefined && (shown.value.classId !== classId.value || shown.value.monday !== monday.value)),
    table,
    grid: computed(() => (table.value ? buildWeekGrid(table.value, shown.value?.data?.subjects ?? []) : null)),
    statusOf: computed(() => new Map((shown.value?.data?.assignments ?? []).map((a) => [a.assignment.id, stateOf(a, approvalOn.value)]))),
    authorOf: computed(() => {
      const data = shown.value?.data
      const out = new Map<string, string>()
      for (const a of data?.assignments ?? []) {
        if (a.assignment.teacherId === meId.value) continue
        const name = data?.teacherNames.get(a.assignment.teacherId)
        if (name) out.set(a.assignment.id, name)
      }
      return out
    }),
    isLoading: computed(() => week.isLoading.value || classes.isLoading.value),
    defaultClassId: computed(() => {
      const settled = context.value !== undefined && classes.data.value !== undefined && mine.data.value !== undefined && mine.data.value.for === meId.value
      return settled ? (myClasses.value[0]?.id ?? otherClasses.value[0]?.id) : undefined
    }),
  }
}

/** The Sunday of a week, for headings. */
export function sundayOf(monday: string): string {
  return addDays(monday, 6)
}
