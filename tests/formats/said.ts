// Readers' errors as a teacher reads them: the code and parameters worded by the Chinese message table,
// so a test states the sentence and checks the reader and the wording together.
import type { FormatError } from '@hl/core/formats/errors'
import { formatErrorText } from '../../src/i18n/format'

export interface SaidError {
  file: string
  line: number
  column?: string
  message: string
}

export function said(errors: readonly FormatError[]): SaidError[] {
  return errors.map((e) => ({ file: e.file, line: e.line, ...(e.column !== undefined ? { column: e.column } : {}), message: formatErrorText(e, 'zh-CN') }))
}
