// The desk's address: whom it is for (?grade=5 or ?class=<id>), the period (?view=term) and the week
// (?date=), so every desk page of every grade and week has its own address and Back works.
import { computed, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { chinaDate } from '@hl/core/domain/dates'
import { weekStartFor } from '@hl/core/domain/weekGrid'
import { scopeKey, useDeskRoles, type DeskMode, type DeskScope } from './useDesk'

export function useDeskRoute() {
  const route = useRoute()
  const router = useRouter()
  const roles = useDeskRoles()
  const today = chinaDate(Date.now())
  const scope = computed<DeskScope | undefined>(() => {
    const all = roles.scopes.value
    const cls = typeof route.query.class === 'string' ? route.query.class : undefined
    const grade = typeof route.query.grade === 'string' ? Number(route.query.grade) : undefined
    return all.find((s) => (cls ? s.kind === 'class' && s.classId === cls : grade !== undefined ? s.kind === 'grade' && s.grade === grade : false)) ?? all[0]
  })
  const mode = computed<DeskMode>(() => (route.query.view === 'term' ? 'term' : 'week'))
  const monday = computed(() => weekStartFor(route.query.date, today))
  const query = (s: DeskScope | undefined): Record<string, string> => (s ? (s.kind === 'grade' ? { grade: String(s.grade) } : { class: s.classId }) : {})

  // An address naming no desk (or one "me" may not open) shows the first one "me" may.
  watch(
    [scope, () => roles.isReady.value],
    ([s, ready]) => {
      if (!ready || !s) return
      const named = route.query.class ?? route.query.grade
      if (named === undefined || scopeKey(s) !== (route.query.class ? `class:${String(route.query.class)}` : `grade:${String(route.query.grade)}`)) {
        const { grade: _g, class: _c, ...rest } = route.query
        void router.replace({ query: { ...rest, ...query(s) } })
      }
    },
    { immediate: true },
  )

  return {
    roles,
    scope,
    mode,
    monday,
    today,
    thisMonday: weekStartFor(undefined, today),
    /** The desk's query for links between its pages. */
    scopeQuery: computed(() => query(scope.value)),
    go(patch: Record<string, string | undefined>): void {
      const next: Record<string, string> = {}
      for (const [k, v] of Object.entries({ ...route.query, ...patch })) if (typeof v === 'string') next[k] = v
      void router.push({ query: next })
    },
    chooseScope(key: string): void {
      const s = roles.scopes.value.find((x) => scopeKey(x) === key)
      if (!s) return
      const { grade: _g, class: _c, ...rest } = route.query
      void router.push({ query: { ...rest, ...query(s) } })
    },
  }
}
