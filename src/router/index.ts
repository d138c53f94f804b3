// Routes, lazy-loaded so the first load carries only the shell. NAV_ITEMS lists the destinations the
// navigation shows. Screens that need a school send a first-time user to 欢迎 (welcome) instead.
import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import { databaseMayExist } from '@/db/presence'
import { textsReady } from '@/i18n/localeText'

declare module 'vue-router' {
  interface RouteMeta {
    /** The screen shows the school's data: without a school set up, go to welcome. */
    needsSchool?: boolean
    /** First-run screens: once a school exists, go to the teacher's week instead. */
    firstRun?: boolean
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', redirect: { name: 'my-week' } },
  { path: '/welcome', name: 'welcome', component: () => import('@/views/WelcomeView.vue'), meta: { firstRun: true } },
  { path: '/setup', name: 'setup', component: () => import('@/views/SetupView.vue'), meta: { firstRun: true } },
  { path: '/my-week', name: 'my-week', component: () => import('@/views/MyWeekView.vue'), meta: { needsSchool: true } },
  { path: '/week/:classId?', name: 'class-week', component: () => import('@/views/ClassWeekView.vue'), meta: { needsSchool: true } },
  { path: '/assignments/new', name: 'assignment-new', component: () => import('@/views/AssignmentEditorView.vue'), meta: { needsSchool: true } },
  { path: '/assignments/:id', name: 'assignment-edit', component: () => import('@/views/AssignmentEditorView.vue'), meta: { needsSchool: true } },
  { path: '/classes', name: 'classes', component: () => import('@/views/ClassesView.vue'), meta: { needsSchool: true } },
  { path: '/classes/:classId', name: 'class-students', component: () => import('@/views/ClassStudentsView.vue'), meta: { needsSchool: true } },
  { path: '/import', name: 'plan-import', component: () => import('@/views/PlanImportView.vue'), meta: { needsSchool: true } },
  { path: '/grading', name: 'grading', component: () => import('@/views/GradingListView.vue'), meta: { needsSchool: true } },
  { path: '/grading/:assignmentId', name: 'grading-sheet', component: () => import('@/views/GradingSheetView.vue'), meta: { needsSchool: true } },
  { path: '/times/:assignmentId', name: 'times', component: () => import('@/views/TimesView.vue'), meta: { needsSchool: true } },
  { path: '/mistakes/:assignmentId', name: 'mistakes', component: () => import('@/views/MistakesView.vue'), meta: { needsSchool: true } },
  { path: '/students/:studentId/mistakes', name: 'student-mistakes', component: () => import('@/views/StudentMistakesView.vue'), meta: { needsSchool: true } },
  { path: '/bank', name: 'bank', component: () => import('@/views/BankView.vue'), meta: { needsSchool: true } },
  { path: '/settings', name: 'settings', component: () => import('@/views/SettingsView.vue') },
  { path: '/rules', name: 'rules', component: () => import('@/views/RulesView.vue') },
  { path: '/sync', name: 'sync', component: () => import('@/views/SyncView.vue') },
  // 统筹台: the grade leader's and class teacher's desk (?grade= or ?class=).
  { path: '/desk', name: 'desk', component: () => import('@/views/DeskView.vue'), meta: { needsSchool: true } },
  { path: '/desk/approvals', name: 'desk-approvals', component: () => import('@/views/DeskApprovalsView.vue'), meta: { needsSchool: true } },
  { path: '/desk/budgets', name: 'desk-budgets', component: () => import('@/views/DeskBudgetsView.vue'), meta: { needsSchool: true } },
  { path: '/desk/practice', name: 'desk-practice', component: () => import('@/views/DeskPracticeView.vue'), meta: { needsSchool: true } },
  { path: '/desk/publicity', name: 'desk-publicity', component: () => import('@/views/PublicityView.vue'), meta: { needsSchool: true } },
  { path: '/desk/files', name: 'desk-files', component: () => import('@/views/DeskFilesView.vue'), meta: { needsSchool: true } },
  // An invite's QR code opens /join?code=…: the sign-in screen with the code filled in.
  { path: '/join', name: 'join', redirect: (to) => ({ name: 'sync', query: to.query }) },
  // Unknown paths (old bookmarks, typos) land on a real screen rather than a blank page.
  { path: '/:pathMatch(.*)*', redirect: { name: 'home' } },
]

export interface NavItem {
  name: string
  /** i18n key of the label. */
  labelKey: string
  /** Shown only to a class teacher or grade leader (the desk). */
  forLeaders?: boolean
}

export const NAV_ITEMS: readonly NavItem[] = [
  { name: 'my-week', labelKey: 'nav.myWeek' },
  { name: 'class-week', labelKey: 'nav.classWeek' },
  { name: 'desk', labelKey: 'nav.desk', forLeaders: true },
  { name: 'assignment-new', labelKey: 'nav.newAssignment' },
  { name: 'grading', labelKey: 'nav.grading' },
  { name: 'bank', labelKey: 'nav.bank' },
  { name: 'classes', labelKey: 'nav.classes' },
  { name: 'rules', labelKey: 'nav.rules' },
  { name: 'settings', labelKey: 'nav.settings' },
]

export function createAppRouter(
  history: RouterHistory = createWebHistory(import.meta.env.BASE_URL),
  hasSchool: () => Promise<boolean> = defaultHasSchool,
) {
  const router = createRouter({ history, routes })
  router.beforeEach(async (to) => {
    if (!to.meta.needsSchool && !to.meta.firstRun) return true
    // The screen's code downloads while the database is asked, not after (the start-up waterfall); a
    // screen that needs a school only on a device that has a database (not for a new teacher).
    if (to.meta.firstRun || (await databaseMayExist())) preloadComponents(to)
    const exists = await hasSchool()
    if (to.meta.needsSchool && !exists) return { name: 'welcome' }
    if (to.meta.firstRun && exists) return { name: 'my-week' }
    return true
  })
  // In English, the words of the screen's modules (loaded with its chunk) are here before it renders.
  router.beforeResolve(() => textsReady().catch(() => undefined))
  return router
}

/** Starts fetching a route's lazy screen; the router's own later import() gets the same module. */
function preloadComponents(to: RouteLocationNormalized): void {
  for (const record of to.matched) {
    const component = record.components?.default
    // Every screen here is a lazy import (a function); a component object is already loaded.
    if (typeof component === 'function') {
      void (component as () => Promise<unknown>)().catch(() => undefined)
    }
  }
}

async function defaultHasSchool(): Promise<boolean> {
  try {
    // A new teacher's device has no database yet: say so without loading Dexie for the welcome screen.
    if (!(await databaseMayExist())) return false
    const [{ appDb }, { hasSchool: schoolIsSetUp }] = await Promise.all([import('@/db/database'), import('@/db/repos/school')])
    return await schoolIsSetUp(appDb())
  } catch {
    // No IndexedDB (blocked site data): the first-run screens explain it rather than a blank app.
    return false
  }
}
