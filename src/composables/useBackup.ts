// Backups: export the whole school as one file (Settings); restore one in three steps — choose (the
// file is read and checked in full, nothing written), look at what it will replace, confirm (one
// transaction) — from Settings or from the welcome screen of a new device. A bad file stops at the
// first step with its problems in the user's language; a file from a newer app version too, before
// anything is confirmed.
import { shallowRef, type ShallowRef } from 'vue'
import { chinaDate } from '@hl/core/domain/dates'
import type { BackupFile, BackupProblem, BackupTableName, BackupWarning } from '@hl/core/formats/backup'
import { appDb } from '@/db/database'
import { downloadText } from './download'
import { keepSchoolData } from './keepSchoolData'

/**
 * The backup code (the format's reader and writer with its row schemas, the database's export and
 * import), loaded when a backup is made or a file chosen: 设置 and the welcome screen open without it.
 * The service worker precaches it, so it loads offline too.
 */
async function backupCode() {
  const [format, data] = await Promise.all([import('@hl/core/formats/backup'), import('@/db/backup')])
  return { ...format, ...data }
}

export type { BackupProblem, BackupTableName, BackupWarning }

export interface BackupSummary {
  fileName: string
  schoolName: string
  exportedAt: string
  /** The backup version the file was upgraded from, or null when it was current. */
  upgradedFrom: number | null
  rows: { table: BackupTableName; device: number; file: number }[]
  /** Unsaved designer drafts the file brings back. */
  drafts: number
  /** Whether this device holds school data that the restore replaces. */
  replaces: boolean
  warnings: BackupWarning[]
}

export type BackupImportState =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'invalid'; fileName: string; problems: BackupProblem[] }
  | { step: 'ready'; summary: BackupSummary }
  | { step: 'importing'; summary: BackupSummary }
  | { step: 'done'; summary: BackupSummary }

/** Writes the backup file and hands it to the browser as a download; returns its name. */
export async function exportBackupFile(): Promise<string> {
  const { exportBackup, backupFileName, writeBackup } = await backupCode()
  const backup = await exportBackup(appDb())
  const school = backup.tables.schools.find((s) => s.id === backup.meta.schoolId)
  const fileName = backupFileName(school?.name ?? '', chinaDate(Date.now()))
  downloadText(fileName, writeBackup(backup), 'application/json')
  return fileName
}

export interface UseBackupRestore {
  state: ShallowRef<BackupImportState>
  chooseFile: (file: File) => Promise<void>
  confirmImport: () => Promise<void>
  reset: () => void
}

export function useBackupRestore(): UseBackupRestore {
  const db = appDb()
  const state = shallowRef<BackupImportState>({ step: 'idle' })
  let pending: BackupFile | undefined

  async function chooseFile(file: File): Promise<void> {
    pending = undefined
    state.value = { step: 'checking', fileName: file.name }
    try {
      await check(file)
    } catch (error) {
      // The file could not be read (or the backup code not loaded): back to choosing, and the global
      // handler says why; nothing was written.
      state.value = { step: 'idle' }
      throw error
    }
  }

  async function check(file: File): Promise<void> {
    const { decodeBackupBytes, readBackupForThisApp, countBackupRows, countLiveRows, BACKUP_TABLES } = await backupCode()
    const decoded = decodeBackupBytes(new Uint8Array(await file.arrayBuffer()))
    if (!decoded.ok) {
      state.value = { step: 'invalid', fileName: file.name, problems: decoded.problems }
      return
    }
    const read = readBackupForThisApp(decoded.text)
    if (!read.ok) {
      state.value = { step: 'invalid', fileName: file.name, problems: read.problems }
      return
    }
    pending = read.backup
    const inFile = countBackupRows(read.backup.tables)
    const device = await countLiveRows(db)
    state.value = {
      step: 'ready',
      summary: {
        fileName: file.name,
        schoolName: read.backup.tables.schools.find((s) => s.id === read.backup.meta.schoolId)?.name ?? '',
        exportedAt: read.backup.exportedAt,
        upgradedFrom: read.upgradedFrom,
        rows: BACKUP_TABLES.map((table) => ({ table, device: device[table], file: inFile[table] })),
        drafts: read.backup.drafts.length,
        replaces: device.schools > 0,
        warnings: read.warnings,
      },
    }
  }

  async function confirmImport(): Promise<void> {
    const current = state.value
    if (current.step !== 'ready' || !pending) return
    state.value = { step: 'importing', summary: current.summary }
    try {
      const { importBackup } = await backupCode()
      await importBackup(db, pending)
      pending = undefined
      state.value = { step: 'done', summary: current.summary }
      keepSchoolData()
    } catch (error) {
      // Nothing was written (one transaction); let the user try again, and let the global handler speak.
      state.value = current
      throw error
    }
  }

  return {
    state,
    chooseFile,
    confirmImport,
    reset: () => {
      pending = undefined
      state.value = { step: 'idle' }
    },
  }
}
