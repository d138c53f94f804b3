// The longest text each kind of field may hold: checked by the field schemas (fields.ts) and shown and
// enforced by forms. A module of its own, without the schemas, so a form that only needs the limits loads
// no schema library.
import { TITLE_MAX } from '../domain/assignmentDraft'

/** Longest text per kind of field, in characters. Generous for real use, small enough to stay fast. */
export const TEXT_LIMITS = {
  /** Record ids: UUIDv7 (36) or natural ids made of a few of them. */
  id: 200,
  /** A person's, a school's, a class's or a term's name. */
  name: 100,
  subject: 40,
  /** An item's content, e.g. "练习册 p12–13 第 1–6 题". */
  title: TITLE_MAX,
  note: 200,
} as const
