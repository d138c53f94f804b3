import { describe, expect, it } from 'vitest'
import {
  buildSheet,
  EMPTY_GRADING,
  gradingProgress,
  itemErrorRates,
  parseScore,
  sheetKeyAction,
  studentOpenMistakes,
  toGradeCount,
  type ItemMark,
  type SheetItem,
  type SheetStudent,
  type StudentGrading,
} from '@hl/core/domain/grading'
import type { Tier } from '@hl/core/domain/types'

// A layered assignment: item 1 for everyone, item 2 for the core layer only, item 3 for extend and challenge.
const items: SheetItem[] = [
  { id: 'i1', title: '口算 20 题', tiers: ['core', 'extend', 'challenge'] },
  { id: 'i2', title: '基础练习 p23', tiers: ['core'] },
  { id: 'i3', title: '思考题', tiers: ['extend', 'challenge'] },
]
const student = (id: string, tier: Tier = 'core'): SheetStudent => ({ id, name: `学生${id}`, number: id, tier })
const students = [student('s1'), student('s2', 'extend'), student('s3'), student('s4', 'challenge'), student('s5')]
const g = (patch: Partial<StudentGrading>): StudentGrading => ({ ...EMPTY_GRADING, ...patch })
const mark = (studentId: string, itemId: string, fixed = false, wrong = true): ItemMark => ({ studentId, itemId, wrong, fixed })

describe('the layer-aware sheet', () => {
  it.each<[string, Tier, string[]]>([
    ['core sees items 1 and 2', 'core', ['i1', 'i2']],
    ['extend sees items 1 and 3', 'extend', ['i1', 'i3']],
    ['challenge sees items 1 and 3', 'challenge', ['i1', 'i3']],
  ])('%s', (_, tier, ids) => {
    const [row] = buildSheet({ items, students: [student('x', tier)], gradings: new Map(), marks: [] })
    expect(row!.items.map((i) => i.id)).toEqual(ids)
  })

  it('keeps every item’s number across layers (第3题 is 第3题 on every row)', () => {
    const [row] = buildSheet({ items, students: [student('x', 'extend')], gradings: new Map(), marks: [] })
    expect(row!.items.map((i) => i.number)).toEqual([1, 3])
  })

  it('keeps the class list order whatever the grades (no ranking)', () => {
    const gradings = new Map([
      ['s1', g({ level: 'd' })],
      ['s3', g({ level: 'a' })],
    ])
    expect(buildSheet({ items, students, gradings, marks: [] }).map((r) => r.student.id)).toEqual(['s1', 's2', 's3', 's4', 's5'])
  })

  it('ignores marks of items outside the student’s layer and marks taken back', () => {
    const [row] = buildSheet({ items, students: [student('s1')], gradings: new Map(), marks: [mark('s1', 'i3'), mark('s1', 'i1', false, false), mark('s1', 'i2')] })
    expect([...row!.wrong]).toEqual(['i2'])
  })
})

describe('grading progress', () => {
  const gradings = new Map<string, StudentGrading>([
    ['s1', g({ status: 'submitted', level: 'a' })],
    ['s2', g({ status: 'late', level: 'b', correction: 'handedIn' })],
    ['s3', g({ status: 'missing' })],
    ['s4', g({ status: 'excused' })],
    // s5: nothing recorded
  ])
  const rows = buildSheet({ items, students, gradings, marks: [mark('s2', 'i3'), mark('s2', 'i1', true), mark('s1', 'i2')] })

  it.each<[keyof ReturnType<typeof gradingProgress>, number]>([
    ['classSize', 5],
    ['handedIn', 2],
    ['late', 1],
    ['missing', 1],
    ['excused', 1],
    ['graded', 2],
    // s5 alone: 缺交 and 免交 are not waiting for a grade
    ['toGrade', 1],
    ['withMistakes', 2],
    ['corrected', 1],
    ['rechecked', 0],
    ['openMistakes', 2],
  ])('%s = %i', (key, value) => {
    expect(gradingProgress(rows)[key]).toBe(value)
  })

  it.each<[string, number, StudentGrading[], number]>([
    ['nothing recorded: the whole class', 45, [], 45],
    ['graded and not expected both count as done', 45, [g({ level: 'a' }), g({ score: 90 }), g({ status: 'missing' }), g({ status: 'excused' }), g({ status: 'submitted' })], 41],
    ['never below zero', 2, [g({ level: 'a' }), g({ level: 'b' }), g({ level: 'c' })], 0],
  ])('待批 from records alone: %s', (_, size, list, expected) => {
    expect(toGradeCount(size, list)).toBe(expected)
  })

  it('a graded student with no status recorded counts as handed in', () => {
    const [row] = buildSheet({ items, students: [student('x')], gradings: new Map([['x', g({ level: 'c' })]]), marks: [] })
    expect(gradingProgress([row!]).handedIn).toBe(1)
  })
})

