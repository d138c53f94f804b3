// Importing a checked plan (packages/core/src/formats/planImport.ts) as the signed-in teacher's homework.
// Reads what the check needs (the school's classes and subjects, the touched classes' homework and
// students), and writes in ONE write() transaction for the whole file (bulk requests, a chunk at a
// time), so an import either adds every new assignment or, on any failure, none. What the school
// already has is found again inside that transaction, so importing a file twice (or in two tabs at
// once) adds it once.
import { dayNumber, fromDayNumber } from '@hl/core/domain/dates'
import { eveningCount } from '@hl/core/domain/minutes'
import { splitExisting, type ClassLoadContext, type ExistingAssignment, type PlannedAssignment, type PlanSchool } from '@hl/core/formats/planImport'
import { getSession } from './session'
import type { AppDB } from './database'
import { uuidv7 } from '@hl/core/ids'
import type { AssignmentRow, AssignmentStatus, Fields, ItemRow } from '@hl/core/records'
import { liveRows } from './read'
import { listClassAssignments, type AssignmentWithItems } from './repos/assignments'
import { listClasses, listGradeSubjects } from './repos/classes'
import { listStudents, listStudentTiers } from './repos/students'
import { toAssignment, toRoster } from './toDomain'
import { write } from './write'

export interface PlanImportOutcome {
  assignmentIds: string[]
  itemCount: number
  /** Items not added because the school already had them. */
  existingItems: number
}

/** The school as the plan reader checks a file against it: its classes and each grade's subjects. */
export async function loadPlanSchool(db: AppDB): Promise<PlanSchool> {
  const [classes, subjects] = await Promise.all([listClasses(db), listGradeSubjects(db)])
  const subjectsByGrade = new Map<number, string[]>()
  for (const s of subjects) {
    const list = subjectsByGrade.get(s.grade)
    if (list) list.push(s.subject)
    else subjectsByGrade.set(s.grade, [s.subject])
  }
  return { classes: classes.map((c) => ({ id: c.id, grade: c.grade, name: c.name })), subjectsByGrade }
}

/** The evenings [from, to] a plan touches in each class: its dates and the evenings they spread over. */
function rangesByClass(planned: readonly PlannedAssignment[]): Map<string, { from: string; to: string }> {
  const ranges = new Map<string, { first: number; last: number }>()
  for (const { classId, assignment } of planned) {
    const first = dayNumber(assignment.date)
    const last = first + eveningCount(assignment) - 1
    const r = ranges.get(classId)
    ranges.set(classId, r ? { first: Math.min(r.first, first), last: Math.max(r.last, last) } : { first, last })
  }
  return new Map([...ranges].map(([id, r]) => [id, { from: fromDayNumber(r.first), to: fromDayNumber(r.last) }]))
}

function asExisting(rows: readonly AssignmentWithItems[]): ExistingAssignment[] {
  return rows.map((a) => ({ classId: a.assignment.classId, subject: a.assignment.subject, date: a.assignment.date, titles: a.items.map((i) => i.title) }))
}

/** What the preview needs of each class the plan touches: its stored homework over the plan's evenings, and its students. */
export async function loadPlanClasses(db: AppDB, planned: readonly PlannedAssignment[]): Promise<{ classes: ClassLoadContext[]; existing: ExistingAssignment[] }> {
  const classes: ClassLoadContext[] = []
  const existing: ExistingAssignment[] = []
  for (const [classId, range] of rangesByClass(planned)) {
    const cls = await db.classes.get(classId)
    if (!cls || cls.deletedAt !== undefined) continue
    const [rows, students, tiers] = await Promise.all([listClassAssignments(db, classId, range.from, range.to), listStudents(db, classId), listStudentTiers(db, classId)])
    classes.push({ classId, existing: rows.map((a) => toAssignment(a, cls)), roster: toRoster(cls, students, tiers) })
    existing.push(...asExisting(rows))
  }
  return { classes, existing }
}

