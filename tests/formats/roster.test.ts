import { describe, expect, it } from 'vitest'
import { readRosterCsv, unknownRosterClasses, type RosterRead } from '@hl/core/formats/roster'
import type { Assignment } from '@hl/core/domain/types'

function ok(text: string): RosterRead {
  const result = readRosterCsv(text, 'roster.csv')
  if ('errors' in result) throw new Error(JSON.stringify(result.errors))
  return result
}

const plannedFor = (grade: number, className: string): Assignment => ({
  id: 'x',
  classRef: { grade, className },
  subject: '数学',
  date: '2026-03-02',
  items: [{ title: 't', kind: 'written', where: 'home', tiers: ['core'], minutes: 10 }],
})

describe('readRosterCsv', () => {
  it.each([
    ['English', 'grade,class,student,数学'],
    ['Chinese with 学生', '年级,班级,学生,数学'],
    ['Chinese with 姓名', '年级,班级,姓名,数学'],
    ['English with name, any case', 'Grade, CLASS ,Name,数学'],
  ])('accepts %s headers', (_name, header) => {
    expect(ok(`\uFEFF${header}\r\n5,5（2）,张三,提高\r\n`).rosters).toEqual([
      { classRef: { grade: 5, className: '5(2)' }, students: [{ name: '张三', tiers: { 数学: 'extend' } }] },
    ])
  })

  it.each([
    ['', undefined], ['core', 'core'], ['基础', 'core'], ['Extend', 'extend'], ['提高', 'extend'],
    ['challenge', 'challenge'], ['拓展', 'challenge'], ['选做', 'extend'], ['挑战', 'challenge'],
  ])('reads the layer %j as %s (empty: core, by absence)', (cell, tier) => {
    const student = ok(`grade,class,student,数学\n5,5(2),张三,${cell}\n`).rosters[0]?.students[0]
    expect(student?.tiers).toEqual(tier ? { 数学: tier } : {})
  })

  it('groups students by class in file order and remembers where each class starts', () => {
    const roster = ok('grade,class,student,数学,语文\n5,5(2),张三,,\n5,5(1),李四,拓展,\n\n5,5(2),王五,提高,基础\n')
    expect(roster.rosters.map((r) => [r.classRef.className, r.students.map((s) => s.name)])).toEqual([
      ['5(2)', ['张三', '王五']],
      ['5(1)', ['李四']],
    ])
    expect(roster.rosters[0]?.students[1]?.tiers).toEqual({ 数学: 'extend', 语文: 'core' })
    expect([...roster.classLines]).toEqual([
      ['5|5(2)', 2],
      ['5|5(1)', 3],
    ])
  })

  it('reports every error at once with its line and column', () => {
    const result = readRosterCsv('年级,班级,姓名,数学,英语\n5,5(2),张三,很难,\n13,1(1),李四,,\n5,4(2),王五,,A\n5,5(2),,,\n', 'roster.csv')
    expect(result).toEqual({
      errors: [
        { file: 'roster.csv', line: 2, column: '数学', message: expect.stringMatching(/^「很难」不是有效的分层，可填 基础、/) },
        { file: 'roster.csv', line: 3, column: '年级', message: '「13」不是有效的年级（须为 1 到 12 的整数）' },
        { file: 'roster.csv', line: 4, column: '班级', message: '班级「4(2)」开头的 4 与年级 5 不符' },
        { file: 'roster.csv', line: 4, column: '英语', message: expect.stringMatching(/^「A」不是有效的分层/) },
        { file: 'roster.csv', line: 5, column: '姓名', message: '学生姓名不能为空' },
      ],
    })
  })

  it('names a missing student column', () => {
    expect(readRosterCsv('grade,class,数学\n', 'roster.csv')).toEqual({
      errors: [{ file: 'roster.csv', line: 1, message: '缺少必需的列「学生」（也可写作 姓名、student、name）' }],
    })
  })
})

describe('unknownRosterClasses', () => {
  it('reports a roster class with no homework in the plan, at its first line', () => {
    const roster = ok('grade,class,student\n5,5(2),张三\n5,5(3),李四\n5,5(3),王五\n')
    expect(unknownRosterClasses(roster, [plannedFor(5, '5(2)')])).toEqual([
      { file: 'roster.csv', line: 3, column: 'class', message: '计划里没有 5 年级「5(3)」班的作业，请检查年级和班级是否写错' },
    ])
    expect(unknownRosterClasses(roster, [plannedFor(5, '5(2)'), plannedFor(5, '5(3)')])).toEqual([])
  })
})
