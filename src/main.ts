import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { createAppI18n, showLocale } from './i18n'
import { useUiStore } from './stores/ui'
import { useNoticesStore } from './stores/notices'
import { errorText } from './composables/errorText'
import { databaseMayExist, onUpgradedElsewhere } from './db/presence'
import { nextTask } from './composables/nextTask'
import { zhOrder } from '@hl/core/domain/order'
import './styles/main.css'

// Start-up in separate tasks, not one: the modules' evaluation, making the app, its first render and, on a
// device with a database, the collator's set-up. Between them the browser may paint and answer a tap
// (issue 11: as one task it blocked a phone for about 350 ms).
async function start(): Promise<void> {
  await nextTask()
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia)
  // Start in the stored locale so the first paint is already in the user's language (its words loaded
  // first when it is not Chinese: the build ships each locale's text on its own).
  const locale = useUiStore(pinia).locale
  const i18n = createAppI18n(locale)
  app.use(i18n)
  app.use(createAppRouter())

  // The one place errors become words (house-style habit 6): the data layer throws, this shows it.
  const notices = useNoticesStore(pinia)
  const report = (error: unknown): void => {
    notices.error(errorText(error, (key, params) => i18n.global.t(key, params ?? {})))
  }
  app.config.errorHandler = (error) => report(error)
  window.addEventListener('unhandledrejection', (event) => report(event.reason))

  // A newer version of the app, opened in another tab, upgraded the database: this tab is closed off from
  // it and says so, with the way on (a reload brings the new version; nothing typed is lost: drafts are
  // kept as they are typed).
  onUpgradedElsewhere(() => {
    notices.error(i18n.global.t('errors.upgradedElsewhere'), { label: i18n.global.t('errors.reload'), run: () => location.reload() })
  })

  await showLocale(i18n.global, locale)
  await nextTask()
  app.mount('#app')
  // Every screen with data sorts subjects and names: the collator is made in a task of its own while the
  // screen's data is still being read, not inside the task that sorts it. A new teacher's welcome screen
  // sorts nothing: no collator for it.
  if (!(await databaseMayExist())) return
  await nextTask()
  zhOrder.prepare()
}

void start()
