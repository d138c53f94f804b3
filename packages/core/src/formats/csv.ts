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
export function parseCsv(text: string, delimiter?: Delimiter): CsvParseResult {
  const records: CsvRecord[] = []
  const reader = new CsvReader((record) => records.push(record), delimiter)
  reader.push(text)
  return { records, errors: reader.end() }
}

const QUOTE = 34
const CR = 13
const LF = 10

/**
 * parseCsv a chunk at a time, for files too large to hold as one text (a school's term is 300,000 rows):
 * each record is handed to `onRecord` as soon as it is complete, so only the unfinished record is kept
 * between chunks. The delimiter is detected from the first line, as parseCsv does. After an unclosed
 * quote nothing more is read (the rest of the file is inside it).
 */
export class CsvReader {
  private pending = ''
  private line = 1
  private started = false
  private sep: number | undefined
  private stopped = false
  private readonly errors: CsvParseResult['errors'] = []

  constructor(
    private readonly onRecord: (record: CsvRecord) => void,
    delimiter?: Delimiter,
  ) {
    if (delimiter) this.sep = delimiter.charCodeAt(0)
  }

  push(chunk: string): void {
    if (this.stopped) return
    let text = this.pending === '' ? chunk : this.pending + chunk
    if (!this.started) {
      if (text.length === 0) return
      if (text.startsWith(BOM)) text = text.slice(1)
      this.started = true
    }
    this.pending = text
    this.parse(false)
  }

  /** Parses what is left; returns the structural problems of the whole file. */
  end(): CsvParseResult['errors'] {
    if (!this.stopped) this.parse(true)
    this.stopped = true
    this.pending = ''
    return this.errors
  }

  private parse(final: boolean): void {
    const src = this.pending
    if (this.sep === undefined) {
      // The first line decides; wait for its end (outside quotes) unless the file ends first.
      if (!final && !hasLineEnd(src)) return
      this.sep = detectDelimiter(src).charCodeAt(0)
    }
    const sep = this.sep
    const sepText = String.fromCharCode(sep)
    const n = src.length
    let i = 0
    let line = this.line
    // Where the next LF, CR and quote are (n: none), found once each and reused until passed, so that
    // finding them costs one scan of the text however its lines end.
    let lf = -1
    let cr = -1
    let quote = -1
    const next = (at: number, found: number, c: string) => (found >= at ? found : ((found = src.indexOf(c, at)), found < 0 ? n : found))
    while (i < n) {
      // The common record: one line without quotes, split at once.
      lf = next(i, lf, '\n')
      cr = next(i, cr, '\r')
      quote = next(i, quote, '"')
      const end = Math.min(lf, cr)
      if (quote > end && (end < n || final) && !(end === cr && cr + 1 === n && !final)) {
        const fields = src.slice(i, end).split(sepText)
        const start = line
        i = end === cr && lf === cr + 1 ? end + 2 : end + 1
        if (end < n) line++
        if (!fields.every((f) => f.trim() === '')) this.onRecord({ line: start, fields })
        continue
      }
      const recordStart = i
      const start = line
      const fields: string[] = []
      let quotedAny = false
      let complete = false
      // One record: fields until an unquoted line break or the end of the text.
      for (;;) {
        let value: string
        if (src.charCodeAt(i) === QUOTE) {
          quotedAny = true
          i++
          value = ''
          let closed = false
          while (i < n) {
            const q = src.indexOf('"', i)
            const to = q < 0 ? n : q
            // Inside quotes a line break is data; CRLF and a lone CR read as LF, and each counts a line.
            let from = i
            for (let j = i; j < to; j++) {
              const c = src.charCodeAt(j)
              if (c === CR || c === LF) {
                value += src.slice(from, j) + '\n'
                if (c === CR && src.charCodeAt(j + 1) === LF) j++
                line++
                from = j + 1
              }
            }
            if (q < 0) {
              value += src.slice(from, n)
              i = n
              break
            }
            value += src.slice(from, q)
            if (src.charCodeAt(q + 1) === QUOTE) {
              value += '"'
              i = q + 2
              continue
            }
            if (q + 1 === n && !final) {
              i = n // a doubled quote may continue in the next chunk
              break
            }
            i = q + 1
            closed = true
            break
          }
          if (!closed) {
            if (!final) break
            // The rest of the file is swallowed by the open quote: report it and keep the records before.
            this.errors.push({ line: start, code: 'unclosedQuote' })
            this.stopped = true
            this.pending = ''
            return
          }
          // Text after a closing quote (`"a"b`): keep it, as spreadsheets do, rather than lose data.
          const to = fieldEnd(src, i, sep)
          if (to > i) value += src.slice(i, to)
          i = to
        } else {
          const to = fieldEnd(src, i, sep)
          value = src.slice(i, to)
          i = to
        }
        if (i >= n && !final) break
        fields.push(value)
        if (i < n && src.charCodeAt(i) === sep) {
          i++
          continue
        }
        complete = true
        break
      }
      if (!complete) {
        // The record runs on into the next chunk: keep it, and parse it again from its start then.
        this.pending = src.slice(recordStart)
        this.line = start
        return
      }
      // At a line break or the end.
      if (i < n) {
        if (src.charCodeAt(i) === CR) {
          if (i + 1 === n && !final) {
            this.pending = src.slice(recordStart)
            this.line = start
            return
          }
          if (src.charCodeAt(i + 1) === LF) i++
        }
        i++
        line++
      }
      if (quotedAny || !fields.every((f) => f.trim() === '')) this.onRecord({ line: start, fields })
    }
    this.pending = ''
    this.line = line
  }
}

/** Where an unquoted field that starts at `i` ends: at the delimiter, a line break or the end. */
function fieldEnd(src: string, i: number, sep: number): number {
  const n = src.length
  while (i < n) {
    const c = src.charCodeAt(i)
    if (c === sep || c === CR || c === LF) return i
    i++
  }
  return n
}

/** Whether the text holds a line break outside quotes (the first line is complete). */
function hasLineEnd(text: string): boolean {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) quoted = !quoted
    else if (!quoted && (c === CR || c === LF)) return true
  }
  return false
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
