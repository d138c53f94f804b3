// 设置: everything set up once, read live and changed through the repositories — the school, the term and
// its calendar, the grades with their classes and subjects, and who uses this device ("me").
import { computed, type ComputedRef } from 'vue'
import type { OfficialDay } from '@hl/core/domain/officialCalendar'
import type { GradeForm } from '@hl/core/domain/setupForm'
import { appDb } from '@/db/database'
import { classContents, listClasses, listGradeSubjects } from '@/db/repos/classes'
import { addGrade, createClass, removeClass, renameClass, restoreClass, setGradeSubjects, type RemovedClass } from '@/db/repos/classEdits'
import { listCalendarDays } from '@/db/repos/school'
import { addCalendarDays, removeCalendarDays, saveTermCalendar, updateSchool, type TermCalendarEdit } from '@/db/repos/schoolSettings'
import { listMyRoles, listMyTeachings } from '@/db/repos/teaching'
import { saveMe, useDeviceAs, type MeEdit } from '@/db/repos/teachingEdits'
import type { CalendarDayRow, ClassRow, GradeSubjectRow, RoleRow, SchoolRow, TeacherRow, TeachingRow, TermRow } from '@hl/core/records'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export type CalendarDay = Pick<CalendarDayRow, 'id' | 'date' | 'type' | 'note'>
export type { TermCalendarEdit, MeEdit }
export type { RemovedClass }

export interface SettingsGrade {
  grade: number
  classes: Pick<ClassRow, 'id' | 'name'>[]
  subjects: string[]
}

export interface UseSettings {
  school: ComputedRef<SchoolRow | undefined>
  term: ComputedRef<TermRow | undefined>
  me: ComputedRef<TeacherRow | undefined>
  hasSchool: ComputedRef<boolean | undefined>
  calendarDays: ComputedRef<CalendarDay[]>
  /** The grades that have classes, in order, with their classes and subjects. */
  grades: ComputedRef<SettingsGrade[]>
  classes: ComputedRef<ClassRow[]>
  myTeachings: ComputedRef<TeachingRow[]>
  myRoles: ComputedRef<RoleRow[]>
  saveSchool: (fields: { name: string; regionId: string }) => Promise<void>
  saveTerm: (edit: TermCalendarEdit) => Promise<void>
  /** Adds the official days the calendar lacks; returns the dates added (for undo). */
  addOfficialDays: (days: readonly OfficialDay[]) => Promise<string[]>
  removeDays: (dates: readonly string[]) => Promise<void>
  renameClass: (id: string, name: string) => Promise<void>
  addClass: (grade: number, name: string) => Promise<void>
  addGrade: (grade: number, className: string, subjects: readonly string[]) => Promise<void>
  setSubjects: (grade: number, subjects: readonly string[]) => Promise<void>
  classContents: (id: string) => Promise<{ students: number; assignments: number }>
  removeClass: (id: string) => Promise<RemovedClass>
  restoreClass: (removed: RemovedClass) => Promise<void>
  saveMe: (edit: MeEdit) => Promise<void>
  /** Without a server: this device is another teacher's from now on (a new "me" on the next save). */
  anotherTeacher: () => Promise<void>
}

/** The stored grades as the setup form's shape, for the checks and the "me" form. */
export function gradeForms(grades: readonly SettingsGrade[]): GradeForm[] {
  return grades.map((g) => ({ grade: g.grade, classNames: g.classes.map((c) => c.name), subjects: [...g.subjects] }))
}

export function useSettings(): UseSettings {
  const db = appDb()
  const { context } = useSchool()
  const days = useLiveQuery(() => listCalendarDays(db))
  const structure = useLiveQuery(async () => ({ classes: await listClasses(db), subjects: await listGradeSubjects(db) }))
  const mine = useLiveQuery(
    async () => {
      const id = context.value?.me?.id
      return id ? { teachings: await listMyTeachings(db, id), roles: await listMyRoles(db, id) } : { teachings: [], roles: [] }
    },
    [() => context.value?.me?.id],
  )

  const grades = computed<SettingsGrade[]>(() => {
    const data = structure.data.value
    if (!data) return []
    const byGrade = new Map<number, SettingsGrade>()
    for (const c of data.classes) {
      const g = byGrade.get(c.grade) ?? { grade: c.grade, classes: [], subjects: [] }
      g.classes.push({ id: c.id, name: c.name })
      byGrade.set(c.grade, g)
    }
    for (const s of data.subjects as GradeSubjectRow[]) byGrade.get(s.grade)?.subjects.push(s.subject)
    return [...byGrade.values()].sort((a, b) => a.grade - b.grade)
  })

  return {
    school: computed(() => context.value?.school),
    term: computed(() => context.value?.term),
    me: computed(() => context.value?.me),
    hasSchool: computed(() => (context.value === undefined ? undefined : context.value !== null)),
    calendarDays: computed(() => days.data.value ?? []),
    grades,
    classes: computed(() => structure.data.value?.classes ?? []),
    myTeachings: computed(() => mine.data.value?.teachings ?? []),
    myRoles: computed(() => mine.data.value?.roles ?? []),
    saveSchool: async (fields) => {
      const id = context.value?.school.id
      if (id) await updateSchool(db, id, fields)
    },
    saveTerm: (edit) => saveTermCalendar(db, edit),
    addOfficialDays: (list) => addCalendarDays(db, list.map((d) => ({ date: d.date, type: d.type, note: d.note }))),
    removeDays: (dates) => removeCalendarDays(db, dates),
    renameClass: (id, name) => renameClass(db, id, name),
    addClass: async (grade, name) => {
      await createClass(db, grade, name)
    },
    addGrade: async (grade, className, subjects) => {
      await addGrade(db, grade, className, subjects)
    },
    setSubjects: (grade, subjects) => setGradeSubjects(db, grade, subjects),
    classContents: (id) => classContents(db, id),
    removeClass: (id) => removeClass(db, id),
    restoreClass: (removed) => restoreClass(db, removed),
    saveMe: async (edit) => {
      await saveMe(db, edit)
    },
    anotherTeacher: () => useDeviceAs(db, null),
  }
}
