// From stored rows to the engine's shapes. The engine never sees rows; rows never carry computed totals.
import type { AssignmentDraft } from '@hl/core/domain/assignmentDraft'
import { tiersOf } from '@hl/core/domain/assignmentDraft'
import type { SchoolCalendar } from '@hl/core/domain/calendar'
import { emptyTierRecord, type Assignment, type AssignmentItem, type ClassRef, type Roster } from '@hl/core/domain/types'
import type { AssignmentWithItems } from './repos/assignments'
import type { CalendarDayRow, ClassRow, ItemRow, StudentRow, StudentTierRow } from '@hl/core/records'

export function classRefOf(row: Pick<ClassRow, 'grade' | 'name'>): ClassRef {
  return { grade: row.grade, className: row.name }
}

export function toItem(item: Pick<ItemRow, 'title' | 'kind' | 'where' | 'tiers' | 'minutes' | 'trialMinutes'>): AssignmentItem {
  return {
    title: item.title,
    kind: item.kind,
    where: item.where,
    tiers: tiersOf(item.tiers),
    ...(item.minutes !== null ? { minutes: item.minutes } : {}),
    ...(item.trialMinutes !== null ? { trialMinutes: item.trialMinutes } : {}),
  }
}

export function toAssignment(a: AssignmentWithItems, cls: Pick<ClassRow, 'grade' | 'name'>): Assignment {
  return {
    id: a.assignment.id,
    classRef: classRefOf(cls),
    subject: a.assignment.subject,
    date: a.assignment.date,
    ...(a.assignment.due ? { due: a.assignment.due } : {}),
    items: a.items.map(toItem),
  }
}

/** A draft being edited, as the engine sees it (for the live gauge). */
export function draftToAssignment(id: string, draft: AssignmentDraft, cls: Pick<ClassRow, 'grade' | 'name'>): Assignment {
  return { id, classRef: classRefOf(cls), subject: draft.subject, date: draft.date, ...(draft.due ? { due: draft.due } : {}), items: draft.items.map(toItem) }
}

export function toRoster(cls: Pick<ClassRow, 'grade' | 'name'>, students: readonly StudentRow[], tiers: readonly StudentTierRow[]): Roster {
  const byStudent = new Map<string, Record<string, StudentTierRow['tier']>>()
  for (const t of tiers) {
    // Null-prototype: a subject named `__proto__` is a key like any other (emptyTierRecord).
    const m = byStudent.get(t.studentId) ?? emptyTierRecord()
    m[t.subject] = t.tier
    byStudent.set(t.studentId, m)
  }
  return { classRef: classRefOf(cls), students: students.map((s) => ({ name: s.name, tiers: byStudent.get(s.id) ?? emptyTierRecord() })) }
}

export function toCalendar(days: readonly CalendarDayRow[]): SchoolCalendar {
  return { overrides: Object.fromEntries(days.map((d) => [d.date, d.type])) }
}
