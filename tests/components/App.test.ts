import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import App from '@/App.vue'
import { LOCALE_STORAGE_KEY } from '@/constants'
import { mountWithApp } from './mount'

let wrapper: VueWrapper | undefined
beforeEach(() => localStorage.clear())
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('App shell', () => {
  it('shows the app name, the navigation and the Rules page in Chinese', async () => {
    ;({ wrapper } = await mountWithApp(App))
    expect(wrapper.get('header').text()).toContain('作业台账')
    expect(wrapper.get('nav').attributes('aria-label')).toBe('主导航')
    expect(wrapper.get('nav').text()).toContain('规则')
    expect(wrapper.get('main h1').text()).toBe('双减规则')
    expect(wrapper.get('.skip-link').text()).toBe('跳到主要内容')
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('switches the whole interface to English and back, and remembers the choice', async () => {
    ;({ wrapper } = await mountWithApp(App))
    const english = wrapper.get('button[data-locale="en"]')
    expect(english.attributes('aria-pressed')).toBe('false')

    await english.trigger('click')
    // The switch waits for the language's words (in the app's build they load when first asked for).
    await flushPromises()
    expect(wrapper.get('header').text()).toContain('Homework Ledger')
    expect(wrapper.get('main h1').text()).toBe('Double Reduction rules')
    expect(wrapper.get('#level-juniorHigh tr[data-rule="dailyCapMinutes"]').text()).toContain('90 min')
    expect(wrapper.get('button[data-locale="en"]').attributes('aria-pressed')).toBe('true')
    expect(document.documentElement.lang).toBe('en')
    expect(document.title).toBe('Homework Ledger')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')

    await wrapper.get('button[data-locale="zh-CN"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('main h1').text()).toBe('双减规则')
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('opens and closes the phone menu: a disclosure that closes on Escape and after choosing a destination', async () => {
    const mounted = await mountWithApp(App)
    wrapper = mounted.wrapper
    const toggle = () => wrapper!.get('button[aria-controls="app-nav-list"]')
    expect(toggle().text()).toBe('菜单')
    expect(toggle().attributes('aria-expanded')).toBe('false')
    expect(wrapper.get('#app-nav-list').findAll('a').map((a) => a.text())).toEqual(['我的作业', '班级周表', '布置作业', '批改', '题库', '班级学生', '规则', '设置'])

    await toggle().trigger('click')
    expect(toggle().attributes('aria-expanded')).toBe('true')
    await wrapper.get('nav').trigger('keydown', { key: 'Escape' })
    expect(toggle().attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(toggle().element)

    await toggle().trigger('click')
    await mounted.router.push('/settings')
    await flushPromises()
    expect(toggle().attributes('aria-expanded')).toBe('false')
  })

  it('starts in the stored locale', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en')
    ;({ wrapper } = await mountWithApp(App))
    expect(wrapper.get('main h1').text()).toBe('Double Reduction rules')
  })
})
