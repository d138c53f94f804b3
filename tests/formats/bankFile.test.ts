import { describe, expect, it } from 'vitest'
import { BANK_FORMAT, readBankBytes, readBankFile, writeBankFile, type BankRow } from '@hl/core/formats/bankFile'

const row = (id: string, patch: Partial<BankRow> = {}): BankRow => ({
  id,
  updatedAt: '001800000000000-000000-dev1',
  fieldClock: { title: '001800000000000-000000-dev1' },
  version: 1,
  teacherId: 't1',
  grade: 5,
  subject: '数学',
  title: '分数加法练习',
  book: '练习册',
  pages: 'p23',
  unit: '第二单元',
  points: { 分数加法: true },
  difficulty: 2,
  kind: 'written',
  where: 'home',
  tiers: { core: true, extend: true, challenge: false },
  minutes: 15,
  trialMinutes: 5,
  ...patch,
})
const bytes = (s: string) => new TextEncoder().encode(s)

describe('the bank file', () => {
  it('reads back what it wrote', () => {
    const text = writeBankFile([row('a'), row('b', { title: '口算' })], new Date('2026-11-23T10:00:00Z'))
    const read = readBankFile(text)
    expect(read.ok && read.file.items.map((i) => i.title)).toEqual(['分数加法练习', '口算'])
  })

  it.each<[string, Uint8Array, string, object?]>([
    ['an empty file', bytes(''), 'empty'],
    ['not UTF-8', new Uint8Array([0xff, 0xfe, 0xfd]), 'notText'],
    ['not JSON', bytes('日期,年级\n'), 'notJson'],
    ['another kind of file (a backup)', bytes(JSON.stringify({ format: 'homework-ledger-backup', version: 2 })), 'notBank'],
    ['a newer version', bytes(JSON.stringify({ format: BANK_FORMAT, version: 9, exportedAt: '', items: [] })), 'newerVersion', { version: 9 }],
    ['a bad row, named by its place and field', bytes(JSON.stringify({ format: BANK_FORMAT, version: 1, exportedAt: '', items: [row('a'), row('b', { difficulty: 9 })] })), 'badRow', { row: 2, field: 'difficulty' }],
    ['an id twice', bytes(JSON.stringify({ format: BANK_FORMAT, version: 1, exportedAt: '', items: [row('a'), row('a')] })), 'duplicateId', { row: 2 }],
  ])('refuses %s', (_, input, code, params) => {
    const read = readBankBytes(input)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.problems[0]!.code).toBe(code)
    if (params) expect(read.problems[0]!.params).toEqual(params)
  })
})
