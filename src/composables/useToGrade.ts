// 待批 across the signed-in teacher's assignments, oldest first (listToGrade), live: a mark made on the
// sheet, here or on another device once synced, updates the count without a reload.
import { computed } from 'vue'
import { chinaDate } from '@hl/core/domain/dates'
import { appDb } from '@/db/database'
import { listToGrade, type ToGradeEntry } from '@/db/repos/grading'

export type { ToGradeEntry }
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export function useToGrade() {
  const db = appDb()
  const { context } = useSchool()
  const meId = computed(() => context.value?.me?.id)
  const today = chinaDate(Date.now())
  const list = useLiveQuery(async () => ({ for: meId.value, entries: meId.value ? await listToGrade(db, meId.value, today) : [] }), [meId])
  const entries = computed(() => (list.data.value?.for === meId.value ? (list.data.value?.entries ?? []) : []))
  return {
    entries,
    total: computed(() => entries.value.reduce((n, e) => n + e.toGrade, 0)),
    isLoading: computed(() => context.value === undefined || list.data.value?.for !== meId.value),
  }
}
