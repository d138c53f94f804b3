/* eslint-disable @typescript-eslint/no-explicit-any -- these tests build malformed files on purpose: any is the honest type */
import { describe, expect, it } from 'vitest'
import { BACKUP_FORMAT, BACKUP_TABLES, MAX_PROBLEMS, backupFileName, decodeBackupBytes, readBackup as readBackupFor, type BackupFile, type BackupProblem } from '@hl/core/formats/backup'
import { upgradeV0toV1, upgradeV1toV2, upgradeV2toV3 } from '@hl/core/formats/backupUpgrade'
import { backupProblemText } from '@/i18n/backupText'
import { translate } from '@/i18n/format'
import { backupMessages } from '@/i18n/messages/backup'

const readBackup = (text: string) => readBackupFor(text, { knownSchemaVersion: 2 })
/** The problems as the user reads them, in Chinese or English. */
const words = (problems: readonly BackupProblem[], locale: 'zh-CN' | 'en' = 'zh-CN') =>
  problems.map((p) => backupProblemText(p, (key, params) => translate(backupMessages[locale], key, params))).join('\n')

const meta = (id: string) => ({ id, updatedAt: '001800000000000-000000-dev1', fieldClock: {}, version: 1 })

/** A small, valid backup built by hand. */
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
  return { format: BACKUP_FORMAT, version: 3, schemaVersion: 1, exportedAt: '2026-11-23T10:00:00.000Z', meta: { schoolId: 's1', me: 't1' }, tables, drafts: [] }
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
    ['a newer backup version', mutate((b) => (b.version = 7)), '来自更新版本的作业台账（备份格式第 7 版，本应用只认到第 3 版）'],
    ['a newer database schema', mutate((b) => (b.schemaVersion = 9)), '数据结构第 9 版，本应用只认到第 2 版'],
    ['a bad version', mutate((b) => (b.version = 'one')), '版本号'],
    ['a row missing a field', mutate((b) => delete b.tables.classes[0].name), '表「班级」 第 1 行 字段「name」缺失'],
    ['a wrong type', mutate((b) => (b.tables.items[0].minutes = '20')), '表「作业内容」 第 1 行 字段「minutes」的值 "20" 类型不对，应为数字。'],
    ['a bad kind', mutate((b) => (b.tables.items[0].kind = 'essay')), '字段「kind」的值 "essay" 不符合要求：不是允许的取值'],
    ['a bad date', mutate((b) => (b.tables.assignments[0].date = '2026-02-30')), '须为 YYYY-MM-DD 格式的日期'],
    ['a table missing', mutate((b) => delete b.tables.trials), '表「先做计时」缺失'],
    ['a duplicate id', mutate((b) => b.tables.classes.push({ ...b.tables.classes[0] })), '第 2 行 字段「id」：id「c1」重复'],
    ['the school not in the file', mutate((b) => (b.meta.schoolId = 's9')), '备份指明的学校「s9」'],
    ['me not in the file', mutate((b) => (b.meta.me = 't9')), '本机教师「t9」'],
    ['minutes of 100,000', mutate((b) => (b.tables.items[0].minutes = 100_000)), '须为 0 到 1440 之间的分钟数'],
    ['a cap of -5', mutate((b) => (b.tables.schools[0].rules = { upperPrimary: { dailyCapMinutes: -5 } })), '字段「rules.upperPrimary.dailyCapMinutes」的值 -5 不符合要求'],
    ['a multiplier of -3', mutate((b) => (b.tables.schools[0].rules = { juniorHigh: { teacherMultiplier: -3 } })), '不能小于 0.1'],
    ['a bedtime of 99:99', mutate((b) => (b.tables.schools[0].rules = { juniorHigh: { bedtime: '99:99' } })), '"99:99" 不符合要求：格式不对'],
    ['a school name of 5 MB', mutate((b) => (b.tables.schools[0].name = '校'.repeat(5_000_000))), '太长（最多 100 个字符）'],
  ])('refuses %s with a message naming what is wrong', (_name, input, expected) => {
    const result = readBackup(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(words(result.problems)).toContain(expected)
  })

  it('says it in English in the English UI', () => {
    const result = readBackup(mutate((b) => (b.tables.items[0].minutes = '20')))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(words(result.problems, 'en')).toContain('Table “Items” row 1 field “minutes” holds "20", which should be a number.')
  })

  it('quotes a bad value shortened and without terminal escapes', () => {
    const result = readBackup(mutate((b) => (b.tables.items[0].kind = '\u001b]0;pwned\u0007\u001b[2J' + 'x'.repeat(1000))))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const said = words(result.problems)
    expect(said).not.toContain('\u001b')
    expect(said).not.toContain('\u0007')
    expect(said.length).toBeLessThan(200)
  })

  it.each([
    ['an item whose assignment is missing', (b: Record<string, any>) => (b.tables.items[0].assignmentId = 'gone'), { table: 'items', field: 'assignmentId', target: 'assignments', count: 1 }],
    ['a student in no class', (b: Record<string, any>) => (b.tables.students[0].classId = 'c9'), { table: 'students', field: 'classId', target: 'classes', count: 1 }],
    [
      'a 先做 timer of an item that was never saved',
      (b: Record<string, any>) => b.tables.trials.push({ ...meta('tr1'), itemId: 'never-saved', teacherId: 't1', state: 'running', elapsedMs: 0, runningSince: 1_800_000_000_000 }),
      { table: 'trials', field: 'itemId', target: 'items', count: 1 },
    ],
  ])('restores %s, with a warning: references may dangle on a device that syncs', (_name, fn, warning) => {
    const result = readBackup(mutate(fn))
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.warnings).toEqual([{ code: 'danglingRefs', ...warning }])
  })

  it('a timer of an item of an unsaved draft in the file is not dangling, and the draft comes back', () => {
    const result = readBackup(
      mutate((b) => {
        b.tables.trials.push({ ...meta('tr1'), itemId: 'draft-item', teacherId: 't1', state: 'running', elapsedMs: 0, runningSince: 1_800_000_000_000 })
        b.drafts.push({
          key: 'new:d1',
          assignmentId: '',
          teacherId: 't1',
          savedAt: 1_800_000_000_000,
          base: null,
          baseStatus: null,
          state: { classIds: ['c1'], subject: '数学', date: '2026-11-24', due: '', items: [{ id: 'draft-item', title: '', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: null, trialMinutes: null }] },
        })
      }),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toEqual([])
    expect(result.backup.drafts).toHaveLength(1)
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
    expect(words([result.problems.at(-1)!])).toBe('还有 10 处问题未列出。')
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
    if (!result.ok) expect(words(result.problems)).toContain(expected)
  })

  it('reads UTF-8 with or without a BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFF{"a":"作业"}')
    expect(decodeBackupBytes(bytes)).toEqual({ ok: true, text: '{"a":"作业"}' })
  })
})

