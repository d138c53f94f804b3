// `npm run --silent report -- --plan plan.csv [--roster roster.csv] [--calendar calendar.csv]
//   [--times times.csv] [--from D --to D] [--format table|json|csv] [--lang zh|en] [--encoding auto|utf8|gb18030]`
// The thin Node layer over the pure readers (packages/core/src/formats), the engine
// (packages/core/src/domain/report) and the writers. Exit status: 0 no error finding, 1 some finding is
// an error, 2 bad input or bad arguments. Bad input prints every error of every file to stderr, one line
// each with its file and line, and nothing to stdout.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { isDateInRange } from '@hl/core/domain/assignmentDraft'
import { isIsoDate } from '@hl/core/domain/dates'
import { hasError } from '@hl/core/domain/findings'
import { buildReport } from '@hl/core/domain/report'
import type { SchoolCalendar } from '@hl/core/domain/calendar'
import type { Assignment, Roster } from '@hl/core/domain/types'
import { readCalendarCsv } from '@hl/core/formats/calendar'
import { addDays } from '@hl/core/domain/dates'
import { officialCalendar } from '@hl/core/domain/officialCalendar'
import { decodeStream, decodeText, type EncodingChoice } from '@hl/core/formats/encoding'
import { formatError, safeFileName, sortErrors, type FormatError } from '@hl/core/formats/errors'
import { PlanReader, type PlanResult } from '@hl/core/formats/plan'
import { readRosterCsv, unknownRosterClasses } from '@hl/core/formats/roster'
import { readTimesCsv, unmatchedTimes, type TimesRead } from '@hl/core/formats/times'
import { calibrateEvenings } from '@hl/core/domain/reportCalibration'
import { reportToCsv } from '@hl/core/formats/reportCsv'
import { reportJsonPieces } from '@hl/core/formats/reportJson'
import { reportToTable } from '@hl/core/formats/reportTable'
import { cellText, stripControls } from '@hl/core/formats/sanitize'
import { findingMessage, formatErrorLine, translate, type Locale } from '../src/i18n/format'
import { cliMessages } from '../src/i18n/messages/cli'

export const EXIT = { ok: 0, findingError: 1, badInput: 2 } as const

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Reads a file's bytes; throws with a message when it cannot. */
export type ReadFile = (path: string) => Uint8Array

/**
 * The files a report reads. `open` checks that a file can be read (throwing as ReadFile does) and gives
 * its bytes a chunk at a time, as often as asked: the plan, the one file that grows with the school,
 * is read that way and never held whole.
 */
export interface Files {
  read: ReadFile
  open: (path: string) => () => Iterable<Uint8Array>
}

/** A report under way: the exit status and stderr are known; stdout is written a piece at a time. */
export interface ReportRun {
  code: number
  stderr: string
  stdout: Iterable<string>
}

const FORMATS = ['table', 'json', 'csv'] as const
type Format = (typeof FORMATS)[number]
const LANGS: Readonly<Record<string, Locale>> = { zh: 'zh-CN', 'zh-CN': 'zh-CN', en: 'en' }
const ENCODINGS: readonly EncodingChoice[] = ['auto', 'utf8', 'gb18030']

type Say = (key: keyof (typeof cliMessages)['zh-CN'], params?: Record<string, string | number>) => string
const sayIn =
  (locale: Locale): Say =>
  (key, params = {}) =>
    stripControls(translate(cliMessages[locale], key, params))

const badInput = (lines: string[]): ReportRun => ({ code: EXIT.badInput, stdout: [], stderr: `${lines.join('\n')}\n` })

interface Options {
  plan: string
  roster?: string
  calendar?: string
  times?: string
  from?: string
  to?: string
  format: Format
  locale: Locale
  encoding: EncodingChoice
}

/** The language is read first, so that every other message about the arguments is in it. */
function localeOf(args: readonly string[]): Locale {
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  const value = at < 0 ? undefined : args[at]!.includes('=') ? args[at]!.slice('--lang='.length) : args[at + 1]
  return (value !== undefined && Object.hasOwn(LANGS, value) ? LANGS[value] : undefined) ?? 'zh-CN'
}

