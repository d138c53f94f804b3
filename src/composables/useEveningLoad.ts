// The live load gauge: for each selected class, its evening across all subjects — the homework already
// stored for it (read live: it changes rarely) plus the draft being typed — computed synchronously in a
// computed(), so a keystroke reaches the gauge in the same frame with no async step in between.
import { computed, watch, type ComputedRef } from 'vue'
import type { SchoolCalendar } from '@hl/core/domain/calendar'
import { isIsoDate } from '@hl/core/domain/dates'
import { buildGauge, draftAsAssignment, type Gauge } from '@hl/core/domain/gauge'
import type { ResolvedRules } from '@hl/core/domain/rules/profile'
import type { Assignment, Roster } from '@hl/core/domain/types'
import { appDb } from '@/db/database'
import type { ClassRow } from '@hl/core/records'
import { listClassAssignments } from '@/db/repos/assignments'
import { getClass } from '@/db/repos/classes'
import { listStudents, listStudentTiers } from '@/db/repos/students'
import { classRefOf, toAssignment, toRoster } from '@/db/toDomain'
import type { DesignerState } from './useAssignmentDraft'
import { useLiveQuery } from './useLiveQuery'

/** User Timing mark set after each gauge update: the benchmark measures edit → gauge with it. */
export const GAUGE_MARK = 'gauge-updated'

interface ClassEvening {
  cls: ClassRow
  roster: Roster
  /** Stored homework with an evening on the date shown (incl. earlier ones spreading into it). */
  stored: Assignment[]
}

export interface ClassGauge {
  classId: string
  className: string
  gauge: Gauge
}

export function useEveningLoad(
  state: DesignerState,
  editingId: () => string | undefined,
  rules: ComputedRef<ResolvedRules>,
  calendar: ComputedRef<SchoolCalendar>,
) {
  const db = appDb()
  const classKey = () => state.classIds.join(',')
  const stored = useLiveQuery(
    async (): Promise<ClassEvening[]> => {
      const date = state.date
      if (!isIsoDate(date)) return []
      const out: ClassEvening[] = []
      for (const classId of [...state.classIds]) {
        const cls = await getClass(db, classId)
        if (!cls) continue
        const [students, tiers, assignments] = await Promise.all([listStudents(db, classId), listStudentTiers(db, classId), listClassAssignments(db, classId, date, date)])
        out.push({ cls, roster: toRoster(cls, students, tiers), stored: assignments.map((a) => toAssignment(a, cls)) })
      }
      return out
    },
    [classKey, () => state.date],
  )

  const gauges = computed<ClassGauge[]>(() => {
    const editing = editingId()
    const draftState = { subject: state.subject, date: state.date, due: state.due, items: state.items }
    return (stored.data.value ?? []).map(({ cls, roster, stored: rows }) => {
      const classRef = classRefOf(cls)
      const gauge = buildGauge({
        classRef,
        date: state.date,
        others: editing ? rows.filter((a) => a.id !== editing) : rows,
        draft: draftAsAssignment('draft', draftState, classRef),
        roster,
        calendar: calendar.value,
        rules: rules.value,
      })
      return { classId: cls.id, className: cls.name, gauge }
    })
  })

  // After the DOM shows the new figures: the mark the benchmark reads (edit → gauge).
  watch(gauges, () => performance.mark(GAUGE_MARK), { flush: 'post' })

  return { gauges, isLoading: stored.isLoading }
}
