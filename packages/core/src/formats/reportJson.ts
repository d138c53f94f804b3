// `--format json`: exactly one object `{ "evenings": [ … ] }`. Minutes are not rounded: this is for
// programs, which round when they display.
import type { Finding } from '../domain/findings'
import type { EveningLoad } from '../domain/report'
import { SOURCES } from '../domain/rules/sources'

/** Renders a finding as a sentence in the reader's language (src/i18n/format.ts findingMessage). */
export type FindingText = (finding: Finding) => string

export function reportToJson(evenings: readonly EveningLoad[], findingText: FindingText): string {
  const out = evenings.map((e) => ({
    grade: e.classRef.grade,
    class: e.classRef.className,
    date: e.date,
    restDay: e.restDay,
    capMinutes: e.capMinutes,
    averageMinutes: e.averageMinutes,
    maxStudentMinutes: e.maxStudentMinutes,
    atSchoolMinutes: e.atSchoolMinutes,
    otherMinutes: e.otherMinutes,
    studentCount: e.studentCount,
    tierTotals: e.tierTotals,
    subjects: e.subjects.map((s) => ({ subject: s.subject, averageMinutes: s.averageMinutes, tierMinutes: s.tierMinutes })),
    findings: e.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: findingText(f),
      ...(f.subject !== undefined ? { subject: f.subject } : {}),
      figures: f.figures,
      source: { id: f.source.source, document: SOURCES[f.source.source].title, clause: f.source.clause },
    })),
  }))
  return `${JSON.stringify({ evenings: out }, null, 2)}\n`
}
