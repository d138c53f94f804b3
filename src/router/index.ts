// Routes, lazy-loaded so the first load carries only the shell. NAV_ITEMS lists the destinations the
// navigation shows: only screens that exist; later screens add a route and an entry here.
import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'rules' } },
  { path: '/rules', name: 'rules', component: () => import('@/views/RulesView.vue') },
  // Unknown paths (old bookmarks, typos) land on a real screen rather than a blank page.
  { path: '/:pathMatch(.*)*', redirect: { name: 'rules' } },
]

export interface NavItem {
  name: string
  /** i18n key of the label. */
  labelKey: string
}

export const NAV_ITEMS: readonly NavItem[] = [{ name: 'rules', labelKey: 'nav.rules' }]

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({ history, routes })
}