function parseOptions(args: readonly string[], t: Say): Options | string[] {
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
        times: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', default: 'table' },
        lang: { type: 'string', default: 'zh' },
        encoding: { type: 'string', default: 'auto' },
      },
    }))
  } catch (error) {
    return [argumentError(error, t), t('usage')]
  }
  const problems: string[] = []
  if (values.plan === undefined) problems.push(t('missingPlan'))
  const format = values.format as Format
  if (!FORMATS.includes(format)) problems.push(t('badFormat', { value: cellText(values.format) }))
  if (!Object.hasOwn(LANGS, values.lang)) problems.push(t('badLang', { value: cellText(values.lang) }))
  const encoding = values.encoding as EncodingChoice
  if (!ENCODINGS.includes(encoding)) problems.push(t('badEncoding', { value: cellText(values.encoding) }))
  for (const flag of ['from', 'to'] as const) {
    const value = values[flag]
    if (value !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value) && isDateInRange(value))) {
      problems.push(t('badDate', { flag: `--${flag}`, value: cellText(value) }))
    }
  }
  if (problems.length === 0 && values.from !== undefined && values.to !== undefined && values.from > values.to) {
    problems.push(t('fromAfterTo', { from: values.from, to: values.to }))
  }
  if (problems.length > 0 || values.plan === undefined) return [...problems, t('usage')]
  return { plan: values.plan, roster: values.roster, calendar: values.calendar, times: values.times, from: values.from, to: values.to, format, locale: localeOf(args), encoding }
}

/** parseArgs' English errors, said in the chosen language; the option is quoted in its message. */
function argumentError(error: unknown, t: Say): string {
  const message = error instanceof Error ? error.message : String(error)
  const option = cellText(/'([^']*)'/.exec(message)?.[1] ?? '')
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('unknownOption', { option })
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return t('missingValue', { option: option.split(' ')[0] ?? option })
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t('positional', { option })
    default:
      return t('badArgs', { reason: cellText(message, 200) })
  }
}

/** The report as one text (the tests', and any caller's that holds small files). */
export function runReport(args: readonly string[], readFile: ReadFile): CliResult {
  const open = (path: string) => {
    const bytes = readFile(path)
    return () => [bytes]
  }
  const run = startReport(args, { read: readFile, open })
  return { code: run.code, stdout: [...run.stdout].join(''), stderr: run.stderr }
}