describe('error rates', () => {
  it('counts each item among the graded students whose layer does it, most wrong first', () => {
    const gradings = new Map(students.map((s) => [s.id, g({ level: 'b' })] as const))
    gradings.set('s5', g({})) // not graded: not counted
    const rows = buildSheet({ items, students, gradings, marks: [mark('s1', 'i2'), mark('s3', 'i2'), mark('s2', 'i3'), mark('s5', 'i2'), mark('s1', 'i1')] })
    const rates = itemErrorRates(rows, items)
    expect(rates.map((r) => [r.itemId, r.wrong, r.checked])).toEqual([
      ['i2', 2, 2],
      ['i3', 1, 2],
      ['i1', 1, 4],
    ])
    expect(rates[0]!.rate).toBe(1)
  })

  it('an item nobody was graded on has no rate', () => {
    const rows = buildSheet({ items, students, gradings: new Map(), marks: [] })
    expect(itemErrorRates(rows, items).every((r) => r.rate === null)).toBe(true)
  })
})

describe('a student’s open mistakes', () => {
  it('lists wrong items not yet corrected, oldest homework first, with their numbers', () => {
    const list = studentOpenMistakes(
      [
        { assignmentId: 'b', date: '2026-11-24', subject: '数学', items: [{ id: 'b1', title: '应用题' }] },
        { assignmentId: 'a', date: '2026-11-23', subject: '数学', items: items.map((i) => ({ id: i.id, title: i.title })) },
        { assignmentId: 'c', date: '2026-11-25', subject: '数学', items: [{ id: 'c1', title: '口算' }] },
      ],
      [mark('s1', 'i2'), mark('s1', 'i3', true), mark('s1', 'b1'), mark('s1', 'c1', false, false)],
    )
    expect(list).toEqual([
      { assignmentId: 'a', date: '2026-11-23', subject: '数学', items: [{ number: 2, title: '基础练习 p23' }] },
      { assignmentId: 'b', date: '2026-11-24', subject: '数学', items: [{ number: 1, title: '应用题' }] },
    ])
  })
})

describe('keyboard-first grading', () => {
  it.each<[string, string, 'grade' | 'recheck', 'levels' | 'letters' | 'score', object, ReturnType<typeof sheetKeyAction>]>([
    ['a grades 优 / A', 'a', 'grade', 'levels', {}, { type: 'level', level: 'a' }],
    ['D in capitals too', 'D', 'grade', 'letters', {}, { type: 'level', level: 'd' }],
    ['3 toggles the third item', '3', 'grade', 'levels', {}, { type: 'item', index: 3 }],
    ['0 is the tenth item', '0', 'recheck', 'levels', {}, { type: 'item', index: 10 }],
    ['Enter: the next student', 'Enter', 'grade', 'levels', {}, { type: 'next' }],
    ['Shift+Enter: the previous one', 'Enter', 'grade', 'levels', { shift: true }, { type: 'previous' }],
    ['m: 缺交', 'm', 'grade', 'levels', {}, { type: 'status', status: 'missing' }],
    ['l: 补交', 'l', 'grade', 'score', {}, { type: 'status', status: 'late' }],
    ['g opens the score on a score sheet', 'g', 'grade', 'score', {}, { type: 'score' }],
    ['letters do not grade a score sheet', 'a', 'grade', 'score', {}, null],
    ['h: corrections handed in (二次批改 mode)', 'h', 'recheck', 'levels', {}, { type: 'correctionIn' }],
    ['no grading in 二次批改 mode', 'a', 'recheck', 'levels', {}, null],
    ['Ctrl+C stays copy', 'c', 'grade', 'levels', { ctrlOrMeta: true }, null],
    ['other keys do nothing', 'x', 'grade', 'levels', {}, null],
  ])('%s', (_, key, mode, scale, options, action) => {
    expect(sheetKeyAction(key, mode, scale, options)).toEqual(action)
  })

  it.each<[string, number, ReturnType<typeof parseScore>]>([
    ['95', 100, { ok: true, score: 95 }],
    ['87.5', 100, { ok: true, score: 87.5 }],
    ['', 100, { ok: true, score: null }],
    ['101', 100, { ok: false }],
    ['-1', 100, { ok: false }],
    ['9e1', 100, { ok: false }],
    ['87.3', 100, { ok: false }],
  ])('the score %j out of %i', (text, max, result) => {
    expect(parseScore(text, max)).toEqual(result)
  })
})
