// Students' real times (per student, or a class survey in bands) and stop reports (作业熔断) as screens
// read them, and the reads that feed the calibration: the teacher's own assignments of a subject in a
// class, and the subject group's (every class of the grade, that subject). They are recorded in
// timeEdits.ts.
import type { SurveyCounts } from '@hl/core/domain/calibration'
import { addDays } from '@hl/core/domain/dates'
import { writtenHomeMinutes, type AssignmentTimes } from '@hl/core/domain/realTimes'
import type { Tier } from '@hl/core/domain/types'
import { naturalId } from '@hl/core/ids'
import type { AssignmentRow, ClassRow, StudentRow, TimeReportRow, TimeSurveyRow } from '@hl/core/records'
import type { AppDB } from '../database'
import { liveRow, liveRows, readTogether } from '../read'
import { toItem } from '../toDomain'
import { listClassAssignments, type AssignmentWithItems } from './assignments'
import { listStudents } from './students'

export const timeReportId = (assignmentId: string, studentId: string): string => naturalId(assignmentId, studentId)
export const surveyId = (assignmentId: string): string => naturalId(assignmentId)

export interface AssignmentTimesData {
  assignment: AssignmentWithItems
  cls: ClassRow
  students: StudentRow[]
  /** Each student's layer in the subject, by student id (absent: core). */
  tierOf: ReadonlyMap<string, Tier>
  reports: TimeReportRow[]
  survey: TimeSurveyRow | undefined
}

export async function loadAssignmentTimes(db: AppDB, assignmentId: string): Promise<AssignmentTimesData | null> {
  const a = await liveRow(db.assignments, assignmentId)
  if (!a) return null
  const cls = await liveRow(db.classes, a.classId)
  if (!cls) return null
  const [items, students, tiers, reports, survey] = await Promise.all([
    liveRows(db.items.where('assignmentId').equals(assignmentId)),
    listStudents(db, cls.id),
    liveRows(db.studentTiers.where('classId').equals(cls.id)),
    liveRows(db.timeReports.where('assignmentId').equals(assignmentId)),
    liveRow(db.timeSurveys, surveyId(assignmentId)),
  ])
  const tierOf = new Map(tiers.filter((t) => t.subject === a.subject).map((t) => [t.studentId, t.tier] as const))
  return { assignment: { assignment: a, items: items.sort((x, y) => x.position - y.position) }, cls, students, tierOf, reports, survey }
}

const countsOf = (s: TimeSurveyRow | undefined): SurveyCounts | undefined => (s ? { upTo30: s.upTo30, upTo60: s.upTo60, upTo90: s.upTo90, over90: s.over90 } : undefined)

/** The reports of some assignments of one class, as the calibration reads them. */
async function timesOfClass(db: AppDB, cls: ClassRow, assignments: readonly AssignmentWithItems[], multiplier: number): Promise<AssignmentTimes[]> {
  if (assignments.length === 0) return []
  const ids = assignments.map((a) => a.assignment.id)
  const [students, tiers, reports, surveys] = await Promise.all([
    listStudents(db, cls.id),
    liveRows(db.studentTiers.where('classId').equals(cls.id)),
    liveRows(db.timeReports.where('assignmentId').anyOf(ids)),
    liveRows(db.timeSurveys.where('classId').equals(cls.id)),
  ])
  const surveyOf = new Map(surveys.map((s) => [s.assignmentId, s]))
  return assignments.map(({ assignment, items }) => {
    const tierOf = new Map(tiers.filter((t) => t.subject === assignment.subject).map((t) => [t.studentId, t.tier] as const))
    const survey = countsOf(surveyOf.get(assignment.id))
    return {
      assignmentId: assignment.id,
      date: assignment.date,
      subject: assignment.subject,
      byTier: writtenHomeMinutes(items.map(toItem), multiplier),
      studentTiers: students.map((s) => tierOf.get(s.id) ?? 'core'),
      reports: reports.filter((r) => r.assignmentId === assignment.id).map((r) => ({ studentId: r.studentId, tier: tierOf.get(r.studentId) ?? 'core', minutes: r.minutes, stopped: r.stopped })),
      ...(survey ? { survey } : {}),
    }
  })
}

/** Reports are only read back to this many days before the date: a year of a subject's homework. */
const LOOKBACK_DAYS = 365

