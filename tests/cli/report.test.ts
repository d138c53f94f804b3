// @vitest-environment node
// `npm run report` end to end on the hand-made files in tests/fixtures. Most cases call runReport in
// process (the same function the script runs); a few spawn the real script to check what a shell sees:
// exit codes, bytes on stdout, nothing on stdout when the input is bad.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runReport } from '../../scripts/report'

const root = fileURLToPath(new URL('../..', import.meta.url))
const fx = (name: string) => `tests/fixtures/${name}`
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url))
const run = (...args: string[]) => runReport(args, read)
const json = (...args: string[]) => {
  const result = run(...args, '--format', 'json')
  expect(result.stderr).toBe('')
  return { code: result.code, evenings: JSON.parse(result.stdout).evenings as Record<string, unknown>[] }
}

function spawnReport(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], { cwd: root, encoding: 'buffer' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') }
}

const PLAN = fx('plan.csv')
const PLAN_ZH = fx('plan-zh.csv')
const noFindings = { findings: [] }

describe('report --format json, English headers', () => {
  it('checks every class evening, with the roster changing the average and the heaviest student', () => {
    const { code, evenings } = json('--plan', PLAN, '--roster', fx('roster.csv'))
    expect(code).toBe(1)
    expect(evenings.map((e) => [e.date, e.grade, e.class])).toEqual([
      ['2026-03-02', 2, '2(1)'],
      ['2026-03-02', 5, '5(2)'],
      ['2026-03-03', 5, '5(1)'],
      ['2026-03-06', 5, '5(1)'],
      ['2026-03-07', 5, '5(1)'],
      ['2026-03-08', 5, '5(1)'],
    ])
    // Grade 2: written homework to take home is not allowed at all; the at-school practice is shown apart.
    expect(evenings[0]).toMatchObject({ capMinutes: 0, averageMinutes: 10, maxStudentMinutes: 10, atSchoolMinutes: 15, otherMinutes: 0 })
    expect(evenings[0]?.findings).toEqual([
      expect.objectContaining({ rule: 'no-written-homework', severity: 'error', message: '一、二年级不布置家庭书面作业，今晚却有平均 10 分钟、最多 10 分钟（《意见》二.5）' }),
    ])
    // 语文 30 + 数学 25 + 英语 20 = 75 for core; 赵六 does the challenge item too (85): (75 × 3 + 85) / 4.
    expect(evenings[1]).toMatchObject({
      restDay: false,
      capMinutes: 60,
      studentCount: 4,
      averageMinutes: 77.5,
      maxStudentMinutes: 85,
      tierTotals: { core: 75, extend: 75, challenge: 85 },
      subjects: [
        { subject: '语文', averageMinutes: 30, tierMinutes: { core: 30, extend: 30, challenge: 30 } },
        { subject: '数学', averageMinutes: 27.5, tierMinutes: { core: 25, extend: 25, challenge: 35 } },
        { subject: '英语', averageMinutes: 20, tierMinutes: { core: 20, extend: 20, challenge: 20 } },
      ],
    })
    expect(evenings[1]?.findings).toEqual([
      {
        rule: 'cap',
        severity: 'error',
        message: '书面作业平均 77.5 分钟，超过每日上限 60 分钟（《意见》二.5）',
        figures: { averageMinutes: 77.5, capMinutes: 60 },
        source: { id: 'opinion2021', document: '《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》', clause: '二.5' },
      },
    ])
    // The policy example (数学 30) with reading (not written) and 英语 from the teacher's trial, 5 × 3.
    expect(evenings[2]).toMatchObject({ averageMinutes: 45, otherMinutes: 20, ...noFindings })
    expect(evenings[2]?.subjects).toEqual([
      { subject: '数学', averageMinutes: 30, tierMinutes: { core: 30, extend: 30, challenge: 30 } },
      { subject: '语文', averageMinutes: 0, tierMinutes: { core: 0, extend: 0, challenge: 0 } },
      { subject: '英语', averageMinutes: 15, tierMinutes: { core: 15, extend: 15, challenge: 15 } },
    ])
    // Friday's 45-minute composition due Monday: a third on each of Friday, Saturday and Sunday.
    expect(evenings.slice(3).map((e) => [e.restDay, e.averageMinutes])).toEqual([
      [false, 15],
      [true, 15],
      [true, 15],
    ])
  })

  it('without a roster counts every student as core', () => {
    const { evenings } = json('--plan', PLAN, '--from', '2026-03-02', '--to', '2026-03-02')
    expect(evenings[1]).toMatchObject({ class: '5(2)', studentCount: 0, averageMinutes: 75, maxStudentMinutes: 75 })
    expect(evenings[1]?.findings).toEqual([expect.objectContaining({ rule: 'cap', message: '书面作业平均 75 分钟，超过每日上限 60 分钟（《意见》二.5）' })])
  })

  it('keeps to --from and --to, and exits 0 when no finding is an error', () => {
    const { code, evenings } = json('--plan', PLAN, '--from', '2026-03-03', '--to', '2026-03-07')
    expect(code).toBe(0)
    expect(evenings.map((e) => e.date)).toEqual(['2026-03-03', '2026-03-06', '2026-03-07'])
  })
})

