// Ids made on the device (../shared/sync-design.md): UUIDv7, time-ordered, never auto-increment.

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n)
  globalThis.crypto.getRandomValues(bytes)
  return bytes
}

const HEX = Array.from({ length: 256 }, (_, x) => x.toString(16).padStart(2, '0'))

/**
 * Random bytes for ids, drawn from the system's generator for 256 ids at a time (10 bytes each): one
 * call per id was most of an id's cost (a plan import makes 800,000 ids).
 */
const POOL_IDS = 256
let pool: Uint8Array = new Uint8Array(0)
let taken = 0
function randomForId(): number {
  if (taken >= pool.length) {
    pool = randomBytes(10 * POOL_IDS)
    taken = 0
  }
  const at = taken
  taken += 10
  return at
}

/** A UUIDv7 (RFC 9562): 48 bits of Unix ms, version 7, 74 random bits, variant 10. */
// eslint-disable-next-line no-restricted-syntax -- an id's time prefix only orders ids; no rule reads it
export function uuidv7(now: number = Date.now()): string {
  let time = ''
  let ms = now
  for (let i = 0; i < 6; i++) {
    time = HEX[ms % 256]! + time
    ms = Math.floor(ms / 256)
  }
  const r = randomForId()
  const p = pool
  const h = (i: number): string => HEX[p[r + i]!]!
  return `${time.slice(0, 8)}-${time.slice(8)}-${HEX[(p[r]! & 0x0f) | 0x70]}${h(1)}-${HEX[(p[r + 2]! & 0x3f) | 0x80]}${h(3)}-${h(4)}${h(5)}${h(6)}${h(7)}${h(8)}${h(9)}`
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
