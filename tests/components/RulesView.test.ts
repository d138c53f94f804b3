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

  it('reads in English: document titles, clauses and layers in English, the published title kept and marked Chinese', async () => {
    ;({ wrapper } = await mountWithApp(RulesView, { locale: 'en' }))
    expect(wrapper.get('h1').text()).toBe('Double Reduction rules')
    expect(rowText(wrapper, 'upperPrimary', 'dailyCapMinutes')).toContain('60 min')
    expect(rowText(wrapper, 'lowerPrimary', 'dailyCapMinutes')).toContain('No written homework to take home')
    expect(rowText(wrapper, 'seniorHigh', 'dailyCapMinutes')).toContain('Not set (the school decides)')
    const bedtime = rowText(wrapper, 'juniorHigh', 'bedtime')
    expect(bedtime).toContain('Notice on Further Strengthening the Sleep Management')
    expect(bedtime).toContain('Section III')
    const original = wrapper.get(`#level-juniorHigh tr[data-rule="bedtime"] .rules-table__original`)
    expect(original.text()).toBe(SOURCES.sleep2021.title)
    expect(original.attributes('lang')).toBe('zh-CN')
    expect(rowText(wrapper, 'juniorHigh', 'dailyCapMinutes')).toContain('Section II.5')
    expect(wrapper.get('#level-upperPrimary tr[data-rule="dailyCapMinutes"] .rules-table__layer').text()).toContain('National (2021)')
    expect(wrapper.get('.rules-meta').text()).toContain('National (2021)')
    expect(wrapper.get('.rules-meta').text()).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('describes the multiplier honestly: a rule of thumb, the app’s default, not a national rule', async () => {
    ;({ wrapper } = await mountWithApp(RulesView))
    const zh = rowText(wrapper, 'juniorHigh', 'teacherMultiplier')
    expect(zh).toContain('应用默认值（经验值，不是国家规定）')
    expect(zh).not.toContain('国家规定全国')
    expect(zh).toContain('没有文件规定')
    expect(wrapper.get('#level-juniorHigh tr[data-rule="teacherMultiplier"] .rules-table__layer').text()).not.toMatch(/^全国（2021）国家规定$/)
    wrapper.unmount()
    ;({ wrapper } = await mountWithApp(RulesView, { locale: 'en' }))
    const en = rowText(wrapper, 'juniorHigh', 'teacherMultiplier')
    expect(en).toContain('App default (a rule of thumb, not a national rule)')
    expect(en).toContain('No document sets a multiplier')
    expect(en).not.toMatch(/[\u4e00-\u9fff]{4}/)
  })
})