describe('report --format json, Chinese headers with a BOM and CRLF', () => {
  it('reads Chinese headers and values, the trial time and layered items', () => {
    const bytes = read(PLAN_ZH)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toMatch(/^[^\n]*\r\n/)
    const { code, evenings } = json('--plan', PLAN_ZH)
    expect(code).toBe(1)
    expect(evenings[0]).toMatchObject({
      grade: 7,
      class: '7(3)',
      date: '2026-03-04',
      capMinutes: 90,
      averageMinutes: 85,
      atSchoolMinutes: 0,
      otherMinutes: 30,
      tierTotals: { core: 85, extend: 85, challenge: 85 },
      subjects: [
        { subject: '语文', averageMinutes: 40, tierMinutes: { core: 40, extend: 40, challenge: 40 } },
        { subject: '数学', averageMinutes: 45, tierMinutes: { core: 45, extend: 45, challenge: 45 } },
        { subject: '英语', averageMinutes: 0 },
        { subject: '地理', averageMinutes: 0 },
      ],
      ...noFindings,
    })
    // Thursday 2026-03-05 is a school day without a calendar: the school-day cap applies.
    expect(evenings[1]).toMatchObject({ date: '2026-03-05', restDay: false, averageMinutes: 100 })
    expect(evenings[1]?.findings).toEqual([expect.objectContaining({ rule: 'cap', severity: 'error' })])
  })

  it('takes rest days from the calendar', () => {
    const { evenings } = json('--plan', PLAN_ZH, '--calendar', fx('calendar.csv'))
    expect(evenings[1]).toMatchObject({ date: '2026-03-05', restDay: true, capMinutes: 90 })
    expect(evenings[1]?.findings).toEqual([
      expect.objectContaining({ rule: 'rest-day', severity: 'error', message: '休息日书面作业平均 100 分钟，超过休息日上限 90 分钟（《意见》二.5）' }),
    ])
    // 2026-03-07 is a Saturday made a school day (调休).
    expect(json('--plan', PLAN, '--calendar', fx('calendar.csv')).evenings.find((e) => e.date === '2026-03-07')?.restDay).toBe(false)
  })
})

