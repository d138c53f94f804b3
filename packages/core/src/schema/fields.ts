// The field schemas every stored record is checked with, wherever it comes from: the app's own writes
// (tests), a backup file, a sync payload. Text has length limits (a 50 MB school name would make every
// screen take seconds), numbers have the ranges the app can show and count, dates are real dates.
import * as v from 'valibot'
import { isIsoDate } from '../domain/dates'
import { isHlc } from '../domain/hlc'
import { isValidMinutes } from '../domain/assignmentDraft'
import { TEXT_LIMITS } from './textLimits'

export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(TEXT_LIMITS.id))
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
export const requiredText = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max))
export const isoDate = v.pipe(v.string(), v.check(isIsoDate, 'date'))
export const dateOrEmpty = v.pipe(
  v.string(),
  v.check((s) => s === '' || isIsoDate(s), 'dateOrEmpty'),
)
export const count = v.pipe(v.number(), v.integer(), v.minValue(0))
export const position = v.pipe(v.number(), v.finite())
export const grade = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12))
/** An item's minutes (or the teacher's own 先做 minutes): 0–1440, finite; null when not known. */
export const minutes = v.nullable(v.pipe(v.number(), v.check(isValidMinutes, 'minutes')))
export const hlcStamp = v.pipe(
  v.string(),
  v.check(isHlc, 'hlc'),
)
/** Epoch milliseconds (a timer's start): a real moment, not 1e308. */
export const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15))

/** The sync metadata every stored record carries (../shared/sync-design.md). */
export const SYNC_META = {
  id,
  /** HLC of the record's last change. */
  updatedAt: hlcStamp,
  /** HLC of the last change of each field, so concurrent edits of different fields both survive. */
  fieldClock: v.record(v.pipe(v.string(), v.maxLength(60)), hlcStamp),
  /** HLC of the deletion (a tombstone); absent while the record lives. */
  deletedAt: v.optional(hlcStamp),
  /** Bumped on every change; sync sends it as the base version of the next change. */
  version: count,
}
