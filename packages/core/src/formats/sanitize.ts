// Text from a file, made safe to quote in an error message. A cell is shown to a teacher in the app and
// printed to a terminal by the CLI, so it must not carry terminal escape sequences (a cell
// `\x1b]0;pwned\x07\x1b[2J` would retitle and clear her terminal), control or bidi-override characters,
// or line breaks (one error stays one line, beginning with its `file:line:`), and it must be short (a
// 1 MB cell must not print 1 MB).

/** How many characters of a cell an error message quotes. */
export const QUOTE_MAX = 40

/** ESC-started sequences: CSI (`ESC [ … final`), OSC/DCS/PM/APC/SOS strings (to BEL or ST), and 2-byte escapes. */
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -~]?)/g
/** The same sequences introduced by their 8-bit C1 forms (CSI U+009B, OSC U+009D, …). */
const C1_SEQUENCE = /\u009b[0-?]*[ -/]*[@-~]?|[\u0090\u009d\u009e\u009f\u0098][^\x07\u009c]*(?:\x07|\u009c)?/g
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/g
/** C0 and C1 controls, DEL, and the bidi controls that can reorder what a terminal shows (Trojan Source). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Marks where something invisible was removed, so "5(1)" and "5(1)" plus an escape do not look alike. */
const REMOVED = '\uFFFD'

/**
 * Without escape sequences and control characters, each run of them shown as one �; a line break
 * becomes ↵, a tab a space.
 */
export function stripControls(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, REMOVED)
    .replace(C1_SEQUENCE, REMOVED)
    .replace(LINE_BREAK, '↵')
    .replace(/\t/g, ' ')
    .replace(CONTROL, REMOVED)
    .replace(/\uFFFD+/g, REMOVED)
}

/** At most `max` characters (whole code points, so a surrogate pair is never cut), with … when cut. */
export function shorten(text: string, max = QUOTE_MAX): string {
  if (text.length <= max) return text
  const points = Array.from(text.slice(0, max * 2 + 2))
  return points.length <= max ? points.join('') : `${points.slice(0, max - 1).join('')}…`
}

/**
 * A cell as an error message quotes it. Very long cells are cut before cleaning, so the work stays
 * proportional to what is shown, not to the cell.
 */
export function cellText(cell: string, max = QUOTE_MAX): string {
  // Escape sequences removed from the kept prefix cannot exceed this margin in a real file.
  const head = cell.length > max * 8 ? cell.slice(0, max * 8) : cell
  const clean = stripControls(head)
  return shorten(head.length < cell.length && clean.length <= max ? `${clean}…` : clean, max)
}
