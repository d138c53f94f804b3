// @vitest-environment node
// What `npm run report` makes of input from outside: the language of its messages (--lang), the
// encoding of Excel's files (--encoding, GBK detected), cells that try to reach the terminal, and
// values that would cost it without bound (a far-off due date, minutes past a day).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runReport } from '../../scripts/report'
import { encodeGbk } from '../formats/gbk'

const root = fileURLToPath(new URL('../..', import.meta.url))
const HEAD = 'date,due,grade,class,subject,title,kind,where,tiers,minutes,trial_minutes'
const files = (contents: Record<string, Uint8Array | string>) => (path: string) => {
  const c = contents[path]
  if (c === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' })
  return typeof c === 'string' ? new TextEncoder().encode(c) : c
}
const run = (plan: Uint8Array | string, ...args: string[]) => runReport(['--plan', 'plan.csv', ...args], files({ 'plan.csv': plan }))
const json = (plan: Uint8Array | string, ...args: string[]) => {
  const result = run(plan, ...args, '--format', 'json')
  expect(result.stderr).toBe('')
  return JSON.parse(result.stdout).evenings as { class: string; subjects: { subject: string }[]; averageMinutes: number; findings: { message: string }[] }[]
}

describe('--lang', () => {
  const bad = `${HEAD}\n2026-03-02,,5,5(2),数学,练习,written,home,,-5,\n`
  it.each([
    [[], 'plan.csv:2: 列「minutes」: 「-5」不是有效的分钟数（须为不小于 0 的数字）', '共 1 处错误，未生成报告。'],
    [['--lang', 'zh'], 'plan.csv:2: 列「minutes」: 「-5」不是有效的分钟数（须为不小于 0 的数字）', '共 1 处错误，未生成报告。'],
    [['--lang', 'en'], 'plan.csv:2: column “minutes”: “-5” is not a number of minutes (a number, 0 or more)', '1 errors; no report was made.'],
    [['--lang=en'], 'plan.csv:2: column “minutes”: “-5” is not a number of minutes (a number, 0 or more)', '1 errors; no report was made.'],
  ])('%j words the errors', (flags, line, count) => {
    expect(run(bad, ...flags)).toEqual({ code: 2, stdout: '', stderr: `${line}\n${count}\n` })
  })

  it('words the report and its findings in English', () => {
    const plan = `${HEAD}\n2026-03-03,,5,5(1),数学,练习,written,home,,70,\n`
    const table = run(plan, '--lang', 'en')
    expect(table.code).toBe(1)
    expect(table.stdout.split('\n').slice(0, 8)).toEqual([
      '2026-03-03 Tue (school day)  Grade 5 class 5(1)',
      '  Subject  Average  Core  Extend  Challenge',
      '  数学          70    70      70         70',
      '  Total         70    70      70         70',
      '  Written homework at home averages 70 min, cap 60 min (over); the most loaded student 70 min',
      '  Also 0 min written at school and 0 min not written; no roster, every student counted as core',
      '  ✗ Written homework averages 70 min, over the daily cap of 60 min (Opinion 2021 二.5)',
      '',
    ])
    const csv = run(plan, '--lang', 'en', '--format', 'csv').stdout.slice(1).split('\r\n')
    expect(csv[0]).toBe('Date,Day,Grade,Class,Average minutes,Most loaded student,Cap,Written at school,Not written,Subjects,Findings')
    expect(csv[1]).toBe('2026-03-03,Tue,5,5(1),70,70,60,0,0,数学 70,"✗ Written homework averages 70 min, over the daily cap of 60 min (Opinion 2021 二.5)"')
  })
})

describe('--encoding and GBK from Excel', () => {
  const plan = `${HEAD}\n2026-03-02,,5,5(1),语文,预习,written,home,,20,\n`

  // 预习 in GBK is D4 A4 CF B0 and 默写 C4 AC D0 B4, both also valid UTF-8 ("Ԥϰ", "Ĭд"): strict UTF-8
  // decoding alone read such a file without a word. (The report prints subjects, so one is named so.)
  it('detects a GBK file whose bytes are also valid UTF-8', () => {
    const gbk = encodeGbk(plan.replace('语文', '默写'))
    expect(new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toContain('Ĭд')
    expect(json(gbk)[0]?.subjects.map((s) => s.subject)).toEqual(['默写'])
    expect(run(gbk).stdout).toContain('默写')
    expect(json(gbk, '--encoding', 'utf8')[0]?.subjects.map((s) => s.subject)).toEqual(['Ĭд'])
  })

  it.each([
    ['auto', encodeGbk(plan), '语文'],
    ['gb18030', encodeGbk(plan), '语文'],
    ['auto', new TextEncoder().encode(plan), '语文'],
    ['utf8', new TextEncoder().encode(plan), '语文'],
    ['auto', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(plan)]), '语文'],
  ])('--encoding %s reads the subject', (encoding, bytes, subject) => {
    expect(json(bytes, '--encoding', encoding)[0]?.subjects[0]?.subject).toBe(subject)
  })

  it('takes --encoding utf8 at its word: a GBK file is then not text', () => {
    const result = run(encodeGbk(plan), '--encoding', 'utf8')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('plan.csv:1: 文件不是文本')
  })

  it('reads tab-separated text pasted from a spreadsheet', () => {
    const tsv = `${HEAD.replace(/,/g, '\t')}\n${'2026-03-02,,5,5(1),数学,练习, 第三课,written,home,,20,'.replace(/,(?! )/g, '\t')}\n`
    expect(json(tsv)[0]).toMatchObject({ class: '5(1)', averageMinutes: 20 })
  })
})

