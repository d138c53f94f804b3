// A CSV with a header row, read into rows whose cells are looked up by column key. Header matching trims
// and ignores case, and each column has English and Chinese names; columns nobody asked for are ignored.
import { CsvReader, type CsvRecord } from './csv'
import { formatError, type FormatError } from './errors'

export interface ColumnSpec<K extends string> {
  key: K
  /** Accepted header names, Chinese first: messages name a missing column by the first. */
  names: readonly string[]
  required?: boolean
}

export interface TableRow<K extends string> {
  line: number
  /** The trimmed cell of a column, '' when the column is absent or the row is short. */
  cell(key: K): string
  /** The header of a column as the file writes it (or its first name, when absent). */
  header(key: K): string
  /** Cells of columns no spec claimed, by header as written. */
  extra: ReadonlyMap<string, string>
}

export interface Table<K extends string> {
  present: ReadonlySet<K>
  headerLine: number
  rows: TableRow<K>[]
  errors: FormatError[]
}

export function readTable<K extends string>(text: string, file: string, specs: readonly ColumnSpec<K>[]): Table<K> {
  const rows: TableRow<K>[] = []
  const reader = new TableReader(file, specs, (row) => rows.push(row))
  reader.push(text)
  const { present, headerLine, errors } = reader.end()
  return { present, headerLine, rows, errors }
}

/** What a table's header says: where each column is, and what the file calls it. */
interface Header<K extends string> {
  /** Each claimed column's position (a plain object: looked up for every cell of every row). */
  index: Readonly<Partial<Record<K, number>>>
  extraColumns: readonly { index: number; header: string }[]
  headerOf: (key: K) => string
}

class Row<K extends string> implements TableRow<K> {
  constructor(
    readonly line: number,
    private readonly fields: readonly string[],
    private readonly head: Header<K>,
  ) {}
  cell(key: K): string {
    const index = this.head.index[key]
    return index === undefined ? '' : (this.fields[index] ?? '').trim()
  }
  header(key: K): string {
    return this.head.headerOf(key)
  }
  get extra(): ReadonlyMap<string, string> {
    return new Map(this.head.extraColumns.map((c) => [c.header, (this.fields[c.index] ?? '').trim()]))
  }
}

/**
 * readTable a chunk of text at a time: each row goes to `onRow` as soon as it is read, so a file of
 * any size costs the memory of what the caller keeps of its rows. `end` gives the header and the errors.
 */
export class TableReader<K extends string> {
  private readonly csv: CsvReader
  private head: Header<K> | undefined
  private headerLine = 1
  private present = new Set<K>()
  private readonly errors: FormatError[] = []

  constructor(
    private readonly file: string,
    private readonly specs: readonly ColumnSpec<K>[],
    onRow: (row: TableRow<K>) => void,
  ) {
    this.csv = new CsvReader((record) => {
      if (this.head) onRow(new Row(record.line, record.fields, this.head))
      else this.head = this.readHeader(record)
    })
  }

  push(chunk: string): void {
    this.csv.push(chunk)
  }

  /** The columns the header names (complete once the first row has been handed on). */
  columns(): ReadonlySet<K> {
    return this.present
  }

  end(): Omit<Table<K>, 'rows'> {
    const parseErrors = this.csv.end().map((e) => formatError(this.file, e.line, e.code))
    const errors = [...parseErrors, ...this.errors]
    if (!this.head) errors.push(formatError(this.file, 1, 'emptyFile'))
    return { present: this.present, headerLine: this.headerLine, errors }
  }

  private readHeader(head: CsvRecord): Header<K> {
    const { file, specs, errors } = this
    const indexOf = new Map<K, number>()
    const written = new Map<K, string>()
    const extraColumns: { index: number; header: string }[] = []
    head.fields.forEach((raw, index) => {
      const name = raw.trim()
      const spec = specs.find((s) => s.names.some((n) => n.toLowerCase() === name.toLowerCase()))
      if (!spec) {
        if (name !== '') extraColumns.push({ index, header: name })
        return
      }
      if (indexOf.has(spec.key)) {
        errors.push(formatError(file, head.line, 'duplicateColumn', { other: written.get(spec.key) ?? '' }, name))
        return
      }
      indexOf.set(spec.key, index)
      written.set(spec.key, name)
    })
    for (const spec of specs) {
      if (spec.required && !indexOf.has(spec.key)) {
        const [first, ...others] = spec.names
        errors.push(formatError(file, head.line, 'missingColumn', { name: first ?? spec.key, others: others.join(' / ') }))
      }
    }
    this.headerLine = head.line
    this.present = new Set(indexOf.keys())
    const headerOf = (key: K): string => written.get(key) ?? specs.find((s) => s.key === key)?.names[0] ?? key
    const index: Partial<Record<K, number>> = Object.create(null)
    for (const [key, at] of indexOf) index[key] = at
    return { index, extraColumns, headerOf }
  }
}
