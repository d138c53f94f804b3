import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { said, type SaidError } from './said'
import { PlanReader, readPlanCsv } from '@hl/core/formats/plan'
import type { Assignment } from '@hl/core/domain/types'

const HEADER = 'date,due,grade,class,subject,title,kind,where,tiers,minutes,trial_minutes'

function ok(text: string): Assignment[] {
  const result = readPlanCsv(text, 'plan.csv')
  if ('errors' in result) throw new Error(said(result.errors).map((e) => `${e.line} ${e.column} ${e.message}`).join('\n'))
  return result.assignments
}

function errors(text: string): SaidError[] {
  const result = readPlanCsv(text, 'plan.csv')
  if (!('errors' in result)) throw new Error('expected errors')
  return said(result.errors)
}

/** One row under the full English header, with the given cells changed. */
function row(cells: Partial<Record<'date' | 'due' | 'grade' | 'class' | 'subject' | 'title' | 'kind' | 'where' | 'tiers' | 'minutes' | 'trial', string>>): string {
  const c = { date: '2026-03-02', due: '', grade: '5', class: '5(2)', subject: '数学', title: '练习册p12', kind: '', where: '', tiers: '', minutes: '25', trial: '', ...cells }
  return [c.date, c.due, c.grade, c.class, c.subject, c.title, c.kind, c.where, c.tiers, c.minutes, c.trial].join(',')
}

describe('readPlanCsv: headers', () => {
  it.each([
    ['English', 'date,grade,class,subject,title,minutes'],
    ['Chinese', '日期,年级,班级,学科,内容,时长'],
    ['any case and spaces', ' Date ,GRADE, Class,Subject ,TITLE,Minutes'],
    ['mixed, reordered, with unknown columns', '备注,minutes,内容,学科,class,年级,日期,whatever'],
  ])('accepts %s headers', (_name, header) => {
    const values: Record<string, string> = { date: '2026-03-02', 日期: '2026-03-02', grade: '5', 年级: '5', class: '5(2)', 班级: '5(2)' }
    Object.assign(values, { subject: '数学', 学科: '数学', title: '练习', 内容: '练习', minutes: '25', 时长: '25', 备注: 'note', whatever: 'x' })
    const cells = header.split(',').map((h) => values[h.trim().toLowerCase()] ?? values[h.trim()] ?? '')
    expect(ok(`${header}\n${cells.join(',')}\n`)).toEqual([
      {
        id: '2026-03-02||5|5(2)|数学',
        classRef: { grade: 5, className: '5(2)' },
        subject: '数学',
        date: '2026-03-02',
        items: [{ title: '练习', kind: 'written', where: 'home', tiers: ['core', 'extend', 'challenge'], minutes: 25 }],
      },
    ])
  })

  it.each([
    ['date', 'grade,class,subject,title,minutes', '缺少必需的列「日期」（也可写作 date）'],
    ['grade', 'date,class,subject,title,minutes', '缺少必需的列「年级」（也可写作 grade）'],
    ['class', 'date,grade,subject,title,minutes', '缺少必需的列「班级」（也可写作 class）'],
    ['subject', 'date,grade,class,title,minutes', '缺少必需的列「学科」（也可写作 subject）'],
    ['title', 'date,grade,class,subject,minutes', '缺少必需的列「内容」（也可写作 title）'],
    ['minutes and trial_minutes', 'date,grade,class,subject,title', '缺少列「时长」（minutes）或「先做时长」（trial_minutes），至少要有一列'],
  ])('names a missing %s column once, at the header line', (_name, header, message) => {
    const values: Record<string, string> = { date: '2026-03-02', grade: '5', class: '5(2)', subject: '数学', title: '练习', minutes: '20' }
    const cells = header.split(',').map((h) => values[h])
    expect(errors(`\n${header}\n${cells.join(',')}\n${cells.join(',')}\n`)).toEqual([{ file: 'plan.csv', line: 2, message }])
  })

  it('reports a column given twice', () => {
    expect(errors('date,日期,grade,class,subject,title,minutes\n')).toEqual([
      { file: 'plan.csv', line: 1, column: '日期', message: '与「date」是同一列，表头重复' },
    ])
  })

  it('accepts trial_minutes alone', () => {
    expect(ok('日期,年级,班级,学科,内容,先做时长\n2026-03-02,5,5(2),数学,练习,10\n')[0]?.items).toEqual([
      { title: '练习', kind: 'written', where: 'home', tiers: ['core', 'extend', 'challenge'], trialMinutes: 10 },
    ])
  })
})

