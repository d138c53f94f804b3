// 公示 as a sheet (CSV with a BOM, and XLSX opened with a library here): the title in the first row,
// Chinese intact, widths set, layered work only as "选做" (never a layer's name), no student names, and
// an over-cap day marked in words.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildPublicity } from '@hl/core/domain/publicity'
import { publicityCsv, publicitySheet, type PublicityWords } from '@hl/core/formats/publicity'
import { publicityXlsx } from '@/composables/publicityXlsx'
import { assignment, cls, item, roster } from '../domain/builders'

const c = cls(5, 1)
const words: PublicityWords = {
  title: (t) => `${t.schoolName} ${t.classRef.className} 作业公示`,
  subtitle: (t) => `${t.weekStart} 至 ${t.weekEnd} · 公示人：${t.publishedBy}`,
  header: { date: '日期', subject: '学科', content: '作业内容', kind: '形式', where: '地点', minutes: '预计时长（分钟）', total: '当天合计（分钟）', cap: '上限（分钟）', note: '备注' },
  weekday: (n) => ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'][n]!,
  kind: (k) => ({ written: '书面', oral: '口头', reading: '阅读', practice: '实践', exercise: '体育', chores: '劳动' })[k],
  where: (w) => (w === 'home' ? '在家' : '在校'),
  optional: '选做',
  evening: (i, of) => `第 ${i}/${of} 晚`,
  over: '▲ 超出上限',
  noHomework: '无作业',
  restDay: '休息日',
  noCap: '不设上限',
}
const table = buildPublicity({
  schoolName: '阳光实验学校',
  publishedBy: '孙组长',
  termStart: '2026-08-31',
  classRef: c,
  weekOf: '2026-11-25',
  assignments: [
    assignment(c, '数学', '2026-11-23', [item(40, { title: '练习册 p50–51' }), item(15, { title: '拓展：鸡兔同笼', tiers: ['challenge'] })]),
    assignment(c, '语文', '2026-11-23', [item(30, { title: '课时练 p52' })]),
    assignment(c, '英语', '2026-11-24', [item(10, { title: '=SUM(A1) 单词', kind: 'oral' })]),
  ],
  roster: roster(c, { 数学: ['core', 'core', 'challenge'] }),
})

describe('the publicity table', () => {
  it('shows each day’s items, the total against the cap and an over-cap day in words, never a layer’s name', () => {
    const monday = table.days[0]!
    // 40 + 30 for everyone, 15 more for one student of three: 75 on average, over 60.
    expect([monday.averageMinutes, monday.capMinutes, monday.over]).toEqual([75, 60, true])
    expect(monday.entries.map((e) => [e.subject, e.optional])).toEqual([
      ['数学', false],
      ['数学', true],
      ['语文', false],
    ])
    expect(table.teachingWeek).toBe(13)
    const text = JSON.stringify(table)
    for (const hidden of ['challenge', 'extend', 'core', '学生1', 'tiers']) expect(text).not.toContain(hidden)
  })

  it('writes CSV with a BOM, the title first, formulas defused', () => {
    const csv = publicityCsv([table], words)
    expect(csv.startsWith('\uFEFF阳光实验学校 5(1) 作业公示\r\n')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]).toBe('2026-11-23 至 2026-11-29 · 公示人：孙组长')
    expect(lines[2]).toBe('日期,学科,作业内容,形式,地点,预计时长（分钟）,当天合计（分钟）,上限（分钟）,备注')
    expect(lines[3]).toBe('11-23 周一,数学,练习册 p50–51,书面,在家,40,75,60,▲ 超出上限')
    expect(lines[4]).toBe(',数学,拓展：鸡兔同笼,书面,在家,15,,,选做')
    expect(csv).toContain("'=SUM(A1) 单词")
    expect(csv).toContain('11-28 周六 休息日,,无作业')
  })

  it('writes an XLSX that opens with the title in the first row, Chinese intact and widths set', async () => {
    const sheet = publicitySheet(table, words)
    const blob = await publicityXlsx([sheet, { ...sheet }])
    const book = new ExcelJS.Workbook()
    // exceljs's types name an older Buffer; the bytes are what it reads.
    await book.xlsx.load(Buffer.from(await blob.arrayBuffer()) as unknown as Parameters<typeof book.xlsx.load>[0])
    expect(book.worksheets.map((w) => w.name)).toEqual(['阳光实验学校 5(1) 作业公示', '阳光实验学校 5(1) 作业公示 2'])
    const ws = book.worksheets[0]!
    expect(ws.getCell('A1').value).toBe('阳光实验学校 5(1) 作业公示')
    expect(ws.getCell('A1').isMerged).toBe(true)
    expect(ws.getCell('A2').value).toBe('2026-11-23 至 2026-11-29 · 公示人：孙组长')
    expect(ws.getRow(3).values).toEqual([undefined, '日期', '学科', '作业内容', '形式', '地点', '预计时长（分钟）', '当天合计（分钟）', '上限（分钟）', '备注'])
    expect([ws.getCell('A4').value, ws.getCell('C4').value, ws.getCell('F4').value, ws.getCell('G4').value, ws.getCell('I4').value]).toEqual(['11-23 周一', '练习册 p50–51', 40, 75, '▲ 超出上限'])
    expect(ws.getCell('I5').value).toBe('选做')
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(16)
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(8)
  })
})
