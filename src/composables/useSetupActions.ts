// First run: load the demo school, or set up a new one. The demo's code and data are imported only when
// a visitor asks for them, so the welcome screen stays small.
import { ref, toRaw, type Ref } from 'vue'
import type { SchoolSetup } from '@/db/repos/schoolSetup'
import { chinaDate } from '@hl/core/domain/dates'
import { keepSchoolData } from './keepSchoolData'

/** Today's date where the schools are (China Standard Time), whatever the device's time zone. */
export function setupToday(now: number = Date.now()): string {
  return chinaDate(now)
}

export interface UseSetupActions {
  busy: Ref<boolean>
  /** Writes the demo school as of today. */
  loadDemo: () => Promise<void>
  /** Creates the school from the setup form. */
  createSchool: (setup: SchoolSetup) => Promise<void>
}

export function useSetupActions(): UseSetupActions {
  const busy = ref(false)
  const run = async (fn: () => Promise<unknown>): Promise<void> => {
    busy.value = true
    try {
      await fn()
    } finally {
      busy.value = false
    }
  }
  return {
    busy,
    loadDemo: () =>
      run(async () => {
        const [{ loadDemoSchool }, { appDb }] = await Promise.all([import('@/demo/demoSchool'), import('@/db/database')])
        await loadDemoSchool(appDb(), setupToday())
        keepSchoolData()
      }),
    // The form's state is reactive: store plain copies (a Vue proxy cannot be cloned into IndexedDB).
    createSchool: (setup) =>
      run(async () => {
        // The form as it is now, before anything is awaited (the form may change while the code loads).
        const plain = structuredClone(toRawDeep(setup))
        // The database code loads with the first write: the welcome and setup screens do without it.
        const [{ setUpSchool }, { appDb }] = await Promise.all([import('@/db/repos/schoolSetup'), import('@/db/database')])
        await setUpSchool(appDb(), plain)
        keepSchoolData()
      }),
  }
}

function toRawDeep<T>(value: T): T {
  const raw = toRaw(value)
  if (Array.isArray(raw)) return raw.map((v) => toRawDeep(v)) as T
  if (raw !== null && typeof raw === 'object') return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, toRawDeep(v)])) as T
  return raw
}
