// The bank file: a teacher's item bank (精选) shared with the subject group as one JSON document.
//   { format: 'homework-ledger-bank', version: 1, exportedAt, items: [ bank item rows, as stored ] }
// Rows keep their ids and field clocks, so importing merges by id (the same item never twice) and a
// field changed later on either side wins; importing the same file twice changes nothing. A bad file
// is refused whole, with problems as codes the app words in its language, and changes nothing.
import * as v from 'valibot'
import { ROW_SCHEMAS } from '../schema/tables'

export const BANK_FORMAT = 'homework-ledger-bank'
export const BANK_VERSION = 1
/** Larger than any real bank (10,000 items of 500 characters is about 8 MB). */
export const BANK_MAX_BYTES = 16 * 1024 * 1024

const FILE = v.object({
  format: v.literal(BANK_FORMAT),
  version: v.literal(BANK_VERSION),
  exportedAt: v.pipe(v.string(), v.maxLength(40)),
  items: v.array(ROW_SCHEMAS.bankItems),
})

export type BankFile = v.InferOutput<typeof FILE>
export type BankRow = BankFile['items'][number]

export type BankProblemCode = 'empty' | 'tooLarge' | 'notText' | 'notJson' | 'notBank' | 'newerVersion' | 'badRow' | 'duplicateId'

export interface BankProblem {
  code: BankProblemCode
  params: Readonly<Record<string, string | number>>
}

export type BankReadResult = { ok: true; file: BankFile } | { ok: false; problems: BankProblem[] }

const problem = (code: BankProblemCode, params: Record<string, string | number> = {}): BankProblem => ({ code, params })

export function writeBankFile(items: readonly BankRow[], exportedAt: Date): string {
  const file: BankFile = { format: BANK_FORMAT, version: BANK_VERSION, exportedAt: exportedAt.toISOString(), items: [...items] }
  return `${JSON.stringify(file, null, 2)}\n`
}

export function readBankBytes(bytes: Uint8Array): BankReadResult {
  if (bytes.length === 0) return { ok: false, problems: [problem('empty')] }
  if (bytes.length > BANK_MAX_BYTES) return { ok: false, problems: [problem('tooLarge', { max: BANK_MAX_BYTES / 1024 / 1024 })] }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return { ok: false, problems: [problem('notText')] }
  }
  return readBankFile(text.startsWith('\uFEFF') ? text.slice(1) : text)
}

export function readBankFile(text: string): BankReadResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, problems: [problem('notJson')] }
  }
  const head = json as { format?: unknown; version?: unknown } | null
  if (typeof head !== 'object' || head === null || head.format !== BANK_FORMAT) return { ok: false, problems: [problem('notBank')] }
  if (typeof head.version === 'number' && head.version > BANK_VERSION) return { ok: false, problems: [problem('newerVersion', { version: head.version })] }
  const parsed = v.safeParse(FILE, json)
  if (!parsed.success) {
    const problems: BankProblem[] = []
    for (const issue of parsed.issues.slice(0, 10)) {
      const path = issue.path ?? []
      const row = path[1]?.key
      const field = path.slice(2).map((p) => String(p.key)).join('.')
      problems.push(problem('badRow', { row: typeof row === 'number' ? row + 1 : 0, field: field || String(path[0]?.key ?? '') }))
    }
    return { ok: false, problems }
  }
  const seen = new Set<string>()
  for (const [i, row] of parsed.output.items.entries()) {
    if (seen.has(row.id)) return { ok: false, problems: [problem('duplicateId', { row: i + 1 })] }
    seen.add(row.id)
  }
  return { ok: true, file: parsed.output }
}
