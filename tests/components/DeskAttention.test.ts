// 需要关注: the most serious few at first, the rest on request (a term's list runs to dozens), in either language.
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import DeskAttention from '@/components/DeskAttention.vue'
import type { AttentionItem } from '@hl/core/domain/gradeOverview'
import type { AppLocale } from '@/i18n'
import { createTestI18n } from './i18n'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

const waiting = (n: number): AttentionItem => ({ rule: 'approval-waiting', severity: 'info', classId: `c${n}`, classRef: { grade: 5, className: `5(${n})` }, date: null, figures: { count: n } })
const mountWith = (items: AttentionItem[], locale: AppLocale = 'zh-CN') => (wrapper = mount(DeskAttention, { props: { items }, global: { plugins: [createTestI18n(locale)] } }))

describe('DeskAttention', () => {
  it('shows the first eight and opens the rest on request', async () => {
    const w = mountWith(Array.from({ length: 12 }, (_, i) => waiting(i + 1)))
    expect(w.findAll('li')).toHaveLength(8)
    expect(w.findAll('li').at(0)!.text()).toContain('5(1)')
    const more = w.get('button.desk-attention__more')
    expect(more.text()).toBe('显示其余 4 条')
    await more.trigger('click')
    expect(w.findAll('li')).toHaveLength(12)
    expect(w.find('button.desk-attention__more').exists()).toBe(false)
  })

  it('offers nothing more for a short list, and speaks English', () => {
    const w = mountWith([waiting(1), waiting(2)], 'en')
    expect(w.findAll('li')).toHaveLength(2)
    expect(w.find('button.desk-attention__more').exists()).toBe(false)
    w.unmount()
    const long = mountWith(Array.from({ length: 9 }, (_, i) => waiting(i + 1)), 'en')
    expect(long.get('button.desk-attention__more').text()).toBe('Show the other 1')
  })
})
