// Gathering a grade without a server: a grade leader imports the files her teachers exported (the
// backup format), and each one MERGES into her device by record id with the same field merge as sync
// (@hl/core/sync/merge), never replacing what she holds. Nothing is silently lost: where the same field
// was changed on two devices, the later change is kept and the other value becomes a conflict notice
// (listed on 同步, with "restore this value", as sync's are). Importing the same file again changes
// nothing: every field's clock is the one already held, and a conflict already noted is not noted twice.
//
// What counts as concurrent: two values of one field written on different devices, where the losing one
// is someone's own change (a value the file's device wrote, or one this device holds). A file carries no
// history of what its device had seen beyond the clocks it holds: the winner holding the loser's clock on
// another field of the record saw that write; otherwise a change made after seeing the other is still
// listed (once): better a notice too many than a value lost without a word. A device's own later change of a field it
// wrote before is never a conflict, nor is a stale copy in a file of a value someone else wrote.
import { encodeHlc, parseHlc, receiveHlc, type Hlc } from '@hl/core/domain/hlc'
import type { BackupFile } from '@hl/core/formats/backup'
import { BACKUP_TABLES } from '@hl/core/formats/backup'
import { naturalId, newDeviceId } from '@hl/core/ids'
import { mergeRecord, recordAsChange, type StoredRecord } from '@hl/core/sync/merge'
import type { ConflictRow } from '@hl/core/sync/protocol'
import type { TableName } from '@hl/core/schema/tables'
import { META } from './constants'
import type { AppDB } from './database'
import { NewerSchemaError, NoSchoolError } from './backup'
import { CURRENT_VERSION } from './database'

/** The file is another school's: merging it would mix two schools' records. */
export class OtherSchoolError extends Error {
  constructor(readonly fileSchoolId: string) {
    super(`The file is of another school (${fileSchoolId})`)
    this.name = 'OtherSchoolError'
  }
}

export interface MergeSummary {
  /** Records this device did not hold. */
  added: number
  /** Records with at least one field taken from the file. */
  changed: number
  /** Records the file holds as this device does. */
  unchanged: number
  /** Conflicts found by this import (not those an earlier import of the file already noted). */
  conflicts: ConflictRow[]
  /** Added or changed, per table. */
  byTable: Partial<Record<TableName, number>>
  /** The teacher whose device wrote the file ("me" there), if known. */
  fromTeacherId: string | null
}

const deviceOf = (stamp: string | undefined): string | null => (stamp ? (parseHlc(stamp)?.deviceId ?? null) : null)

