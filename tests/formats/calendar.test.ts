import { describe, expect, it } from 'vitest'
import { said } from './said'
import { readCalendarCsv } from '@hl/core/formats/calendar'

describe('readCalendarCsv', () => {
  it.each([
    ['date,type', 'school', 'school'],
    ['Date,Type', 'REST', 'rest'],
    ['日期,类型', '上课', 'school'],
    ['日期,类型', '上学', 'school'],
    ['日期,类型', '休息', 'rest'],
    ['日期,类型', '放假', 'rest'],
  ])('reads %s with %s', (header, type, expected) => {
    expect(readCalendarCsv(`${header}\r\n2026-10-01,${type}\r\n`, 'calendar.csv')).toEqual({ calendar: { overrides: { '2026-10-01': expected } } })
  })

  it('reports every error at once', () => {
    const text = 'date,type\n2026-02-30,rest\n2026-10-01,holiday\n\n,rest\n2026-10-08,school\n2026-10-08,rest\n'
    const result = readCalendarCsv(text, 'calendar.csv')
    expect('errors' in result && { errors: said(result.errors) }).toEqual({
      errors: [
        { file: 'calendar.csv', line: 2, column: 'date', message: '「2026-02-30」不是存在的日期' },
        { file: 'calendar.csv', line: 3, column: 'type', message: '「holiday」不是有效的类型，可填 上课、上学、休息、放假（或 school、rest）' },
        { file: 'calendar.csv', line: 5, column: 'date', message: '日期不能为空' },
        { file: 'calendar.csv', line: 7, column: 'type', message: '日期 2026-10-08 在第 6 行已写为另一种类型，前后矛盾' },
      ],
    })
  })

  it('names a missing column', () => {
    const result = readCalendarCsv('date\n2026-10-01\n', 'calendar.csv')
    expect('errors' in result && { errors: said(result.errors) }).toEqual({
      errors: [{ file: 'calendar.csv', line: 1, message: '缺少必需的列「类型」（也可写作 type）' }],
    })
  })
})
