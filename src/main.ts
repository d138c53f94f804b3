import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { createAppI18n } from './i18n'
import { useUiStore } from './stores/ui'
import './styles/main.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
// Start in the stored locale so the first paint is already in the user's language.
app.use(createAppI18n(useUiStore(pinia).locale))
app.use(createAppRouter())
app.mount('#app')
