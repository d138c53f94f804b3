import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import PwaUpdateBanner from '@/components/PwaUpdateBanner.vue'
import { createAppI18n } from '@/i18n'

function mountBanner(props: { needRefresh: boolean; offlineReady: boolean }) {
  return mount(PwaUpdateBanner, { props, global: { plugins: [createAppI18n('zh-CN')] } })
}

describe('PwaUpdateBanner', () => {
  it('asks before updating and reports the answer', async () => {
    const wrapper = mountBanner({ needRefresh: true, offlineReady: false })
    expect(wrapper.text()).toContain('有新版本可用')
    const [updateNow, later] = wrapper.findAll('button')
    expect(updateNow?.text()).toBe('立即更新')
    expect(later?.text()).toBe('稍后')
    await updateNow?.trigger('click')
    await later?.trigger('click')
    expect(wrapper.emitted('update')).toHaveLength(1)
    expect(wrapper.emitted('dismiss')).toHaveLength(1)
  })

  it('says when the app works offline', () => {
    const wrapper = mountBanner({ needRefresh: false, offlineReady: true })
    expect(wrapper.text()).toContain('已可离线使用')
    expect(wrapper.text()).not.toContain('有新版本可用')
  })

  it('shows nothing when there is nothing to say', () => {
    const wrapper = mountBanner({ needRefresh: false, offlineReady: false })
    expect(wrapper.text()).toBe('')
  })
})
