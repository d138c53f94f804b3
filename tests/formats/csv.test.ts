import { describe, expect, it } from 'vitest'
import { CsvReader, guardFormula, parseCsv, writeCsv, detectDelimiter, type CsvRecord } from '@hl/core/formats/csv'

describe('parseCsv', () => {
  it.each([
    ['LF', 'a,b\n1,2\n'],
    ['CRLF', 'a,b\r\n1,2\r\n'],
    ['lone CR', 'a,b\r1,2'],
    ['BOM, no final line break', '\uFEFFa,b\n1,2'],
  ])('reads %s', (_name, text) => {
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
      errors: [],
    })
  })

  it.each([
    ['a quoted comma', '"a,b",c', ['a,b', 'c']],
    ['doubled quotes', '"say ""hi""",x', ['say "hi"', 'x']],
    ['an empty quoted field', '"",x', ['', 'x']],
    ['empty fields', 'a,,c,', ['a', '', 'c', '']],
    ['a quote inside an unquoted field, kept', 'p23"x,y', ['p23"x', 'y']],
    ['Chinese text', '语文,《背影》', ['语文', '《背影》']],
  ])('reads %s', (_name, text, fields) => {
    expect(parseCsv(text).records).toEqual([{ line: 1, fields }])
  })

  it('keeps the physical line where a record starts when a quoted field spans lines', () => {
    const text = 'h1,h2\r\n"one\r\ntwo\r\nthree",x\r\nnext,y\r\n'
    expect(parseCsv(text).records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['one\ntwo\nthree', 'x'] },
      { line: 5, fields: ['next', 'y'] },
    ])
  })

  it('skips blank lines and lines of nothing but commas, counting them', () => {
    const text = 'h\n\n  \n,,,\na\n'
    expect(parseCsv(text).records).toEqual([
      { line: 1, fields: ['h'] },
      { line: 5, fields: ['a'] },
    ])
  })

  it('reports an unclosed quote at the line where it opens', () => {
    const result = parseCsv('h\nok\n"never closed\nmore\n')
    expect(result.errors).toEqual([{ line: 3, code: 'unclosedQuote' }])
    expect(result.records.map((r) => r.line)).toEqual([1, 2])
  })
})

describe('writeCsv', () => {
  it('writes UTF-8 with a BOM, CRLF line ends and RFC 4180 quoting', () => {
    const text = writeCsv([
      ['日期', '各科'],
      ['2026-03-02', '语文 20；数学 25'],
      ['a,b', 'say "hi"\nbye'],
      [7, 12.5],
    ])
    expect(text).toBe('\uFEFF日期,各科\r\n2026-03-02,语文 20；数学 25\r\n"a,b","say ""hi""\nbye"\r\n7,12.5\r\n')
  })

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+86 138', "'+86 138"],
    ['-cmd', "'-cmd"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tx', "'\tx"],
    ['-5', '-5'],
    ['+3.5', '+3.5'],
    ['1e3', '1e3'],
    ['语文 20', '语文 20'],
    ['', ''],
  ])('guards %j against formula injection', (cell, expected) => {
    expect(guardFormula(cell)).toBe(expected)
  })

  it('round-trips through parseCsv', () => {
    const rows = [
      ['x', 'a,b', 'q"q'],
      ['多行\n文本', '', '3'],
    ]
    expect(parseCsv(writeCsv(rows)).records.map((r) => r.fields)).toEqual(rows)
  })
})

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['"a,b"\tc\n', '\t'],
    ['"a\tb",c\n', ','],
    ['title\n', ','],
    ['a\tb,c,d\n', ','],
    ['\n', ','],
  ])('%j is separated by %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter)
  })

  it('parses pasted spreadsheet cells, keeping commas and quotes inside them', () => {
    expect(parseCsv('日期\t内容\r\n2026-03-02\t抄写, 第三课\r\n2026-03-03\t"读\t书"\r\n').records.map((r) => r.fields)).toEqual([
      ['日期', '内容'],
      ['2026-03-02', '抄写, 第三课'],
      ['2026-03-03', '读\t书'],
    ])
  })
})

describe('CsvReader', () => {
  const inChunks = (text: string, size: number) => {
    const records: CsvRecord[] = []
    const reader = new CsvReader((r) => records.push(r))
    for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size))
    return { records, errors: reader.end() }
  }
  // A chunk may end anywhere: inside a quoted field, between the two quotes of "", between CR and LF,
  // on a delimiter, inside the header (before the delimiter is known) or right after the BOM.
  it.each([
    ['quotes, CRLF and a lone CR', '\uFEFF日期,内容\r\n2026-03-02,"说 ""好"",\r\n第二行"\r\n\r\n,,\r2026-03-03,"a"b\r\n'],
    ['tabs from a spreadsheet', '日期\t内容\n2026-03-02\t"a,b"\n\n2026-03-03\t\t\n'],
    ['an unclosed quote', 'a,b\n1,2\n"3,4\n5,6\n'],
    ['a header with a quoted line break', '"a\nb",c\n1,2'],
    ['a CR at the very end', 'a,b\r'],
  ])('reads %s the same in chunks of any size', (_name, text) => {
    const whole = parseCsv(text)
    for (let size = 1; size <= text.length; size++) expect(inChunks(text, size), `chunks of ${size}`).toEqual(whole)
  })
})
