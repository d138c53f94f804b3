// The navigation "me" sees: the desk (统筹) only for a class teacher (their class) or a grade leader
// (their grade), from the roles records of "me" on this device, read live (a role given by the admin
// arrives by sync and the link appears). The shell's own code: it loads the database code only on a
// device that has a database, and on a new one once the app opens it (a new teacher's welcome screen
// downloads no database code, and has no roles anyway).
import type { Subscription } from 'dexie'
import { computed, onScopeDispose, ref } from 'vue'
import { NAV_ITEMS, type NavItem } from '@/router'
import { META } from '@/db/constants'
import { whenDatabaseMayOpen } from '@/db/presence'

export function useNavItems() {
  const leads = ref(false)
  let subscription: Subscription | undefined
  let disposed = false

  const follow = async (): Promise<void> => {
    if (subscription) return
    const [{ liveQuery }, { appDb }, { liveRows }] = await Promise.all([import('dexie'), import('@/db/database'), import('@/db/read')])
    if (disposed || subscription) return
    const db = appDb()
    subscription = liveQuery(async () => {
      const me = (await db.meta.get(META.me))?.value
      if (typeof me !== 'string') return false
      return (await liveRows(db.roles.where('teacherId').equals(me))).length > 0
    }).subscribe({ next: (value) => (leads.value = value), error: () => undefined })
  }
  const stopWaiting = whenDatabaseMayOpen(() => void follow())
  onScopeDispose(() => {
    disposed = true
    stopWaiting()
    subscription?.unsubscribe()
  })
  return computed<readonly NavItem[]>(() => NAV_ITEMS.filter((item) => !item.forLeaders || leads.value))
}
