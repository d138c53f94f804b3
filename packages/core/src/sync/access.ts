// Who may read and write one record, as pure functions of the caller's roles and the record's facts
// (TABLE_SCOPE in ../schema/scope.ts). The server checks every pushed change and filters every pull with
// them, after recomputing the caller's roles from its database; the app uses the same functions to say
// beforehand that a change is not the teacher's to make, and to send only what the server will take.
import { TABLE_SCOPE, type TableScope } from '../schema/scope'
import type { TableName } from '../schema/tables'

/** What a caller may do, from their roles: the server's Scope carries these and more. */
export interface AccessScope {
  teacherId: string
  isAdmin: boolean
  /** `classId|subject` of every subject the teacher teaches in a class. */
  teaches: ReadonlySet<string>
  taughtClasses: ReadonlySet<string>
  homeroom: ReadonlySet<string>
  leadGrades: ReadonlySet<number>
  /** The classes of the grades the caller leads (a grade leader decides on their homework). */
  ledClasses: ReadonlySet<string>
  /** Classes whose records the caller reads: taught, 班主任 of, or in a grade the caller leads. */
  readableClasses: readonly string[]
}

/** What decides who may read and write one record: its class, subject, grade and owner. */
export interface RecordFacts {
  readKind: TableScope['read']
  classId: string | null
  subject: string | null
  grade: number | null
  /** The teacher the record names (`teacherId`), if the table has that field. */
  teacherId: string | null
  parentId: string | null
}

export const teachingKey = (classId: string, subject: string): string => `${classId}|${subject}`

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/**
 * The facts of a row of `table`. An item takes its class and subject from its assignment (`parent`,
 * the parent's stored facts), so a subject teacher's items are theirs to write and the whole class's
 * teachers read them.
 */
export function factsOf(table: TableName, row: Record<string, unknown>, parent: RecordFacts | null): RecordFacts {
  const def = TABLE_SCOPE[table]
  const own = (field: string | undefined): string | null => (field ? str(row[field]) : null)
  return {
    readKind: def.read,
    classId: def.parent ? (parent?.classId ?? null) : own(def.classField),
    subject: def.parent ? (parent?.subject ?? null) : own(def.subjectField),
    grade: def.gradeField && typeof row[def.gradeField] === 'number' ? (row[def.gradeField] as number) : null,
    teacherId: str(row.teacherId),
    parentId: def.parent ? own(def.parent.field) : null,
  }
}

export function canWrite(scope: AccessScope, table: TableName, facts: RecordFacts): boolean {
  const def = TABLE_SCOPE[table]
  // A signed record (a decision) names its writer: nobody writes one in another's name.
  if (def.signedBy && facts.teacherId !== scope.teacherId) return false
  return def.write.some((role) => {
    switch (role) {
      case 'admin':
        return scope.isAdmin
      case 'gradeLeader':
        // A record of a class (a decision on its homework) is the leader's when the class is in a led
        // grade; a record of a grade (its budgets) when it names a led grade.
        if (facts.classId !== null) return scope.ledClasses.has(facts.classId)
        return facts.grade !== null && scope.leadGrades.has(facts.grade)
      case 'homeroomTeacher':
        return facts.classId !== null && scope.homeroom.has(facts.classId)
      case 'teacher':
        if (facts.classId === null) return false
        return facts.subject !== null ? scope.teaches.has(teachingKey(facts.classId, facts.subject)) : scope.taughtClasses.has(facts.classId)
      case 'owner':
        return facts.teacherId !== null && facts.teacherId === scope.teacherId
    }
  })
}

export function canRead(scope: AccessScope, facts: Pick<RecordFacts, 'readKind' | 'classId' | 'teacherId'>): boolean {
  if (facts.readKind === 'school') return true
  if (facts.readKind === 'owner') return facts.teacherId !== null && facts.teacherId === scope.teacherId
  return facts.classId !== null && scope.readableClasses.includes(facts.classId)
}

/**
 * A signed-in account's scope from its role assignments, as the app knows them (the server recomputes
 * its own on every request). `classes` gives the grade of each class, for a grade leader's classes.
 */
export function accessScopeOf(
  account: { teacherId: string; roles: readonly ({ role: 'teacher'; classId: string; subject: string } | { role: 'homeroomTeacher'; classId: string } | { role: 'gradeLeader'; grade: number } | { role: 'admin' })[] },
  classes: readonly { id: string; grade: number }[],
): AccessScope {
  const teaches = new Set<string>()
  const taughtClasses = new Set<string>()
  const homeroom = new Set<string>()
  const leadGrades = new Set<number>()
  let isAdmin = false
  for (const r of account.roles) {
    if (r.role === 'teacher') {
      teaches.add(teachingKey(r.classId, r.subject))
      taughtClasses.add(r.classId)
    } else if (r.role === 'homeroomTeacher') homeroom.add(r.classId)
    else if (r.role === 'gradeLeader') leadGrades.add(r.grade)
    else isAdmin = true
  }
  const readable = new Set([...taughtClasses, ...homeroom])
  const ledClasses = new Set<string>()
  for (const c of classes) if (leadGrades.has(c.grade)) ledClasses.add(c.id)
  for (const id of ledClasses) readable.add(id)
  return { teacherId: account.teacherId, isAdmin, teaches, taughtClasses, homeroom, leadGrades, ledClasses, readableClasses: [...readable].sort() }
}