describe('readPlanCsv: values', () => {
  it.each([
    ['', 'written'], ['written', 'written'], ['WRITTEN', 'written'], ['书面', 'written'],
    ['oral', 'oral'], ['口头', 'oral'], ['reading', 'reading'], ['阅读', 'reading'],
    ['practice', 'practice'], ['实践', 'practice'], ['exercise', 'exercise'], ['体育', 'exercise'],
    ['chores', 'chores'], ['劳动', 'chores'],
  ])('reads kind %j as %s', (kind, expected) => {
    expect(ok(`${HEADER}\n${row({ kind })}\n`)[0]?.items[0]?.kind).toBe(expected)
  })

  it.each([
    ['', 'home'], ['home', 'home'], ['Home', 'home'], ['家庭', 'home'], ['school', 'school'], ['校内', 'school'],
  ])('reads where %j as %s', (where, expected) => {
    expect(ok(`${HEADER}\n${row({ where })}\n`)[0]?.items[0]?.where).toBe(expected)
  })

  it.each([
    ['', ['core', 'extend', 'challenge']],
    ['core', ['core']],
    ['core|extend', ['core', 'extend']],
    ['Challenge | CORE', ['core', 'challenge']],
    ['基础、提高', ['core', 'extend']],
    ['提高/拓展', ['extend', 'challenge']],
    ['拓展|基础|拓展', ['core', 'challenge']],
    ['必做、选做、挑战', ['core', 'extend', 'challenge']],
    ['基础层', ['core']],
  ])('reads tiers %j', (tiers, expected) => {
    expect(ok(`${HEADER}\n${row({ tiers })}\n`)[0]?.items[0]?.tiers).toEqual(expected)
  })

  it.each([
    ['2026/3/2', '2026-03-02'],
    ['2026-3-2', '2026-03-02'],
    ['2024-02-29', '2024-02-29'],
  ])('reads date %s as %s', (date, expected) => {
    expect(ok(`${HEADER}\n${row({ date })}\n`)[0]?.date).toBe(expected)
  })

  it.each([
    ['4（2）', 4, '4(2)'],
    ['4 (2)', 4, '4(2)'],
    ['(2)', 4, '4(2)'],
    ['二班', 4, '4(2)'],
    ['2班', 4, '4(2)'],
    ['四年级二班', 4, '4(2)'],
    ['4年级2班', 4, '4(2)'],
    ['４（２）', 4, '4(2)'],
    ['4(02)班', 4, '4(2)'],
    ['十二班', 4, '4(12)'],
    ['初一(3)班', 7, '7(3)'],
    ['高二1班', 11, '11(1)'],
    ['实验班', 4, '实验班'],
  ])('reads class %j of grade %i as %j', (cls, grade, expected) => {
    expect(ok(`${HEADER}\n${row({ class: cls, grade: String(grade) })}\n`)[0]?.classRef).toEqual({ grade, className: expected })
  })

  it('keeps minutes and trial minutes when both are given, decimals included', () => {
    expect(ok(`${HEADER}\n${row({ minutes: '12.5', trial: '4' })}\n`)[0]?.items[0]).toMatchObject({ minutes: 12.5, trialMinutes: 4 })
  })

  it('groups rows with the same date, due, grade, class and subject, in file order', () => {
    const text = [
      HEADER,
      row({ title: '甲', minutes: '10' }),
      row({ subject: '语文', title: '乙' }),
      row({ title: '丙', minutes: '15' }),
      row({ title: '丁', due: '2026-03-04' }),
      row({ title: '戊', class: '5(1)' }),
    ].join('\r\n')
    const plan = ok(text)
    expect(plan.map((a) => [a.id, a.items.map((i) => i.title)])).toEqual([
      ['2026-03-02||5|5(2)|数学', ['甲', '丙']],
      ['2026-03-02||5|5(2)|语文', ['乙']],
      ['2026-03-02|2026-03-04|5|5(2)|数学', ['丁']],
      ['2026-03-02||5|5(1)|数学', ['戊']],
    ])
    expect(plan[2]?.due).toBe('2026-03-04')
    expect(plan[0]).not.toHaveProperty('due')
  })

  it('reads the policy example with its punctuation intact', () => {
    const plan = ok(`${HEADER}\n${row({ title: '"1.五三天天练p23, 2.长江作业p20-22页"', minutes: '30' })}\n`)
    expect(plan[0]?.items[0]).toMatchObject({ title: '1.五三天天练p23, 2.长江作业p20-22页', minutes: 30 })
  })

  it('reads a header-only plan as no assignments', () => {
    expect(ok(`\uFEFF${HEADER}\r\n\r\n`)).toEqual([])
  })
})

