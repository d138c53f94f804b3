// Small pure helpers of the assignment designer: today's date in China, the order of items, and how an
// assignment with a later due date spreads over evenings.
import { tiersOf, type ItemDraft } from './assignmentDraft'
import { eveningCount, itemMinutes } from './minutes'
import { toAssignmentItem } from './gauge'
import { isIsoDate } from './dates'
import { TIERS, type Tier } from './types'



/** A copy of `list` with the entry at `from` moved to `to`; out-of-range moves return the list unchanged. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list]
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return out
  const [moved] = out.splice(from, 1)
  out.splice(to, 0, moved as T)
  return out
}

/** Minutes of a draft for a student in each layer (all kinds, home and school), with 先做 × multiplier. */
export function draftTierMinutes(items: readonly ItemDraft[], teacherMultiplier: number): Record<Tier, number> {
  const out: Record<Tier, number> = { core: 0, extend: 0, challenge: 0 }
  for (const item of items) {
    const minutes = itemMinutes(toAssignmentItem(item), teacherMultiplier)
    for (const tier of tiersOf(item.tiers)) out[tier] += minutes
  }
  return out
}

export interface SpreadSummary {
  /** Evenings the assignment is done on (1 without a due date). */
  evenings: number
  /** The heaviest layer's minutes in all. */
  totalMinutes: number
  /** The heaviest layer's minutes on each evening, rounded to whole minutes. */
  perEvening: number
}

/**
 * "分 3 个晚上完成，每晚约 X 分钟": with a later due date, the minutes spread evenly over the evenings up to
 * the day before it is due (eveningCount). Figures are for the heaviest layer, so no group is forgotten.
 * Null while the dates are not valid yet.
 */
export function spreadSummary(date: string, due: string, items: readonly ItemDraft[], teacherMultiplier: number): SpreadSummary | null {
  if (!isIsoDate(date) || (due !== '' && !isIsoDate(due))) return null
  const evenings = eveningCount({ date, ...(due && due > date ? { due } : {}) })
  const byTier = draftTierMinutes(items, teacherMultiplier)
  const totalMinutes = Math.max(...TIERS.map((t) => byTier[t]))
  return { evenings, totalMinutes, perEvening: Math.round(totalMinutes / evenings) }
}
