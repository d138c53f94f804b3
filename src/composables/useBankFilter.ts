// The bank's search and filters as state (shown by BankFilters.vue): what is typed and chosen, the
// BankFilter it makes, and the units to offer among the entries of the chosen subject. The 题库 screen
// chooses the subject; the designer's picker fixes it (the form's) and knows the class for
// "never set in this class".
import { computed, ref } from 'vue'
import { unitsOf, type BankFilter } from '@hl/core/domain/bank'
import type { ItemKind } from '@hl/core/domain/types'
import type { BankEntry } from './useBank'

export function useBankFilter(fixed: { subject?: () => string; classId?: () => string | undefined } = {}) {
  const query = ref('')
  const subject = ref('')
  const unit = ref('')
  const difficulty = ref(0)
  const kind = ref<ItemKind | ''>('')
  const fresh = ref(false)
  const subjectShown = () => (fixed.subject ? fixed.subject() : subject.value)
  const filter = computed<BankFilter>(() => {
    const s = subjectShown()
    const classId = fixed.classId?.()
    return {
      query: query.value,
      ...(s ? { subject: s } : {}),
      ...(unit.value ? { unit: unit.value } : {}),
      ...(difficulty.value ? { difficulty: difficulty.value } : {}),
      ...(kind.value ? { kind: kind.value } : {}),
      ...(fresh.value && classId ? { notUsedWithClassId: classId } : {}),
    }
  })
  /** The units of the entries of the subject shown, to choose from. */
  const unitsAmong = (entries: readonly BankEntry[]): string[] => {
    const s = subjectShown()
    return unitsOf(entries.filter((e) => !s || e.item.subject === s).map((e) => e.item))
  }
  return { query, subject, unit, difficulty, kind, fresh, filter, unitsAmong }
}