describe('readPlanCsv: errors', () => {
  it.each([
    ['an impossible date', { date: '2026-02-30' }, 'date', '「2026-02-30」不是存在的日期'],
    ['a malformed date', { date: '3月2日' }, 'date', '「3月2日」不是有效的日期（格式为 2026-03-02）'],
    ['an empty date', { date: '' }, 'date', '日期不能为空'],
    ['a bad due date', { due: '2026-13-01' }, 'due', '「2026-13-01」不是存在的日期'],
    ['a due date on the same day', { due: '2026-03-02' }, 'due', '截止日期 2026-03-02 须晚于布置日期 2026-03-02'],
    ['a due date before the date', { due: '2026-03-01' }, 'due', '截止日期 2026-03-01 须晚于布置日期 2026-03-02'],
    ['grade 0', { grade: '0', class: '(2)' }, 'grade', '「0」不是有效的年级（可写 5、五年级、初一、高二，须在 1 到 12 年级之间）'],
    ['grade 13', { grade: '13', class: '(2)' }, 'grade', '「13」不是有效的年级（可写 5、五年级、初一、高二，须在 1 到 12 年级之间）'],
    ['grade 5.5', { grade: '5.5', class: '(2)' }, 'grade', '「5.5」不是有效的年级（可写 5、五年级、初一、高二，须在 1 到 12 年级之间）'],
    ['grade 初四', { grade: '初四', class: '(2)' }, 'grade', '「初四」不是有效的年级（可写 5、五年级、初一、高二，须在 1 到 12 年级之间）'],
    ['a class contradicting its grade', { class: '4(2)' }, 'class', '班级「4(2)」是 4 年级的班，与年级 5 不符'],
    ['a class named in words contradicting its grade', { class: '四年级二班' }, 'class', '班级「四年级二班」是 4 年级的班，与年级 5 不符'],
    ['no grade and a class that names none', { grade: '', class: '2班' }, 'grade', '年级不能为空'],
    ['a date before 2000', { date: '1999-12-31' }, 'date', '日期 1999-12-31 不在 2000-01-01 至 2099-12-31 之间，请检查年份'],
    ['a date in 9999', { date: '9999-12-31' }, 'date', '日期 9999-12-31 不在 2000-01-01 至 2099-12-31 之间，请检查年份'],
    ['a due date in 9999', { due: '9999-12-31' }, 'due', '日期 9999-12-31 不在 2000-01-01 至 2099-12-31 之间，请检查年份'],
    ['a due date 29 days on', { due: '2026-03-31' }, 'due', '截止日期 2026-03-31 离布置日期 2026-03-02 太远：最多 28 天'],
    ['minutes past a day', { minutes: '1441' }, 'minutes', '「1441」分钟超过一天（1440 分钟），请检查'],
    ['1e308 minutes written out', { minutes: `1${'0'.repeat(308)}` }, 'minutes', expect.stringMatching(/^「1(0){38}…」分钟超过一天（1440 分钟），请检查$/)],
    ['more digits than a double holds', { minutes: '9'.repeat(400) }, 'minutes', expect.stringMatching(/分钟超过一天/)],
    ['trial minutes past a day', { minutes: '', trial: '5000' }, 'trial_minutes', '「5000」分钟超过一天（1440 分钟），请检查'],
    ['minutes in exponent form', { minutes: '1e3' }, 'minutes', '「1e3」不是有效的分钟数（须为不小于 0 的数字）'],
    ['a title of 201 characters', { title: '题'.repeat(201) }, 'title', '内容太长：201 个字，最多 200 个字'],
    ['a subject of 21 characters', { subject: '科'.repeat(21) }, 'subject', '内容太长：21 个字，最多 20 个字'],
    ['an empty class', { class: '' }, 'class', '班级不能为空'],
    ['an empty subject', { subject: '' }, 'subject', '学科不能为空'],
    ['an empty title', { title: '' }, 'title', '内容不能为空'],
    ['an unknown kind', { kind: '作文' }, 'kind', '「作文」不是有效的类型，可填 书面、口头、阅读、实践、体育、劳动（或 written、oral、reading、practice、exercise、chores）'],
    ['an unknown where', { where: '家里' }, 'where', '「家里」不是有效的地点，可填 家庭、校内（或 home、school）'],
    ['an unknown tier', { tiers: '基础|困难' }, 'tiers', expect.stringMatching(/^「基础\|困难」中的「困难」不是有效的分层，可填 基础、/)],
    ['tiers with only separators', { tiers: '||' }, 'tiers', expect.stringMatching(/^「\|\|」不是有效的分层/)],
    ['negative minutes', { minutes: '-5' }, 'minutes', '「-5」不是有效的分钟数（须为不小于 0 的数字）'],
    ['non-numeric minutes', { minutes: '半小时' }, 'minutes', '「半小时」不是有效的分钟数（须为不小于 0 的数字）'],
    ['bad trial minutes', { minutes: '', trial: 'x' }, 'trial_minutes', '「x」不是有效的分钟数（须为不小于 0 的数字）'],
    ['no minutes at all', { minutes: '' }, 'minutes', '时长和先做时长至少填一个'],
  ])('reports %s with its line and column', (_name, cells, column, message) => {
    expect(errors(`${HEADER}\n${row({})}\n${row(cells)}\n`)).toEqual([{ file: 'plan.csv', line: 3, column, message }])
  })

  it('names the column as the file writes it', () => {
    expect(errors('日期,年级,班级,学科,内容,时长\n2026-03-02,5,5(2),数学,练习,-5\n')).toEqual([
      { file: 'plan.csv', line: 2, column: '时长', message: '「-5」不是有效的分钟数（须为不小于 0 的数字）' },
    ])
  })

  it('reports every error of the file at once, at the physical line each record starts on', () => {
    const text = [
      HEADER,
      row({ title: '"第一行\n第二行"' }), // lines 2–3
      row({ date: '2026-02-30' }), // 4
      '', // 5
      row({ grade: '5', class: '4(2)', minutes: '-1' }), // 6: two errors on one line
      '"unclosed,', // 7
    ].join('\n')
    expect(errors(text).map((e) => [e.line, e.column])).toEqual([
      [4, 'date'],
      [6, 'class'],
      [6, 'minutes'],
      [7, undefined],
    ])
  })
})