export function startReport(args: readonly string[], files: Files): ReportRun {
  const t = sayIn(localeOf(args))
  const options = parseOptions(args, t)
  if (Array.isArray(options)) return badInput(options)
  const { locale } = options

  const problems: string[] = []
  const errors: FormatError[] = []
  const unreadable = (path: string, error: unknown) => {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
    problems.push(t('unreadable', { file: safeFileName(path), reason: cellText(reason, 200) }))
  }
  const load = (path: string | undefined): string | undefined => {
    if (path === undefined) return undefined
    let bytes: Uint8Array
    try {
      bytes = files.read(path)
    } catch (error) {
      unreadable(path, error)
      return undefined
    }
    const decoded = decodeText(bytes, options.encoding)
    if (!decoded.ok) errors.push(formatError(path, 1, 'notText'))
    return decoded.ok ? decoded.text : undefined
  }
  // The plan is read as it is decoded, a chunk at a time (a school's term is 300,000 rows).
  const readPlan = (path: string): PlanResult | undefined => {
    let chunks: () => Iterable<Uint8Array>
    try {
      chunks = files.open(path)
    } catch (error) {
      unreadable(path, error)
      return undefined
    }
    let reader = new PlanReader(path)
    const decoded = decodeStream(chunks, options.encoding, { push: (text) => reader.push(text), restart: () => (reader = new PlanReader(path)) })
    if (!decoded.ok) errors.push(formatError(path, 1, 'notText'))
    return decoded.ok ? reader.end() : undefined
  }

  let assignments: Assignment[] | undefined
  const plan = readPlan(options.plan)
  if (plan !== undefined) {
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

  let times: TimesRead | undefined
  const timesText = load(options.times)
  if (timesText !== undefined && options.times !== undefined) {
    const read = readTimesCsv(timesText, options.times)
    if ('errors' in read) errors.push(...read.errors)
    else times = read
  }
  // Reports are read against every evening of the plan (a report before --from still calibrates the
  // evenings after it), so the plan is reported whole here and cut to the range afterwards.
  const whole =
    times && assignments && errors.length === 0
      ? buildReport({ assignments, ...(rosters ? { rosters } : {}), ...(calendar ? { calendar } : {}) })
      : undefined
  if (times && whole) errors.push(...unmatchedTimes(times, whole, rosters))

  if (problems.length > 0 || errors.length > 0 || !assignments) {
    const lines = [...problems, ...sortErrors(errors).map((e) => formatErrorLine(e, locale))]
    if (errors.length > 0) lines.push(t('errorCount', { count: errors.length + problems.length }))
    return badInput(lines)
  }

  // The calendar out of the box: the State Council's arrangement for every year it is published (the
  // statutory days for a later year), with the school's own calendar file laid over it.
  const evenings = buildReport({
    assignments,
    ...(rosters ? { rosters } : {}),
    calendar: withOfficialDays(calendar, assignments, options),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
  })
  const text = (f: Parameters<typeof findingMessage>[0]) => findingMessage(f, locale)
  const say = (key: string, params: Readonly<Record<string, string | number>> = {}) => translate(cliMessages[locale].report, key, params)
  const writers = { table: reportToTable, csv: reportToCsv }
  let stdout: Iterable<string>
  if (options.format === 'json') {
    const calibrated = times && whole ? calibrateEvenings(whole, times.rows, rosters ?? []) : undefined
    const byKey = new Map(calibrated?.evenings.map((c) => [`${c.evening.classRef.grade}|${c.evening.classRef.className}|${c.evening.date}`, c]))
    const matched = evenings.map((e) => byKey.get(`${e.classRef.grade}|${e.classRef.className}|${e.date}`))
    stdout = reportJsonPieces(
      evenings,
      text,
      calibrated
        ? { calibratedAverageMinutes: matched.map((m, i) => m?.calibratedAverageMinutes ?? evenings[i]!.averageMinutes), reports: matched.map((m) => m?.reports ?? new Map()), calibration: calibrated.calibration }
        : undefined,
    )
  } else stdout = [writers[options.format](evenings, text, say)]
  const code = evenings.some((e) => hasError(e.findings)) ? EXIT.findingError : EXIT.ok
  return { code, stdout, stderr: '' }
}

const CHUNK = 1 << 20

/** A file on disk, a chunk at a time; a directory or a missing file throws at once, as readFileSync does. */
function openFile(path: string): () => Iterable<Uint8Array> {
  const fd = openSync(path, 'r')
  try {
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' })
  } finally {
    closeSync(fd)
  }
  return function* () {
    const fd = openSync(path, 'r')
    const buffer = new Uint8Array(CHUNK)
    try {
      for (let n; (n = readSync(fd, buffer, 0, CHUNK, null)) > 0; ) yield buffer.subarray(0, n)
    } finally {
      closeSync(fd)
    }
  }
}

/** `npm run report`: the report written to stdout as it is made, in pieces of about a megabyte. */
export async function main(args: readonly string[]): Promise<void> {
  const run = startReport(args, { read: (path) => readFileSync(path), open: openFile })
  process.stderr.write(run.stderr)
  let batch = ''
  const flush = async () => {
    if (batch !== '' && !process.stdout.write(batch)) await new Promise((resolve) => process.stdout.once('drain', resolve))
    batch = ''
  }
  for (const piece of run.stdout) {
    batch += piece
    if (batch.length >= CHUNK) await flush()
  }
  await flush()
  process.exitCode = run.code
}

// Run only when executed (`tsx scripts/report.ts`), not when a test or the prebuilt CLI imports it.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2))

/** The official days of the plan's range (or --from/--to), with the school's file overriding them. */
function withOfficialDays(school: SchoolCalendar | undefined, assignments: readonly Assignment[], options: { from?: string; to?: string }): SchoolCalendar {
  let from = options.from
  let to = options.to
  for (const a of assignments) {
    const last = a.due ? addDays(a.due, -1) : a.date
    if (!options.from && (from === undefined || a.date < from)) from = a.date
    if (!options.to && (to === undefined || last > to)) to = last
  }
  if (!from || !to) return school ?? { overrides: {} }
  const official = Object.fromEntries(officialCalendar(from, to).days.map((d) => [d.date, d.type]))
  return { overrides: { ...official, ...(school?.overrides ?? {}) } }
}