describe('older versions', () => {
  /** The pre-release shape: tiers as an array, due null, minutes left out, no schemaVersion. */
  function v0(): Record<string, unknown> {
    const b = structuredClone(validBackup()) as Record<string, any>
    b.version = 0
    delete b.schemaVersion
    delete b.drafts
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

  it('a version-1 file (no drafts) reads as the current version with none', () => {
    const b = structuredClone(validBackup()) as Record<string, any>
    b.version = 1
    delete b.drafts
    const result = readBackup(text(b))
    expect(result.ok && result.upgradedFrom).toBe(1)
    if (result.ok) expect(result.backup).toEqual(validBackup())
    expect(upgradeV1toV2(b)).toMatchObject({ version: 2, drafts: [] })
  })

  it('a version-2 file (written before the grade leader’s tables) reads as the current version with them empty', () => {
    const b = structuredClone(validBackup()) as Record<string, any>
    b.version = 2
    delete b.tables.gradeBudgets
    delete b.tables.approvals
    const result = readBackup(text(b))
    expect(result.ok && result.upgradedFrom).toBe(2)
    if (result.ok) expect(result.backup).toEqual(validBackup())
    expect(upgradeV2toV3(b)).toMatchObject({ version: 3, tables: { gradeBudgets: [], approvals: [] } })
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
