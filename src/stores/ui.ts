// UI state only (house-style: never rows from the database). The locale lives here so every screen reads
// one source; App.vue makes vue-i18n, <html lang> and the title follow it.
import { ref } from 'vue'
import { defineStore } from 'pinia'
import { readStoredLocale, writeStoredLocale, type AppLocale } from '@/i18n'

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    // Reading `localStorage` itself throws when the browser blocks site data.
    return undefined
  }
}

export const useUiStore = defineStore('ui', () => {
  const locale = ref<AppLocale>(readStoredLocale(browserStorage()))

  function setLocale(next: AppLocale): void {
    locale.value = next
    writeStoredLocale(browserStorage(), next)
  }

  return { locale, setLocale }
})
