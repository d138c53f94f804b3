// Classes and the subjects of each grade.
import { compareClasses as compareClassRefs } from '@hl/core/domain/types'
import type { AppDB } from '../database'
import { naturalId, uuidv7 } from '@hl/core/ids'
import { liveRow, liveRows } from '../read'
import type { ClassRow, GradeSubjectRow } from '@hl/core/records'
import { write } from '../write'

/** Class rows in school order (the domain's compareClasses, on rows). */
export function compareClasses(a: Pick<ClassRow, 'grade' | 'name'>, b: Pick<ClassRow, 'grade' | 'name'>): number {
  return compareClassRefs({ grade: a.grade, className: a.name }, { grade: b.grade, className: b.name })
}

export async function listClasses(db: AppDB): Promise<ClassRow[]> {
  return (await liveRows(db.classes)).sort(compareClasses)
}

export function getClass(db: AppDB, id: string): Promise<ClassRow | undefined> {
  return liveRow(db.classes, id)
}

export class DuplicateClassError extends Error {
  constructor(readonly grade: number, readonly className: string) {
    super(`Grade ${grade} already has a class ${className}`)
    this.name = 'DuplicateClassError'
  }
}

export async function createClass(db: AppDB, grade: number, name: string): Promise<ClassRow> {
  return write(db, ['classes'], async (w) => {
    const existing = (await liveRows(db.classes.where('grade').equals(grade))).find((c) => c.name === name.trim())
    if (existing) throw new DuplicateClassError(grade, name)
    return w.create('classes', uuidv7(), { grade, name: name.trim() })
  })
}

export async function renameClass(db: AppDB, id: string, name: string): Promise<void> {
  await write(db, ['classes'], (w) => w.update('classes', id, { name: name.trim() }))
}

/** Subjects taught in a grade, in the school's order. */
export async function listGradeSubjects(db: AppDB, grade?: number): Promise<GradeSubjectRow[]> {
  const rows = grade === undefined ? await liveRows(db.gradeSubjects) : await liveRows(db.gradeSubjects.where('grade').equals(grade))
  return rows.sort((a, b) => a.grade - b.grade || a.position - b.position)
}

export async function setGradeSubjects(db: AppDB, grade: number, subjects: readonly string[]): Promise<void> {
  await write(db, ['gradeSubjects'], async (w) => {
    const current = await liveRows(db.gradeSubjects.where('grade').equals(grade))
    for (const row of current) if (!subjects.includes(row.subject)) await w.remove('gradeSubjects', row.id)
    for (const [position, subject] of subjects.entries()) {
      await w.upsert('gradeSubjects', naturalId(grade, subject), { grade, subject, position })
    }
  })
}
