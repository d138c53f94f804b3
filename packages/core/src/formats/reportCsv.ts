// `--format csv`: the evenings as a sheet a grade leader opens in Excel or WPS: one row per class per
// date, headers in the words given, minutes rounded to 1 decimal (writeCsv adds the BOM, CRLF and the
// guards).
import type { EveningLoad } from '../domain/report'
import { writeCsv } from './csv'
import type { FindingText } from './reportJson'
import { SEVERITY_MARK, weekdayName, type ReportWords } from './reportSummary'
import { roundMinutes } from '../domain/minutes'

export function reportToCsv(evenings: readonly EveningLoad[], findingText: FindingText, say: ReportWords): string {
  const separator = say('csv.separator')
  const rows = evenings.map((e) => [
    e.date,
    weekdayName(e.date, say) + (e.restDay ? say('csv.restDay') : ''),
    e.classRef.grade,
    e.classRef.className,
    roundMinutes(e.averageMinutes),
    roundMinutes(e.maxStudentMinutes),
    e.capMinutes === null ? say('csv.noCap') : roundMinutes(e.capMinutes),
    roundMinutes(e.atSchoolMinutes),
    roundMinutes(e.otherMinutes),
    e.subjects.map((s) => `${s.subject} ${roundMinutes(s.averageMinutes)}`).join(separator),
    e.findings.map((f) => `${SEVERITY_MARK[f.severity]} ${findingText(f)}`).join(separator),
  ])
  return writeCsv([say('csv.header').split(','), ...rows])
}
