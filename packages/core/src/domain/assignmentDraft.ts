// Checks of an assignment as a teacher drafts it, before anything is stored. Each problem names the
// field, so a form can show it beside the input; the messages themselves live in the i18n tables.
import { dayNumber } from './dates'
import { TIERS, type ItemKind, type Tier, type Where, ITEM_KINDS, WHERES } from './types'

export interface ItemDraft {
  title: string
  kind: ItemKind
  where: Where
  tiers: Record<Tier, boolean>
  minutes: number | null
  trialMinutes: number | null
}

export interface AssignmentDraft {
  subject: string
  date: string
  /** '' for none. */
  due: string
  items: readonly ItemDraft[]
}

export type DraftProblemCode =
  | 'subjectMissing'
  | 'dateInvalid'
  | 'dueInvalid'
  | 'dueNotAfterDate'
  | 'noItems'
  | 'titleMissing'
  | 'titleTooLong'
  | 'kindInvalid'
  | 'whereInvalid'
  | 'noTier'
  | 'minutesMissing'
  | 'minutesInvalid'
  | 'trialMinutesInvalid'
  | 'timerRunning'

export interface DraftProblem {
  code: DraftProblemCode
  /** 'subject', 'date', 'due', 'items', or `items.${index}.${field}`. */
  field: string
}

/** A time is a finite number of minutes, not below 0, at most a day. */
export function isValidMinutes(m: number): boolean {
  return Number.isFinite(m) && m >= 0 && m <= 24 * 60
}

/** The evening and the optional due date (''): a real date, and a due date after it. */
export function checkDates(date: string, due: string): DraftProblem[] {
  const problems: DraftProblem[] = []
  const day = dayNumber(date)
  if (Number.isNaN(day)) problems.push({ code: 'dateInvalid', field: 'date' })
  if (due !== '') {
    const dueDay = dayNumber(due)
    if (Number.isNaN(dueDay)) problems.push({ code: 'dueInvalid', field: 'due' })
    else if (!Number.isNaN(day) && dueDay <= day) problems.push({ code: 'dueNotAfterDate', field: 'due' })
  }
  return problems
}

/** Longest item content, in characters (the stored schema's limit too: TEXT_LIMITS.title). */
export const TITLE_MAX = 500

/**
 * What stops an assignment from being saved. A draft may be incomplete (no title or minutes yet, an
 * item no layer does, no items at all) but never wrong (a bad date, a negative or impossible time);
 * publishing needs everything.
 */
export type DraftCheckMode = 'publish' | 'draft'

export function checkDraft(draft: AssignmentDraft, mode: DraftCheckMode = 'publish'): DraftProblem[] {
  const problems: DraftProblem[] = []
  const complete = mode === 'publish'
  if (!draft.subject.trim()) problems.push({ code: 'subjectMissing', field: 'subject' })
  problems.push(...checkDates(draft.date, draft.due))
  if (complete && draft.items.length === 0) problems.push({ code: 'noItems', field: 'items' })
  draft.items.forEach((item, i) => {
    const at = (field: string) => `items.${i}.${field}`
    if (complete && !item.title.trim()) problems.push({ code: 'titleMissing', field: at('title') })
    if (item.title.length > TITLE_MAX) problems.push({ code: 'titleTooLong', field: at('title') })
    if (!ITEM_KINDS.includes(item.kind)) problems.push({ code: 'kindInvalid', field: at('kind') })
    if (!WHERES.includes(item.where)) problems.push({ code: 'whereInvalid', field: at('where') })
    if (complete && !TIERS.some((t) => item.tiers[t])) problems.push({ code: 'noTier', field: at('tiers') })
    if (item.minutes !== null && !isValidMinutes(item.minutes)) problems.push({ code: 'minutesInvalid', field: at('minutes') })
    if (item.trialMinutes !== null && !isValidMinutes(item.trialMinutes)) problems.push({ code: 'trialMinutesInvalid', field: at('trialMinutes') })
    if (complete && item.minutes === null && item.trialMinutes === null) problems.push({ code: 'minutesMissing', field: at('minutes') })
  })
  return problems
}

export function tiersOf(map: Record<Tier, boolean>): Tier[] {
  return TIERS.filter((t) => map[t])
}
