// From stored rows to the engine's shapes (the shared conversions are @hl/core/toEngine, which the
// school server uses too). The engine never sees rows; rows never carry computed totals.
import type { AssignmentDraft } from '@hl/core/domain/assignmentDraft'
import { tiersOf } from '@hl/core/domain/assignmentDraft'
import type { SchoolCalendar } from '@hl/core/domain/calendar'
import type { Assignment, AssignmentItem, Roster } from '@hl/core/domain/types'
import { classRefOf, engineAssignment, engineCalendar, engineRoster } from '@hl/core/toEngine'
import type { AssignmentWithItems } from './repos/assignments'
import type { CalendarDayRow, ClassRow, ItemRow, StudentRow, StudentTierRow } from '@hl/core/records'

export { classRefOf }

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

/** A stored assignment as the engine counts it: with the minutes a leader's approval in force set. */
export function toAssignment(a: AssignmentWithItems, cls: Pick<ClassRow, 'grade' | 'name'>): Assignment {
  return engineAssignment(a.assignment, a.items, cls, a.approval)
}

/** A draft being edited, as the engine sees it (for the live gauge). */
export function draftToAssignment(id: string, draft: AssignmentDraft, cls: Pick<ClassRow, 'grade' | 'name'>): Assignment {
  return { id, classRef: classRefOf(cls), subject: draft.subject, date: draft.date, ...(draft.due ? { due: draft.due } : {}), items: draft.items.map(toItem) }
}

export function toRoster(cls: Pick<ClassRow, 'grade' | 'name'>, students: readonly StudentRow[], tiers: readonly StudentTierRow[]): Roster {
  return engineRoster(cls, students, tiers)
}

export function toCalendar(days: readonly CalendarDayRow[]): SchoolCalendar {
  return engineCalendar(days)
}
