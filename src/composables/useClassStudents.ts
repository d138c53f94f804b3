// One class's list and layers, live, with the changes a teacher makes to them.
import { computed, toRaw, type ComputedRef, type Ref } from 'vue'
import { appDb } from '@/db/database'
import { getClass, listClasses, listGradeSubjects } from '@/db/repos/classes'
import { listStudents, listStudentTiers } from '@/db/repos/students'
import { addPastedStudents, moveStudents, removeStudents, restoreStudents, returnStudents, setTiers, updateStudent, type MovedStudents, type NewStudent, type PasteResult, type RemovedStudents } from '@/db/repos/studentEdits'
import type { ClassRow, StudentRow, StudentTierRow } from '@hl/core/records'
import type { Tier } from '@hl/core/domain/types'
import { useLiveQuery } from './useLiveQuery'

export interface ClassStudentsData {
  cls: ClassRow | undefined
  students: StudentRow[]
  tiers: StudentTierRow[]
  subjects: string[]
  /** Every class of the school, to move a student to. */
  classes: ClassRow[]
}

export function useClassStudents(classId: Ref<string>): {
  data: ComputedRef<ClassStudentsData | undefined>
  isLoading: Ref<boolean>
  /** Adds pasted students the class does not have yet (same 学号, or same name without numbers). */
  add: (students: readonly NewStudent[]) => Promise<PasteResult>
  update: (id: string, patch: Partial<NewStudent>) => Promise<void>
  move: (ids: readonly string[], toClassId: string) => Promise<MovedStudents>
  unmove: (moved: MovedStudents) => Promise<void>
  remove: (ids: readonly string[]) => Promise<RemovedStudents>
  restore: (removed: RemovedStudents) => Promise<void>
  setLayers: (subject: string, changes: readonly { studentId: string; tier: Tier }[]) => Promise<void>
} {
  const db = appDb()
  const query = useLiveQuery(async (): Promise<ClassStudentsData> => {
    const id = classId.value
    const cls = await getClass(db, id)
    const [students, tiers, subjects, classes] = await Promise.all([
      listStudents(db, id),
      listStudentTiers(db, id),
      cls ? listGradeSubjects(db, cls.grade) : Promise.resolve([]),
      listClasses(db),
    ])
    return { cls, students, tiers, subjects: subjects.map((s) => s.subject), classes }
  }, [classId])
  return {
    data: computed(() => query.data.value),
    isLoading: query.isLoading,
    // Plain copies: reactive proxies cannot be stored in IndexedDB.
    add: (students) => addPastedStudents(db, classId.value, students.map((s) => ({ number: s.number, name: s.name }))),
    update: (id, patch) => updateStudent(db, id, { ...toRaw(patch) }),
    move: (ids, toClassId) => moveStudents(db, [...ids], toClassId),
    unmove: (moved) => returnStudents(db, moved),
    remove: (ids) => removeStudents(db, [...ids]),
    restore: (removed) => restoreStudents(db, removed),
    setLayers: (subject, changes) => setTiers(db, classId.value, subject, changes.map((c) => ({ studentId: c.studentId, tier: c.tier }))),
  }
}
