// Students' real times (实际用时) and a class's survey of them, as a teacher records them: one record per
// student and assignment (natural ids, in times.ts, where they are read), so two devices recording the
// same student converge.
import type { SurveyCounts } from '@hl/core/domain/calibration'
import type { TimeReportRow } from '@hl/core/records'
import type { AppDB } from '../database'
import { write } from '../write'
import { surveyId, timeReportId } from './times'

export interface NewTimeReport {
  minutes: number
  stopped: boolean
  /** Item ids left undone at a stop. */
  leftItemIds: readonly string[]
  note: string
}

export async function setTimeReport(db: AppDB, target: { assignmentId: string; classId: string; studentId: string }, report: NewTimeReport): Promise<TimeReportRow> {
  return write(db, ['timeReports'], (w) =>
    w.upsert('timeReports', timeReportId(target.assignmentId, target.studentId), {
      ...target,
      minutes: report.minutes,
      stopped: report.stopped,
      leftItems: Object.fromEntries(report.stopped ? report.leftItemIds.map((id) => [id, true]) : []),
      note: report.note.trim(),
    }),
  )
}

export async function removeTimeReport(db: AppDB, assignmentId: string, studentId: string): Promise<void> {
  await write(db, ['timeReports'], (w) => w.remove('timeReports', timeReportId(assignmentId, studentId)))
}

export async function restoreTimeReport(db: AppDB, assignmentId: string, studentId: string): Promise<void> {
  await write(db, ['timeReports'], (w) => w.restore('timeReports', timeReportId(assignmentId, studentId)))
}

export async function setSurvey(db: AppDB, assignmentId: string, classId: string, counts: SurveyCounts): Promise<void> {
  await write(db, ['timeSurveys'], (w) => w.upsert('timeSurveys', surveyId(assignmentId), { assignmentId, classId, ...counts }))
}
