// Shared bits of the human-facing report formats (table and CSV): the words they are written in, and
// counting findings. The words come from the caller in the reader's language (the CLI passes
// src/i18n/messages/cli.ts `report`), so no sentence is built here.
import { isoWeekday } from '../domain/dates'
import type { EveningLoad } from '../domain/report'
import type { ClassRef } from '../domain/types'

/**
 * The report's words: `say('heading', { date, … })`, `say('weekday.3')`, `say('grade.5')`,
 * `say('tier.core')`, `say('csv.header')` (see the message table for every key).
 */
export type ReportWords = (key: string, params?: Readonly<Record<string, string | number>>) => string

export function weekdayName(date: string, say: ReportWords): string {
  return say(`weekday.${isoWeekday(date)}`)
}

/** '五年级 5(2)班', 'Grade 5 class 5(2)' */
export function className(ref: ClassRef, say: ReportWords): string {
  return say('className', { grade: say(`grade.${ref.grade}`), name: ref.className })
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
