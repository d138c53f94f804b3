// 公示 for parents, with a school server: the links of a class's week, made, listed and revoked through
// the device's session (signed in on 同步). Without a session the page says a server is needed.
import { ref, shallowRef, watch, type Ref } from 'vue'
import type { PublicityLinkInfo } from '@hl/core/sync/protocol'
import { appDb } from '@/db/database'
import { getSession } from '@/db/session'
import { useLiveQuery } from './useLiveQuery'

export function usePublicityLinks(classId: Ref<string | undefined>, weekStart: Ref<string>) {
  const db = appDb()
  const session = useLiveQuery(() => getSession(db))
  const links = shallowRef<PublicityLinkInfo[]>([])
  /** The link just made: its address (shown once) and QR code. */
  const created = shallowRef<PublicityLinkInfo | null>(null)
  const error = ref<unknown>(null)
  const busy = ref(false)

  async function api() {
    const s = await getSession(db)
    if (!s) return null
    const { apiFor } = await import('@/sync/engine')
    return apiFor(db, s)
  }
  async function refresh(): Promise<void> {
    const a = await api()
    const id = classId.value
    if (!a || !id) return void (links.value = [])
    try {
      links.value = await a.publicity.list(id, weekStart.value)
      error.value = null
    } catch (e) {
      error.value = e
    }
  }
  watch([classId, weekStart, () => session.data.value], () => {
    created.value = null
    void refresh()
  }, { immediate: true })

  return {
    hasServer: () => !!session.data.value,
    links,
    created,
    error,
    busy,
    async create(): Promise<void> {
      const a = await api()
      if (!a || !classId.value) return
      busy.value = true
      try {
        created.value = await a.publicity.create(classId.value, weekStart.value)
        error.value = null
        await refresh()
      } catch (e) {
        error.value = e
      } finally {
        busy.value = false
      }
    },
    async revoke(id: string): Promise<void> {
      const a = await api()
      if (!a) return
      busy.value = true
      try {
        await a.publicity.revoke(id)
        if (created.value?.id === id) created.value = null
        await refresh()
      } catch (e) {
        error.value = e
      } finally {
        busy.value = false
      }
    },
  }
}