describe('readPlanCsv: grades as teachers write them', () => {
  it.each([
    ['5', 5], ['12', 12], ['５', 5], ['5年级', 5], ['五年级', 5], ['小学五年级', 5], ['一年级', 1], ['七年级', 7], ['九年级', 9],
    ['初一', 7], ['初二', 8], ['初三', 9], ['初中二年级', 8], ['高一', 10], ['高二', 11], ['高三', 12], ['高中三年级', 12],
    ['十二年级', 12], ['Grade 4', 4], ['grade4', 4], [' 四年级 ', 4],
  ])('reads grade %j as %i', (grade, expected) => {
    expect(ok(`${HEADER}\n${row({ grade, class: '(2)' })}\n`)[0]?.classRef).toEqual({ grade: expected, className: `${expected}(2)` })
  })

  it('takes an empty grade from a class that names it', () => {
    expect(ok(`${HEADER}\n${row({ grade: '', class: '四年级二班' })}\n`)[0]?.classRef).toEqual({ grade: 4, className: '4(2)' })
  })

  it('reads every spelling of one class as one class, so their rows are one assignment', () => {
    const text = [HEADER, row({ grade: '四年级', class: '4(2)', title: '甲' }), row({ grade: '4', class: '4（2）', title: '乙' }), row({ grade: '4', class: '四年级二班', title: '丙' }), row({ grade: '4', class: '2班', title: '丁' })].join('\n')
    expect(ok(text).map((a) => [a.classRef.className, a.items.map((i) => i.title)])).toEqual([['4(2)', ['甲', '乙', '丙', '丁']]])
  })
})

