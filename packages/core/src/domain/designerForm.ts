// The designer's form against the stored assignment it was opened from. A form saves only what the
// teacher changed, against the version it loaded (the base): when the stored assignment changed
// underneath (another tab, later another device), the form takes the changes the teacher did not make
// herself, and shows both values where both sides changed the same thing, instead of overwriting.
// A three-way merge: base (what the form loaded), mine (the form), theirs (what is stored now).
// Pure: the composable passes the states in; nothing here reads storage or the clock.
import { TIERS, type ItemKind, type Tier, type Where } from './types'

export interface FormItem {
  /** Made when the item is added; the saved item keeps it. */
  id: string
  title: string
  kind: ItemKind
  where: Where
  tiers: Record<Tier, boolean>
  minutes: number | null
  trialMinutes: number | null
}

export interface FormState {
  classIds: string[]
  subject: string
  date: string
  due: string
  items: FormItem[]
}

/** Fields of the assignment itself that a teacher edits in the form. */
export const FORM_FIELDS = ['subject', 'date', 'due'] as const
export type FormField = (typeof FORM_FIELDS)[number]

/** Fields of an item, with the layers as one field each (two devices toggling different layers both win). */
export const ITEM_FIELDS = ['title', 'kind', 'where', 'tiers.core', 'tiers.extend', 'tiers.challenge', 'minutes', 'trialMinutes'] as const
export type ItemField = (typeof ITEM_FIELDS)[number]

function itemValue(item: FormItem, field: ItemField): unknown {
  if (field.startsWith('tiers.')) return item.tiers[field.slice(6) as Tier]
  return item[field as Exclude<ItemField, `tiers.${Tier}`>]
}

function setItemValue(item: FormItem, field: ItemField, value: unknown): void {
  if (field.startsWith('tiers.')) item.tiers[field.slice(6) as Tier] = value as boolean
  else (item as unknown as Record<string, unknown>)[field] = value
}

const copyItem = (item: FormItem): FormItem => ({ ...item, tiers: { ...item.tiers } })
const copyState = (s: FormState): FormState => ({ ...s, classIds: [...s.classIds], items: s.items.map(copyItem) })
const same = (a: unknown, b: unknown) => a === b || (typeof a === 'string' && typeof b === 'string' && a.trim() === b.trim())

/** One difference between the form and what it was opened from. */
export type FormChange =
  | { kind: 'field'; field: FormField; before: string; after: string }
  | { kind: 'itemField'; itemId: string; position: number; field: ItemField; before: unknown; after: unknown }
  | { kind: 'itemAdded'; itemId: string; position: number; title: string }
  | { kind: 'itemRemoved'; itemId: string; position: number; title: string }
  | { kind: 'order' }

/** What the form changed against `base`: what "unsaved changes" lists, with what was saved before. */
export function diffForm(base: FormState, mine: FormState): FormChange[] {
  const out: FormChange[] = []
  for (const field of FORM_FIELDS) if (!same(base[field], mine[field])) out.push({ kind: 'field', field, before: base[field], after: mine[field] })
  const baseItems = new Map(base.items.map((item, position) => [item.id, { item, position }]))
  const mineIds = new Set(mine.items.map((i) => i.id))
  mine.items.forEach((item, position) => {
    const before = baseItems.get(item.id)
    if (!before) {
      out.push({ kind: 'itemAdded', itemId: item.id, position, title: item.title })
      return
    }
    for (const field of ITEM_FIELDS) {
      const a = itemValue(before.item, field)
      const b = itemValue(item, field)
      if (!same(a, b)) out.push({ kind: 'itemField', itemId: item.id, position, field, before: a, after: b })
    }
  })
  base.items.forEach((item, position) => {
    if (!mineIds.has(item.id)) out.push({ kind: 'itemRemoved', itemId: item.id, position, title: item.title })
  })
  const kept = (s: FormState, ids: Set<string>) => s.items.map((i) => i.id).filter((id) => ids.has(id))
  const common = new Set(base.items.map((i) => i.id).filter((id) => mineIds.has(id)))
  if (kept(base, common).join() !== kept(mine, common).join()) out.push({ kind: 'order' })
  return out
}

/** Where the form and the stored assignment both changed the same thing since the form loaded it. */
export type FormConflict =
  | { kind: 'field'; field: FormField; mine: string; theirs: string }
  | { kind: 'itemField'; itemId: string; field: ItemField; mine: unknown; theirs: unknown }
  /** The form changed an item that was deleted elsewhere: it stays in the form, marked. */
  | { kind: 'itemDeletedElsewhere'; itemId: string }
  /** The form removed an item that was changed elsewhere: it stays removed, and the other change is shown. */
  | { kind: 'itemChangedElsewhere'; itemId: string; theirs: FormItem }

export function conflictKey(c: FormConflict): string {
  return c.kind === 'field' ? `field:${c.field}` : c.kind === 'itemField' ? `item:${c.itemId}:${c.field}` : `${c.kind}:${c.itemId}`
}