/**
 * The classes' live homework on the plan's dates, read inside the import's transaction: one range read
 * per class over the plan's dates (not one per class and date: a term's plan touches thousands).
 */
async function existingOn(db: AppDB, planned: readonly PlannedAssignment[]): Promise<ExistingAssignment[]> {
  const dates = new Map<string, Set<string>>()
  for (const p of planned) {
    let set = dates.get(p.classId)
    if (!set) dates.set(p.classId, (set = new Set()))
    set.add(p.assignment.date)
  }
  const perClass = await Promise.all(
    [...dates].map(async ([classId, set]) => {
      const sorted = [...set].sort()
      const rows = await liveRows(db.assignments.where('[classId+date]').between([classId, sorted[0]!], [classId, sorted[sorted.length - 1]!], true, true))
      return rows.filter((a) => set.has(a.date))
    }),
  )
  const assignments = perClass.flat()
  if (assignments.length === 0) return []
  const items = await liveRows(db.items.where('assignmentId').anyOf(assignments.map((a) => a.id)))
  const titles = new Map<string, string[]>()
  for (const i of items) {
    const list = titles.get(i.assignmentId)
    if (list) list.push(i.title)
    else titles.set(i.assignmentId, [i.title])
  }
  return assignments.map((a) => ({ classId: a.classId, subject: a.subject, date: a.date, titles: titles.get(a.id) ?? [] }))
}

/** Assignments written per bulk request: small enough that the screen repaints (and the bar moves) between them. */
const CHUNK = 500

/** How far an import has come, in items written of the items to write. */
export type ImportProgress = (done: number, total: number) => void

export async function importPlan(
  db: AppDB,
  input: { planned: readonly PlannedAssignment[]; teacherId: string; status: AssignmentStatus },
  onProgress?: ImportProgress,
): Promise<PlanImportOutcome> {
  return write(db, ['assignments', 'items'], async (w) => {
    // A device signed in to no school server queues nothing of the plan: signing in queues every
    // record the teacher may write (enqueueEverything), these included. A whole term is 400,000
    // records; their outbox entries would be as many again, and IndexedDB's cost is per record.
    const queue = (await getSession(db)) !== null
    const split = splitExisting(input.planned, await existingOn(db, input.planned))
    const outcome: PlanImportOutcome = { assignmentIds: [], itemCount: 0, existingItems: split.existingItems }
    const total = split.toAdd.reduce((n, p) => n + p.assignment.items.length, 0)
    onProgress?.(0, total)
    for (let start = 0; start < split.toAdd.length; start += CHUNK) {
      const assignments: { id: string; fields: Fields<AssignmentRow> }[] = []
      const items: { id: string; fields: Fields<ItemRow> }[] = []
      for (const { classId, assignment: a } of split.toAdd.slice(start, start + CHUNK)) {
        const id = uuidv7()
        // Each planned assignment is its own batch: the file names one class a row, not parallel classes.
        assignments.push({ id, fields: { classId, subject: a.subject.trim(), date: a.date, due: a.due ?? '', status: input.status, teacherId: input.teacherId, batchId: uuidv7() } })
        for (const [position, item] of a.items.entries()) {
          items.push({
            id: uuidv7(),
            fields: {
              assignmentId: id,
              position,
              title: item.title.trim(),
              kind: item.kind,
              where: item.where,
              tiers: { core: item.tiers.includes('core'), extend: item.tiers.includes('extend'), challenge: item.tiers.includes('challenge') },
              minutes: item.minutes ?? null,
              trialMinutes: item.trialMinutes ?? null,
            },
          })
        }
        outcome.assignmentIds.push(id)
      }
      // Assignments before their items, so sync never sends an item ahead of its assignment.
      await w.createMany('assignments', assignments, { queue })
      await w.createMany('items', items, { queue })
      outcome.itemCount += items.length
      onProgress?.(outcome.itemCount, total)
    }
    return outcome
  })
}
