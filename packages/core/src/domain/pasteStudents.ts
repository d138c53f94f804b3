// Students pasted from a spreadsheet (Excel, WPS) or typed: one a line, either a name alone or a number
// (学号) and a name, separated by a tab, spaces (also the full-width space of Chinese input) or a comma.
// A header row (学号 / 姓名) and blank lines are skipped; a line that cannot be read is reported with
// its line number and nothing of it is added.

export interface PastedStudent {
  /** '' when only names were pasted. */
  number: string
  name: string
  /** 1-based line of the pasted text. */
  line: number
}

export type PasteProblemCode = 'tooManyColumns' | 'nameMissing' | 'nameTooLong'

export interface PasteProblem {
  line: number
  code: PasteProblemCode
  /** The line as pasted (trimmed), to show beside the message. */
  text: string
}

export interface PasteResult {
  students: PastedStudent[]
  problems: PasteProblem[]
}

const HEADER_WORDS = new Set(['学号', '编号', '序号', '号', '姓名', '名字', '学生', '学生姓名', 'no', 'no.', 'number', 'id', 'name', 'student'])
const SEPARATOR = /[\t,，;；]+|[ \u3000\u00a0]{1,}/
const MAX_NAME = 30

/** A number cell: digits, perhaps with letters or a dash (e.g. 2024-05, A12), but at least one digit. */
function looksLikeNumber(cell: string): boolean {
  return /\d/.test(cell) && /^[0-9A-Za-z\-_.]+$/.test(cell)
}

export function parsePastedStudents(text: string): PasteResult {
  const students: PastedStudent[] = []
  const problems: PasteProblem[] = []
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  lines.forEach((raw, i) => {
    const line = i + 1
    const trimmed = raw.replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, '')
    if (!trimmed) return
    const cells = trimmed.split(SEPARATOR).filter((c) => c !== '')
    if (cells.every((c) => HEADER_WORDS.has(c.toLowerCase()))) return
    let number = ''
    let nameCells = cells
    if (cells.length >= 2 && looksLikeNumber(cells[0]!)) {
      number = cells[0]!
      nameCells = cells.slice(1)
    }
    if (nameCells.length === 0 || (nameCells.length === 1 && looksLikeNumber(nameCells[0]!) && number === '')) {
      problems.push({ line, code: 'nameMissing', text: trimmed })
      return
    }
    // Western names have spaces ("Li Ming"); Chinese names never do. Two or more cells left after the
    // number are a name only when they are all letters.
    if (nameCells.length > 1 && !nameCells.every((c) => /^[A-Za-z'.·-]+$/.test(c))) {
      problems.push({ line, code: 'tooManyColumns', text: trimmed })
      return
    }
    const name = nameCells.join(' ')
    if (name.length > MAX_NAME) {
      problems.push({ line, code: 'nameTooLong', text: trimmed })
      return
    }
    students.push({ number, name, line })
  })
  return { students, problems }
}
