// Text from a file or a payload, made safe to quote in a message: control characters and terminal
// escape sequences removed (a cell `\x1b]0;pwned\x07\x1b[2J` must never reach a terminal), line breaks
// made visible, and at most `max` characters (a 1 MB cell must not make a 1 MB message).

// ESC [ … final byte (CSI), ESC ] … BEL or ESC \ (OSC), and any other ESC + one character.
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[\s\S]?/g
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g

export function shortenForMessage(value: string, max = 40): string {
  // Only the head can be shown: never scan a huge value whole.
  const head = value.length > max * 16 ? value.slice(0, max * 16) : value
  const clean = head.replace(ESCAPES, '').replace(/\r\n|\r|\n/g, '↵').replace(/\t/g, ' ').replace(CONTROLS, '')
  const chars = Array.from(clean)
  return chars.length <= max && head.length === value.length ? clean : `${chars.slice(0, max).join('')}…`
}