export interface CalibrationInput {
  own: AssignmentTimes[]
  group: AssignmentTimes[]
}

/**
 * The designer's calibration input before `date`: the teacher's own published assignments of this
 * subject in this class, and the subject group's (the same subject in every class of the grade).
 */
export async function loadCalibrationInput(db: AppDB, q: { teacherId: string; classId: string; subject: string; date: string; multiplier: number }): Promise<CalibrationInput> {
  const cls = await liveRow(db.classes, q.classId)
  if (!cls) return { own: [], group: [] }
  const from = addDays(q.date, -LOOKBACK_DAYS)
  const to = addDays(q.date, -1)
  const gradeClasses = await liveRows(db.classes.where('grade').equals(cls.grade))
  const group: AssignmentTimes[] = []
  let own: AssignmentTimes[] = []
  for (const c of gradeClasses) {
    const list = (await listClassAssignments(db, c.id, from, to)).filter((a) => a.assignment.subject === q.subject && a.assignment.status === 'published' && a.assignment.date <= to)
    const times = (await timesOfClass(db, c, list, q.multiplier)).filter((t) => t.reports.length > 0 || t.survey !== undefined)
    group.push(...times)
    if (c.id === q.classId) {
      const mine = new Set(list.filter((a) => a.assignment.teacherId === q.teacherId).map((a) => a.assignment.id))
      own = times.filter((t) => mine.has(t.assignmentId))
    }
  }
  return { own, group }
}

export interface WeekTimesData {
  /** The class's assignments of the week with reports, as the calibration reads them. */
  times: AssignmentTimes[]
  students: StudentRow[]
  /** Stop reports of the week in the whole grade, by subject (the grade's count). */
  gradeStops: { subject: string; studentId: string; date: string; classId: string }[]
}

/** Ids and rows of the assignments set in [from, to] in some classes: an index range per class, no items read. */
async function assignmentsSetIn(db: AppDB, classIds: readonly string[], from: string, to: string): Promise<AssignmentRow[]> {
  const lists = await Promise.all(classIds.map((c) => liveRows(db.assignments.where('[classId+date]').between([c, from], [c, to], true, true))))
  return lists.flat()
}

/**
 * The class week's real times. Cheap when nothing is reported (the usual week): the week's assignments
 * of the grade are read by index alone, and only those with reports or a survey are read in full.
 */
export function loadWeekTimes(db: AppDB, classId: string, monday: string, multiplier: number): Promise<WeekTimesData | null> {
  return readTogether(db, () => readWeekTimes(db, classId, monday, multiplier))
}

async function readWeekTimes(db: AppDB, classId: string, monday: string, multiplier: number): Promise<WeekTimesData | null> {
  const cls = await liveRow(db.classes, classId)
  if (!cls) return null
  const sunday = addDays(monday, 6)
  const gradeClasses = await liveRows(db.classes.where('grade').equals(cls.grade))
  const week = await assignmentsSetIn(db, gradeClasses.map((c) => c.id), monday, sunday)
  const byId = new Map(week.map((a) => [a.id, a]))
  const [reports, surveys] = week.length
    ? await Promise.all([liveRows(db.timeReports.where('assignmentId').anyOf([...byId.keys()])), liveRows(db.timeSurveys.where('classId').equals(classId))])
    : [[], []]
  const gradeStops: WeekTimesData['gradeStops'] = []
  for (const r of reports) {
    const a = byId.get(r.assignmentId)
    if (r.stopped && a) gradeStops.push({ subject: a.subject, studentId: r.studentId, date: a.date, classId: a.classId })
  }
  const reported = new Set([...reports.filter((r) => r.classId === classId).map((r) => r.assignmentId), ...surveys.filter((s) => byId.has(s.assignmentId)).map((s) => s.assignmentId)])
  if (reported.size === 0) return { times: [], students: [], gradeStops }
  const items = await liveRows(db.items.where('assignmentId').anyOf([...reported]))
  const list = [...reported].map((id) => ({ assignment: byId.get(id)!, items: items.filter((i) => i.assignmentId === id).sort((x, y) => x.position - y.position) }))
  const [times, students] = await Promise.all([timesOfClass(db, cls, list, multiplier), listStudents(db, classId)])
  return { times, students, gradeStops }
}
