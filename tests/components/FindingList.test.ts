import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import FindingList from '@/components/FindingList.vue'
import { FINDING_SOURCES, type Finding } from '@hl/core/domain/findings'
import { createTestI18n } from './i18n'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

const budget: Finding = { rule: 'subject-budget', severity: 'warning', subject: '数学', figures: { averageMinutes: 35, budgetMinutes: 30 }, source: FINDING_SOURCES['subject-budget'] }

describe('FindingList', () => {
  it('says a finding’s subject and clause in English in the English UI', () => {
    wrapper = mount(FindingList, { props: { findings: [budget] }, global: { plugins: [createTestI18n('en')] } })
    expect(wrapper.text()).toContain('Mathematics written homework averages 35 min, over its budget of 30 min (Opinion 2021 Section II.4)')
    expect(wrapper.text()).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('keeps the stored Chinese in Chinese', () => {
    wrapper = mount(FindingList, { props: { findings: [budget] }, global: { plugins: [createTestI18n('zh-CN')] } })
    expect(wrapper.text()).toContain('数学书面作业平均 35 分钟，超过学科统筹的 30 分钟（《意见》二.4）')
  })
})
