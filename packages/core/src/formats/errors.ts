// The one error shape every reader returns: the file, the physical line, the column as the file names
// it, and what is wrong in Chinese. Readers collect all errors of a file instead of stopping at the first,
// so a teacher fixes a whole file in one pass.

export interface FormatError {
  /** The file name as the user gave it. */
  file: string
  /** 1-based physical line where the record starts (a quoted field may span lines). */
  line: number
  /** The column's header as written in the file, when the error concerns one cell or column. */
  column?: string
  message: string
}

/** `plan.csv:7: 列「时长」: 「-5」不是有效的分钟数（须为不小于 0 的数字）` */
export function formatError(error: FormatError): string {
  const column = error.column === undefined ? '' : ` 列「${error.column}」:`
  return `${error.file}:${error.line}:${column} ${error.message}`
}

/** Errors in file order, then line order, then as found. */
export function sortErrors(errors: readonly FormatError[]): FormatError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.file === b.e.file ? a.e.line - b.e.line || a.i - b.i : 0))
    .map(({ e }) => e)
}
