// Students' edits: added (one by one or pasted from a class list), renamed, moved between classes,
// removed with undo, and their layer (分层) per subject. They are read through students.ts.
import { planPaste, type PastedStudent } from '@hl/core/domain/pasteStudents'
import type { Tier } from '@hl/core/domain/types'
import type { AppDB } from '../database'
import { naturalId, uuidv7 } from '@hl/core/ids'
import { liveRow, liveRows } from '../read'
import type { StudentRow } from '@hl/core/records'
import { write, type Writer } from '../write'

async function placeStudent(w: Writer, db: AppDB, id: string, classId: string, position: number): Promise<void> {
  await w.update('students', id, { classId, position })
  for (const t of await liveRows(db.studentTiers.where('studentId').equals(id))) await w.update('studentTiers', t.id, { classId })
}

export interface NewStudent {
  number: string
  name: string
}

/** Adds students at the end of the class list, in the order given. */
export async function addStudents(db: AppDB, classId: string, students: readonly NewStudent[]): Promise<StudentRow[]> {
  return write(db, ['students'], async (w) => {
    const current = await liveRows(db.students.where('classId').equals(classId))
    let position = current.reduce((max, s) => Math.max(max, s.position), -1)
    const out: StudentRow[] = []
    for (const s of students) out.push(await w.create('students', uuidv7(), { classId, number: s.number.trim(), name: s.name.trim(), position: ++position }))
    return out
  })
}

export interface PasteResult {
  added: StudentRow[]
  /** Pasted students the class already had (or a repeat of an earlier pasted line): not added. */
  skipped: number
}

/**
 * Adds pasted students, leaving out those the class already has (same 学号, or same name where neither
 * has one: planPaste). The check runs inside the write against the rows as they are then, so a paste
 * made twice, or in two tabs, never adds anyone twice.
 */
export async function addPastedStudents(db: AppDB, classId: string, students: readonly Pick<PastedStudent, 'number' | 'name'>[]): Promise<PasteResult> {
  return write(db, ['students'], async (w) => {
    const current = await liveRows(db.students.where('classId').equals(classId))
    const plan = planPaste(
      students.map((s, i) => ({ number: s.number.trim(), name: s.name.trim(), line: i + 1 })),
      current,
    )
    let position = current.reduce((max, s) => Math.max(max, s.position), -1)
    const added: StudentRow[] = []
    for (const s of plan.toAdd) added.push(await w.create('students', uuidv7(), { classId, number: s.number, name: s.name, position: ++position }))
    return { added, skipped: students.length - added.length }
  })
}

export async function updateStudent(db: AppDB, id: string, patch: Partial<NewStudent>): Promise<void> {
  await write(db, ['students'], (w) => w.update('students', id, patch))
}

/** Moves a student to another class, with their layers: a layer belongs to the student, not the class. */
export async function moveStudent(db: AppDB, id: string, toClassId: string): Promise<MovedStudents> {
  return moveStudents(db, [id], toClassId)
}

/** Where moved students were, so that undo puts each back in its class at its place in the list. */
export type MovedStudents = { id: string; classId: string; position: number }[]

/** Moves several students to another class in one write, at the end of its list in the order given. */
export async function moveStudents(db: AppDB, ids: readonly string[], toClassId: string): Promise<MovedStudents> {
  return write(db, ['students', 'studentTiers'], async (w) => {
    const target = await liveRows(db.students.where('classId').equals(toClassId))
    let position = target.reduce((max, s) => Math.max(max, s.position), -1)
    const moved: MovedStudents = []
    for (const id of ids) {
      const student = await liveRow(db.students, id)
      if (!student || student.classId === toClassId) continue
      moved.push({ id, classId: student.classId, position: student.position })
      await placeStudent(w, db, id, toClassId, ++position)
    }
    return moved
  })
}

/** Undoes moveStudents. */
export async function returnStudents(db: AppDB, moved: MovedStudents): Promise<void> {
  await write(db, ['students', 'studentTiers'], async (w) => {
    for (const m of moved) await placeStudent(w, db, m.id, m.classId, m.position)
  })
}

/** What a removal took away, so that undo brings back exactly that. */
export interface RemovedStudents {
  studentIds: string[]
  tierIds: string[]
}

/** Removes students (tombstones), with their layers; `restoreStudents` undoes it. */
export async function removeStudents(db: AppDB, ids: readonly string[]): Promise<RemovedStudents> {
  return write(db, ['students', 'studentTiers'], async (w) => {
    const removed: RemovedStudents = { studentIds: [], tierIds: [] }
    for (const id of ids) {
      if (!(await liveRow(db.students, id))) continue
      await w.remove('students', id)
      removed.studentIds.push(id)
      for (const t of await liveRows(db.studentTiers.where('studentId').equals(id))) {
        await w.remove('studentTiers', t.id)
        removed.tierIds.push(t.id)
      }
    }
    return removed
  })
}

export async function restoreStudents(db: AppDB, removed: RemovedStudents): Promise<void> {
  await write(db, ['students', 'studentTiers'], async (w) => {
    for (const id of removed.studentIds) await w.restore('students', id)
    for (const id of removed.tierIds) await w.restore('studentTiers', id)
  })
}

/** Sets the layers of several students in one subject at once; 'core' clears a layer (core is the default). */
export async function setTiers(db: AppDB, classId: string, subject: string, changes: readonly { studentId: string; tier: Tier }[]): Promise<void> {
  await write(db, ['studentTiers'], async (w) => {
    for (const { studentId, tier } of changes) {
      const id = naturalId(studentId, subject)
      if (tier === 'core') await w.remove('studentTiers', id)
      else await w.upsert('studentTiers', id, { studentId, classId, subject, tier })
    }
  })
}
