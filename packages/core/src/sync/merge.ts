// The field merge (../shared/sync-design.md, "Conflict rules"), as pure functions used by the app's
// write() for local changes and by sync (the server on push, the app on pull) for changes from
// elsewhere. A record is its fields plus, per field, the HLC of that field's last change
// (`fieldClock`). A deletion is the field `deletedAt` (an HLC) with its own clock; a restore sets it
// back to absent with a later clock. So:
// - two devices changing different fields both win (each field merges on its own);
// - the same field: the later clock wins; when the two changes were concurrent (neither side had seen
//   the other's), the losing value is returned as a conflict, to be kept where a person can restore it;
// - delete against edit: an edit never touches `deletedAt`, so the delete stands whatever the clocks
//   of the edited fields; the concurrent edit is reported (`deletedWhileEdited`);
// - undelete is an explicit restore: a later clock on `deletedAt`.
// Clocks are compared as strings (they are encoded with fixed widths: src/domain/hlc.ts).

export interface StoredRecord {
  id: string
  updatedAt: string
  fieldClock: Record<string, string>
  deletedAt?: string
  version: number
  [field: string]: unknown
}

const META_FIELDS = new Set(['id', 'updatedAt', 'fieldClock', 'deletedAt', 'version'])

/** Field names a change may carry: the record's own fields, and `deletedAt`. */
export function isMetaField(field: string): boolean {
  return META_FIELDS.has(field) && field !== 'deletedAt'
}

/** Values compared by content: the stored values are plain JSON (numbers, text, small maps). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

const maxClock = (clocks: Iterable<string>, start = ''): string => {
  let out = start
  for (const c of clocks) if (c > out) out = c
  return out
}

// ---- local changes: always the newest (their stamp comes from the device's clock) ----

export interface LocalResult {
  record: StoredRecord
  /** The fields that changed, with their new values; `deletedAt: null` for a revival or a restore. */
  changed: Record<string, unknown>
}

/**
 * Sets fields of a record (creating or reviving it if needed) at `hlc`. Only fields whose value
 * differs count as changed. Returns null when a live record would not change at all.
 */
export function applyLocalPut(existing: StoredRecord | undefined, id: string, fields: Record<string, unknown>, hlc: string): LocalResult | null {
  const live = existing !== undefined && existing.deletedAt === undefined
  const changed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || META_FIELDS.has(key)) continue
    if (!live || !sameValue(existing[key], value)) changed[key] = value
  }
  if (live && Object.keys(changed).length === 0) return null
  const fieldClock = { ...(existing?.fieldClock ?? {}) }
  for (const key of Object.keys(changed)) fieldClock[key] = hlc
  const record: StoredRecord = { ...(existing ?? {}), ...changed, id, updatedAt: hlc, fieldClock, version: (existing?.version ?? 0) + 1 }
  if (existing !== undefined && !live) {
    delete record.deletedAt
    fieldClock.deletedAt = hlc
    changed.deletedAt = null
  }
  return { record, changed }
}

/** Tombstones a live record at `hlc`; null when it is already deleted. */
export function applyLocalDelete(existing: StoredRecord, hlc: string): LocalResult | null {
  if (existing.deletedAt !== undefined) return null
  return {
    record: { ...existing, deletedAt: hlc, updatedAt: hlc, fieldClock: { ...existing.fieldClock, deletedAt: hlc }, version: existing.version + 1 },
    changed: { deletedAt: hlc },
  }
}

/** Restores a tombstoned record at `hlc` (an explicit undelete); null when it is live. */
export function applyLocalRestore(existing: StoredRecord, hlc: string): LocalResult | null {
  if (existing.deletedAt === undefined) return null
  const { deletedAt: _gone, ...rest } = existing
  return {
    record: { ...rest, updatedAt: hlc, fieldClock: { ...existing.fieldClock, deletedAt: hlc }, version: existing.version + 1 },
    changed: { deletedAt: null },
  }
}

// ---- changes from elsewhere: merged field by field by clock ----

/** A change from another copy of the record: some fields with their values and the clocks of their last change. */
export interface IncomingChange {
  /** Field values; `deletedAt` is an HLC (deleted) or null (restored). */
  fields: Record<string, unknown>
  /** The clock of each field in `fields`. A field without a clock is ignored. */
  fieldClock: Record<string, string>
}

/** A value that lost to a later one for the same field, while both sides had changed it. */
export interface FieldConflict {
  field: string
  /** The value the record holds now, and the clock of its change. */
  kept: unknown
  keptClock: string
  /** The value that lost, and the clock of its change. */
  lost: unknown
  lostClock: string
  /** Which side's value lost: the stored copy's, or the incoming change's. */
  loser: 'stored' | 'incoming'
}

