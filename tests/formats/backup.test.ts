/* eslint-disable @typescript-eslint/no-explicit-any -- these tests build malformed files on purpose: any is the honest type */
import { describe, expect, it } from 'vitest'
import { BACKUP_FORMAT, BACKUP_TABLES, MAX_PROBLEMS, backupFileName, decodeBackupBytes, readBackup, type BackupFile } from '@hl/core/formats/backup'
import { upgradeV0toV1 } from '@hl/core/formats/backupUpgrade'

const meta = (id: string) => ({ id, updatedAt: '001800000000000-000000-dev1', fieldClock: {}, version: 1 })

/** A small, valid version-1 backup built by hand. */
function validBackup(): BackupFile {
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as BackupFile['tables']
  tables.schools.push({ ...meta('s1'), name: '实验小学', regionId: 'national', rules: {} })
  tables.classes.push({ ...meta('c1'), grade: 4, name: '4(2)' })
  tables.teachers.push({ ...meta('t1'), name: '王老师' })
  tables.students.push({ ...meta('st1'), classId: 'c1', number: '01', name: '李明', position: 0 })
  tables.assignments.push({ ...meta('a1'), classId: 'c1', subject: '数学', date: '2026-11-23', due: '', status: 'published', teacherId: 't1', batchId: 'b1' })
  tables.items.push({
    ...meta('i1'),
    assignmentId: 'a1',
    position: 0,
    title: '练习册 p23',
    kind: 'written',
    where: 'home',
    tiers: { core: true, extend: true, challenge: false },
    minutes: 20,
    trialMinutes: null,
  })
  tables.items.push({ ...meta('i2'), deletedAt: '001800000000001-000000-dev1', assignmentId: 'a1', position: 1, title: '口算', kind: 'oral', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 5, trialMinutes: null })
  return { format: BACKUP_FORMAT, version: 1, schemaVersion: 1, exportedAt: '2026-11-23T10:00:00.000Z', meta: { schoolId: 's1', me: 't1' }, tables }
}

const text = (value: unknown) => JSON.stringify(value)
const mutate = (fn: (b: Record<string, any>) => void): string => {
  const b = structuredClone(validBackup()) as Record<string, any>
  fn(b)
  return text(b)
}

describe('readBackup', () => {
  it('accepts a valid backup and keeps tombstones', () => {
    const result = readBackup(text(validBackup()))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.upgradedFrom).toBeNull()
    expect(result.backup.tables.items).toHaveLength(2)
    expect(result.backup.tables.items[1]!.deletedAt).toBeDefined()
  })

  it.each([
    ['truncated JSON', text(validBackup()).slice(0, 200), '文件不完整'],
    ['not JSON at all', 'hello, world', '不是有效的 JSON'],
    ['another app’s JSON', text({ name: 'my-app', version: '1.0.0', dependencies: {} }), '这不是作业台账的备份文件'],
    ['another app’s marker', text({ format: 'excalidraw', version: 2 }), '「excalidraw」'],
    ['a JSON array', '[1,2,3]', '这不是作业台账的备份文件'],
    ['a newer backup version', mutate((b) => (b.version = 7)), '来自更新的版本'],
    ['a bad version', mutate((b) => (b.version = 'one')), '版本号'],
    ['a row missing a field', mutate((b) => delete b.tables.classes[0].name), '表「班级」（classes） 第 1 行 字段「name」缺失'],
    ['a wrong type', mutate((b) => (b.tables.items[0].minutes = '20')), '表「作业内容」（items） 第 1 行 字段「minutes」的值 "20" 类型不对'],
    ['a bad kind', mutate((b) => (b.tables.items[0].kind = 'essay')), '字段「kind」'],
    ['a bad date', mutate((b) => (b.tables.assignments[0].date = '2026-02-30')), '须为 YYYY-MM-DD 日期'],
    ['a table missing', mutate((b) => delete b.tables.trials), '表「先做计时」（trials）缺失'],
    ['a duplicate id', mutate((b) => b.tables.classes.push({ ...b.tables.classes[0] })), '第 2 行：id「c1」重复'],
    ['an item whose assignment is missing', mutate((b) => (b.tables.items[0].assignmentId = 'gone')), '字段「assignmentId」指向的作业「gone」在备份中不存在'],
    ['a student in no class', mutate((b) => (b.tables.students[0].classId = 'c9')), '指向的班级「c9」'],
    ['the school not in the file', mutate((b) => (b.meta.schoolId = 's9')), '备份指明的学校「s9」'],
    ['me not in the file', mutate((b) => (b.meta.me = 't9')), '本机教师「t9」'],
  ])('refuses %s with a message naming what is wrong', (_name, input, expected) => {
    const result = readBackup(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => p.message).join('\n')).toContain(expected)
  })

  it('names the table, row and field of each problem, and lists every one up to a limit', () => {
    const input = mutate((b) => {
      for (let i = 0; i < 40; i++) b.tables.classes.push({ ...b.tables.classes[0], id: `x${i}`, grade: 13 })
    })
    const result = readBackup(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toHaveLength(MAX_PROBLEMS + 1)
    expect(result.problems[0]).toMatchObject({ table: 'classes', row: 2, field: 'grade' })
    expect(result.problems.at(-1)!.message).toBe('还有 10 处问题未列出')
  })
})

