import { describe, expect, it } from 'vitest'
import type { EveningLoad } from '@hl/core/domain/report'
import { FINDING_SOURCES } from '@hl/core/domain/findings'
import { displayWidth, padEnd, padStart } from '@hl/core/formats/displayWidth'
import { parseCsv } from '@hl/core/formats/csv'
import { reportToCsv } from '@hl/core/formats/reportCsv'
import { reportToJson } from '@hl/core/formats/reportJson'
import { reportToTable } from '@hl/core/formats/reportTable'
import { findingMessage, translate } from '../../src/i18n/format'
import { cliMessages } from '../../src/i18n/messages/cli'

const text = (f: Parameters<typeof findingMessage>[0]) => findingMessage(f, 'zh-CN')
const say = (key: string, params?: Readonly<Record<string, string | number>>) => translate(cliMessages['zh-CN'].report, key, params)
const REPORT_CSV_HEADER = cliMessages['zh-CN'].report.csv.header.split(',')

const evening: EveningLoad = {
  classRef: { grade: 5, className: '5(2)' },
  date: '2026-03-02',
  restDay: false,
  capMinutes: 60,
  studentCount: 3,
  averageMinutes: 200 / 3,
  maxStudentMinutes: 75,
  tierTotals: { core: 60, extend: 65, challenge: 75 },
  atSchoolMinutes: 15,
  otherMinutes: 20,
  subjects: [
    { subject: '语文', averageMinutes: 30, tierMinutes: { core: 30, extend: 30, challenge: 30 } },
    { subject: '=数学', averageMinutes: 110 / 3, tierMinutes: { core: 30, extend: 35, challenge: 45 } },
  ],
  findings: [
    { rule: 'cap', severity: 'error', figures: { averageMinutes: 200 / 3, capMinutes: 60 }, source: FINDING_SOURCES.cap },
    { rule: 'subject-budget', severity: 'warning', subject: '=数学', figures: { averageMinutes: 110 / 3, budgetMinutes: 30 }, source: FINDING_SOURCES['subject-budget'] },
  ],
}
const quiet: EveningLoad = {
  ...evening,
  classRef: { grade: 7, className: '7(10)' },
  date: '2026-03-07',
  restDay: true,
  capMinutes: null,
  studentCount: 0,
  averageMinutes: 40,
  maxStudentMinutes: 40,
  subjects: [{ subject: '英语', averageMinutes: 40, tierMinutes: { core: 40, extend: 40, challenge: 40 } }],
  findings: [],
}

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['语文', 4],
    ['5(2)班', 6],
    ['（《意见》）', 12],
    ['✗ x', 3],
    ['', 0],
  ])('%j is %i columns wide', (s, width) => {
    expect(displayWidth(s)).toBe(width)
  })

  it('pads by display width', () => {
    expect(padEnd('语文', 6)).toBe('语文  ')
    expect(padStart('30', 4)).toBe('  30')
  })
})

