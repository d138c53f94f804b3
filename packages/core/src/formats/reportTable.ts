// `--format table` (the default): the report for people, in Chinese. One block per class per date:
// the subjects with their minutes per layer, the total against the cap, then the findings (✗ error,
// ! warning); a summary line at the end. Minutes are rounded to 1 decimal for display only.
import type { EveningLoad } from '../domain/report'
import { TIERS } from '../domain/types'
import { displayWidth, padEnd, padStart } from './displayWidth'
import type { FindingText } from './reportJson'
import { SEVERITY_MARK, className, countFindings, weekdayName } from './reportSummary'
import { roundMinutes } from '../domain/minutes'

const fmt = (minutes: number): string => String(roundMinutes(minutes))
const TIER_HEADS = { core: '基础', extend: '提高', challenge: '拓展' } as const

/** Lays out rows of cells: the first column left-aligned, the others right-aligned. */
function alignRows(rows: readonly (readonly string[])[], indent: string): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))))
  return rows.map((row) => indent + row.map((cell, i) => (i === 0 ? padEnd(cell, widths[i]!) : padStart(cell, widths[i]!))).join('  ').trimEnd())
}

export function eveningBlock(e: EveningLoad, findingText: FindingText): string[] {
  const day = e.restDay ? '休息日' : '上学日'
  const lines = [`${e.date} ${weekdayName(e.date)}（${day}）  ${className(e.classRef)}`]
  const head = ['学科', '平均', ...TIERS.map((t) => TIER_HEADS[t])]
  const body = e.subjects.map((s) => [s.subject, fmt(s.averageMinutes), ...TIERS.map((t) => fmt(s.tierMinutes[t]))])
  const total = ['合计', fmt(e.averageMinutes), ...TIERS.map((t) => fmt(e.tierTotals[t]))]
  lines.push(...alignRows([head, ...body, total], '  '))

  const cap = e.capMinutes === null ? '无上限' : `上限 ${fmt(e.capMinutes)} 分钟（${e.averageMinutes > e.capMinutes ? '超出' : '未超'}）`
  lines.push(`  家庭书面作业平均 ${fmt(e.averageMinutes)} 分钟，${cap}；最多的学生 ${fmt(e.maxStudentMinutes)} 分钟`)
  lines.push(`  另有校内书面 ${fmt(e.atSchoolMinutes)} 分钟，非书面 ${fmt(e.otherMinutes)} 分钟${e.studentCount > 0 ? `；按名单 ${e.studentCount} 名学生计` : '；无名单，全班按基础层计'}`)
  for (const f of e.findings) lines.push(`  ${SEVERITY_MARK[f.severity]} ${findingText(f)}`)
  if (e.findings.length === 0) lines.push('  ✓ 符合规定')
  return lines
}

export function reportToTable(evenings: readonly EveningLoad[], findingText: FindingText): string {
  const blocks = evenings.map((e) => eveningBlock(e, findingText).join('\n'))
  const counts = countFindings(evenings)
  const summary = `共检查 ${counts.evenings} 个班级晚上：错误 ${counts.errors} 条，提醒 ${counts.warnings} 条。`
  const body = blocks.length > 0 ? blocks.join('\n\n') : '所选日期内没有作业。'
  return `${body}\n\n${summary}\n`
}
