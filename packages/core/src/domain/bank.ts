// 精选: the item bank (policy.md: "pick items on purpose; no mechanical, repeated or punitive homework"
// — 意见 二.6, 通知 measure 4). Each bank item learns from use: how often it was set, its error rate
// from grading, the real minutes from students' reports, and the teacher's own 先做 time. The search
// matches Chinese and pinyin initials; the pinyin matcher comes in as an argument (the app loads it
// lazily on the bank screen and the designer's picker only).
import type { ItemKind, Tier } from './types'

export interface BankItem {
  id: string
  grade: number
  subject: string
  title: string
  book: string
  pages: string
  unit: string
  points: readonly string[]
  difficulty: number
  kind: ItemKind
  tiers: readonly Tier[]
  minutes: number | null
  trialMinutes: number | null
}

/** One setting of a bank item in a class's assignment, with what grading and reports say about it. */
export interface BankItemUse {
  classId: string
  date: string
  /** Graded students whose layer does the item, and how many got it wrong. */
  checked: number
  wrong: number
  /** Real minutes the item took, one per report (see itemShareOfReport). */
  minutes: readonly number[]
}

export interface BankItemStats {
  timesUsed: number
  /** The classes it was set in. */
  classIds: ReadonlySet<string>
  lastUsed: string | null
  /** Wrong answers over graded answers, all uses together; null before any grading. */
  errorRate: number | null
  medianMinutes: number | null
  meanMinutes: number | null
  reports: number
}

export function bankItemStats(uses: readonly BankItemUse[]): BankItemStats {
  let checked = 0
  let wrong = 0
  const minutes: number[] = []
  let lastUsed: string | null = null
  for (const u of uses) {
    checked += u.checked
    wrong += u.wrong
    minutes.push(...u.minutes)
    if (lastUsed === null || u.date > lastUsed) lastUsed = u.date
  }
  minutes.sort((a, b) => a - b)
  const n = minutes.length
  const median = n === 0 ? null : n % 2 ? minutes[n >> 1]! : (minutes[n / 2 - 1]! + minutes[n / 2]!) / 2
  return {
    timesUsed: uses.length,
    classIds: new Set(uses.map((u) => u.classId)),
    lastUsed,
    errorRate: checked > 0 ? wrong / checked : null,
    medianMinutes: median,
    meanMinutes: n === 0 ? null : minutes.reduce((s, m) => s + m, 0) / n,
    reports: n,
  }
}

/**
 * A report covers a student's whole assignment; an item's part of it is its share of the student's
 * estimate (an item estimated at 10 of 30 minutes is a third of the reported time). A stop report is
 * left out here: it says how long the student worked, not how long this item took.
 */
export function itemShareOfReport(reportedMinutes: number, itemEstimate: number, assignmentEstimate: number): number | null {
  if (!(assignmentEstimate > 0) || !(itemEstimate >= 0) || !(reportedMinutes >= 0)) return null
  return (reportedMinutes * itemEstimate) / assignmentEstimate
}

export interface BankFilter {
  query: string
  subject?: string
  grade?: number
  unit?: string
  difficulty?: number
  kind?: ItemKind
  /** Only items never set in this class (精选: no repeated homework). */
  notUsedWithClassId?: string
}

/** Does `text` match `query`, in Chinese or pinyin initials? (pinyin-match's `match` in the app.) */
export type PinyinMatcher = (text: string, query: string) => boolean

/** Plain substring matching, case-insensitive: the fallback before the pinyin matcher has loaded. */
export const plainMatcher: PinyinMatcher = (text, query) => text.toLowerCase().includes(query.toLowerCase())

export function searchText(item: BankItem): string {
  return [item.title, item.book, item.pages, item.unit, ...item.points].filter(Boolean).join(' ')
}

/** The items matching the filter, newest first is the caller's order; this keeps the order given. */
export function filterBank<T extends BankItem>(items: readonly T[], filter: BankFilter, statsOf: (id: string) => BankItemStats | undefined, match: PinyinMatcher = plainMatcher): T[] {
  const q = filter.query.trim()
  const words = q === '' ? [] : q.split(/\s+/)
  return items.filter((item) => {
    if (filter.subject !== undefined && item.subject !== filter.subject) return false
    if (filter.grade !== undefined && item.grade !== filter.grade) return false
    if (filter.unit !== undefined && filter.unit !== '' && item.unit !== filter.unit) return false
    if (filter.difficulty !== undefined && item.difficulty !== filter.difficulty) return false
    if (filter.kind !== undefined && item.kind !== filter.kind) return false
    if (filter.notUsedWithClassId !== undefined && statsOf(item.id)?.classIds.has(filter.notUsedWithClassId)) return false
    if (words.length === 0) return true
    const text = searchText(item)
    // Every word must match somewhere: "分数 fs" finds 分数加法 in any unit whose text also has f…s….
    return words.every((w) => match(text, w) || item.points.some((p) => match(p, w)))
  })
}

/** The units used in a list of items, for the filter's choices (school order: as first seen). */
export function unitsOf(items: readonly BankItem[]): string[] {
  const out: string[] = []
  for (const i of items) if (i.unit !== '' && !out.includes(i.unit)) out.push(i.unit)
  return out
}

/** 知识点 as typed ("分数加法、通分, 约分") into the list of points. */
export function parsePoints(text: string): string[] {
  const out: string[] = []
  for (const p of text.split(/[、,，;；\n]/)) {
    const t = p.trim().slice(0, 40)
    // `__proto__` cannot be a key of a stored set: a JSON reader would turn it into a prototype.
    if (t !== '' && t !== '__proto__' && !out.includes(t)) out.push(t)
  }
  return out
}

/** Points as the stored set (a stable map keyed by the point, so two devices adding points both win). */
export function pointSet(points: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(points.filter((p) => p !== '__proto__').map((p) => [p, true]))
}

/** The stored set as a list, in the order kept. */
export function pointList(set: Readonly<Record<string, boolean>>): string[] {
  return Object.entries(set).flatMap(([p, on]) => (on ? [p] : []))
}
