import { describe, expect, it } from 'vitest'
import { parsePastedStudents, planPaste } from '@hl/core/domain/pasteStudents'

const names = (text: string) => parsePastedStudents(text).students.map((s) => [s.number, s.name])
const problems = (text: string) => parsePastedStudents(text).problems.map((p) => [p.line, p.code])

describe('parsePastedStudents', () => {
  it.each([
    ['one column of names', '张三\n李四\n王小明', [['', '张三'], ['', '李四'], ['', '王小明']]],
    ['number and name, tab-separated (Excel)', '01\t张三\n02\t李四', [['01', '张三'], ['02', '李四']]],
    ['number and name, space-separated', '2024001 张三\n2024002  李四', [['2024001', '张三'], ['2024002', '李四']]],
    ['full-width space', '01\u3000张三\n02\u3000\u3000李四', [['01', '张三'], ['02', '李四']]],
    ['Windows line ends and trailing tabs', '01\t张三\t\r\n02\t李四\r\n', [['01', '张三'], ['02', '李四']]],
    ['a header row is skipped', '学号\t姓名\n01\t张三', [['01', '张三']]],
    ['a one-column header', '姓名\n张三', [['', '张三']]],
    ['blank lines are skipped', '\n张三\n\n   \n李四\n', [['', '张三'], ['', '李四']]],
    ['surrounding spaces are trimmed', '  张三  \n\t李四', [['', '张三'], ['', '李四']]],
    ['a comma-separated line', '01,张三\n02，李四', [['01', '张三'], ['02', '李四']]],
    ['a Western name keeps its space', '07\tLi Ming\nAnna Smith', [['07', 'Li Ming'], ['', 'Anna Smith']]],
    ['a name with a middle dot', '03\t阿依古丽·买买提', [['03', '阿依古丽·买买提']]],
    ['a number with letters', 'A12\t张三', [['A12', '张三']]],
    ['a byte-order mark', '\ufeff01\t张三', [['01', '张三']]],
  ])('%s', (_name, text, expected) => {
    expect(names(text)).toEqual(expected)
    expect(problems(text)).toEqual([])
  })

  it.each([
    ['a number without a name', '张三\n05\n李四', [[2, 'nameMissing']]],
    ['three columns', '01\t张三\t男', [[1, 'tooManyColumns']]],
    ['a name too long', `01\t${'长'.repeat(31)}`, [[1, 'nameTooLong']]],
  ])('reports %s by line', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected)
  })

  it('keeps the good lines when some are bad, with their line numbers', () => {
    const result = parsePastedStudents('学号\t姓名\n01\t张三\n02\n03\t李四')
    expect(result.students.map((s) => s.line)).toEqual([2, 4])
    expect(result.problems).toEqual([{ line: 3, code: 'nameMissing', text: '02' }])
  })

  it('reads nothing from nothing', () => {
    expect(parsePastedStudents('')).toEqual({ students: [], problems: [] })
    expect(parsePastedStudents('\n\n')).toEqual({ students: [], problems: [] })
  })
})

describe('planPaste', () => {
  const members = [
    { number: '2026040201', name: '李明' },
    { number: '', name: '张华' },
    { number: '', name: '王芳' },
  ]
  const pasted = (text: string) => parsePastedStudents(text).students
  const statuses = (text: string) => planPaste(pasted(text), members).rows.map((r) => `${r.number || '-'} ${r.name}: ${r.status}`)

  it.each([
    ['a new student', '2026040202\t赵雪', ['2026040202 赵雪: new']],
    ['the same 学号 is already in the class, whatever the name', '2026040201\t李小明', ['2026040201 李小明: inClass']],
    ['the same 学号 in full-width digits (stored as ASCII)', '２０２６０４０２０１\t李明', ['2026040201 李明: inClass']],
    ['the same name, neither with a 学号', '张华', ['- 张华: inClass']],
    ['the same name, but the paste has a 学号: another student', '2026040205\t张华', ['2026040205 张华: new']],
    ['the same name, but the class member has a 学号: another student', '李明', ['- 李明: new']],
    ['a line repeated in the paste is added once', '2026040203\t陈晨\n2026040203\t陈晨', ['2026040203 陈晨: new', '2026040203 陈晨: repeated']],
    ['a name repeated in the paste, without numbers', '周杰\n周杰', ['- 周杰: new', '- 周杰: repeated']],
    ['a mix', '张华\n2026040201\t李明\n刘洋', ['- 张华: inClass', '2026040201 李明: inClass', '- 刘洋: new']],
  ])('%s', (_name, text, expected) => {
    expect(statuses(text)).toEqual(expected)
  })

  it('counts what will be added and what is already there, and names the student it matched', () => {
    const plan = planPaste(pasted('张华\n2026040201\t李小明\n刘洋\n刘洋'), members)
    expect(plan.toAdd.map((s) => s.name)).toEqual(['刘洋'])
    expect([plan.inClass, plan.repeated]).toEqual([2, 1])
    expect(plan.rows[1]!.match).toEqual({ number: '2026040201', name: '李明' })
    expect(plan.rows[3]!.match).toEqual({ number: '', name: '刘洋', line: 3 })
  })

  it('adds everything to an empty class', () => {
    const plan = planPaste(pasted('01\t张三\n02\t李四'), [])
    expect(plan.toAdd).toHaveLength(2)
    expect([plan.inClass, plan.repeated]).toEqual([0, 0])
  })
})
