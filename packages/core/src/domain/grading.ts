// 全批: grading every student's work (policy.md: "教师要对布置的学生作业全批全改"; "Track per assignment:
// submitted, missing, late, graded, corrected, re-graded"; 通知 measures 6 and 7: students never grade
// their own work, parents are never asked to check or grade it — so nothing here has a parent's field).
//
// A sheet shows each student only the items of their own layer (分层) in the assignment's subject. The
// order is always the class list: nothing here sorts students by grade or mistakes ("no rankings of
// students anywhere"); an ITEM's error rate may be sorted, it describes the homework, not a child.
import type { Tier } from './types'
import { zhOrder } from './order'

export type HandIn = '' | 'submitted' | 'late' | 'missing' | 'excused'
export type Level = '' | 'a' | 'b' | 'c' | 'd'
export type Correction = '' | 'handedIn' | 'rechecked'
export type Scale = 'levels' | 'letters' | 'score'
export const LEVELS: readonly Exclude<Level, ''>[] = ['a', 'b', 'c', 'd']
export const HAND_INS: readonly Exclude<HandIn, ''>[] = ['submitted', 'late', 'missing', 'excused']

export interface SheetItem {
  id: string
  title: string
  tiers: readonly Tier[]
}

export interface SheetStudent {
  id: string
  name: string
  number: string
  /** The student's layer in the assignment's subject (core when none is set). */
  tier: Tier
}

export interface StudentGrading {
  status: HandIn
  level: Level
  score: number | null
  comment: string
  correction: Correction
}

export interface ItemMark {
  itemId: string
  studentId: string
  wrong: boolean
  fixed: boolean
}

export const EMPTY_GRADING: StudentGrading = { status: '', level: '', score: null, comment: '', correction: '' }

export function hasGrade(g: Pick<StudentGrading, 'level' | 'score'>): boolean {
  return g.level !== '' || g.score !== null
}

/** Handed in: on time or late — and any work that was graded was evidently handed in. */
export function isHandedIn(g: StudentGrading): boolean {
  return g.status === 'submitted' || g.status === 'late' || (g.status === '' && hasGrade(g))
}

/** Not expected to hand anything in (缺交 is recorded, 免交 excused): nothing to grade. */
export function isExpected(g: StudentGrading): boolean {
  return g.status !== 'missing' && g.status !== 'excused'
}

export interface SheetRow {
  student: SheetStudent
  /** The items of the student's layer, in the assignment's order, with their number on the sheet (1-based). */
  items: (SheetItem & { number: number })[]
  grading: StudentGrading
  /** Item ids marked wrong at the first grading. */
  wrong: ReadonlySet<string>
  /** Of those, the ones 二次批改 found corrected. */
  fixed: ReadonlySet<string>
  graded: boolean
}

/** Items of a layer: an item whose layers include it. */
export function itemsOfTier<T extends SheetItem>(items: readonly T[], tier: Tier): T[] {
  return items.filter((i) => i.tiers.includes(tier))
}

/**
 * The grading sheet: every student in class-list order, each with only the items of their layer. An
 * item's number is its place among the assignment's items, so 第3题 is 第3题 on every student's row even
 * when a layer skips some. Marks of items a student's layer does not do are left out.
 */
export function buildSheet(input: {
  items: readonly SheetItem[]
  students: readonly SheetStudent[]
  gradings: ReadonlyMap<string, StudentGrading>
  marks: readonly ItemMark[]
}): SheetRow[] {
  const numbered = input.items.map((item, i) => ({ ...item, number: i + 1 }))
  const marksOf = new Map<string, ItemMark[]>()
  for (const m of input.marks) {
    const list = marksOf.get(m.studentId)
    if (list) list.push(m)
    else marksOf.set(m.studentId, [m])
  }
  return input.students.map((student) => {
    const items = itemsOfTier(numbered, student.tier)
    const own = new Set(items.map((i) => i.id))
    const wrong = new Set<string>()
    const fixed = new Set<string>()
    for (const m of marksOf.get(student.id) ?? []) {
      if (!m.wrong || !own.has(m.itemId)) continue
      wrong.add(m.itemId)
      if (m.fixed) fixed.add(m.itemId)
    }
    const grading = input.gradings.get(student.id) ?? EMPTY_GRADING
    return { student, items, grading, wrong, fixed, graded: hasGrade(grading) }
  })
}

export interface GradingProgress {
  classSize: number
  /** 已交 or 补交 (or graded). */
  handedIn: number
  late: number
  missing: number
  excused: number
  graded: number
  /** 待批: students expected to hand in (not 缺交, not 免交) whose work has no grade yet. */
  toGrade: number
  /** Graded students with at least one open or closed mistake: the ones who must correct. */
  withMistakes: number
  /** Of those, whose corrections are handed in (订正) or checked (二次批改). */
  corrected: number
  rechecked: number
  /** Mistakes not yet found corrected. */
  openMistakes: number
}

/** Totals are computed from rows, never stored (../shared/sync-design.md). */
export function gradingProgress(rows: readonly SheetRow[]): GradingProgress {
  const p: GradingProgress = { classSize: rows.length, handedIn: 0, late: 0, missing: 0, excused: 0, graded: 0, toGrade: 0, withMistakes: 0, corrected: 0, rechecked: 0, openMistakes: 0 }
  for (const r of rows) {
    const g = r.grading
    if (isHandedIn(g)) p.handedIn++
    if (g.status === 'late') p.late++
    if (g.status === 'missing') p.missing++
    if (g.status === 'excused') p.excused++
    if (r.graded) p.graded++
    else if (isExpected(g)) p.toGrade++
    if (r.wrong.size > 0) {
      p.withMistakes++
      if (g.correction !== '') p.corrected++
      if (g.correction === 'rechecked') p.rechecked++
      p.openMistakes += r.wrong.size - r.fixed.size
    }
  }
  return p
}