describe('readPlanCsv: tab-separated text pasted from a spreadsheet', () => {
  it.each([
    ['tabs', '\t'],
    ['commas', ','],
  ])('reads cells separated by %s, commas inside a tab-separated cell kept', (_name, sep) => {
    const cells = ['2026-03-02', '', '5', '5(2)', '数学', sep === '\t' ? '抄写词语, 第三课' : '"抄写词语, 第三课"', '', '', '', '25', '']
    const plan = ok(`${HEADER.split(',').join(sep)}\r\n${cells.join(sep)}\r\n`)
    expect(plan[0]?.items[0]).toMatchObject({ title: '抄写词语, 第三课', minutes: 25 })
  })
})

describe('readPlanCsv: what errors quote from the file', () => {
  const minutesError = (cell: string) => {
    const result = readPlanCsv(`${HEADER}\n${row({ minutes: `"${cell.replace(/"/g, '""')}"` })}\n`, 'plan.csv')
    if (!('errors' in result)) throw new Error('expected an error')
    return result.errors[0]!
  }

  it.each([
    ['an OSC title and clear-screen', '\u001b]0;pwned\u0007\u001b[2J', '\uFFFD'],
    ['a CSI colour', '\u001b[31m红\u001b[0m', '\uFFFD红\uFFFD'],
    ['a newline', '半\n小时', '半↵小时'],
    ['CRLF inside quotes', '半\r\n小时', '半↵小时'],
    ['a tab', '半\t小时', '半 小时'],
    ['a C1 CSI', '\u009b2J半小时', '\uFFFD半小时'],
    ['a bidi override', 'abc\u202edef', 'abc\uFFFDdef'],
    ['NUL and BEL', 'a\u0000b\u0007c', 'a\uFFFDb\uFFFDc'],
    ['41 characters', 'x'.repeat(41), `${'x'.repeat(39)}…`],
    ['40 characters', 'x'.repeat(40), 'x'.repeat(40)],
    ['a megabyte', 'y'.repeat(1_000_000), `${'y'.repeat(39)}…`],
    ['emoji at the cut', `${'x'.repeat(38)}😀😀😀`, `${'x'.repeat(38)}😀…`],
  ])('%s is quoted clean and short', (_name, cell, quoted) => {
    const error = minutesError(cell)
    expect(error.code).toBe('minutesInvalid')
    expect(error.params.value).toBe(quoted)
  })

  it('names a repeated column as the file writes it', () => {
    const dup = readPlanCsv(`date,grade,class,subject,title,minutes,"Minutes"\n`, 'plan.csv')
    expect('errors' in dup && dup.errors[0]).toMatchObject({ code: 'duplicateColumn', column: 'Minutes', params: { other: 'minutes' } })
  })

})

describe('PlanReader', () => {
  // The CLI and the app read a plan a chunk at a time; a chunk may end anywhere in a row.
  it.each(['plan.csv', 'plan-zh.csv', 'plan-bad.csv'])('reads tests/fixtures/%s in chunks of any size as readPlanCsv does', (name) => {
    const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    const whole = readPlanCsv(text, name)
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const reader = new PlanReader(name)
      for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size))
      expect(reader.end(), `chunks of ${size}`).toEqual(whole)
    }
  })
})