describe('reportToJson', () => {
  it('prints one object with unrounded minutes and findings with messages and sources', () => {
    const json = JSON.parse(reportToJson([evening], text))
    expect(Object.keys(json)).toEqual(['evenings'])
    expect(json.evenings[0]).toMatchObject({
      grade: 5,
      class: '5(2)',
      date: '2026-03-02',
      restDay: false,
      capMinutes: 60,
      averageMinutes: 200 / 3,
      maxStudentMinutes: 75,
      atSchoolMinutes: 15,
      otherMinutes: 20,
      studentCount: 3,
      subjects: [
        { subject: '语文', averageMinutes: 30, tierMinutes: { core: 30, extend: 30, challenge: 30 } },
        { subject: '=数学', averageMinutes: 110 / 3, tierMinutes: { core: 30, extend: 35, challenge: 45 } },
      ],
    })
    expect(json.evenings[0].findings[0]).toEqual({
      rule: 'cap',
      severity: 'error',
      message: '书面作业平均 66.7 分钟，超过每日上限 60 分钟（《意见》二.5）',
      figures: { averageMinutes: 200 / 3, capMinutes: 60 },
      source: { id: 'opinion2021', document: '《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》', clause: '二.5' },
    })
    expect(json.evenings[0].findings[1]).toMatchObject({ rule: 'subject-budget', subject: '=数学' })
  })

  it('prints an empty list when there is nothing', () => {
    expect(reportToJson([], text)).toBe('{\n  "evenings": []\n}\n')
  })

  // The text is written an evening at a time (reportJsonPieces); it must be what one JSON.stringify of
  // the whole object writes, with and without the calibration list, for one evening, several and none.
  const times = (n: number) => ({
    calibratedAverageMinutes: Array.from({ length: n }, () => 61.5),
    reports: Array.from({ length: n }, () => new Map([['语文', { count: 2, stopped: 1 }]])),
    calibration: [{ grade: 5, className: '5(2)', subject: '语文', factor: 1.2, reports: 2, stopped: 1 }],
  })
  it.each<[string, EveningLoad[], ReturnType<typeof times> | undefined]>([
    ['one evening', [evening], undefined],
    ['three evenings', [evening, { ...evening, date: '2026-03-03' }, { ...evening, findings: [] }], undefined],
    ['two evenings with real times', [evening, evening], times(2)],
    ['no evening with real times', [], { ...times(0), calibration: [] }],
  ])('writes %s as JSON.stringify(…, null, 2) does', (_name, evenings, t) => {
    const out = reportToJson(evenings, text, t)
    expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`)
    expect(JSON.parse(out).evenings).toHaveLength(evenings.length)
  })
})

describe('reportToCsv', () => {
  const csv = reportToCsv([evening, quiet], text, say)

  it('is UTF-8 with a BOM and CRLF, headed in Chinese', () => {
    expect(csv.startsWith(`\uFEFF${REPORT_CSV_HEADER.join(',')}\r\n`)).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false)
  })

  it('writes one row per class per date, rounded to 1 decimal, formula cells guarded', () => {
    const rows = parseCsv(csv).records.map((r) => r.fields)
    expect(rows).toEqual([
      [...REPORT_CSV_HEADER],
      [
        '2026-03-02', '周一', '5', '5(2)', '66.7', '75', '60', '15', '20', '语文 30；=数学 36.7',
        '✗ 书面作业平均 66.7 分钟，超过每日上限 60 分钟（《意见》二.5）；! =数学书面作业平均 36.7 分钟，超过学科统筹的 30 分钟（《意见》二.4）',
      ],
      ['2026-03-07', '周六（休息日）', '7', '7(10)', '40', '40', '不限', '15', '20', '英语 40', ''],
    ])
  })

  it('defuses a cell that would start a formula', () => {
    const row = reportToCsv([{ ...quiet, subjects: [{ subject: '=HYPERLINK("x")', averageMinutes: 1, tierMinutes: { core: 1, extend: 1, challenge: 1 } }] }], text, say)
    expect(row).toContain(`"'=HYPERLINK(""x"") 1"`)
  })
})

describe('reportToTable', () => {
  const table = reportToTable([evening, quiet], text, say)
  const lines = table.split('\n')

  it('prints a block per class per date with aligned columns, findings and a summary', () => {
    expect(lines.slice(0, 6)).toEqual([
      '2026-03-02 周一（上学日）  五年级 5(2)班',
      '  学科   平均  基础  提高  拓展',
      '  语文     30    30    30    30',
      '  =数学  36.7    30    35    45',
      '  合计   66.7    60    65    75',
      '  家庭书面作业平均 66.7 分钟，上限 60 分钟（超出）；最多的学生 75 分钟',
    ])
    expect(lines).toContain('  ✗ 书面作业平均 66.7 分钟，超过每日上限 60 分钟（《意见》二.5）')
    expect(lines).toContain('  ! =数学书面作业平均 36.7 分钟，超过学科统筹的 30 分钟（《意见》二.4）')
    expect(lines).toContain('2026-03-07 周六（休息日）  七年级 7(10)班')
    expect(lines).toContain('  家庭书面作业平均 40 分钟，无上限；最多的学生 40 分钟')
    expect(lines).toContain('  ✓ 符合规定')
    expect(table.endsWith('\n\n共检查 2 个班级晚上：错误 1 条，提醒 1 条。\n')).toBe(true)
  })

  it('says so when there is no homework', () => {
    expect(reportToTable([], text, say)).toBe('所选日期内没有作业。\n\n共检查 0 个班级晚上：错误 0 条，提醒 0 条。\n')
  })
})
