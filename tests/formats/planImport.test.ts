import { describe, expect, it } from 'vitest'
import { decodeCsvBytes, planPreview, readPlanForSchool } from '@hl/core/formats/planImport'

const CLASSES = [
  { id: 'c41', grade: 4, name: '4(1)' },
  { id: 'c42', grade: 4, name: '4（2）' },
  { id: 'c71', grade: 7, name: '7(1)' },
]
const HEAD = '日期,截止,年级,班级,学科,内容,类型,地点,分层,时长,先做时长'

describe('readPlanForSchool', () => {
  it('matches classes by grade and class name (full-width brackets too) and groups rows into assignments', () => {
    const csv = [HEAD, '2026-11-23,,4,4(2),数学,练习册 p23,,,,20,', '2026-11-23,,4,4(2),数学,口算,口头,,,10,', '2026-11-24,2026-11-26,7,7(1),语文,作文,,,基础|提高,,15'].join('\n')
    const result = readPlanForSchool(csv, 'plan.csv', CLASSES)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.rowCount).toBe(3)
    expect(result.planned.map((p) => [p.classId, p.assignment.subject, p.assignment.items.length])).toEqual([
      ['c42', '数学', 2],
      ['c71', '语文', 1],
    ])
    expect(planPreview(result.planned).map((g) => `${g.className} ${g.date}`)).toEqual(['4(2) 2026-11-23', '7(1) 2026-11-24'])
  })

  it.each([
    ['an unknown class', [HEAD, '2026-11-23,,5,5(9),数学,练习,,,,20,'], { line: 2, column: '班级', message: '班级「5(9)」在本校不存在（5 年级没有这个班）' }],
    ['a time longer than a day', [HEAD, '2026-11-23,,4,4(1),数学,练习,,,,2000,'], { line: 2, column: '时长', message: '「2000」分钟超过一天（1440 分钟），请检查' }],
    ['a header only', [HEAD], { line: 1, message: '文件只有表头，没有作业行' }],
  ])('reports %s with its line', (_name, lines, expected) => {
    const result = readPlanForSchool(lines.join('\n'), 'plan.csv', CLASSES)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toContainEqual({ file: 'plan.csv', ...expected })
  })

  it('reports the reader’s errors and the school’s together, in line order', () => {
    const csv = [HEAD, '2026-13-01,,4,4(1),数学,练习,,,,20,', '2026-11-23,,4,4(7),数学,练习,,,,20,', '2026-11-23,,4,4(1),,练习,,,,abc,'].join('\n')
    const result = readPlanForSchool(csv, 'plan.csv', CLASSES)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4, 4])
    expect(result.errors[1]!.message).toContain('4(7)')
  })

  it('handles a large file', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `2026-11-${String(1 + (i % 28)).padStart(2, '0')},,4,4(1),数学,第 ${i} 题,,,,1,`)
    const result = readPlanForSchool([HEAD, ...rows].join('\n'), 'big.csv', CLASSES)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.rowCount).toBe(5000)
  })
})

describe('decodeCsvBytes', () => {
  it.each([
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'a'],
    ['GBK', new Uint8Array([0xc8, 0xd5, 0xc6, 0xda]), undefined],
  ])('%s', (_name, bytes, expected) => {
    expect(decodeCsvBytes(bytes)).toBe(expected)
  })
})
