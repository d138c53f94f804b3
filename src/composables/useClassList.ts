// The school's classes with their student counts, live; and adding a class.
import { computed, type ComputedRef } from 'vue'
import { appDb } from '@/db/database'
import { countStudentsByClass } from '@/db/repos/classStudents'
import { listClasses } from '@/db/repos/classes'
import { createClass } from '@/db/repos/classEdits'
import type { ClassRow } from '@hl/core/records'
import { useLiveQuery } from './useLiveQuery'

export interface ClassWithCount {
  id: string
  grade: number
  name: string
  students: number
}

export function useClassList(): {
  grades: ComputedRef<{ grade: number; classes: ClassWithCount[] }[] | undefined>
  addClass: (grade: number, name: string) => Promise<ClassRow>
} {
  const db = appDb()
  const query = useLiveQuery(async () => ({ classes: await listClasses(db), counts: await countStudentsByClass(db) }))
  const grades = computed(() => {
    const data = query.data.value
    if (!data) return undefined
    const out: { grade: number; classes: ClassWithCount[] }[] = []
    for (const c of data.classes) {
      let g = out.find((x) => x.grade === c.grade)
      if (!g) out.push((g = { grade: c.grade, classes: [] }))
      g.classes.push({ id: c.id, grade: c.grade, name: c.name, students: data.counts.get(c.id) ?? 0 })
    }
    return out
  })
  return { grades, addClass: (grade, name) => createClass(db, grade, name) }
}
