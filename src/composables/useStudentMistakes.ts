// One student's open mistakes (wrong, not yet found corrected), oldest first, for the printable
// correction sheet: the student's own work only.
import { computed } from 'vue'
import { studentOpenMistakes } from '@hl/core/domain/grading'
import { appDb } from '@/db/database'
import { loadStudentMistakes } from '@/db/repos/grading'
import { useLiveQuery } from './useLiveQuery'

export function useStudentMistakes(studentId: () => string | undefined, subject: () => string | undefined) {
  const db = appDb()
  const data = useLiveQuery(async () => {
    const id = studentId()
    return { id, data: id ? await loadStudentMistakes(db, id) : null }
  }, [studentId])
  const current = computed(() => (data.data.value?.id === studentId() ? data.data.value?.data : undefined))
  const mistakes = computed(() => {
    const d = current.value
    if (!d) return []
    const only = subject()
    return studentOpenMistakes(
      d.assignments.filter((a) => !only || a.assignment.subject === only).map((a) => ({ assignmentId: a.assignment.id, date: a.assignment.date, subject: a.assignment.subject, items: a.items.map((i) => ({ id: i.id, title: i.title })) })),
      d.marks,
    )
  })
  return {
    student: computed(() => current.value?.student),
    className: computed(() => current.value?.cls.name ?? ''),
    mistakes,
    notFound: computed(() => data.data.value?.id === studentId() && data.data.value?.data === null),
  }
}
