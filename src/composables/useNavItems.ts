// The navigation "me" sees: the desk (统筹) only for a class teacher (their class) or a grade leader
// (their grade), from the roles records of "me" on this device, read live (a role given by the admin
// arrives by sync and the link appears).
import { computed } from 'vue'
import { NAV_ITEMS, type NavItem } from '@/router'
import { appDb } from '@/db/database'
import { META } from '@/db/constants'
import { liveRows } from '@/db/read'
import { useLiveQuery } from './useLiveQuery'

export function useNavItems() {
  const leads = useLiveQuery(async () => {
    const db = appDb()
    const me = (await db.meta.get(META.me))?.value
    if (typeof me !== 'string') return false
    return (await liveRows(db.roles.where('teacherId').equals(me))).length > 0
  })
  return computed<readonly NavItem[]>(() => NAV_ITEMS.filter((item) => !item.forLeaders || leads.data.value === true))
}