describe('decodeBackupBytes', () => {
  it.each([
    ['a PNG renamed .json', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'PNG 图片'],
    ['a zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), '压缩包'],
    ['an empty file', new Uint8Array([]), '文件是空的'],
    ['GBK text', new Uint8Array([0xd7, 0xf7, 0xd2, 0xb5]), '不是 UTF-8'],
  ])('refuses %s', (_name, bytes, expected) => {
    const result = decodeBackupBytes(bytes)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]!.message).toContain(expected)
  })

  it('reads UTF-8 with or without a BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFF{"a":"作业"}')
    expect(decodeBackupBytes(bytes)).toEqual({ ok: true, text: '{"a":"作业"}' })
  })
})

describe('version 0 → 1', () => {
  /** The pre-release shape: tiers as an array, due null, minutes left out, no schemaVersion. */
  function v0(): Record<string, unknown> {
    const b = structuredClone(validBackup()) as Record<string, any>
    b.version = 0
    delete b.schemaVersion
    b.tables.assignments[0].due = null
    b.tables.items[0].tiers = ['core', 'extend']
    delete b.tables.items[0].trialMinutes
    b.tables.items[1].tiers = ['core', 'extend', 'challenge']
    return b
  }

  it('upgrades tiers, due and missing minutes, and reads as the current version', () => {
    const result = readBackup(text(v0()))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.upgradedFrom).toBe(0)
    expect(result.backup).toEqual(validBackup())
  })

  it('is a pure step that leaves its input alone', () => {
    const input = v0()
    const before = structuredClone(input)
    const out = upgradeV0toV1(input) as Record<string, any>
    expect(input).toEqual(before)
    expect(out.version).toBe(1)
    expect(out.tables.items[0].tiers).toEqual({ core: true, extend: true, challenge: false })
  })

  it('still validates after upgrading: a bad v0 row is reported, not imported', () => {
    const b = v0() as Record<string, any>
    b.tables.items[0].tiers = 'core'
    const result = readBackup(text(b))
    expect(result.ok).toBe(false)
  })
})

describe('backupFileName', () => {
  it.each([
    ['实验小学', '2026-11-23', '作业台账备份-实验小学-20261123.json'],
    ['a/b:c', '2026-01-05', '作业台账备份-a_b_c-20260105.json'],
    ['  ', '2026-01-05', '作业台账备份-学校-20260105.json'],
  ])('%s on %s → %s', (name, date, expected) => {
    expect(backupFileName(name, date)).toBe(expected)
  })
})
