import { describe, expect, it } from 'vitest'
import { readPlanCsv } from '@hl/core/formats/plan'
import type { FormatError } from '@hl/core/formats/errors'
import type { Assignment } from '@hl/core/domain/types'

const HEADER = 'date,due,grade,class,subject,title,kind,where,tiers,minutes,trial_minutes'

function ok(text: string): Assignment[] {
  const result = readPlanCsv(text, 'plan.csv')
  if ('errors' in result) throw new Error(result.errors.map((e) => `${e.line} ${e.column} ${e.message}`).join('\n'))
  return result.assignments
}

function errors(text: string): FormatError[] {
  const result = readPlanCsv(text, 'plan.csv')
  if (!('errors' in result)) throw new Error('expected errors')
  return result.errors
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
    ['(2)', 4, '(2)'],
    ['二班', 4, '二班'],
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
    ['grade 0', { grade: '0', class: '(2)' }, 'grade', '「0」不是有效的年级（须为 1 到 12 的整数）'],
    ['grade 13', { grade: '13', class: '(2)' }, 'grade', '「13」不是有效的年级（须为 1 到 12 的整数）'],
    ['grade 5.5', { grade: '5.5', class: '(2)' }, 'grade', '「5.5」不是有效的年级（须为 1 到 12 的整数）'],
    ['a class contradicting its grade', { class: '4(2)' }, 'class', '班级「4(2)」开头的 4 与年级 5 不符'],
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
