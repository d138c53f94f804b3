// The one error shape every reader returns: the file, the physical line, the column as the file names
// it, and what is wrong as a code with parameters. The words live in the app's message tables
// (src/i18n/messages/formats.ts), so the app shows them in its language and the CLI in `--lang`.
// Readers collect all errors of a file instead of stopping at the first, so a teacher fixes a whole
// file in one pass.
import { cellText, stripControls } from './sanitize'

export type FormatErrorCode =
  // the file as a whole
  | 'emptyFile'
  | 'notText'
  | 'tooLarge'
  | 'unclosedQuote'
  | 'duplicateColumn'
  | 'missingColumn'
  | 'missingMinutesColumn'
  | 'headerOnly'
  // empty required cells
  | 'dateMissing'
  | 'gradeMissing'
  | 'classMissing'
  | 'subjectMissing'
  | 'titleMissing'
  | 'studentMissing'
  | 'typeMissing'
  | 'minutesMissing'
  // values
  | 'dateInvalid'
  | 'dateNotReal'
  | 'dateOutOfRange'
  | 'dueNotAfterDate'
  | 'dueTooLate'
  | 'gradeInvalid'
  | 'classGradeMismatch'
  | 'minutesInvalid'
  | 'minutesTooLarge'
  | 'kindUnknown'
  | 'whereUnknown'
  | 'tiersUnknown'
  | 'tiersEmpty'
  | 'rosterTierUnknown'
  | 'dayTypeUnknown'
  | 'dayTypeConflict'
  | 'textTooLong'
  | 'stoppedUnknown'
  // against other files or the school
  | 'rosterClassNotInPlan'
  | 'classUnknown'
  | 'subjectNotTaught'
  | 'timesNoHomework'
  | 'timesStudentUnknown'
  | 'timesDuplicate'

export type FormatErrorParams = Readonly<Record<string, string | number>>

export interface FormatError {
  /** The file name as the user gave it. */
  file: string
  /** 1-based physical line where the record starts (a quoted field may span lines). */
  line: number
  /** The column's header as written in the file (cleaned and shortened), when the error concerns one cell or column. */
  column?: string
  code: FormatErrorCode
  /** The message's parameters; text from the file is already quoted safely (cellText). */
  params: FormatErrorParams
}

/**
 * Every FormatError is made here, so none can carry raw file text: the column and every text parameter
 * lose control characters and escape sequences, and are bounded in length, whatever the caller passed.
 * Callers quote cells with `cellText` (40 characters); lists (the school's subjects) get more room.
 */
export function formatError(file: string, line: number, code: FormatErrorCode, params: FormatErrorParams = {}, column?: string): FormatError {
  const safe: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(params)) safe[key] = typeof value === 'string' ? cellText(value, 200) : value
  return { file, line, ...(column !== undefined ? { column: cellText(column) } : {}), code, params: safe }
}

/** A file name as given on a command line or by a browser, safe to print. */
export function safeFileName(name: string): string {
  return stripControls(name)
}

/** Errors in file order, then line order, then as found. */
export function sortErrors(errors: readonly FormatError[]): FormatError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.file === b.e.file ? a.e.line - b.e.line || a.i - b.i : 0))
    .map(({ e }) => e)
}
