// Shared bits of the human-facing report formats (table and CSV): Chinese names of grades and
// weekdays, and counting findings.
import { isoWeekday } from '../domain/dates'
import type { EveningLoad } from '../domain/report'
import type { ClassRef } from '../domain/types'

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const
const GRADE_NAMES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级', '高一', '高二', '高三']

export function weekdayName(date: string): string {
  return WEEKDAYS[isoWeekday(date) - 1] ?? ''
}

export function gradeName(grade: number): string {
  return GRADE_NAMES[grade - 1] ?? `${grade}年级`
}

/** '五年级 5(2)班' */
export function className(ref: ClassRef): string {
  return `${gradeName(ref.grade)} ${ref.className}班`
}

export interface FindingCounts {
  evenings: number
  errors: number
  warnings: number
}

export function countFindings(evenings: readonly EveningLoad[]): FindingCounts {
  const all = evenings.flatMap((e) => e.findings)
  return {
    evenings: evenings.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
  }
}

export const SEVERITY_MARK = { error: '✗', warning: '!' } as const
