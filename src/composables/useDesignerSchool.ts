// What the designer needs to know about the school, read live: the classes, what the signed-in teacher
// teaches (for the default class and subject), and the subjects of each grade.
import { computed } from 'vue'
import { appDb } from '@/db/database'
import { listClasses, listGradeSubjects } from '@/db/repos/classes'
import { listMyTeachings } from '@/db/repos/teaching'
import { liveRows } from '@/db/read'
import { useLiveQuery } from './useLiveQuery'

export function useDesignerSchool(teacherId: () => string | undefined) {
  const db = appDb()
  const classes = useLiveQuery(() => listClasses(db))
  const subjects = useLiveQuery(() => listGradeSubjects(db))
  const teachers = useLiveQuery(() => liveRows(db.teachers))
  // Each answer says whose teachings it holds: a default chosen from an answer for no one (the school
  // context still loading) would be wrong.
  const teachings = useLiveQuery(
    async () => {
      const tid = teacherId()
      return { teacherId: tid, rows: tid ? await listMyTeachings(db, tid) : [] }
    },
    [teacherId],
  )
  return {
    classes: computed(() => classes.data.value ?? []),
    gradeSubjects: computed(() => subjects.data.value ?? []),
    teacherNames: computed(() => new Map((teachers.data.value ?? []).map((t) => [t.id, t.name] as const))),
    teachings: computed(() => teachings.data.value?.rows ?? []),
    /** True once the classes, subjects and the signed-in teacher's teachings are loaded. */
    isReady: computed(() => {
      const tid = teacherId()
      return !classes.isLoading.value && !subjects.isLoading.value && tid !== undefined && teachings.data.value?.teacherId === tid
    }),
  }
}
