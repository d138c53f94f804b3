// 我的作业: the signed-in teacher's week across their classes, with each class's evening total (every
// subject counts, so the classes' other homework of the week is read too — only for the classes the
// teacher's assignments touch). The figures are the engine's (buildMyWeek); this only feeds it.
// As on the class week, each answer carries the Monday it was read for, so the week on screen is always
// the week of the data on screen (the previous week stays until the next one is read).
import { computed, type ComputedRef, type Ref } from 'vue'
import { buildMyWeek, type MyWeekDay } from '@hl/core/domain/myWeek'
import { appDb } from '@/db/database'
import { loadTeacherWeek } from '@/db/repos/weeks'
import { toAssignment, toRoster } from '@/db/toDomain'
import { stateOf } from './approvalState'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export interface MyWeek {
  days: ComputedRef<MyWeekDay[]>
  /** The Monday of the week shown (the route's once its data is there). */
  shownMonday: ComputedRef<string>
  count: ComputedRef<number>
  isLoading: ComputedRef<boolean>
  /** The teacher's name; undefined when the device has no teacher ("me") set. */
  meName: ComputedRef<string | undefined>
}

export function useMyWeek(monday: Ref<string>): MyWeek {
  const db = appDb()
  const { context, rules, calendar, approvalOn } = useSchool()
  const meId = computed(() => context.value?.me?.id)
  const week = useLiveQuery(async () => {
    const id = meId.value
    const m = monday.value
    return { for: id, monday: m, data: id ? await loadTeacherWeek(db, id, m) : null }
  }, [meId, monday])
  const shownMonday = computed(() => week.data.value?.monday ?? monday.value)

  const days = computed(() => {
    const data = week.data.value?.data
    const classById = new Map((data?.classes ?? []).map((c) => [c.cls.id, c]))
    const mine = (data?.mine ?? []).flatMap((a) => {
      const c = classById.get(a.assignment.classId)
      return c ? [{ assignment: toAssignment(a, c.cls), classId: c.cls.id, status: stateOf(a, approvalOn.value) }] : []
    })
    return buildMyWeek({
      monday: shownMonday.value,
      mine,
      classes: (data?.classes ?? []).map((c) => ({ assignments: c.assignments.map((a) => toAssignment(a, c.cls)), roster: toRoster(c.cls, c.students, c.tiers) })),
      calendar: calendar.value,
      rules: rules.value,
    })
  })

  return {
    days,
    shownMonday,
    count: computed(() => days.value.reduce((n, d) => n + d.entries.length, 0)),
    // Loading only until a week is read for this teacher; a later week replaces it once it is there.
    isLoading: computed(() => context.value === undefined || (meId.value !== undefined && week.data.value?.for !== meId.value)),
    meName: computed(() => context.value?.me?.name),
  }
}