/** Merges a checked backup file (readBackupForThisApp) into this device's school, in one transaction. */
export async function mergeBackupFile(db: AppDB, file: BackupFile, now: number = Date.now()): Promise<MergeSummary> {
  if (file.schemaVersion > CURRENT_VERSION) throw new NewerSchemaError(file.schemaVersion)
  const tables = BACKUP_TABLES.map((t) => db.table(t))
  return db.transaction('rw', [...tables, db.meta, db.syncConflicts], async () => {
    const schoolId = (await db.meta.get(META.schoolId))?.value
    if (typeof schoolId !== 'string') throw new NoSchoolError()
    if (file.meta.schoolId !== schoolId) throw new OtherSchoolError(file.meta.schoolId)
    const me = (await db.meta.get(META.me))?.value
    const myDevice = (await db.meta.get(META.deviceId))?.value
    const fileAuthor = file.meta.me
    const summary: MergeSummary = { added: 0, changed: 0, unchanged: 0, conflicts: [], byTable: {}, fromTeacherId: fileAuthor }
    let latest: Hlc | null = null
    const authorOf = (stamp: string): string | null => (deviceOf(stamp) === myDevice && typeof me === 'string' ? me : deviceOf(stamp) === file.deviceId ? fileAuthor : null)

    for (const table of BACKUP_TABLES) {
      const rows = file.tables[table] as unknown as StoredRecord[]
      if (rows.length === 0) continue
      const stored = new Map(((await db.table(table).bulkGet(rows.map((r) => r.id))) as (StoredRecord | undefined)[]).map((r, i) => [rows[i]!.id, r]))
      const puts: StoredRecord[] = []
      for (const row of rows) {
        for (const stamp of Object.values(row.fieldClock)) {
          const parsed = parseHlc(stamp)
          if (parsed && (!latest || stamp > encodeHlc(latest))) latest = parsed
        }
        const mine = stored.get(row.id)
        if (!mine) {
          puts.push(row)
          summary.added++
          summary.byTable[table] = (summary.byTable[table] ?? 0) + 1
          continue
        }
        const concurrent = (field: string) => {
          const a = deviceOf(mine.fieldClock[field])
          const b = deviceOf(row.fieldClock[field])
          if (a === null || b === null || a === b) return false
          // A value of the file that loses counts only when the file's own device wrote it: a copy it
          // merely holds of someone else's older value (the school's file it started from) lost to a
          // change that came later, and is no one's lost work.
          const incomingLoses = (row.fieldClock[field] ?? '') < (mine.fieldClock[field] ?? '')
          // A clock names one write: a device holding a write's clock on any field of the record received
          // that write, so a change it made to the field afterwards was made having seen the value lost.
          const loserClock = incomingLoses ? row.fieldClock[field] : mine.fieldClock[field]
          const winner = incomingLoses ? mine : row
          if (Object.values(winner.fieldClock).includes(loserClock ?? '')) return false
          return !incomingLoses || b === file.deviceId
        }
        const merged = mergeRecord(mine, row.id, recordAsChange(row), concurrent)
        if (merged.applied.length > 0) {
          puts.push(merged.record)
          summary.changed++
          summary.byTable[table] = (summary.byTable[table] ?? 0) + 1
        } else summary.unchanged++
        for (const c of merged.conflicts) {
          summary.conflicts.push({
            id: naturalId('file', table, row.id, c.field, c.lostClock),
            table,
            recordId: row.id,
            field: c.field,
            kind: 'field',
            kept: c.kept,
            keptClock: c.keptClock,
            keptBy: authorOf(c.keptClock),
            lost: c.lost,
            lostClock: c.lostClock,
            lostBy: authorOf(c.lostClock),
            at: now,
            dismissedAt: null,
          })
        }
        if (merged.deletedWhileEdited) {
          const deletedClock = merged.record.fieldClock.deletedAt ?? ''
          const edits = Object.keys(row.fieldClock).filter((f) => f !== 'deletedAt' && concurrent(f))
          const source = merged.applied.includes('deletedAt') ? mine : row
          summary.conflicts.push({
            id: naturalId('file', table, row.id, '', deletedClock),
            table,
            recordId: row.id,
            field: '',
            kind: 'deleted',
            kept: merged.record.deletedAt ?? null,
            keptClock: deletedClock,
            keptBy: authorOf(deletedClock),
            lost: Object.fromEntries(edits.map((f) => [f, source[f]])),
            lostClock: edits.map((f) => source.fieldClock[f] ?? '').sort().at(-1) ?? '',
            lostBy: authorOf(edits.map((f) => source.fieldClock[f] ?? '').sort().at(-1) ?? ''),
            at: now,
            dismissedAt: null,
          })
        }
      }
      if (puts.length) await db.table(table).bulkPut(puts)
    }

    // A conflict an earlier import of this file already noted is not noted again (nor brought back once dismissed).
    const known = new Set((await db.syncConflicts.bulkGet(summary.conflicts.map((c) => c.id))).filter((c) => c !== undefined).map((c) => c.id))
    summary.conflicts = summary.conflicts.filter((c) => !known.has(c.id))
    if (summary.conflicts.length) await db.syncConflicts.bulkPut(summary.conflicts)

    // The next local change must be newer than anything merged.
    if (latest) {
      const stored = (await db.meta.get(META.clock))?.value
      let deviceId = typeof myDevice === 'string' ? myDevice : undefined
      if (!deviceId) await db.meta.put({ key: META.deviceId, value: (deviceId = newDeviceId()) })
      const local = (typeof stored === 'string' ? parseHlc(stored) : null) ?? { wall: now, counter: 0, deviceId }
      await db.meta.put({ key: META.clock, value: encodeHlc(receiveHlc(local, latest, now)) })
    }
    return summary
  })
}
