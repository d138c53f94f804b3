import { describe, expect, it } from 'vitest'
import { said } from './said'
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
    expect('errors' in result && { errors: said(result.errors) }).toEqual({
      errors: [
        { file: 'roster.csv', line: 2, column: '数学', message: expect.stringMatching(/^「很难」不是有效的分层，可填 基础、/) },
        { file: 'roster.csv', line: 3, column: '年级', message: '「13」不是有效的年级（可写 5、五年级、初一、高二，须在 1 到 12 年级之间）' },
        { file: 'roster.csv', line: 4, column: '班级', message: '班级「4(2)」是 4 年级的班，与年级 5 不符' },
        { file: 'roster.csv', line: 4, column: '英语', message: expect.stringMatching(/^「A」不是有效的分层/) },
        { file: 'roster.csv', line: 5, column: '姓名', message: '学生姓名不能为空' },
      ],
    })
  })

  it('names a missing student column', () => {
    const result = readRosterCsv('grade,class,数学\n', 'roster.csv')
    expect('errors' in result && { errors: said(result.errors) }).toEqual({
      errors: [{ file: 'roster.csv', line: 1, message: '缺少必需的列「学生」（也可写作 姓名 / student / name）' }],
    })
  })
})

describe('unknownRosterClasses', () => {
  it('reports a roster class with no homework in the plan, at its first line', () => {
    const roster = ok('grade,class,student\n5,5(2),张三\n5,5(3),李四\n5,5(3),王五\n')
    expect(said(unknownRosterClasses(roster, [plannedFor(5, '5(2)')]))).toEqual([
      { file: 'roster.csv', line: 3, column: 'class', message: '计划里没有 5 年级「5(3)」班的作业，请检查年级和班级是否写错' },
    ])
    expect(unknownRosterClasses(roster, [plannedFor(5, '5(2)'), plannedFor(5, '5(3)')])).toEqual([])
  })
})

// A subject (or class, or student) named like a property of Object.prototype is a name like any other.
describe('readRosterCsv: names that are properties of plain objects', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('keeps the layers of a subject named %s', (subject) => {
    const roster = ok(`grade,class,student,${subject},数学\n5,5(2),张三,提高,拓展\n5,5(2),李四,,\n`)
    const [zhang, li] = roster.rosters[0]!.students
    expect(Object.entries(zhang!.tiers)).toEqual([
      [subject, 'extend'],
      ['数学', 'challenge'],
    ])
    expect(Object.keys(li!.tiers)).toEqual([])
    expect(li!.tiers[subject]).toBeUndefined()
  })

  it.each(['__proto__', 'constructor', 'toString'])('reads a class and a student named %s', (name) => {
    const roster = ok(`grade,class,student\n5,${name},${name}\n`)
    expect(roster.rosters).toEqual([{ classRef: { grade: 5, className: name }, students: [{ name, tiers: {} }] }])
  })
})

describe('readRosterCsv: a header quoted as the column', () => {
  it('is cleaned and shortened', () => {
    const result = readRosterCsv(`grade,class,student,"数\u001b]0;t\u0007学${'长'.repeat(60)}"\n5,5(2),张三,很难\n`, 'roster.csv')
    if (!('errors' in result)) throw new Error('expected errors')
    expect(result.errors[0]).toMatchObject({ code: 'rosterTierUnknown', column: `数\uFFFD学${'长'.repeat(36)}…`, params: { value: '很难' } })
  })
})
