// The designer's unsaved work, kept on the device as the teacher types (a new assignment not saved yet,
// or the changes to a stored one), so closing the browser loses nothing. Device-local: never synced,
// but part of a backup (a teacher's half-finished homework is her work too). The schema accepts what
// the designer's form can hold while it is being typed (an empty title, no minutes yet, a negative
// number typed by mistake) but nothing unbounded.
import * as v from 'valibot'
import { id, text } from './fields'
import { TEXT_LIMITS } from './textLimits'

const draftItem = v.object({
  /** Made when the item is added; the saved item keeps it (a 先做 timer refers to it). */
  id,
  title: text(TEXT_LIMITS.title),
  kind: v.picklist(['written', 'oral', 'reading', 'practice', 'exercise', 'chores']),
  where: v.picklist(['home', 'school']),
  tiers: v.object({ core: v.boolean(), extend: v.boolean(), challenge: v.boolean() }),
  minutes: v.nullable(v.pipe(v.number(), v.finite())),
  trialMinutes: v.nullable(v.pipe(v.number(), v.finite())),
})

/** The designer's form: classes, subject, evening, due date and items. */
export const DESIGNER_STATE = v.object({
  classIds: v.pipe(v.array(id), v.maxLength(100)),
  subject: text(TEXT_LIMITS.subject),
  /** 'YYYY-MM-DD' once chosen; the form may hold '' while the teacher picks. */
  date: text(10),
  due: text(10),
  items: v.pipe(v.array(draftItem), v.maxLength(200)),
})

export const DRAFT_RECORD = v.object({
  /** 'new:<uuid>' for an assignment not saved yet, 'edit:<assignment id>' for changes to a stored one. */
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(TEXT_LIMITS.id + 10)),
  /** The stored assignment being changed; '' for a new one. */
  assignmentId: text(TEXT_LIMITS.id),
  teacherId: text(TEXT_LIMITS.id),
  /** Epoch ms of the last change kept. */
  savedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The stored assignment as the form loaded it (what its changes are against); null for a new one. */
  base: v.nullable(DESIGNER_STATE),
  /** The stored assignment's status when the form loaded it; null for a new one. */
  baseStatus: v.nullable(v.picklist(['draft', 'published'])),
  state: DESIGNER_STATE,
})

export type DesignerStateRecord = v.InferOutput<typeof DESIGNER_STATE>
export type DraftItemRecord = DesignerStateRecord['items'][number]
export type DraftRecord = v.InferOutput<typeof DRAFT_RECORD>
