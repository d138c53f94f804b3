// `--format table` (the default): the report for people, in the words given (Chinese by default). One
// block per class per date: the subjects with their minutes per layer, the total against the cap, then
// the findings (✗ error, ! warning); a summary line at the end. Minutes are rounded to 1 decimal for
// display only.
import type { EveningLoad } from '../domain/report'
import { TIERS } from '../domain/types'
import { displayWidth, padEnd, padStart } from './displayWidth'
import type { FindingText } from './reportJson'
import { SEVERITY_MARK, className, countFindings, weekdayName, type ReportWords } from './reportSummary'
import { roundMinutes } from '../domain/minutes'

const fmt = (minutes: number): string => String(roundMinutes(minutes))

/** Lays out rows of cells: the first column left-aligned, the others right-aligned. */
function alignRows(rows: readonly (readonly string[])[], indent: string): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))))
  return rows.map((row) => indent + row.map((cell, i) => (i === 0 ? padEnd(cell, widths[i]!) : padStart(cell, widths[i]!))).join('  ').trimEnd())
}

export function eveningBlock(e: EveningLoad, findingText: FindingText, say: ReportWords): string[] {
  const dayType = say(e.restDay ? 'restDay' : 'schoolDay')
  const lines = [say('heading', { date: e.date, weekday: weekdayName(e.date, say), dayType, className: className(e.classRef, say) })]
  const head = [say('subject'), say('average'), ...TIERS.map((t) => say(`tier.${t}`))]
  const body = e.subjects.map((s) => [s.subject, fmt(s.averageMinutes), ...TIERS.map((t) => fmt(s.tierMinutes[t]))])
  const total = [say('total'), fmt(e.averageMinutes), ...TIERS.map((t) => fmt(e.tierTotals[t]))]
  lines.push(...alignRows([head, ...body, total], '  '))

  const cap = e.capMinutes === null ? say('noCap') : say('cap', { cap: fmt(e.capMinutes), state: say(e.averageMinutes > e.capMinutes ? 'over' : 'within') })
  lines.push(`  ${say('homeLine', { average: fmt(e.averageMinutes), cap, max: fmt(e.maxStudentMinutes) })}`)
  const roster = e.studentCount > 0 ? say('roster', { n: e.studentCount }) : say('noRoster')
  lines.push(`  ${say('otherLine', { atSchool: fmt(e.atSchoolMinutes), other: fmt(e.otherMinutes), roster })}`)
  for (const f of e.findings) lines.push(`  ${SEVERITY_MARK[f.severity]} ${findingText(f)}`)
  if (e.findings.length === 0) lines.push(`  ${say('ok')}`)
  return lines
}

export function reportToTable(evenings: readonly EveningLoad[], findingText: FindingText, say: ReportWords): string {
  const blocks = evenings.map((e) => eveningBlock(e, findingText, say).join('\n'))
  const summary = say('summary', { ...countFindings(evenings) })
  const body = blocks.length > 0 ? blocks.join('\n\n') : say('empty')
  return `${body}\n\n${summary}\n`
}
