// `npm run --silent report -- --plan plan.csv [--roster roster.csv] [--calendar calendar.csv]
//   [--from D --to D] [--format table|json|csv]`
// The thin Node layer over the pure readers (packages/core/src/formats), the engine (packages/core/src/domain/report) and the
// writers. Exit status: 0 no error finding, 1 some finding is an error, 2 bad input or bad arguments.
// Bad input prints every error of every file to stderr and nothing to stdout.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { hasError } from '@hl/core/domain/findings'
import { buildReport } from '@hl/core/domain/report'
import type { SchoolCalendar } from '@hl/core/domain/calendar'
import type { Assignment, Roster } from '@hl/core/domain/types'
import { parseDate } from '@hl/core/formats/cells'
import { readCalendarCsv } from '@hl/core/formats/calendar'
import { formatError, sortErrors, type FormatError } from '@hl/core/formats/errors'
import { readPlanCsv } from '@hl/core/formats/plan'
import { readRosterCsv, unknownRosterClasses } from '@hl/core/formats/roster'
import { reportToCsv } from '@hl/core/formats/reportCsv'
import { reportToJson } from '@hl/core/formats/reportJson'
import { reportToTable } from '@hl/core/formats/reportTable'
import { findingMessage, translate } from '../src/i18n/format'
import { cliMessages } from '../src/i18n/messages/findings'

export const EXIT = { ok: 0, findingError: 1, badInput: 2 } as const

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Reads a file as text; throws with a message when it cannot. */
export type ReadFile = (path: string) => Uint8Array

const FORMATS = ['table', 'json', 'csv'] as const
type Format = (typeof FORMATS)[number]

const t = (key: keyof (typeof cliMessages)['zh-CN'], params: Record<string, string | number> = {}) =>
  translate(cliMessages['zh-CN'], key, params)

const badInput = (lines: string[]): CliResult => ({ code: EXIT.badInput, stdout: '', stderr: `${lines.join('\n')}\n` })

interface Options {
  plan: string
  roster?: string
  calendar?: string
  from?: string
  to?: string
  format: Format
}

function parseOptions(args: readonly string[]): Options | string[] {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        plan: { type: 'string' },
        roster: { type: 'string' },
        calendar: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', default: 'table' },
      },
    }))
  } catch (error) {
    return [argumentError(error), t('usage')]
  }
  const problems: string[] = []
  if (values.plan === undefined) problems.push(t('missingPlan'))
  const format = values.format as Format
  if (!FORMATS.includes(format)) problems.push(t('badFormat', { value: values.format }))
  for (const flag of ['from', 'to'] as const) {
    const value = values[flag]
    if (value !== undefined && !(parseDate(value).ok && /^\d{4}-\d{2}-\d{2}$/.test(value))) {
      problems.push(t('badDate', { flag: `--${flag}`, value }))
    }
  }
  if (problems.length === 0 && values.from !== undefined && values.to !== undefined && values.from > values.to) {
    problems.push(t('fromAfterTo', { from: values.from, to: values.to }))
  }
  if (problems.length > 0 || values.plan === undefined) return [...problems, t('usage')]
  return { plan: values.plan, roster: values.roster, calendar: values.calendar, from: values.from, to: values.to, format }
}

/** parseArgs' English errors, said in Chinese; the option is quoted in its message. */
function argumentError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const option = /'([^']*)'/.exec(message)?.[1] ?? ''
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('unknownOption', { option })
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return t('missingValue', { option: option.split(' ')[0] ?? option })
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t('positional', { option })
    default:
      return t('badArgs', { reason: message })
  }
}

/** Decodes strict UTF-8 and drops a BOM; a GBK file (Excel's default on Chinese Windows) is refused. */
function decode(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    return text.startsWith('\uFEFF') ? text.slice(1) : text
  } catch {
    return undefined
  }
}

export function runReport(args: readonly string[], readFile: ReadFile): CliResult {
  const options = parseOptions(args)
  if (Array.isArray(options)) return badInput(options)

  const problems: string[] = []
  const errors: FormatError[] = []
  const load = (path: string | undefined): string | undefined => {
    if (path === undefined) return undefined
    let bytes: Uint8Array
    try {
      bytes = readFile(path)
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
      problems.push(t('unreadable', { file: path, reason }))
      return undefined
    }
    const text = decode(bytes)
    if (text === undefined) problems.push(t('notUtf8', { file: path }))
    return text
  }

  let assignments: Assignment[] | undefined
  const planText = load(options.plan)
  if (planText !== undefined) {
    const plan = readPlanCsv(planText, options.plan)
    if ('errors' in plan) errors.push(...plan.errors)
    else assignments = plan.assignments
  }
  let rosters: Roster[] | undefined
  const rosterText = load(options.roster)
  if (rosterText !== undefined && options.roster !== undefined) {
    const roster = readRosterCsv(rosterText, options.roster)
    if ('errors' in roster) errors.push(...roster.errors)
    else {
      rosters = roster.rosters
      // Only checkable against a plan that read cleanly.
      if (assignments) errors.push(...unknownRosterClasses(roster, assignments))
    }
  }
  let calendar: SchoolCalendar | undefined
  const calendarText = load(options.calendar)
  if (calendarText !== undefined && options.calendar !== undefined) {
    const read = readCalendarCsv(calendarText, options.calendar)
    if ('errors' in read) errors.push(...read.errors)
    else calendar = read.calendar
  }

  if (problems.length > 0 || errors.length > 0 || !assignments) {
    const lines = [...problems, ...sortErrors(errors).map(formatError)]
    if (errors.length > 0) lines.push(t('errorCount', { count: errors.length + problems.length }))
    return badInput(lines)
  }

  const evenings = buildReport({
    assignments,
    ...(rosters ? { rosters } : {}),
    ...(calendar ? { calendar } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
  })
  const text = (f: Parameters<typeof findingMessage>[0]) => findingMessage(f, 'zh-CN')
  const writers = { table: reportToTable, json: reportToJson, csv: reportToCsv }
  const stdout = writers[options.format](evenings, text)
  const code = evenings.some((e) => hasError(e.findings)) ? EXIT.findingError : EXIT.ok
  return { code, stdout, stderr: '' }
}

// Run only when executed (`tsx scripts/report.ts`), not when a test imports runReport.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = runReport(process.argv.slice(2), (path) => readFileSync(path))
  process.stdout.write(result.stdout)
  process.stderr.write(result.stderr)
  process.exitCode = result.code
}
