// What the designer learns from what came after earlier homework: the calibration of this teacher's
// estimates in this subject and class (the subject group's when she has no reports yet), applied to
// the form's estimates on request; the bank items picked into the form, and whether one was set in
// this class before (重复性作业: 意见 二.6 asks for no mechanical, repeated homework).
import { computed, type ComputedRef } from 'vue'
import { isIsoDate } from '@hl/core/domain/dates'
import { itemMinutes } from '@hl/core/domain/minutes'
import { applyFactor, designerCalibration, type DesignerCalibration } from '@hl/core/domain/realTimes'
import { appDb } from '@/db/database'
import { bankLinksOf, earlierUsesInClass, linkBankItem } from '@/db/repos/bankLinks'
import { loadCalibrationInput } from '@/db/repos/times'
import { toItem } from '@/db/toDomain'
import type { BankEntry } from './useBank'
import type { DesignerState, DraftItem } from './useAssignmentDraft'
import { useLiveQuery } from './useLiveQuery'

export function useDesignerExtras(state: DesignerState, teacherId: () => string | undefined, multiplier: ComputedRef<number>) {
  const db = appDb()
  const classId = () => state.classIds[0]
  const input = useLiveQuery(
    async () => {
      const tid = teacherId()
      const cid = classId()
      if (!tid || !cid || !state.subject || !isIsoDate(state.date)) return null
      return loadCalibrationInput(db, { teacherId: tid, classId: cid, subject: state.subject, date: state.date, multiplier: multiplier.value })
    },
    [teacherId, classId, () => state.subject, () => state.date, multiplier],
  )
  const calibration = computed<DesignerCalibration | null>(() => (input.data.value ? designerCalibration(input.data.value.own, input.data.value.group) : null))

  /** Sets each written take-home item's minutes to its estimate × the factor; returns how to undo it. */
  function applyCalibration(): (() => void) | null {
    const c = calibration.value
    if (!c) return null
    const before = state.items.map((i) => ({ item: i, minutes: i.minutes }))
    for (const item of state.items) {
      if (item.kind !== 'written' || item.where !== 'home') continue
      const estimate = itemMinutes(toItem(item), multiplier.value)
      if (estimate > 0) item.minutes = applyFactor(estimate, c.factor)
    }
    return () => {
      for (const b of before) b.item.minutes = b.minutes
    }
  }

  const itemIds = () => state.items.map((i) => i.id).join(',')
  /** Items of the form that come from the bank and were set in this class before, with the last date. */
  const earlier = useLiveQuery(
    async () => {
      const cid = classId()
      if (!cid) return new Map<string, string>()
      return earlierUsesInClass(db, await bankLinksOf(db, state.items.map((i) => i.id)), cid)
    },
    [itemIds, classId],
  )
  const repeats = computed(() => {
    const out: { itemId: string; title: string; date: string }[] = []
    for (const item of state.items) {
      const date = earlier.data.value?.get(item.id)
      if (date) out.push({ itemId: item.id, title: item.title, date })
    }
    return out
  })

  /** A bank item into the form: a new item with its fields, linked to the bank (the use counts once saved). */
  async function addFromBank(entry: BankEntry, add: () => DraftItem): Promise<DraftItem> {
    // A new form's one empty item is taken rather than left blank above the picked one.
    const item = state.items.find((i) => i.title.trim() === '' && i.minutes === null && i.trialMinutes === null) ?? add()
    const r = entry.row
    Object.assign(item, { title: r.title, kind: r.kind, where: r.where, tiers: { ...r.tiers }, minutes: r.minutes, trialMinutes: r.trialMinutes })
    await linkBankItem(db, r.id, item.id)
    return item
  }

  return { calibration, applyCalibration, repeats, addFromBank }
}
