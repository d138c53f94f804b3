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
  | 'dateOutOfRange'
  | 'dueTooLate'
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

// The limits every way in shares (the designer, the plan and roster readers, the backup check): one
// rule each, so what one accepts the others accept too.

/** The most minutes an item or a 先做 time may have: a whole day. */
export const MINUTES_MAX = 24 * 60

/** A time is a finite number of minutes, not below 0, at most a day (never Infinity or NaN). */
export function isValidMinutes(m: number): boolean {
  return Number.isFinite(m) && m >= 0 && m <= MINUTES_MAX
}

/**
 * The dates homework may be set for: a plausible school year. Nothing outside it is a real evening of
 * homework, and each date costs the engine work, so a typo such as 9999-12-31 is refused.
 */
export const DATE_MIN = '2000-01-01'
export const DATE_MAX = '2099-12-31'

/**
 * The latest due date: four weeks after the evening. Homework spread over longer is a project, not an
 * evening's load, and a far-off due date would spread one item over millions of evenings.
 */
export const DUE_MAX_DAYS = 28

export function isDateInRange(date: string): boolean {
  return date >= DATE_MIN && date <= DATE_MAX
}

/** A due date after the evening and at most DUE_MAX_DAYS later. */
export function isDueInRange(date: string, due: string): boolean {
  const span = dayNumber(due) - dayNumber(date)
  return span > 0 && span <= DUE_MAX_DAYS
}

/** Lengths of text fields, in characters: room for any real entry, not for a pasted document. */
export const TEXT_MAX = { title: 200, subject: 20, className: 20, studentName: 40 } as const

/** The evening and the optional due date (''): real dates in range, and a due date after it, not too far. */
export function checkDates(date: string, due: string): DraftProblem[] {
  const problems: DraftProblem[] = []
  const day = dayNumber(date)
  if (Number.isNaN(day)) problems.push({ code: 'dateInvalid', field: 'date' })
  else if (!isDateInRange(date)) problems.push({ code: 'dateOutOfRange', field: 'date' })
  if (due !== '') {
    const dueDay = dayNumber(due)
    if (Number.isNaN(dueDay)) problems.push({ code: 'dueInvalid', field: 'due' })
    else if (!Number.isNaN(day) && dueDay <= day) problems.push({ code: 'dueNotAfterDate', field: 'due' })
    else if (!Number.isNaN(day) && !isDueInRange(date, due)) problems.push({ code: 'dueTooLate', field: 'due' })
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
