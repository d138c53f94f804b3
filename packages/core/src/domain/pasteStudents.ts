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

/** A number cell: digits, perhaps with letters or a dash (e.g. 2024-05, A12), but at least one digit.
 * Full-width forms typed with a Chinese input method (２０２４０１) count, and are stored as ASCII. */
function looksLikeNumber(cell: string): boolean {
  const c = cell.normalize('NFKC')
  return /\d/.test(c) && /^[0-9A-Za-z\-_.]+$/.test(c)
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
      number = cells[0]!.normalize('NFKC')
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

/** A student already in the class, as the paste check needs them. */
export interface ClassMember {
  number: string
  name: string
}

/**
 * 'new': will be added. 'inClass': the class already has this student. 'repeated': an earlier line of
 * the same paste is this student. Neither of the last two is added.
 */
export type PasteRowStatus = 'new' | 'inClass' | 'repeated'

export interface PastePlanRow extends PastedStudent {
  status: PasteRowStatus
  /** The student it matched: the class member ('inClass') or the earlier pasted line ('repeated'). */
  match?: ClassMember & { line?: number }
}

export interface PastePlan {
  rows: PastePlanRow[]
  /** The rows with status 'new', in pasted order: what an add stores. */
  toAdd: PastedStudent[]
  inClass: number
  repeated: number
}

/** Full-width digits and letters (２０２６, Ａ１２) are the same 学号 as their ASCII forms; case does not count. */
function key(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase()
}

/**
 * Which pasted students are new to the class. A pasted student is the same as another when both have a
 * 学号 and it is the same, or when neither has a 学号 and the names are the same (two students may share
 * a name; a number tells them apart, so a name alone never matches a numbered student).
 */
export function planPaste(pasted: readonly PastedStudent[], members: readonly ClassMember[]): PastePlan {
  const byNumber = new Map<string, ClassMember & { line?: number }>()
  const byName = new Map<string, ClassMember & { line?: number }>()
  for (const m of members) {
    if (m.number.trim() !== '') byNumber.set(key(m.number), m)
    else byName.set(key(m.name), m)
  }
  const seenNumber = new Map<string, PastedStudent>()
  const seenName = new Map<string, PastedStudent>()
  const rows: PastePlanRow[] = []
  for (const s of pasted) {
    const numbered = s.number.trim() !== ''
    const k = key(numbered ? s.number : s.name)
    const member = (numbered ? byNumber : byName).get(k)
    const earlier = (numbered ? seenNumber : seenName).get(k)
    if (member) rows.push({ ...s, status: 'inClass', match: { number: member.number, name: member.name } })
    else if (earlier) rows.push({ ...s, status: 'repeated', match: { number: earlier.number, name: earlier.name, line: earlier.line } })
    else {
      rows.push({ ...s, status: 'new' })
      ;(numbered ? seenNumber : seenName).set(k, s)
    }
  }
  return {
    rows,
    toAdd: rows.filter((r) => r.status === 'new').map(({ number, name, line }) => ({ number, name, line })),
    inClass: rows.filter((r) => r.status === 'inClass').length,
    repeated: rows.filter((r) => r.status === 'repeated').length,
  }
}
