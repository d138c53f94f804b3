// The class week's real times: each assignment's estimated class average beside what the reports say,
// and the week's stop reports (作业熔断) counted per subject, for the class and the whole grade, with the
// students past the stop rule's weekly limits.
import { computed, type Ref } from 'vue'
import { countStops, reportedAverage } from '@hl/core/domain/realTimes'
import { rulesForGrade } from '@hl/core/domain/rules/profile'
import { appDb } from '@/db/database'
import { getClass } from '@/db/repos/classes'
import { loadWeekTimes } from '@/db/repos/times'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export function useWeekTimes(classId: Ref<string | undefined>, monday: Ref<string>) {
  const db = appDb()
  const school = useSchool()
  const data = useLiveQuery(async () => {
    const id = classId.value
    const cls = id ? await getClass(db, id) : undefined
    if (!cls) return null
    const rules = rulesForGrade(school.rules.value, cls.grade)
    return { rules, week: await loadWeekTimes(db, cls.id, monday.value, rules.teacherMultiplier) }
  }, [classId, monday, () => school.rules.value])

  return computed(() => {
    const d = data.data.value
    if (!d?.week) return null
    const { rules, week } = d
    const names = new Map(week.students.map((s) => [s.id, s.name]))
    const order = week.students.map((s) => s.id)
    const classStops = week.gradeStops.filter((s) => s.classId === classId.value)
    const limits = { weekly: rules.weeklyStopLimit, weeklyPerSubject: rules.weeklySubjectStopLimit }
    const mine = countStops(classStops, order, limits)
    return {
      rows: week.times.map((t) => ({ assignmentId: t.assignmentId, date: t.date, subject: t.subject, ...reportedAverage(t) })),
      classStops: mine,
      gradeStops: countStops(week.gradeStops, [], { weekly: null, weeklyPerSubject: null }),
      overLimit: mine.overLimit.map((o) => ({ ...o, name: names.get(o.studentId) ?? '' })),
      stopTime: rules.stopTime,
    }
  })
}