describe('cells from the file never reach the terminal raw', () => {
  const attack = '\u001b]0;pwned\u0007\u001b[2J'
  it.each([
    ['an OSC title and a clear-screen', attack],
    ['a newline', '半\n小时'],
    ['a C1 CSI and a bidi override', '\u009b2J\u202e半小时'],
    ['a megabyte', 'x'.repeat(1_000_000)],
  ])('%s in a bad cell', (_name, cell) => {
    const plan = `${HEAD}\n2026-03-02,,5,5(1),数学,练习,written,home,,"${cell}",\n`
    const result = run(plan, '--lang', 'en')
    expect(result.code).toBe(2)
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^plan\.csv:2: column “minutes”: “[^”]*” is not a number of minutes/)
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
    expect(lines[0]!.length).toBeLessThan(200)
  })

  it('cleans a header (a roster’s subject column) and a file name too', () => {
    const plan = `${HEAD}\n2026-03-02,,5,5(1),数学,练习,written,home,,20,\n`
    const roster = `grade,class,student,"数\u001b]0;t\u0007学"\n5,5(1),张三,很难\n`
    const result = runReport(['--plan', 'plan.csv', '--roster', 'r\u001b[2J.csv'], files({ 'plan.csv': plan, 'r\u001b[2J.csv': roster }))
    expect(result.code).toBe(2)
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
    expect(result.stderr).toContain('r\uFFFD.csv:2: 列「数\uFFFD学」: 「很难」不是有效的分层')
  })
})

describe('values that would cost without bound are refused', () => {
  it.each([
    ['a due date in 9999', '2026-03-02,9999-12-31', 'due', '日期 9999-12-31 不在 2000-01-01 至 2099-12-31 之间', undefined],
    ['a due date 29 days on', '2026-03-02,2026-03-31', 'due', '截止日期 2026-03-31 离布置日期 2026-03-02 太远：最多 28 天', undefined],
    ['a date in 1900', '1900-03-02,', 'date', '日期 1900-03-02 不在 2000-01-01 至 2099-12-31 之间', undefined],
    ['5,000 minutes', '2026-03-02,', 'minutes', '「5000」分钟超过一天（1440 分钟），请检查', '5000'],
    ['1e308 minutes, written out', '2026-03-02,', 'minutes', '分钟超过一天（1440 分钟）', `1${'0'.repeat(308)}`],
  ])('%s', (_name, dates, column, message, minutes) => {
    const result = run(`${HEAD}\n${dates},5,5(1),数学,练习,written,home,,${minutes ?? '20'},\n`)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`列「${column}」: `)
    expect(result.stderr).toContain(message)
  })

  it('a 28-day due date is fine', () => {
    expect(json(`${HEAD}\n2026-03-02,2026-03-30,5,5(1),数学,练习,written,home,,56,\n`)).toHaveLength(28)
  })

  // Before the readers bounded due dates, this plan made the report run out of memory after minutes:
  // the runner's timeout (the child is killed) bounds it, not a timed assertion.
  it('a far-off due date exits 2 at once as a process', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-report-'))
    writeFileSync(join(dir, 'plan.csv'), `${HEAD}\n2026-03-02,9999-12-31,5,5(1),数学,长期项目,written,home,,20,\n`)
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', '--plan', join(dir, 'plan.csv')], { cwd: root, encoding: 'utf8', timeout: 45_000 })
    expect(result.signal).toBeNull()
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('plan.csv:2: 列「due」: 日期 9999-12-31 不在 2000-01-01 至 2099-12-31 之间')
  })
})
