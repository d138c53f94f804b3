// Hybrid logical clock (../shared/sync-design.md): physical milliseconds + a counter + the device id,
// encoded with fixed widths so that plain string comparison orders stamps. A device advances its clock on
// every local write and on every record it receives. Clocks only break ties between concurrent edits of
// the same field; they are never a sync cursor. `now` always comes in as an argument.

export interface Hlc {
  /** Physical time in ms since the epoch, never behind the last stamp issued or seen. */
  wall: number
  /** Orders events within one millisecond. */
  counter: number
  deviceId: string
}

const WALL_WIDTH = 15
const COUNTER_WIDTH = 6
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1
const STAMP = /^(\d{15})-([0-9a-z]{6})-([0-9a-z-]{1,64})$/

export function encodeHlc(c: Hlc): string {
  return `${String(c.wall).padStart(WALL_WIDTH, '0')}-${c.counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${c.deviceId}`
}

/** Whether `stamp` is a well-formed stamp (what parseHlc accepts), without taking it apart. */
export function isHlc(stamp: string): boolean {
  return STAMP.test(stamp)
}

/** A stamp's physical time (the stamp well-formed): its first, fixed-width field. */
export function hlcWall(stamp: string): number {
  return Number(stamp.slice(0, WALL_WIDTH))
}

export function parseHlc(stamp: string): Hlc | null {
  const m = STAMP.exec(stamp)
  if (!m) return null
  return { wall: Number(m[1]), counter: parseInt(m[2]!, 36), deviceId: m[3]! }
}

/** The clock for a local event at `now`. */
export function tickHlc(clock: Hlc, now: number): Hlc {
  if (now > clock.wall) return { ...clock, wall: now, counter: 0 }
  if (clock.counter >= MAX_COUNTER) return { ...clock, wall: clock.wall + 1, counter: 0 }
  return { ...clock, counter: clock.counter + 1 }
}

/** The clock after seeing a remote stamp at `now`: after both the remote stamp and the local clock. */
export function receiveHlc(clock: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(clock.wall, remote.wall, now)
  let counter: number
  if (wall === clock.wall && wall === remote.wall) counter = Math.max(clock.counter, remote.counter) + 1
  else if (wall === clock.wall) counter = clock.counter + 1
  else if (wall === remote.wall) counter = remote.counter + 1
  else counter = 0
  if (counter > MAX_COUNTER) return { ...clock, wall: wall + 1, counter: 0 }
  return { ...clock, wall, counter }
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
