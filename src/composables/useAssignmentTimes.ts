// Real times of one assignment: the class survey in bands, each student's time and the stop reports
// (作业熔断), with what they say about the class average beside the estimate.
import { computed } from 'vue'
import type { SurveyCounts } from '@hl/core/domain/calibration'
import { reportedAverage, writtenHomeMinutes, type AssignmentTimes } from '@hl/core/domain/realTimes'
import { rulesForGrade } from '@hl/core/domain/rules/profile'
import { tiersOf } from '@hl/core/domain/assignmentDraft'
import { appDb } from '@/db/database'
import { loadAssignmentTimes } from '@/db/repos/times'
import { removeTimeReport, restoreTimeReport, setSurvey, setTimeReport, type NewTimeReport } from '@/db/repos/timeEdits'
import { toItem } from '@/db/toDomain'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export type { NewTimeReport }

export function useAssignmentTimes(assignmentId: () => string | undefined) {
  const db = appDb()
  const school = useSchool()
  const data = useLiveQuery(async () => {
    const id = assignmentId()
    return { id, data: id ? await loadAssignmentTimes(db, id) : null }
  }, [assignmentId])
  const current = computed(() => (data.data.value?.id === assignmentId() ? data.data.value?.data : undefined))
  const rules = computed(() => (current.value ? rulesForGrade(school.rules.value, current.value.cls.grade) : undefined))

  const times = computed<AssignmentTimes | null>(() => {
    const d = current.value
    if (!d || !rules.value) return null
    const tierOf = (id: string) => d.tierOf.get(id) ?? 'core'
    return {
      assignmentId: d.assignment.assignment.id,
      date: d.assignment.assignment.date,
      subject: d.assignment.assignment.subject,
      byTier: writtenHomeMinutes(d.assignment.items.map(toItem), rules.value.teacherMultiplier),
      studentTiers: d.students.map((s) => tierOf(s.id)),
      reports: d.reports.map((r) => ({ studentId: r.studentId, tier: tierOf(r.studentId), minutes: r.minutes, stopped: r.stopped })),
      ...(d.survey ? { survey: { upTo30: d.survey.upTo30, upTo60: d.survey.upTo60, upTo90: d.survey.upTo90, over90: d.survey.over90 } } : {}),
    }
  })

  /** The items a student's layer does (what a stop report may leave undone). */
  function itemsOf(studentId: string) {
    const d = current.value
    if (!d) return []
    const tier = d.tierOf.get(studentId) ?? 'core'
    return d.assignment.items.map((item, i) => ({ id: item.id, number: i + 1, title: item.title, tiers: tiersOf(item.tiers) })).filter((i) => i.tiers.includes(tier))
  }

  const target = (studentId: string) => {
    const d = current.value!
    return { assignmentId: d.assignment.assignment.id, classId: d.cls.id, studentId }
  }

  return {
    current,
    notFound: computed(() => data.data.value?.id === assignmentId() && data.data.value?.data === null),
    stopTime: computed(() => rules.value?.stopTime ?? ''),
    average: computed(() => (times.value ? reportedAverage(times.value) : null)),
    /** Reports in class-list order (never by time: no ranking). */
    reports: computed(() => {
      const d = current.value
      if (!d) return []
      const order = new Map(d.students.map((s, i) => [s.id, i]))
      const names = new Map(d.students.map((s) => [s.id, s.name]))
      const titles = new Map(d.assignment.items.map((item, i) => [item.id, `${i + 1}. ${item.title}`]))
      return [...d.reports]
        .sort((a, b) => (order.get(a.studentId) ?? 1e9) - (order.get(b.studentId) ?? 1e9))
        .map((r) => ({ ...r, name: names.get(r.studentId) ?? '', left: Object.keys(r.leftItems).flatMap((id) => titles.get(id) ?? []) }))
    }),
    itemsOf,
    saveReport: (studentId: string, report: NewTimeReport) => setTimeReport(db, target(studentId), report),
    removeReport: async (studentId: string) => {
      const d = current.value!
      await removeTimeReport(db, d.assignment.assignment.id, studentId)
      return () => restoreTimeReport(db, d.assignment.assignment.id, studentId)
    },
    saveSurvey: (counts: SurveyCounts) => {
      const d = current.value!
      return setSurvey(db, d.assignment.assignment.id, d.cls.id, counts)
    },
  }
}
