// Whether "me" may change the school's own settings (its name and region, the term and calendar, the
// grades and classes, who teaches what, the rules, the approval switch): on a device signed in to a
// school server, only whom the scope rules let write the school's records (TABLE_SCOPE.schools: the
// admin), as the server checks every change; a device without a server is its teacher's own school.
// Undefined until the session is read, so an edit is never offered for a moment and then taken away.
import { computed, type ComputedRef } from 'vue'
import { accessScopeOf, canWrite, factsOf } from '@hl/core/sync/access'
import { appDb } from '@/db/database'
import { getSession } from '@/db/session'
import { useLiveQuery } from './useLiveQuery'

export function useMayChangeSchool(): ComputedRef<boolean | undefined> {
  const db = appDb()
  const session = useLiveQuery(() => getSession(db))
  return computed(() => {
    if (session.isLoading.value) return undefined
    const s = session.data.value
    if (!s) return true
    return canWrite(accessScopeOf(s.account, []), 'schools', factsOf('schools', {}, null))
  })
}