describe('report: bad input exits 2 with every error on stderr and nothing on stdout', () => {
  it.each([
    ['an unknown flag', ['--plan', PLAN, '--bogus'], '未知的参数「--bogus」'],
    ['a missing --plan', ['--format', 'json'], '缺少 --plan（作业计划 CSV 文件）'],
    ['--plan without a value', ['--plan'], '参数「--plan」后面缺少值'],
    ['a stray argument', ['--plan', PLAN, 'roster.csv'], '多余的参数「roster.csv」'],
    ['an unreadable file', ['--plan', fx('nope.csv')], 'tests/fixtures/nope.csv: 无法读取文件（ENOENT）'],
    ['--from after --to', ['--plan', PLAN, '--from', '2026-03-05', '--to', '2026-03-01'], '--from 2026-03-05 晚于 --to 2026-03-01'],
    ['a bad --from date', ['--plan', PLAN, '--from', '2026-02-30'], '--from 的「2026-02-30」不是有效的日期（格式为 2026-03-02，在 2000 至 2099 年之间）'],
    ['a --to date out of range', ['--plan', PLAN, '--to', '9999-12-31'], '--to 的「9999-12-31」不是有效的日期'],
    ['an unknown --lang', ['--plan', PLAN, '--lang', 'fr'], '--lang 只能是 zh 或 en，不能是「fr」'],
    ['an unknown --encoding', ['--plan', PLAN, '--encoding', 'big5'], '--encoding 只能是 auto、utf8 或 gb18030，不能是「big5」'],
    ['an unknown flag, in English', ['--plan', PLAN, '--bogus', '--lang', 'en'], 'Unknown option “--bogus”'],
    ['a bad --to date', ['--plan', PLAN, '--to', '3/5'], '--to 的「3/5」不是有效的日期'],
    ['an unknown --format', ['--plan', PLAN, '--format', 'xlsx'], '--format 只能是 table、json 或 csv，不能是「xlsx」'],
  ])('%s', (_name, args, message) => {
    const result = run(...args)
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toContain(message)
  })

  it('lists every error of every file, in file and line order', () => {
    const result = run('--plan', fx('plan-bad.csv'), '--roster', fx('roster-bad.csv'), '--calendar', fx('calendar-bad.csv'))
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.split('\n')).toEqual([
      'tests/fixtures/plan-bad.csv:4: 列「date」: 「2026-02-30」不是存在的日期',
      'tests/fixtures/plan-bad.csv:5: 列「class」: 班级「4(2)」是 4 年级的班，与年级 5 不符',
      'tests/fixtures/plan-bad.csv:6: 列「grade」: 「13」不是有效的年级（可写 5、五年级、初一、高二，须在 1 到 12 年级之间）',
      'tests/fixtures/plan-bad.csv:7: 列「minutes」: 「-5」不是有效的分钟数（须为不小于 0 的数字）',
      'tests/fixtures/plan-bad.csv:9: 列「due」: 截止日期 2026-03-02 须晚于布置日期 2026-03-02',
      'tests/fixtures/plan-bad.csv:9: 列「kind」: 「作文」不是有效的类型，可填 书面、口头、阅读、实践、体育、劳动（或 written、oral、reading、practice、exercise、chores）',
      'tests/fixtures/plan-bad.csv:10: 列「title」: 内容不能为空',
      'tests/fixtures/plan-bad.csv:10: 列「minutes」: 时长和先做时长至少填一个',
      'tests/fixtures/roster-bad.csv:2: 列「数学」: 「很难」不是有效的分层，可填 基础、基础层、必做、提高、提高层、选做、拓展、拓展层、挑战（或 core、extend、challenge），空着表示基础',
      'tests/fixtures/roster-bad.csv:3: 列「班级」: 班级「6(1)」是 6 年级的班，与年级 5 不符',
      'tests/fixtures/calendar-bad.csv:2: 列「type」: 「holiday」不是有效的类型，可填 上课、上学、休息、放假（或 school、rest）',
      '共 11 处错误，未生成报告。',
      '',
    ])
  })

  it('refuses a roster class that has no homework in the plan', () => {
    const result = run('--plan', PLAN_ZH, '--roster', fx('roster.csv'))
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tests/fixtures/roster.csv:2: 列「class」: 计划里没有 5 年级「5(2)」班的作业，请检查年级和班级是否写错\n共 1 处错误，未生成报告。\n',
    })
  })

  it('refuses a file that is text in neither UTF-8 nor GB18030', () => {
    const result = runReport(['--plan', 'plan.csv'], () => Uint8Array.from([0x81, 0x0a])) // a GBK lead byte, then a line break
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'plan.csv:1: 文件不是文本（既不是 UTF-8 也不是 GBK 编码），请在 Excel 或 WPS 中另存为“CSV UTF-8”\n共 1 处错误，未生成报告。\n' })
  })
})
describe('report as a process', () => {
  it('prints the table by default and exits 0 on a clean evening', () => {
    const result = spawnReport('--plan', PLAN, '--from', '2026-03-03', '--to', '2026-03-03')
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout.toString('utf8').split('\n')).toEqual([
      '2026-03-03 周二（上学日）  五年级 5(1)班',
      '  学科  平均  基础  提高  拓展',
      '  数学    30    30    30    30',
      '  语文     0     0     0     0',
      '  英语    15    15    15    15',
      '  合计    45    45    45    45',
      '  家庭书面作业平均 45 分钟，上限 60 分钟（未超）；最多的学生 45 分钟',
      '  另有校内书面 0 分钟，非书面 20 分钟；无名单，全班按基础层计',
      '  ✓ 符合规定',
      '',
      '共检查 1 个班级晚上：错误 0 条，提醒 0 条。',
      '',
    ])
  })

  it('prints CSV for Excel (BOM, CRLF, Chinese header) and exits 1 on an error finding', () => {
    const result = spawnReport('--plan', PLAN_ZH, '--calendar', fx('calendar.csv'), '--format', 'csv')
    expect(result.code).toBe(1)
    expect([...result.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = result.stdout.toString('utf8').slice(1).split('\r\n')
    expect(lines).toEqual([
      '日期,星期,年级,班级,平均时长,最多学生时长,上限,校内书面,非书面,各科,问题',
      '2026-03-04,周三,7,7(3),85,85,90,0,30,语文 40；数学 45；英语 0；地理 0,',
      '2026-03-05,周四（休息日）,7,7(3),100,100,90,0,0,数学 100,✗ 休息日书面作业平均 100 分钟，超过休息日上限 90 分钟（《意见》二.5）',
      '',
    ])
  })

  it('prints nothing on stdout and exits 2 on bad input; JSON agrees with the in-process run', () => {
    const bad = spawnReport('--plan', fx('plan-bad.csv'), '--format', 'json')
    expect(bad.code).toBe(2)
    expect(bad.stdout.length).toBe(0)
    expect(bad.stderr).toContain('tests/fixtures/plan-bad.csv:7: 列「minutes」: 「-5」不是有效的分钟数（须为不小于 0 的数字）')

    const good = spawnReport('--plan', PLAN, '--roster', fx('roster.csv'), '--format', 'json')
    expect(good.code).toBe(1)
    expect(JSON.parse(good.stdout.toString('utf8'))).toEqual(JSON.parse(run('--plan', PLAN, '--roster', fx('roster.csv'), '--format', 'json').stdout))
  })
})

describe('report: the calendar out of the box', () => {
  const plan = (rows: string[]) => {
    const text = ['date,due,grade,class,subject,title,kind,where,tiers,minutes,trial_minutes', ...rows].join('\n')
    return (path: string) => (path === 'plan.csv' ? Buffer.from(text) : read(path))
  }
  it('follows the State Council’s 2026 arrangement: 国庆 weekdays are rest days, the make-up Saturday a school day; --calendar still overrides', () => {
    const files = plan(['2026-10-05,,5,5(1),数学,练习,书面,家庭,,30,', '2026-10-10,,5,5(1),数学,练习,书面,家庭,,30,', '2026-10-12,,5,5(1),数学,练习,书面,家庭,,30,'])
    const out = runReport(['--plan', 'plan.csv', '--format', 'json'], files)
    expect(out.stderr).toBe('')
    const days = (JSON.parse(out.stdout).evenings as { date: string; restDay: boolean }[]).map((e) => [e.date, e.restDay])
    expect(days).toEqual([
      ['2026-10-05', true],
      ['2026-10-10', false],
      ['2026-10-12', false],
    ])
    // The school's own file lays over it: here the school kept 5 October as a school day.
    const withFile = (path: string) => (path === 'calendar.csv' ? Buffer.from('date,type\n2026-10-05,school\n') : files(path))
    const over = runReport(['--plan', 'plan.csv', '--calendar', 'calendar.csv', '--format', 'json'], withFile)
    expect((JSON.parse(over.stdout).evenings as { date: string; restDay: boolean }[])[0]).toMatchObject({ date: '2026-10-05', restDay: false })
  })
})