/**
 * 待批 of an assignment from its records alone, without building the sheet: the class size less the
 * students graded and those not expected (缺交, 免交). Used across all of a teacher's assignments.
 */
export function toGradeCount(classSize: number, gradings: Iterable<StudentGrading>): number {
  let done = 0
  for (const g of gradings) if (hasGrade(g) || !isExpected(g)) done++
  return Math.max(0, classSize - done)
}

export interface ItemErrorRate {
  itemId: string
  number: number
  title: string
  /** Graded students whose layer does the item. */
  checked: number
  wrong: number
  /** wrong / checked; null when nobody was checked. */
  rate: number | null
}

/**
 * Each item's error rate among the graded students whose layer does it, the items most got wrong first
 * (ties in the assignment's order). This sorts items, never students.
 */
export function itemErrorRates(rows: readonly SheetRow[], items: readonly SheetItem[]): ItemErrorRate[] {
  const out = items.map((item, i) => ({ itemId: item.id, number: i + 1, title: item.title, checked: 0, wrong: 0, rate: null as number | null }))
  const byId = new Map(out.map((o) => [o.itemId, o]))
  for (const r of rows) {
    if (!r.graded) continue
    for (const item of r.items) {
      const o = byId.get(item.id)!
      o.checked++
      if (r.wrong.has(item.id)) o.wrong++
    }
  }
  for (const o of out) o.rate = o.checked > 0 ? o.wrong / o.checked : null
  return out.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.number - b.number)
}

export interface MistakeAssignment {
  assignmentId: string
  date: string
  subject: string
  items: readonly { id: string; title: string }[]
}

export interface StudentMistakes {
  assignmentId: string
  date: string
  subject: string
  /** The open mistakes: item number on the sheet and its content. */
  items: { number: number; title: string }[]
}

/**
 * One student's open mistakes (marked wrong, not yet found corrected), oldest homework first: what the
 * printable correction sheet lists. It carries the student's own work only (no other student, no layer).
 */
export function studentOpenMistakes(assignments: readonly MistakeAssignment[], marks: readonly Pick<ItemMark, 'itemId' | 'wrong' | 'fixed'>[]): StudentMistakes[] {
  const open = new Set(marks.filter((m) => m.wrong && !m.fixed).map((m) => m.itemId))
  return [...assignments]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : zhOrder.compare(a.subject, b.subject)))
    .map((a) => ({
      assignmentId: a.assignmentId,
      date: a.date,
      subject: a.subject,
      items: a.items.flatMap((item, i) => (open.has(item.id) ? [{ number: i + 1, title: item.title }] : [])),
    }))
    .filter((a) => a.items.length > 0)
}

// ---- keyboard-first grading: one key per grade, one per wrong item, Enter to the next student ----

export type SheetMode = 'grade' | 'recheck'

export type SheetKeyAction =
  | { type: 'level'; level: Exclude<Level, ''> }
  | { type: 'status'; status: Exclude<HandIn, ''> }
  /** Toggle the n-th item of the student's row (1-based): wrong at grading, corrected at 二次批改. */
  | { type: 'item'; index: number }
  | { type: 'correctionIn' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'score' }

/** Keys for the four levels (A–D, or 优 良 合格 待改进 in that order). */
export const LEVEL_KEYS: Readonly<Record<Exclude<Level, ''>, string>> = { a: 'a', b: 'b', c: 'c', d: 'd' }
/** Keys for hand-in states: S 已交, L 补交, M 缺交, E 免交. */
export const STATUS_KEYS: Readonly<Record<Exclude<HandIn, ''>, string>> = { submitted: 's', late: 'l', missing: 'm', excused: 'e' }
/** The key of an item by its place in the student's row: 1–9, then 0 for the tenth. */
export function itemKey(index: number): string | null {
  return index >= 1 && index <= 9 ? String(index) : index === 10 ? '0' : null
}

/**
 * What a key does on a sheet row. `key` is KeyboardEvent.key; modifiers other than Shift never map
 * (Ctrl+C must stay copy). Digits toggle items in both modes; letters grade in grading mode.
 */
export function sheetKeyAction(key: string, mode: SheetMode, scale: Scale, options: { shift?: boolean; ctrlOrMeta?: boolean; alt?: boolean } = {}): SheetKeyAction | null {
  if (options.ctrlOrMeta || options.alt) return null
  if (key === 'Enter') return options.shift ? { type: 'previous' } : { type: 'next' }
  if (key === 'ArrowDown') return { type: 'next' }
  if (key === 'ArrowUp') return { type: 'previous' }
  if (/^[0-9]$/.test(key)) return { type: 'item', index: key === '0' ? 10 : Number(key) }
  const k = key.toLowerCase()
  if (mode === 'recheck') return k === 'h' ? { type: 'correctionIn' } : null
  if (scale === 'score' && k === 'g') return { type: 'score' }
  if (scale !== 'score') for (const level of LEVELS) if (LEVEL_KEYS[level] === k) return { type: 'level', level }
  for (const status of HAND_INS) if (STATUS_KEYS[status] === k) return { type: 'status', status }
  return null
}

/** A score as typed: 0 to the sheet's maximum, halves allowed; '' clears it. */
export function parseScore(text: string, maxScore: number): { ok: true; score: number | null } | { ok: false } {
  const t = text.trim()
  if (t === '') return { ok: true, score: null }
  if (!/^\d{1,4}(\.5|\.0)?$/.test(t)) return { ok: false }
  const n = Number(t)
  return n >= 0 && n <= maxScore ? { ok: true, score: n } : { ok: false }
}
