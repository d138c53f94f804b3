// The school on this device, live: its context (school, term, me), the rules in force and the calendar.
// Every screen that checks homework reads the rules from here, so a change of the school's rules
// shows everywhere at once.
import { computed, type ComputedRef } from 'vue'
import type { SchoolCalendar } from '@hl/core/domain/calendar'
import type { ResolvedRules } from '@hl/core/domain/rules/profile'
import { appDb } from '@/db/database'
import { getSchoolContext, listCalendarDays, schoolRules, type SchoolContext } from '@/db/repos/school'
import { toCalendar } from '@/db/toDomain'
import { useLiveQuery, type LiveQuery } from './useLiveQuery'

export interface UseSchool {
  context: LiveQuery<SchoolContext | null>['data']
  isLoading: LiveQuery<unknown>['isLoading']
  rules: ComputedRef<ResolvedRules>
  calendar: ComputedRef<SchoolCalendar>
}

export function useSchool(): UseSchool {
  const db = appDb()
  const context = useLiveQuery(() => getSchoolContext(db))
  const days = useLiveQuery(() => listCalendarDays(db))
  return {
    context: context.data,
    isLoading: context.isLoading,
    rules: computed(() => schoolRules(context.data.value?.school)),
    calendar: computed(() => toCalendar(days.data.value ?? [])),
  }
}
