// The State Council's holiday arrangements for a date range (packages/core/src/domain/officialCalendar.ts),
// loaded the first time a screen asks: the module and its data table travel in their own chunk, never
// in the first load. Until it arrives `calendar` is null and screens say they are loading it.
import { computed, shallowRef, type ComputedRef } from 'vue'
import type { OfficialCalendar } from '@hl/core/domain/officialCalendar'

type OfficialCalendarModule = typeof import('@hl/core/domain/officialCalendar')

let loading: Promise<OfficialCalendarModule> | undefined

export function loadOfficialCalendar(): Promise<OfficialCalendarModule> {
  return (loading ??= import('@hl/core/domain/officialCalendar'))
}

export function useOfficialCalendar(range: () => { from: string; to: string }): { calendar: ComputedRef<OfficialCalendar | null> } {
  const module = shallowRef<OfficialCalendarModule>()
  void loadOfficialCalendar().then((m) => (module.value = m))
  return {
    calendar: computed(() => {
      const { from, to } = range()
      return module.value ? module.value.officialCalendar(from, to) : null
    }),
  }
}
