// Classes and the subjects of each grade, as set up and then added, renamed and removed on 设置 with the
// setup form's checks. Removing a class removes what belongs to it (students and their layers, its
// homework, who teaches it), all as tombstones, so that one undo brings every record back. They are
// read through classes.ts.
import { classNameProblem, type SetupProblem } from '@hl/core/domain/setupForm'
import type { AppDB } from '../database'
import { naturalId, uuidv7 } from '@hl/core/ids'
import { liveRow, liveRows } from '../read'
import type { ClassRow, SyncedTableName } from '@hl/core/records'
import { InvalidSettingsError } from './schoolSettings'
import { write } from '../write'

export class DuplicateClassError extends Error {
  constructor(readonly grade: number, readonly className: string) {
    super(`Grade ${grade} already has a class ${className}`)
    this.name = 'DuplicateClassError'
  }
}

/** A class name the setup checks refuse (empty, too long): the field is `className`. */
function assertClassName(name: string, others: readonly string[], grade: number): void {
  const code = classNameProblem(name, others)
  if (code === 'classNameDuplicate') throw new DuplicateClassError(grade, name.trim())
  if (code) throw new InvalidSettingsError([{ code, field: 'className' } satisfies SetupProblem])
}

export async function createClass(db: AppDB, grade: number, name: string): Promise<ClassRow> {
  return write(db, ['classes'], async (w) => {
    const others = (await liveRows(db.classes.where('grade').equals(grade))).map((c) => c.name)
    assertClassName(name, others, grade)
    return w.create('classes', uuidv7(), { grade, name: name.trim() })
  })
}

export async function renameClass(db: AppDB, id: string, name: string): Promise<void> {
  await write(db, ['classes'], async (w) => {
    const row = await liveRow(db.classes, id)
    if (!row) return w.update('classes', id, { name: name.trim() })
    const others = (await liveRows(db.classes.where('grade').equals(row.grade))).filter((c) => c.id !== id).map((c) => c.name)
    assertClassName(name, others, row.grade)
    return w.update('classes', id, { name: name.trim() })
  })
}

/** Every record a class removal took away, by table, so that undo brings back exactly those. */
export type RemovedClass = Partial<Record<SyncedTableName, string[]>>

const CLASS_TABLES: SyncedTableName[] = ['classes', 'students', 'studentTiers', 'teachings', 'roles', 'assignments', 'items', 'trials']

/** Removes a class and everything that belongs to it (tombstones); `restoreClass` is the undo. */
export async function removeClass(db: AppDB, id: string): Promise<RemovedClass> {
  return write(db, CLASS_TABLES, async (w) => {
    const removed: RemovedClass = {}
    const take = async (table: SyncedTableName, rows: readonly { id: string }[]) => {
      for (const row of rows) {
        await w.remove(table, row.id)
        ;(removed[table] ??= []).push(row.id)
      }
    }
    const cls = await liveRow(db.classes, id)
    if (!cls) return removed
    const assignments = await liveRows(db.assignments.where('[classId+date]').between([id, ''], [id, '\uffff'], true, true))
    const items = assignments.length ? await liveRows(db.items.where('assignmentId').anyOf(assignments.map((a) => a.id))) : []
    const trials = items.length ? await liveRows(db.trials.where('itemId').anyOf(items.map((i) => i.id))) : []
    // Children first, the class last: no moment holds a live child of a removed parent.
    await take('trials', trials)
    await take('items', items)
    await take('assignments', assignments)
    await take('studentTiers', await liveRows(db.studentTiers.where('classId').equals(id)))
    await take('students', await liveRows(db.students.where('classId').equals(id)))
    await take('teachings', await liveRows(db.teachings.where('classId').equals(id)))
    await take('roles', (await liveRows(db.roles)).filter((r) => r.classId === id))
    await take('classes', [cls])
    return removed
  })
}

export async function restoreClass(db: AppDB, removed: RemovedClass): Promise<void> {
  await write(db, CLASS_TABLES, async (w) => {
    // Parents first, in the reverse order of the removal.
    for (const table of ['classes', 'roles', 'teachings', 'students', 'studentTiers', 'assignments', 'items', 'trials'] as const) {
      for (const id of removed[table] ?? []) await w.restore(table, id)
    }
  })
}

/** The subjects taught in a grade, in order. A grade with classes keeps at least one (setup's noSubjects). */
export async function setGradeSubjects(db: AppDB, grade: number, subjects: readonly string[]): Promise<void> {
  await write(db, ['gradeSubjects', 'classes'], async (w) => {
    if (subjects.length === 0 && (await liveRows(db.classes.where('grade').equals(grade))).length > 0) {
      throw new InvalidSettingsError([{ code: 'noSubjects', field: `grades.${grade}.subjects` }])
    }
    const current = await liveRows(db.gradeSubjects.where('grade').equals(grade))
    for (const row of current) if (!subjects.includes(row.subject)) await w.remove('gradeSubjects', row.id)
    for (const [position, subject] of subjects.entries()) {
      await w.upsert('gradeSubjects', naturalId(grade, subject), { grade, subject, position })
    }
  })
}

/** A new grade: its first class, named as setup names it ('7(1)'), and its subjects. */
export async function addGrade(db: AppDB, grade: number, className: string, subjects: readonly string[]): Promise<ClassRow> {
  if (subjects.length === 0) throw new InvalidSettingsError([{ code: 'noSubjects', field: `grades.${grade}.subjects` }])
  return write(db, ['classes', 'gradeSubjects'], async (w) => {
    const others = (await liveRows(db.classes.where('grade').equals(grade))).map((c) => c.name)
    assertClassName(className, others, grade)
    for (const [position, subject] of subjects.entries()) await w.upsert('gradeSubjects', naturalId(grade, subject), { grade, subject, position })
    return w.create('classes', uuidv7(), { grade, name: className.trim() })
  })
}
