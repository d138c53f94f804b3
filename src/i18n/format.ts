// The app's message syntax, compiled once per message (compileMessage: vue-i18n's compiler too), and a tiny
// translator for callers outside Vue (the CLI, tests) over the same tables.
import type { Finding } from '@hl/core/domain/findings'
import { roundMinutes } from '@hl/core/domain/minutes'
import { safeFileName, type FormatError } from '@hl/core/formats/errors'
import { stripControls } from '@hl/core/formats/sanitize'
import { findingsMessages } from './messages/findings'
import { formatsMessages } from './messages/formats'
import { textIn } from './localeText'

export type Locale = 'zh-CN' | 'en'

export interface MessageTree {
  readonly [key: string]: string | MessageTree
}

export type Params = Readonly<Record<string, string | number>>

/** One form of a message: its text and its `{name}` placeholders; `{'|'}` is already the literal `|`. */
export type CompiledForm = readonly (string | { readonly name: string })[]
/** A message's forms: one, or a plural's forms ('{n} class | {n} classes'), chosen by a count. */
export type CompiledMessage = readonly CompiledForm[]

const PLACEHOLDER = /\{(?:(\w+)|'([^']*)')\}/g
const compiled = new Map<string, CompiledMessage>()

function compileForm(source: string): CompiledForm {
  const out: (string | { name: string })[] = []
  const text = (t: string) => {
    if (!t) return
    if (typeof out.at(-1) === 'string') out.push(`${out.pop() as string}${t}`)
    else out.push(t)
  }
  let last = 0
  for (const match of source.matchAll(PLACEHOLDER)) {
    text(source.slice(last, match.index) + (match[2] ?? ''))
    if (match[1] !== undefined) out.push({ name: match[1] })
    last = match.index + match[0].length
  }
  text(source.slice(last))
  return out
}

/** The message cut at each `|` outside a placeholder, each form trimmed (as vue-i18n reads plurals). */
function splitForms(source: string): string[] {
  const forms: string[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '{') depth++
    else if (c === '}') depth = Math.max(0, depth - 1)
    else if (c === '|' && depth === 0) {
      forms.push(source.slice(from, i))
      from = i + 1
    }
  }
  forms.push(source.slice(from))
  return forms.length === 1 ? forms : forms.map((f) => f.trim())
}

/**
 * The one message syntax of the app, the CLI and vue-i18n (whose runtime-only build takes this as its
 * messageCompiler, so no message is parsed by a general compiler in the browser): `{name}` is a
 * parameter, `{'literal'}` a literal, and `|` separates a plural's forms (English: one | many). The
 * tables use nothing else (no linked messages, no modifiers).
 */
export function compileMessage(source: string): CompiledMessage {
  let forms = compiled.get(source)
  if (!forms) compiled.set(source, (forms = splitForms(source).map(compileForm)))
  return forms
}

/**
 * Which form a count takes, as vue-i18n's default rule: of two forms, the first for exactly one and the
 * second otherwise (0 classes, 2 classes); of three, zero, one, many.
 */
export function pluralForm(count: number, forms: number): number {
  const n = Math.abs(count)
  if (forms === 2) return n === 1 ? 0 : 1
  return n ? Math.min(n, 2) : 0
}

/** One form with each parameter's value; a parameter that `value` does not know stays as written. */
export function renderMessage(form: CompiledForm, value: (name: string) => unknown): string {
  let text = ''
  for (const part of form) {
    if (typeof part === 'string') {
      text += part
      continue
    }
    const v = value(part.name)
    text += v === undefined || v === null ? `{${part.name}}` : String(v)
  }
  return text
}

/**
 * The message at a dotted key ('findings.cap', or 'cap-heaviest' in a flat table), with `{name}`
 * replaced by params[name] and a literal `{'|'}` by `|`. A missing key returns the key, and a missing
 * parameter stays as written, so a gap shows instead of vanishing.
 */
export function translate(messages: MessageTree, key: string, params: Params = {}): string {
  let node: string | MessageTree | undefined = messages
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined
  }
  if (typeof node !== 'string') return key
  const forms = compileMessage(node)
  // A plural's form follows `count` or `n`, as vue-i18n's implicit plural parameters.
  const count = Number(params.count ?? params.n ?? 1)
  const form = forms.length === 1 ? forms[0]! : forms[Math.min(pluralForm(count, forms.length), forms.length - 1)]!
  return renderMessage(form, (name) => (Object.hasOwn(params, name) ? params[name] : undefined))
}

/** A figure for people: at most one decimal, and no '.0' (72, 72.5). */
export function displayMinutes(minutes: number): string {
  return String(roundMinutes(minutes))
}

/** How a locale words the stored Chinese names inside a finding (see displayNames.ts); as stored by default. */
export interface FindingNames {
  subject?: (subject: string) => string
  clause?: (clause: string) => string
}

/**
 * The parameters of a finding's message ({average} {cap} {max} {budget} {subject} {source}), with
 * `tr` translating keys of the findings table (`sourceRef`, `document.*`) and `names` wording the
 * subject and the clause in the locale. Shared by the CLI's findingMessage and the app's FindingList,
 * so both say the same thing.
 */
export function findingParams(finding: Finding, tr: (key: string, params?: Params) => string, names: FindingNames = {}): Record<string, string> {
  const figure = (name: string): string => {
    const value = finding.figures[name]
    return value === undefined ? '' : displayMinutes(value)
  }
  return {
    average: figure('averageMinutes'),
    cap: figure('capMinutes'),
    max: figure('maxStudentMinutes'),
    budget: figure('budgetMinutes'),
    subject: finding.subject === undefined ? '' : (names.subject?.(finding.subject) ?? finding.subject),
    source: tr('sourceRef', { document: tr(`document.${finding.source.source}`), clause: names.clause?.(finding.source.clause) ?? finding.source.clause }),
  }
}

/** The finding as a sentence, e.g. 书面作业平均 72 分钟，超过每日上限 60 分钟（《意见》二.5）. */
export function findingMessage(finding: Finding, locale: Locale = 'zh-CN', names: FindingNames = {}): string {
  const table = textIn(findingsMessages, locale)
  return translate(table, finding.rule, findingParams(finding, (key, params) => translate(table, key, params), names))
}

/** A reader's error in words, e.g. 「-5」不是有效的分钟数（须为不小于 0 的数字）. */
export function formatErrorText(error: FormatError, locale: Locale = 'zh-CN'): string {
  return translate(textIn(formatsMessages, locale), `errors.${error.code}`, error.params)
}

/**
 * One error as one line of a terminal: `plan.csv:7: 列「时长」: 「-5」不是有效的分钟数…`. Whatever the
 * file held, the line carries no control character or escape sequence (the readers clean what they
 * quote; this cleans the whole line again, the file name included).
 */
export function formatErrorLine(error: FormatError, locale: Locale = 'zh-CN'): string {
  const table = textIn(formatsMessages, locale)
  const where = { file: safeFileName(error.file), line: error.line, column: error.column ?? '' }
  const at = translate(table, error.column === undefined ? 'at' : 'atColumn', where)
  return stripControls(`${at} ${formatErrorText(error, locale)}`)
}
