// `--format csv`: the evenings as a sheet a grade leader opens in Excel or WPS: one row per class per
// date, Chinese headers, minutes rounded to 1 decimal (writeCsv adds the BOM, CRLF and the guards).
import type { EveningLoad } from '../domain/report'
import { writeCsv } from './csv'
import type { FindingText } from './reportJson'
import { SEVERITY_MARK, weekdayName } from './reportSummary'
import { roundMinutes } from '../domain/minutes'

export const REPORT_CSV_HEADER = ['日期', '星期', '年级', '班级', '平均时长', '最多学生时长', '上限', '校内书面', '非书面', '各科', '问题'] as const


export function reportToCsv(evenings: readonly EveningLoad[], findingText: FindingText): string {
  const rows = evenings.map((e) => [
    e.date,
    weekdayName(e.date) + (e.restDay ? '（休息日）' : ''),
    e.classRef.grade,
    e.classRef.className,
    roundMinutes(e.averageMinutes),
    roundMinutes(e.maxStudentMinutes),
    e.capMinutes === null ? '不限' : roundMinutes(e.capMinutes),
    roundMinutes(e.atSchoolMinutes),
    roundMinutes(e.otherMinutes),
    e.subjects.map((s) => `${s.subject} ${roundMinutes(s.averageMinutes)}`).join('；'),
    e.findings.map((f) => `${SEVERITY_MARK[f.severity]} ${findingText(f)}`).join('；'),
  ])
  return writeCsv([REPORT_CSV_HEADER, ...rows])
}
