// `--format json`: exactly one object `{ "evenings": [ … ] }`. Minutes are not rounded: this is for
// programs, which round when they display.
import type { Finding } from '../domain/findings'
import type { EveningLoad } from '../domain/report'
import type { ClassCalibration, SubjectReports } from '../domain/reportCalibration'
import { SOURCES } from '../domain/rules/sources'

/** What students' real times add (--times): per evening, in the order of `evenings`. */
export interface TimesJson {
  calibratedAverageMinutes: readonly number[]
  reports: readonly ReadonlyMap<string, SubjectReports>[]
  calibration: readonly ClassCalibration[]
}

/** Renders a finding as a sentence in the reader's language (src/i18n/format.ts findingMessage). */
export type FindingText = (finding: Finding) => string

/** With `times` (--times) every evening gains calibratedAverageMinutes, every subject its reports, and the file a calibration list. */
export function reportToJson(evenings: readonly EveningLoad[], findingText: FindingText, times?: TimesJson): string {
  const out = evenings.map((e, i) => ({
    grade: e.classRef.grade,
    class: e.classRef.className,
    date: e.date,
    restDay: e.restDay,
    capMinutes: e.capMinutes,
    averageMinutes: e.averageMinutes,
    ...(times ? { calibratedAverageMinutes: times.calibratedAverageMinutes[i] ?? e.averageMinutes } : {}),
    maxStudentMinutes: e.maxStudentMinutes,
    atSchoolMinutes: e.atSchoolMinutes,
    otherMinutes: e.otherMinutes,
    studentCount: e.studentCount,
    tierTotals: e.tierTotals,
    subjects: e.subjects.map((s) => ({ subject: s.subject, averageMinutes: s.averageMinutes, tierMinutes: s.tierMinutes, ...(times ? { reports: times.reports[i]?.get(s.subject) ?? { count: 0, stopped: 0 } } : {}) })),
    findings: e.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: findingText(f),
      ...(f.subject !== undefined ? { subject: f.subject } : {}),
      figures: f.figures,
      source: { id: f.source.source, document: SOURCES[f.source.source].title, clause: f.source.clause },
    })),
  }))
  if (!times) return `${JSON.stringify({ evenings: out }, null, 2)}\n`
  const calibration = times.calibration.map((c) => ({ grade: c.grade, class: c.className, subject: c.subject, factor: c.factor, reports: c.reports, stopped: c.stopped }))
  return `${JSON.stringify({ evenings: out, calibration }, null, 2)}\n`
}