export interface RebaseResult {
  /** The form as it should now read: theirs, with mine applied; where both changed, mine (shown as a conflict). */
  state: FormState
  conflicts: FormConflict[]
}

/**
 * Brings the form up to date with what is stored now. Every field the teacher did not change takes the
 * stored value; every field she changed keeps hers; where she and the other side changed the same field
 * to different values, hers stays in the form and the conflict is returned, so the screen can show both.
 */
export function rebaseForm(base: FormState, mine: FormState, theirs: FormState): RebaseResult {
  const conflicts: FormConflict[] = []
  const state = copyState(theirs)
  // The classes of a stored assignment do not change in the form; a new one has no "theirs" to merge.
  state.classIds = [...mine.classIds]
  for (const field of FORM_FIELDS) {
    const b = base[field]
    const m = mine[field]
    const t = theirs[field]
    if (same(m, b)) continue
    state[field] = m
    if (!same(t, b) && !same(t, m)) conflicts.push({ kind: 'field', field, mine: m, theirs: t })
  }

  const baseById = new Map(base.items.map((i) => [i.id, i]))
  const theirsById = new Map(theirs.items.map((i) => [i.id, i]))
  const mineById = new Map(mine.items.map((i) => [i.id, i]))
  const merged = new Map<string, FormItem>()

  for (const m of mine.items) {
    const b = baseById.get(m.id)
    const t = theirsById.get(m.id)
    if (!b) {
      merged.set(m.id, copyItem(m)) // added here
      continue
    }
    if (!t) {
      // Deleted elsewhere: gone, unless the form changed it (then it stays, and the teacher decides).
      if (ITEM_FIELDS.some((f) => !same(itemValue(m, f), itemValue(b, f)))) {
        merged.set(m.id, copyItem(m))
        conflicts.push({ kind: 'itemDeletedElsewhere', itemId: m.id })
      }
      continue
    }
    const item = copyItem(t)
    for (const field of ITEM_FIELDS) {
      const bv = itemValue(b, field)
      const mv = itemValue(m, field)
      const tv = itemValue(t, field)
      if (same(mv, bv)) continue
      setItemValue(item, field, mv)
      if (!same(tv, bv) && !same(tv, mv)) conflicts.push({ kind: 'itemField', itemId: m.id, field, mine: mv, theirs: tv })
    }
    merged.set(m.id, item)
  }
  for (const t of theirs.items) {
    if (mineById.has(t.id)) continue
    const b = baseById.get(t.id)
    if (!b) {
      merged.set(t.id, copyItem(t)) // added elsewhere
    } else if (ITEM_FIELDS.some((f) => !same(itemValue(t, f), itemValue(b, f)))) {
      conflicts.push({ kind: 'itemChangedElsewhere', itemId: t.id, theirs: copyItem(t) }) // removed here, changed there
    }
  }

  // Order: the form's, if the teacher reordered; else the stored one. An item only the other list has
  // goes right after the item it follows there.
  const reordered = diffForm(base, mine).some((c) => c.kind === 'order')
  const [lead, other] = reordered ? [mine.items, theirs.items] : [theirs.items, mine.items]
  const ids: string[] = lead.map((i) => i.id).filter((id) => merged.has(id))
  other.forEach((item, index) => {
    if (!merged.has(item.id) || ids.includes(item.id)) return
    let at = 0
    for (let k = index - 1; k >= 0; k--) {
      const before = ids.indexOf(other[k]!.id)
      if (before >= 0) {
        at = before + 1
        break
      }
    }
    ids.splice(at, 0, item.id)
  })
  state.items = ids.map((id) => merged.get(id)!)
  return { state, conflicts }
}

/** The form with one conflict settled by taking the other side's value (the teacher's choice). */
export function takeTheirs(state: FormState, conflict: FormConflict): FormState {
  const next = copyState(state)
  switch (conflict.kind) {
    case 'field':
      next[conflict.field] = conflict.theirs
      break
    case 'itemField': {
      const item = next.items.find((i) => i.id === conflict.itemId)
      if (item) setItemValue(item, conflict.field, conflict.theirs)
      break
    }
    case 'itemDeletedElsewhere':
      next.items = next.items.filter((i) => i.id !== conflict.itemId)
      break
    case 'itemChangedElsewhere':
      if (!next.items.some((i) => i.id === conflict.itemId)) next.items.push(copyItem(conflict.theirs))
      break
  }
  return next
}

/** True when the two forms hold the same assignment (what "no unsaved changes" means). */
export function sameForm(a: FormState, b: FormState): boolean {
  return a.classIds.join() === b.classIds.join() && diffForm(a, b).length === 0
}

/** A blank item as the designer adds it: every layer does it, no time yet. */
export function blankItem(id: string): FormItem {
  return { id, title: '', kind: 'written', where: 'home', tiers: Object.fromEntries(TIERS.map((t) => [t, true])) as Record<Tier, boolean>, minutes: null, trialMinutes: null }
}
