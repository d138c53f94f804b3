// Export and import of the whole school (the file format, its schema and its versions are in
// packages/core/src/formats/backup.ts). An import is ONE transaction that clears and refills every synced table:
// either the device holds the whole backup afterwards, or, on any failure, exactly what it held before.
// The file's row schemas and the stored row types come from one registry (@hl/core/schema/tables), so
// they cannot disagree; every synced table is in the file because the file's tables ARE the registry's.
import { parseHlc, receiveHlc, encodeHlc, type Hlc } from '@hl/core/domain/hlc'
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, readBackup, type BackupFile, type BackupReadResult, type BackupRows, type BackupTableName } from '@hl/core/formats/backup'
import { newDeviceId } from '@hl/core/ids'
import { META } from './constants'
import { CURRENT_VERSION, type AppDB } from './database'

export class NoSchoolError extends Error {
  constructor() {
    super('No school is set up on this device')
    this.name = 'NoSchoolError'
  }
}

export class NewerSchemaError extends Error {
  constructor(readonly schemaVersion: number) {
    super(`The backup was written by database schema ${schemaVersion}; this app knows up to ${CURRENT_VERSION}`)
    this.name = 'NewerSchemaError'
  }
}

const allTables = (db: AppDB) => BACKUP_TABLES.map((t) => db.table(t))

/** Reads a backup file's text for this app's database schema (a newer schema is refused at the check). */
export function readBackupForThisApp(text: string): BackupReadResult {
  return readBackup(text, { knownSchemaVersion: CURRENT_VERSION })
}

/** The whole school as a backup file's content, read in one transaction (a consistent snapshot). */
export async function exportBackup(db: AppDB, exportedAt: Date = new Date()): Promise<BackupFile> {
  return db.transaction('r', [...allTables(db), db.meta, db.drafts], async () => {
    const schoolId = (await db.meta.get(META.schoolId))?.value
    if (typeof schoolId !== 'string') throw new NoSchoolError()
    const me = (await db.meta.get(META.me))?.value
    const deviceId = (await db.meta.get(META.deviceId))?.value
    const tables = {} as BackupRows
    for (const table of BACKUP_TABLES) (tables as Record<string, unknown[]>)[table] = await db.table(table).toArray()
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      schemaVersion: CURRENT_VERSION,
      exportedAt: exportedAt.toISOString(),
      ...(typeof deviceId === 'string' ? { deviceId } : {}),
      meta: { schoolId, me: typeof me === 'string' ? me : null },
      tables,
      drafts: await db.drafts.toArray(),
    }
  })
}

/** Live rows per table on this device, for "now on this device" beside "in the file". */
export async function countLiveRows(db: AppDB): Promise<Record<BackupTableName, number>> {
  return db.transaction('r', allTables(db), async () => {
    const out = {} as Record<BackupTableName, number>
    for (const table of BACKUP_TABLES) out[table] = await db.table(table).filter((r: { deletedAt?: string }) => r.deletedAt === undefined).count()
    return out
  })
}

/**
 * Replaces every synced table with the backup's rows, in one transaction. The outbox is cleared: its
 * entries described changes to rows that no longer exist here (a later sync starts with a reset). The
 * device keeps its own id; its clock moves past every stamp in the file, so the next local edit is
 * newer than anything restored.
 */
export async function importBackup(db: AppDB, backup: BackupFile, now: () => number = Date.now): Promise<void> {
  if (backup.schemaVersion > CURRENT_VERSION) throw new NewerSchemaError(backup.schemaVersion)
  await db.transaction('rw', [...allTables(db), db.outbox, db.meta, db.drafts], async () => {
    let latest: Hlc | null = null
    for (const table of BACKUP_TABLES) {
      const rows = backup.tables[table]
      for (const row of rows) {
        const stamp = parseHlc(row.updatedAt)
        if (stamp && (!latest || row.updatedAt > encodeHlc(latest))) latest = stamp
      }
      await db.table(table).clear()
      await db.table(table).bulkPut(rows)
    }
    await db.outbox.clear()
    await db.drafts.clear()
    await db.drafts.bulkPut(backup.drafts)

    let deviceId = (await db.meta.get(META.deviceId))?.value
    if (typeof deviceId !== 'string') {
      deviceId = newDeviceId()
      await db.meta.put({ key: META.deviceId, value: deviceId })
    }
    const stored = (await db.meta.get(META.clock))?.value
    const local = (typeof stored === 'string' ? parseHlc(stored) : null) ?? { wall: now(), counter: 0, deviceId: deviceId as string }
    const clock = latest ? receiveHlc(local, latest, now()) : local
    await db.meta.put({ key: META.clock, value: encodeHlc(clock) })

    await db.meta.put({ key: META.schoolId, value: backup.meta.schoolId })
    if (backup.meta.me === null) await db.meta.delete(META.me)
    else await db.meta.put({ key: META.me, value: backup.meta.me })
  })
}
