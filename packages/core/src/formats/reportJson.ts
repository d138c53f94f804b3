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
  let out = ''
  for (const piece of reportJsonPieces(evenings, findingText, times)) out += piece
  return out
}

/**
 * reportToJson a piece at a time (an evening each), for writing a whole school's term without
 * holding it as one text; the pieces joined are exactly reportToJson's text.
 */
export function* reportJsonPieces(evenings: readonly EveningLoad[], findingText: FindingText, times?: TimesJson): Generator<string> {
  const calibration = times?.calibration.map((c) => ({ grade: c.grade, class: c.className, subject: c.subject, factor: c.factor, reports: c.reports, stopped: c.stopped }))
  yield* list('evenings', evenings.length, (i) => eveningJson(evenings[i]!, i, findingText, times), calibration === undefined)
  if (calibration) yield* list('calibration', calibration.length, (i) => calibration[i], true)
  yield '}\n'
}

/** `  "key": [ … ]` as JSON.stringify(…, null, 2) writes it one level in, each element a piece. */
function* list(key: string, length: number, element: (i: number) => unknown, last: boolean): Generator<string> {
  const end = last ? '\n' : ',\n'
  if (length === 0) {
    yield `${key === 'evenings' ? '{\n' : ''}  "${key}": []${end}`
    return
  }
  yield `${key === 'evenings' ? '{\n' : ''}  "${key}": [\n`
  for (let i = 0; i < length; i++) {
    // Inside a JSON text a line break is always escaped, so every real one starts a line to indent.
    yield `    ${JSON.stringify(element(i), null, 2).replaceAll('\n', '\n    ')}${i + 1 < length ? ',\n' : '\n'}`
  }
  yield `  ]${end}`
}

function eveningJson(e: EveningLoad, i: number, findingText: FindingText, times: TimesJson | undefined) {
  return {
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
  }
}
