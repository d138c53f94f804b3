import 'fake-indexeddb/auto'
/* eslint-disable @typescript-eslint/no-explicit-any -- the test rewrites an export into the old, untyped version-0 shape */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { countLiveRows, exportBackup, importBackup, NewerSchemaError, readBackupForThisApp as readBackup } from '@/db/backup'
import { META } from '@/db/constants'
import type { AppDB } from '@/db/database'
import { getSchoolContext } from '@/db/repos/school'
import { listClassAssignments } from '@/db/repos/assignments'
import { write } from '@/db/write'
import { BACKUP_TABLES, decodeBackupBytes, writeBackup, type BackupProblem } from '@hl/core/formats/backup'
import { backupProblemText } from '@/i18n/backupText'
import { translate } from '@/i18n/format'
import { backupMessages } from '@/i18n/messages/backup'
import { freshDb } from './helpers'
import { seedSchool, snapshot } from './seed'

const dbs: AppDB[] = []
const open = () => {
  const db = freshDb()
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

/** The whole path a user takes: file bytes → decode → read (validate, upgrade) → import. */
async function importBytes(db: AppDB, bytes: Uint8Array) {
  const decoded = decodeBackupBytes(bytes)
  if (!decoded.ok) return decoded
  const read = readBackup(decoded.text)
  if (!read.ok) return read
  await importBackup(db, read.backup)
  return read
}

const words = (problems: readonly BackupProblem[]) => problems.map((p) => backupProblemText(p, (key, params) => translate(backupMessages['zh-CN'], key, params))).join('\n')
const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))

describe('backup round trip', () => {
  it('export → file → import into a fresh database gives the same rows, tombstones included', async () => {
    const source = open()
    const seeded = await seedSchool(source)
    const file = writeBackup(await exportBackup(source, new Date('2026-11-23T10:00:00Z')))

    const target = open()
    const result = await importBytes(target, new TextEncoder().encode(file))
    expect(result.ok).toBe(true)

    for (const table of BACKUP_TABLES) {
      expect(byId(await target.table(table).toArray()), table).toEqual(byId(await source.table(table).toArray()))
    }
    expect(await target.items.filter((i) => i.deletedAt !== undefined).count()).toBeGreaterThan(0)
    expect((await target.meta.get(META.schoolId))?.value).toBe(seeded.schoolId)
    expect((await target.meta.get(META.me))?.value).toBe(seeded.teacherId)
    expect(await target.outbox.count()).toBe(0)
    const context = await getSchoolContext(target)
    expect(context?.school.name).toBe('实验小学')
    expect(context?.me?.name).toBe('王老师')
    const week = await listClassAssignments(target, seeded.c42.id, '2026-11-23', '2026-11-29')
    expect(week.map((a) => a.assignment.subject).sort()).toEqual(['数学', '语文'])
  })

  it('replaces what the device held, keeps its device id, and moves its clock past every restored stamp', async () => {
    const source = open()
    await seedSchool(source, '实验小学')
    const backup = await exportBackup(source)

    const target = open()
    await seedSchool(target, '另一所学校')
    const deviceId = (await target.meta.get(META.deviceId))?.value
    await importBackup(target, backup)

    expect((await target.schools.toArray()).map((s) => s.name)).toEqual(['实验小学'])
    expect(await countLiveRows(target)).toEqual(await countLiveRows(source))
    expect((await target.meta.get(META.deviceId))?.value).toBe(deviceId)
    const latest = BACKUP_TABLES.flatMap((t) => backup.tables[t].map((r) => r.updatedAt)).sort().at(-1)!
    // The next local edit must be newer than anything restored.
    const row = await write(target, ['classes'], (w) => w.update('classes', backup.tables.classes[0]!.id, { name: '4(9)' }))
    expect(row.updatedAt > latest).toBe(true)
  })

  it('refuses a backup from a newer database schema at the check, in words, and changes nothing', async () => {
    const source = open()
    await seedSchool(source)
    const backup = { ...(await exportBackup(source)), schemaVersion: 99 }
    const target = open()
    await seedSchool(target, '另一所学校')
    const before = await snapshot(target)
    const read = readBackup(writeBackup(backup))
    expect(read.ok).toBe(false)
    if (!read.ok) expect(words(read.problems)).toContain('请先更新本应用')
    // and the import itself refuses it too, should anything call it directly
    await expect(importBackup(target, backup)).rejects.toBeInstanceOf(NewerSchemaError)
    expect(await snapshot(target)).toEqual(before)
  })

  it('is one transaction: a failure while writing the last table leaves the device as it was', async () => {
    const source = open()
    await seedSchool(source)
    const backup = await exportBackup(source)
    const target = open()
    await seedSchool(target, '另一所学校')
    const before = await snapshot(target)
    const trials = target.table('trials')
    vi.spyOn(trials, 'bulkPut').mockImplementation(() => {
      throw new Error('disk full')
    })
    await expect(importBackup(target, backup)).rejects.toThrow('disk full')
    vi.restoreAllMocks()
    expect(await snapshot(target)).toEqual(before)
  })
})

describe('a bad or foreign file changes nothing', () => {
  const enc = (s: string) => new TextEncoder().encode(s)
  const cases: [string, (valid: string) => Uint8Array, string][] = [
    ['another app’s JSON', () => enc(JSON.stringify({ name: 'vite-project', private: true })), '这不是作业台账的备份文件'],
    ['truncated JSON', (valid) => enc(valid.slice(0, Math.floor(valid.length / 2))), '文件不完整'],
    ['a PNG renamed .json', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'PNG'],
    ['a GBK text file', () => new Uint8Array([0xd7, 0xf7, 0xd2, 0xb5, 0xcc, 0xa8, 0xd5, 0xcb]), 'UTF-8'],
    ['an empty file', () => new Uint8Array(), '空'],
    ['a row of the wrong type', (valid) => enc(valid.replace(/"grade": 4/, '"grade": "四"')), '字段「grade」'],
  ]

  it.each(cases)('%s', async (_name, make, expected) => {
    const source = open()
    await seedSchool(source, '实验小学')
    const valid = writeBackup(await exportBackup(source))

    const target = open()
    await seedSchool(target, '另一所学校')
    const before = await snapshot(target)
    const result = await importBytes(target, make(valid))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(words(result.problems)).toContain(expected)
    expect(await snapshot(target)).toEqual(before)
  })
})

describe('an older backup', () => {
  it('version 0 is upgraded and imported with the same rows as a current export', async () => {
    const source = open()
    await seedSchool(source)
    const current = await exportBackup(source)
    const old = JSON.parse(JSON.stringify(current)) as Record<string, any>
    old.version = 0
    delete old.schemaVersion
    for (const a of old.tables.assignments) if (a.due === '') a.due = null
    for (const i of old.tables.items) {
      i.tiers = Object.entries(i.tiers as Record<string, boolean>).filter(([, on]) => on).map(([t]) => t)
      if (i.trialMinutes === null) delete i.trialMinutes
    }

    const target = open()
    const result = await importBytes(target, new TextEncoder().encode(JSON.stringify(old)))
    expect(result.ok && 'upgradedFrom' in result ? result.upgradedFrom : null).toBe(0)
    for (const table of BACKUP_TABLES) expect(byId(await target.table(table).toArray()), table).toEqual(byId(await source.table(table).toArray()))
  })
})
