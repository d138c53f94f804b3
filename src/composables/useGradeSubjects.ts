// The subjects of one grade in the school's order, read live.
import { computed, type Ref } from 'vue'
import { appDb } from '@/db/database'
import { listGradeSubjects } from '@/db/repos/classes'
import { useLiveQuery } from './useLiveQuery'

export function useGradeSubjects(grade: Ref<number | undefined>) {
  const all = useLiveQuery(() => listGradeSubjects(appDb()))
  return computed(() =>
    (all.data.value ?? [])
      .filter((s) => s.grade === grade.value)
      .sort((a, b) => a.position - b.position)
      .map((s) => s.subject),
  )
}
