// Ids made on the device (../shared/sync-design.md): UUIDv7, time-ordered, never auto-increment.

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n)
  globalThis.crypto.getRandomValues(bytes)
  return bytes
}

/** A UUIDv7 (RFC 9562): 48 bits of Unix ms, version 7, 74 random bits, variant 10. */
// eslint-disable-next-line no-restricted-syntax -- an id's time prefix only orders ids; no rule reads it
export function uuidv7(now: number = Date.now()): string {
  const b = randomBytes(16)
  let ms = now
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256
    ms = Math.floor(ms / 256)
  }
  b[6] = (b[6]! & 0x0f) | 0x70
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A random device id: lower-case letters and digits, fixed length, safe inside an HLC stamp. */
export function newDeviceId(): string {
  return Array.from(randomBytes(8), (x) => x.toString(36).padStart(2, '0').slice(-2)).join('')
}

/**
 * The id of a record unique by meaning, from its natural key, so two devices that create "the same"
 * record converge instead of duplicating it: e.g. a student's layer in one subject.
 */
export function naturalId(...parts: readonly (string | number)[]): string {
  return parts.map((p) => String(p).replaceAll('%', '%25').replaceAll('|', '%7C')).join('|')
}
