// From stored rows to the engine's shapes, shared by the app (src/db/toDomain.ts) and the school server
// (the parents' 公示 page): the engine never sees rows, rows never carry computed totals. An item counts
// with the minutes a leader's approval in force set for it (审核: "the leader may edit the minutes").
import { adjustedMinutes, contentClock, decisionInForce, type Decision } from './domain/approval'
import { withGradeBudgets, type GradeBudgetPlans, type RulesWithBudgets } from './domain/budgets'
import type { SchoolCalendar } from './domain/calendar'
import { NATIONAL_2021, resolveRules, type RulesLayer } from './domain/rules/profile'
import { regionLayers } from './domain/rules/regions'
import { TIERS, emptyTierRecord, type Assignment, type AssignmentItem, type ClassRef, type Roster } from './domain/types'
import type { ApprovalRow, AssignmentRow, CalendarDayRow, ClassRow, GradeBudgetRow, ItemRow, SchoolRow, StudentRow, StudentTierRow } from './records'

export function classRefOf(row: Pick<ClassRow, 'grade' | 'name'>): ClassRef {
  return { grade: row.grade, className: row.name }
}

export function engineItem(item: Pick<ItemRow, 'id' | 'title' | 'kind' | 'where' | 'tiers' | 'minutes' | 'trialMinutes'>, decision: Decision | null = null): AssignmentItem {
  const minutes = adjustedMinutes(item.id, item.minutes, decision)
  return {
    title: item.title,
    kind: item.kind,
    where: item.where,
    tiers: TIERS.filter((t) => item.tiers[t]),
    ...(minutes !== null ? { minutes } : {}),
    ...(item.trialMinutes !== null ? { trialMinutes: item.trialMinutes } : {}),
  }
}

export function decisionOf(row: ApprovalRow): Decision {
  return { id: row.id, decision: row.decision, reason: row.reason, minutes: row.minutes, basis: row.basis, teacherId: row.teacherId, decidedAt: row.decidedAt }
}

/** What the approval of an assignment is read from: its content's newest clock and its decisions. */
export interface ApprovalFacts {
  contentClock: string
  decisions: Decision[]
}

/** The approval facts of an assignment from its row, ALL its item rows (deleted ones too) and its decision rows. */
export function approvalFactsOf(assignment: Pick<AssignmentRow, 'fieldClock'>, allItems: readonly Pick<ItemRow, 'fieldClock'>[], approvals: readonly ApprovalRow[]): ApprovalFacts {
  return { contentClock: contentClock(assignment, allItems), decisions: approvals.filter((a) => a.deletedAt === undefined).map(decisionOf) }
}

/** An assignment with its live items (in order), as the engine sees it. */
export function engineAssignment(a: Pick<AssignmentRow, 'id' | 'subject' | 'date' | 'due'>, items: readonly ItemRow[], cls: Pick<ClassRow, 'grade' | 'name'>, approval?: ApprovalFacts, classRef: ClassRef = classRefOf(cls)): Assignment {
  const decision = approval ? decisionInForce(approval.decisions, approval.contentClock) : null
  return { id: a.id, classRef, subject: a.subject, date: a.date, ...(a.due ? { due: a.due } : {}), items: items.map((i) => engineItem(i, decision)) }
}

export function engineRoster(cls: Pick<ClassRow, 'grade' | 'name'>, students: readonly StudentRow[], tiers: readonly StudentTierRow[]): Roster {
  const byStudent = new Map<string, Record<string, StudentTierRow['tier']>>()
  for (const t of tiers) {
    // Null-prototype: a subject named `__proto__` is a key like any other (emptyTierRecord).
    const m = byStudent.get(t.studentId) ?? emptyTierRecord()
    m[t.subject] = t.tier
    byStudent.set(t.studentId, m)
  }
  return { classRef: classRefOf(cls), students: students.map((s) => ({ name: s.name, tiers: byStudent.get(s.id) ?? emptyTierRecord() })) }
}

export function engineCalendar(days: readonly Pick<CalendarDayRow, 'date' | 'type'>[]): SchoolCalendar {
  return { overrides: Object.fromEntries(days.map((d) => [d.date, d.type])) }
}

/** Each grade's 统筹 budgets from the live budget rows. */
export function gradeBudgetPlans(rows: readonly GradeBudgetRow[]): GradeBudgetPlans {
  const out: Record<number, GradeBudgetRow[]> = {}
  for (const r of rows) if (r.deletedAt === undefined) (out[r.grade] ??= []).push(r)
  return out
}

/** The rules in force: national, then the region's layers, then the school's own, with the grades' budgets. */
export function schoolRulesOf(school: Pick<SchoolRow, 'id' | 'name' | 'regionId' | 'rules'> | undefined, budgets: readonly GradeBudgetRow[] = []): RulesWithBudgets {
  if (!school) return withGradeBudgets(resolveRules(NATIONAL_2021), gradeBudgetPlans(budgets))
  const own: RulesLayer[] = Object.keys(school.rules).length ? [{ id: school.id, kind: 'school', name: school.name, version: 1, levels: school.rules }] : []
  return withGradeBudgets(resolveRules(NATIONAL_2021, [...regionLayers(school.regionId), ...own]), gradeBudgetPlans(budgets))
}
