// The school on this device, live: its context (school, term, me), the rules in force and the calendar.
// Every screen that checks homework reads the rules from here, so a change of the school's rules
// shows everywhere at once.
import { computed, type ComputedRef } from 'vue'
import type { SchoolCalendar } from '@hl/core/domain/calendar'
import type { RulesWithBudgets } from '@hl/core/domain/budgets'
import { appDb } from '@/db/database'
import { getSchoolContext, listCalendarDays, listGradeBudgets, schoolRules, type SchoolContext } from '@/db/repos/school'
import { toCalendar } from '@/db/toDomain'
import { useLiveQuery, type LiveQuery } from './useLiveQuery'

export interface UseSchool {
  context: LiveQuery<SchoolContext | null>['data']
  isLoading: LiveQuery<unknown>['isLoading']
  /** The rules in force, with the grades' own 统筹 budgets. */
  rules: ComputedRef<RulesWithBudgets>
  calendar: ComputedRef<SchoolCalendar>
  /** 审核: the school holds published homework for approval. */
  approvalOn: ComputedRef<boolean>
}

export function useSchool(): UseSchool {
  const db = appDb()
  const context = useLiveQuery(() => getSchoolContext(db))
  const days = useLiveQuery(() => listCalendarDays(db))
  const budgets = useLiveQuery(() => listGradeBudgets(db))
  return {
    context: context.data,
    isLoading: context.isLoading,
    rules: computed(() => schoolRules(context.data.value?.school, budgets.data.value ?? [])),
    calendar: computed(() => toCalendar(days.data.value ?? [])),
    approvalOn: computed(() => context.data.value?.school.approval === true),
  }
}
