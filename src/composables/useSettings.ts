// Settings: the school, its term, the calendar days set by hand (holidays, make-up days) and who uses
// this device, read live; calendar days are changed through the school repository.
import { computed, type ComputedRef } from 'vue'
import type { DayType } from '@hl/core/domain/calendar'
import { appDb } from '@/db/database'
import { listCalendarDays, setCalendarDay } from '@/db/repos/school'
import type { CalendarDayRow, SchoolRow, TeacherRow, TermRow } from '@hl/core/records'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export type CalendarDay = Pick<CalendarDayRow, 'id' | 'date' | 'type' | 'note'>

export function useSettings(): {
  school: ComputedRef<SchoolRow | undefined>
  term: ComputedRef<TermRow | undefined>
  me: ComputedRef<TeacherRow | undefined>
  hasSchool: ComputedRef<boolean | undefined>
  calendarDays: ComputedRef<CalendarDay[]>
  setDay: (date: string, type: DayType, note: string) => Promise<void>
  removeDay: (date: string) => Promise<void>
} {
  const db = appDb()
  const { context } = useSchool()
  const days = useLiveQuery(() => listCalendarDays(db))
  return {
    school: computed(() => context.value?.school),
    term: computed(() => context.value?.term),
    me: computed(() => context.value?.me),
    hasSchool: computed(() => (context.value === undefined ? undefined : context.value !== null)),
    calendarDays: computed(() => days.data.value ?? []),
    setDay: (date, type, note) => setCalendarDay(db, date, type, note),
    removeDay: (date) => setCalendarDay(db, date, null),
  }
}
