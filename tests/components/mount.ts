// Mounts components with the app's real plugins (i18n, Pinia, router on memory history), so tests see
// what a user sees rather than stubs.
import { mount, flushPromises, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import type { Component } from 'vue'
import type { AppLocale } from '@/i18n'
import { createAppRouter } from '@/router'
import { createTestI18n } from './i18n'

export async function mountWithApp(component: Component, { locale = 'zh-CN', path = '/rules' }: { locale?: AppLocale; path?: string } = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createTestI18n(locale)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const options: ComponentMountingOptions<Component> = { global: { plugins: [pinia, i18n, router] }, attachTo: document.body }
  const wrapper = mount(component, options)
  // Lazy routes resolve asynchronously.
  await flushPromises()
  return { wrapper, i18n, router, pinia }
}
