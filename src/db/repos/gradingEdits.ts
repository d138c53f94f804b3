// 全批 marks: each student's grading and the items marked wrong, and the sheet's scale. Every mark is one
// small write (one record, one outbox entry), saved at once and kept offline, on the natural ids of
// grading.ts (where the sheets are read), so a phone and a PC grading the same notebook converge on one
// record, and two marks on different fields both survive.
import { EMPTY_GRADING, hasGrade, type StudentGrading } from '@hl/core/domain/grading'
import type { GradeScale, GradingRow, ItemMarkRow } from '@hl/core/records'
import type { AppDB } from '../database'
import { liveRow } from '../read'
import { write } from '../write'
import { gradingId, itemMarkId, sheetId } from './grading'

export interface GradingTarget {
  assignmentId: string
  studentId: string
  classId: string
}

/**
 * Changes one student's record (creating it on the first mark). A grade given to work with no hand-in
 * recorded records it as handed in (已交): graded work was evidently handed in.
 */
export async function setGrading(db: AppDB, target: GradingTarget, patch: Partial<StudentGrading>): Promise<GradingRow> {
  return write(db, ['gradings'], async (w) => {
    const id = gradingId(target.assignmentId, target.studentId)
    const current = await liveRow(db.gradings, id)
    const next: Partial<StudentGrading> = { ...patch }
    const status = patch.status ?? current?.status ?? ''
    if (status === '' && hasGrade({ level: patch.level ?? current?.level ?? '', score: patch.score !== undefined ? patch.score : (current?.score ?? null) })) next.status = 'submitted'
    if (current) return w.update('gradings', id, next)
    return w.upsert('gradings', id, { ...target, ...EMPTY_GRADING, ...next })
  })
}

export interface MarkTarget extends GradingTarget {
  itemId: string
}

/** Marks an item of a student's work wrong (or takes the mark back), or records 二次批改's verdict. */
export async function setItemMark(db: AppDB, target: MarkTarget, patch: { wrong?: boolean; fixed?: boolean }): Promise<ItemMarkRow> {
  return write(db, ['itemMarks'], async (w) => {
    const id = itemMarkId(target.itemId, target.studentId)
    const current = await liveRow(db.itemMarks, id)
    if (current) return w.update('itemMarks', id, patch)
    return w.upsert('itemMarks', id, { ...target, wrong: patch.wrong ?? false, fixed: patch.fixed ?? false })
  })
}

export async function setSheetScale(db: AppDB, assignmentId: string, scale: GradeScale, maxScore: number): Promise<void> {
  await write(db, ['gradingSheets'], (w) => w.upsert('gradingSheets', sheetId(assignmentId), { assignmentId, scale, maxScore }))
}
