import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import RulesView from '@/views/RulesView.vue'
import { SOURCES } from '@hl/core/domain/rules/sources'
import { mountWithApp } from './mount'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function rowText(w: VueWrapper, levelId: string, rule: string): string {
  return w.get(`#level-${levelId} tr[data-rule="${rule}"]`).text()
}

describe('RulesView', () => {
  it('shows the national caps of each school level in Chinese', async () => {
    ;({ wrapper } = await mountWithApp(RulesView))
    expect(wrapper.get('h1').text()).toBe('双减规则')
    expect(rowText(wrapper, 'lowerPrimary', 'dailyCapMinutes')).toContain('不布置家庭书面作业')
    expect(rowText(wrapper, 'lowerPrimary', 'homeWrittenAllowed')).toContain('不布置家庭书面作业')
    expect(rowText(wrapper, 'upperPrimary', 'dailyCapMinutes')).toContain('60 分钟')
    expect(rowText(wrapper, 'juniorHigh', 'dailyCapMinutes')).toContain('90 分钟')
    expect(rowText(wrapper, 'seniorHigh', 'dailyCapMinutes')).toContain('未设定（学校自定）')
  })

  it('shows the other rules of a level with the layer that set them', async () => {
    ;({ wrapper } = await mountWithApp(RulesView))
    expect(rowText(wrapper, 'juniorHigh', 'restDayCapMinutes')).toContain('同上学日上限：90 分钟')
    expect(rowText(wrapper, 'juniorHigh', 'bedtime')).toContain('不晚于 22:00')
    expect(rowText(wrapper, 'upperPrimary', 'sleepHours')).toContain('不少于 10 小时')
    expect(rowText(wrapper, 'upperPrimary', 'teacherMultiplier')).toContain('× 3')
    expect(rowText(wrapper, 'upperPrimary', 'subjectBudgets')).toContain('未设定')
    const setBy = wrapper.get('#level-upperPrimary tr[data-rule="dailyCapMinutes"] .rules-table__layer').text()
    expect(setBy).toContain('全国（2021）')
    expect(setBy).toContain('国家规定')
  })

  it('names the source document, clause and quoted words of each rule', async () => {
    ;({ wrapper } = await mountWithApp(RulesView))
    const text = wrapper.text()
    expect(text).toContain(SOURCES.opinion2021.title)
    expect(text).toContain(SOURCES.sleep2021.title)
    const cap = rowText(wrapper, 'juniorHigh', 'dailyCapMinutes')
    expect(cap).toContain('条款 二.5')
    expect(cap).toContain('初中书面作业平均完成时间不超过90分钟')
  })

  it('summarises the daily caps as links to each level', async () => {
    ;({ wrapper } = await mountWithApp(RulesView))
    const cards = wrapper.findAll('.level-summary__card')
    expect(cards.map((c) => c.attributes('href'))).toEqual([
      '#level-lowerPrimary',
      '#level-upperPrimary',
      '#level-juniorHigh',
      '#level-seniorHigh',
    ])
    expect(cards[1]?.text()).toContain('60 分钟')
    expect(cards[2]?.text()).toContain('90 分钟')
  })

  it('reads in English, keeping the Chinese document titles marked as Chinese', async () => {
    ;({ wrapper } = await mountWithApp(RulesView, { locale: 'en' }))
    expect(wrapper.get('h1').text()).toBe('Double Reduction rules')
    expect(rowText(wrapper, 'upperPrimary', 'dailyCapMinutes')).toContain('60 min')
    expect(rowText(wrapper, 'lowerPrimary', 'dailyCapMinutes')).toContain('No written homework to take home')
    expect(rowText(wrapper, 'seniorHigh', 'dailyCapMinutes')).toContain('Not set (the school decides)')
    const title = wrapper.get(`#level-juniorHigh tr[data-rule="bedtime"] cite`)
    expect(title.text()).toBe(SOURCES.sleep2021.title)
    expect(title.attributes('lang')).toBe('zh-CN')
    expect(rowText(wrapper, 'juniorHigh', 'bedtime')).toContain('(in Chinese)')
  })
})