export interface MergeResult {
  record: StoredRecord
  /** Fields whose stored value or clock changed (the incoming side won them). */
  applied: string[]
  conflicts: FieldConflict[]
  /** The record ends up deleted while the other side had concurrently edited it: the edit stands in the tombstone, and a person should be told. */
  deletedWhileEdited: boolean
}

/**
 * Merges an incoming change into the stored copy of a record (or creates it). `concurrent(field)` says
 * whether the stored side changed `field` without having seen the incoming change's base: on the
 * server, the field changed since the pushing device last pulled it; on a device, the field has a
 * change of its own still waiting in the outbox. Only concurrent changes of different values are
 * conflicts; a later change made after seeing the earlier one simply replaces it.
 */
export function mergeRecord(stored: StoredRecord | undefined, id: string, incoming: IncomingChange, concurrent: (field: string) => boolean): MergeResult {
  // `concurrent` may be asked about any field of the stored record, not only the incoming ones: a
  // delete carries no fields, yet it must know whether it deletes edits its sender never saw.
  const record: StoredRecord = stored ? { ...stored, fieldClock: { ...stored.fieldClock } } : { id, updatedAt: '', fieldClock: {}, version: 0 }
  const applied: string[] = []
  const conflicts: FieldConflict[] = []

  for (const [field, value] of Object.entries(incoming.fields)) {
    if (isMetaField(field)) continue
    const clock = incoming.fieldClock[field]
    if (clock === undefined) continue
    const storedClock = record.fieldClock[field] ?? ''
    const storedValue = field === 'deletedAt' ? (record.deletedAt ?? null) : record[field]
    const incomingValue = field === 'deletedAt' ? (value ?? null) : value
    if (clock === storedClock) continue // the same change, seen again
    const isConcurrent = stored !== undefined && storedClock !== '' && concurrent(field)
    const differs = !sameValue(storedValue, incomingValue)
    if (clock > storedClock) {
      if (field === 'deletedAt') {
        if (typeof incomingValue === 'string') record.deletedAt = incomingValue
        else delete record.deletedAt
      } else record[field] = incomingValue
      record.fieldClock[field] = clock
      applied.push(field)
      if (isConcurrent && differs && field !== 'deletedAt') conflicts.push({ field, kept: incomingValue, keptClock: clock, lost: storedValue, lostClock: storedClock, loser: 'stored' })
    } else if (isConcurrent && differs && field !== 'deletedAt') {
      conflicts.push({ field, kept: storedValue, keptClock: storedClock, lost: incomingValue, lostClock: clock, loser: 'incoming' })
    }
  }

  if (applied.length > 0) {
    record.updatedAt = maxClock(Object.values(record.fieldClock), record.updatedAt)
    record.version = (stored?.version ?? 0) + 1
  }
  // Delete against edit: the delete stands, and the edit is reported. Either the incoming change
  // deleted a record the stored side had edited concurrently, or the stored side had deleted (without
  // having seen them) a record the incoming change edits.
  let deletedWhileEdited = false
  if (stored && record.deletedAt !== undefined) {
    const incomingEdits = Object.keys(incoming.fields).some((f) => f !== 'deletedAt' && !isMetaField(f))
    if (applied.includes('deletedAt')) {
      deletedWhileEdited = Object.keys(stored.fieldClock).some((f) => f !== 'deletedAt' && concurrent(f))
    } else if (stored.deletedAt !== undefined && incomingEdits) {
      deletedWhileEdited = concurrent('deletedAt')
    }
  }
  return { record: applied.length > 0 || !stored ? record : stored, applied, conflicts, deletedWhileEdited }
}

/** The fields of a stored record as an incoming change (a whole record sent by sync, or read from a file). */
export function recordAsChange(record: StoredRecord): IncomingChange {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) if (!META_FIELDS.has(key)) fields[key] = value
  if (record.fieldClock.deletedAt !== undefined) fields.deletedAt = record.deletedAt ?? null
  return { fields, fieldClock: record.fieldClock }
}

/**
 * The server's test of concurrency for a pushed change: a field is concurrent when the stored copy's
 * clock for it is not the one the pushing device had when it began its change (`baseClock`, the
 * record's field clocks as that device last knew them). Someone else changed it in between.
 */
export function concurrentSince(stored: StoredRecord | undefined, baseClock: Readonly<Record<string, string>>): (field: string) => boolean {
  return (field) => (stored?.fieldClock[field] ?? '') !== (baseClock[field] ?? '')
}
