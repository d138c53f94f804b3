// 我的作业: the signed-in teacher's week across their classes, with each class's evening total (every
// subject counts, so the classes' other homework of the week is read too — only for the classes the
// teacher's assignments touch).
import { computed, type ComputedRef, type Ref } from 'vue'
import { addDays } from '@hl/core/domain/dates'
import { buildMyWeek, type MyWeekDay } from '@hl/core/domain/myWeek'
import { buildReport, type EveningLoad } from '@hl/core/domain/report'
import { appDb } from '@/db/database'
import { loadTeacherWeek } from '@/db/repos/weeks'
import { toAssignment, toRoster } from '@/db/toDomain'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export interface MyWeek {
  days: ComputedRef<MyWeekDay[]>
  count: ComputedRef<number>
  isLoading: ComputedRef<boolean>
  /** The teacher's name; undefined when the device has no teacher ("me") set. */
  meName: ComputedRef<string | undefined>
}

export function useMyWeek(monday: Ref<string>): MyWeek {
  const db = appDb()
  const { context, rules, calendar } = useSchool()
  const meId = computed(() => context.value?.me?.id)
  const week = useLiveQuery(() => (meId.value ? loadTeacherWeek(db, meId.value, monday.value) : null), [meId, monday])

  const days = computed(() => {
    const data = week.data.value
    if (!data) return buildMyWeek(monday.value, [], [], rules.value)
    const classById = new Map(data.classes.map((c) => [c.cls.id, c]))
    const loads: EveningLoad[] = []
    for (const c of data.classes) {
      loads.push(
        ...buildReport({
          assignments: c.assignments.map((a) => toAssignment(a, c.cls)),
          rosters: [toRoster(c.cls, c.students, c.tiers)],
          calendar: calendar.value,
          rules: rules.value,
          from: monday.value,
          to: addDays(monday.value, 6),
        }),
      )
    }
    const mine = data.mine.flatMap((a) => {
      const c = classById.get(a.assignment.classId)
      return c ? [{ assignment: toAssignment(a, c.cls), classId: c.cls.id, status: a.assignment.status }] : []
    })
    return buildMyWeek(monday.value, mine, loads, rules.value)
  })

  return {
    days,
    count: computed(() => days.value.reduce((n, d) => n + d.entries.length, 0)),
    isLoading: computed(() => context.value === undefined || (meId.value !== undefined && week.isLoading.value)),
    meName: computed(() => context.value?.me?.name),
  }
}
