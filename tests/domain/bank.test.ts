import PinyinMatch from 'pinyin-match'
import { describe, expect, it } from 'vitest'
import { bankItemStats, filterBank, itemShareOfReport, parsePoints, unitsOf, type BankItem, type BankItemStats } from '@hl/core/domain/bank'

const item = (id: string, patch: Partial<BankItem> = {}): BankItem => ({
  id,
  grade: 5,
  subject: '数学',
  title: '分数加法练习',
  book: '练习册',
  pages: 'p23',
  unit: '第二单元',
  points: ['分数加法'],
  difficulty: 2,
  kind: 'written',
  tiers: ['core', 'extend', 'challenge'],
  minutes: 15,
  trialMinutes: 5,
  ...patch,
})
const bank = [
  item('a'),
  item('b', { title: '长江作业 p20-22', pages: 'p20', unit: '第三单元', points: ['小数乘法', '估算'], difficulty: 3 }),
  item('c', { title: '口算天天练', pages: '', kind: 'oral', unit: '第二单元', points: [], difficulty: 1 }),
  item('d', { subject: '语文', title: '抄写生字', pages: '', unit: '第5课', points: [] }),
]
const used = new Map<string, BankItemStats>([['b', bankItemStats([{ classId: 'c1', date: '2026-11-02', checked: 0, wrong: 0, minutes: [] }])]])
const pinyin = (text: string, q: string) => PinyinMatch.match(text, q) !== false

describe('bank search', () => {
  it.each<[string, string, string[]]>([
    ['Chinese', '分数', ['a']],
    ['pinyin initials', 'kstt', ['c']],
    ['initials of a polyphone (长 as chang)', 'cj', ['b']],
    ['a knowledge point', 'gs', ['b']],
    ['pages', 'p23', ['a']],
    ['two words must both match', '练习 fs', ['a']],
    ['nothing', 'zzzz', []],
    ['empty finds all', '', ['a', 'b', 'c', 'd']],
  ])('by %s: %j', (_, query, ids) => {
    expect(filterBank(bank, { query }, (id) => used.get(id), pinyin).map((i) => i.id)).toEqual(ids)
  })

  it.each<[string, object, string[]]>([
    ['unit', { unit: '第二单元', subject: '数学' }, ['a', 'c']],
    ['difficulty', { difficulty: 3 }, ['b']],
    ['kind', { kind: 'oral' }, ['c']],
    ['never used with this class', { notUsedWithClassId: 'c1', subject: '数学' }, ['a', 'c']],
    ['used elsewhere is fine', { notUsedWithClassId: 'c2', subject: '数学' }, ['a', 'b', 'c']],
  ])('filters by %s', (_, filter, ids) => {
    expect(filterBank(bank, { query: '', ...filter }, (id) => used.get(id), pinyin).map((i) => i.id)).toEqual(ids)
  })

  it('lists the units as first seen', () => {
    expect(unitsOf(bank)).toEqual(['第二单元', '第三单元', '第5课'])
  })

  it.each([
    ['分数加法、通分，约分', ['分数加法', '通分', '约分']],
    [' 通分 ,通分;; ', ['通分']],
    ['__proto__、分数', ['分数']],
    ['', []],
  ])('reads knowledge points %j', (text, points) => {
    expect(parsePoints(text)).toEqual(points)
  })
})

describe('what a bank item learns from use', () => {
  it('times used, the error rate over all gradings, median and mean real minutes', () => {
    const s = bankItemStats([
      { classId: 'c1', date: '2026-11-02', checked: 40, wrong: 10, minutes: [10, 12, 30] },
      { classId: 'c2', date: '2026-11-09', checked: 10, wrong: 5, minutes: [8] },
    ])
    expect(s.timesUsed).toBe(2)
    expect([...s.classIds]).toEqual(['c1', 'c2'])
    expect(s.lastUsed).toBe('2026-11-09')
    expect(s.errorRate).toBeCloseTo(15 / 50, 12)
    expect(s.medianMinutes).toBe(11)
    expect(s.meanMinutes).toBe(15)
  })

  it('nothing known before any use', () => {
    expect(bankItemStats([])).toMatchObject({ timesUsed: 0, errorRate: null, medianMinutes: null, meanMinutes: null, lastUsed: null })
  })

  it.each<[number, number, number, number | null]>([
    [30, 10, 30, 10],
    [45, 15, 30, 22.5],
    [20, 5, 0, null],
  ])('an item’s share of a %d-minute report (item %d of %d estimated) is %s', (report, item, whole, share) => {
    expect(itemShareOfReport(report, item, whole)).toBe(share)
  })
})
