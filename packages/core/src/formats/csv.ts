// RFC 4180 CSV, read and written by hand so that every record keeps the physical line it starts on:
// a quoted field may hold commas, doubled quotes and line breaks, and the errors a teacher sees must
// still point at the line her spreadsheet shows. Accepts LF, CRLF (and a lone CR) and a leading BOM.
// Cells are separated by commas, or by tabs in text copied from a spreadsheet (detectDelimiter).

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number
  fields: string[]
}

export interface CsvParseResult {
  records: CsvRecord[]
  /** Structural problems (an unclosed quote), with the line they start on. */
  errors: { line: number; code: 'unclosedQuote' }[]
}

export type Delimiter = ',' | '\t'

/**
 * Comma or tab, from the first line: what Excel and WPS put on the clipboard is tab-separated, and a
 * teacher pastes it as it is. A tab outside quotes on the header line means tabs (a header never holds
 * a tab of its own); otherwise commas.
 */
export function detectDelimiter(text: string): Delimiter {
  let quoted = false
  let commas = 0
  let tabs = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted && c === ',') commas++
    else if (!quoted && c === '\t') tabs++
  }
  return tabs > commas ? '\t' : ','
}

const BOM = '\uFEFF'

/**
 * Splits CSV text into records. Blank lines, and lines of nothing but commas (what spreadsheets leave
 * after the last row), are skipped. Unquoted fields are kept as written; callers trim.
 */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text.startsWith(BOM) ? text.slice(1) : text)): CsvParseResult {
  const src = text.startsWith(BOM) ? text.slice(1) : text
  const sep = delimiter
  const records: CsvRecord[] = []
  const errors: CsvParseResult['errors'] = []
  let line = 1
  let i = 0
  const n = src.length

  while (i < n) {
    const start = line
    const fields: string[] = []
    let quotedAny = false
    // One record: fields until an unquoted line break or the end of the text.
    for (;;) {
      let value = ''
      if (src[i] === '"') {
        quotedAny = true
        i++
        let closed = false
        while (i < n) {
          const c = src[i]!
          if (c === '"') {
            if (src[i + 1] === '"') {
              value += '"'
              i += 2
              continue
            }
            i++
            closed = true
            break
          }
          if (c === '\r' || c === '\n') {
            // Inside quotes a line break is data; normalise CRLF to LF but count the line.
            if (c === '\r' && src[i + 1] === '\n') i++
            value += '\n'
            line++
            i++
            continue
          }
          value += c
          i++
        }
        if (!closed) {
          // The rest of the file is swallowed by the open quote: report it and keep the records before.
          errors.push({ line: start, code: 'unclosedQuote' })
          return { records, errors }
        }
        // Text after a closing quote (`"a"b`): keep it, as spreadsheets do, rather than lose data.
        while (i < n && src[i] !== sep && src[i] !== '\r' && src[i] !== '\n') value += src[i++]
      } else {
        while (i < n && src[i] !== sep && src[i] !== '\r' && src[i] !== '\n') value += src[i++]
      }
      fields.push(value)
      if (i < n && src[i] === sep) {
        i++
        continue
      }
      break
    }
    // At a line break or the end.
    if (i < n) {
      if (src[i] === '\r' && src[i + 1] === '\n') i++
      i++
      line++
    }
    pushRecord(records, start, fields, quotedAny)
  }
  return { records, errors }
}

function pushRecord(records: CsvRecord[], line: number, fields: string[], quotedAny: boolean): CsvRecord[] {
  const blank = !quotedAny && fields.every((f) => f.trim() === '')
  if (!blank) records.push({ line, fields })
  return records
}

/** Cells that spreadsheets would run as a formula (CSV injection); a leading apostrophe defuses them. */
const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell
}

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/**
 * CSV for Excel and WPS: UTF-8 with a BOM (without it Excel reads Chinese as GBK), CRLF line ends,
 * RFC 4180 quoting, and formula injection guarded.
 */
export function writeCsv(rows: readonly (readonly (string | number)[])[]): string {
  const body = rows.map((row) => row.map((cell) => quoteCell(guardFormula(String(cell)))).join(',')).join('\r\n')
  return `${BOM}${body}\r\n`
}
