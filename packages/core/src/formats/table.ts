// A CSV with a header row, read into rows whose cells are looked up by column key. Header matching trims
// and ignores case, and each column has English and Chinese names; columns nobody asked for are ignored.
import { parseCsv } from './csv'
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
  const parsed = parseCsv(text)
  const errors: FormatError[] = parsed.errors.map((e) => formatError(file, e.line, e.code))
  const [head, ...body] = parsed.records
  if (!head) {
    errors.push(formatError(file, 1, 'emptyFile'))
    return { present: new Set(), headerLine: 1, rows: [], errors }
  }

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

  const headerOf = (key: K): string => written.get(key) ?? specs.find((s) => s.key === key)?.names[0] ?? key
  const rows = body.map((record): TableRow<K> => {
    const cell = (key: K): string => {
      const index = indexOf.get(key)
      return index === undefined ? '' : (record.fields[index] ?? '').trim()
    }
    const extra = new Map(extraColumns.map((c) => [c.header, (record.fields[c.index] ?? '').trim()]))
    return { line: record.line, cell, header: headerOf, extra }
  })
  return { present: new Set(indexOf.keys()), headerLine: head.line, rows, errors }
}
