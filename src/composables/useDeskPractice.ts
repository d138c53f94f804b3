// The four practices across the desk's classes (domain/practice.ts): each assignment reduced to its
// counts — items with the teacher's own time, layers, notebooks graded, students' reported times and
// stops — read with the grade's grading and real times (apart from the heat map, which never waits).
import { computed, type ComputedRef } from 'vue'
import { hasGrade, isExpected } from '@hl/core/domain/grading'
import { practiceRows, practiceWeeks, type PracticeAssignment } from '@hl/core/domain/practice'
import { classAverageEstimate, writtenHomeMinutes } from '@hl/core/domain/realTimes'
import { rulesForGrade } from '@hl/core/domain/rules/profile'
import { TIERS } from '@hl/core/domain/types'
import { appDb } from '@/db/database'
import { loadDeskPractice } from '@/db/repos/desk'
import type { GradeDesk } from './useDesk'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export function useDeskPractice(desk: GradeDesk, today: string) {
  const { rules } = useSchool()
  const classIds = computed(() => desk.data.value?.classes.map((c) => c.cls.id) ?? [])
  const extra = useLiveQuery(() => loadDeskPractice(appDb(), classIds.value), [classIds])

  const rows: ComputedRef<PracticeAssignment[]> = computed(() => {
    const d = desk.data.value
    const x = extra.data.value
    if (!d || !x) return []
    const gradings = new Map<string, typeof x.gradings>()
    for (const g of x.gradings) gradings.set(g.assignmentId, [...(gradings.get(g.assignmentId) ?? []), g])
    const reports = new Map<string, typeof x.timeReports>()
    for (const r of x.timeReports) reports.set(r.assignmentId, [...(reports.get(r.assignmentId) ?? []), r])
    const out: PracticeAssignment[] = []
    for (const a of desk.assignments.value) {
      if (a.row.assignment.status !== 'published') continue
      const c = d.classes.find((k) => k.cls.id === a.cls.id)!
      const multiplier = rulesForGrade(rules.value, a.cls.grade).teacherMultiplier
      const subject = a.row.assignment.subject
      const tierOf = new Map(c.tiers.filter((t) => t.subject === subject).map((t) => [t.studentId, t.tier] as const))
      const studentTiers = c.students.map((s) => tierOf.get(s.id) ?? 'core')
      const g = gradings.get(a.row.assignment.id) ?? []
      const expected = c.students.length - g.filter((x) => !isExpected(x)).length
      const r = reports.get(a.row.assignment.id) ?? []
      const written = a.engine.items.some((i) => i.kind === 'written')
      out.push({
        id: a.row.assignment.id,
        classId: a.cls.id,
        teacherId: a.row.assignment.teacherId,
        subject,
        date: a.row.assignment.date,
        items: a.row.items.length,
        trialItems: a.row.items.filter((i) => i.trialMinutes !== null).length,
        layered: a.row.items.some((i) => !TIERS.every((t) => i.tiers[t])),
        gradable: written && a.row.assignment.date < today,
        expected: Math.max(0, expected),
        graded: g.filter((x) => hasGrade(x)).length,
        estimatedMinutes: classAverageEstimate(writtenHomeMinutes(a.engine.items, multiplier), studentTiers),
        reportedMinutes: r.length ? r.reduce((s, x) => s + x.minutes, 0) / r.length : null,
        stops: r.filter((x) => x.stopped).length,
      })
    }
    return out
  })
  const weeks = computed(() => Math.max(1, Math.round((Date.parse(desk.range.value.to) - Date.parse(desk.range.value.from)) / (7 * 86_400_000))))
  return {
    rows,
    table: computed(() => practiceRows(rows.value, weeks.value)),
    byWeek: computed(() => practiceWeeks(rows.value, desk.range.value.from, desk.range.value.to)),
    isLoading: computed(() => extra.isLoading.value),
  }
}
