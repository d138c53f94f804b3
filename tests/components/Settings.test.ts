// The forms of 设置 and 规则: they check what setup checks, say it beside the field, and emit a change
// only when it may be stored.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import RulesRuleEditor from '@/components/RulesRuleEditor.vue'
import SettingsGrades from '@/components/SettingsGrades.vue'
import SettingsMe from '@/components/SettingsMe.vue'
import SettingsSchool from '@/components/SettingsSchool.vue'
import SettingsTerm from '@/components/SettingsTerm.vue'
import { checkLevelRule } from '@hl/core/domain/rules/check'
import type { AppLocale } from '@/i18n'
import { createTestI18n } from './i18n'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function mountWith<P extends object>(component: Parameters<typeof mount>[0], props: P, locale: AppLocale = 'zh-CN') {
  wrapper = mount(component, { props, global: { plugins: [createTestI18n(locale)] }, attachTo: document.body })
  return wrapper
}

describe('SettingsSchool', () => {
  it('refuses an empty name with setup’s message, then emits the trimmed change', async () => {
    const w = mountWith(SettingsSchool, { name: '实验小学', regionId: 'national' })
    expect(w.text()).toContain('全国统一标准')
    await w.get('button.settings-section__edit').trigger('click')
    expect((w.get('#settings-school-name').element as HTMLInputElement).value).toBe('实验小学')
    await w.get('#settings-school-name').setValue('  ')
    await w.get('form').trigger('submit')
    expect(w.get('[role="alert"]').text()).toContain('请填写学校名称。')
    expect(w.emitted('save')).toBeUndefined()
    await w.get('#settings-school-name').setValue('第二实验小学')
    await w.get('#settings-region').setValue('anshan')
    await w.get('form').trigger('submit')
    const [fields, done] = w.emitted('save')![0] as [unknown, () => void]
    expect(fields).toEqual({ name: '第二实验小学', regionId: 'anshan' })
    done()
    await flushPromises()
    expect(w.find('form').exists()).toBe(false)
  })

  it('names the region in English', () => {
    const w = mountWith(SettingsSchool, { name: '实验小学', regionId: 'anshan' }, 'en')
    expect(w.text()).toContain('Anshan, Liaoning')
    expect(w.text()).not.toContain('鞍山')
  })
})

describe('SettingsTerm', () => {
  const term = { id: 't1', name: '2026—2027学年第一学期', startDate: '2026-09-01', endDate: '2027-01-20' }
  const days = [
    { id: 'd1', date: '2026-10-01', type: 'rest' as const, note: '国庆节' },
    { id: 'd2', date: '2026-11-20', type: 'rest' as const, note: '运动会' },
    { id: 'd3', date: '2026-06-19', type: 'rest' as const, note: '端午节' },
  ]

  it('lists the official days the calendar lacks and emits them on request; marks the school’s own days', async () => {
    const w = mountWith(SettingsTerm, { term, days })
    await vi.waitFor(() => expect(w.text()).toContain('还不在本校校历里'))
    expect(w.text()).toContain('另有 1 个其他学期的日期')
    const own = w.findAll('.settings-term__day').map((d) => d.text())
    expect(own.find((d) => d.includes('运动会'))).toContain('学校设定')
    expect(own.find((d) => d.includes('国庆节'))).not.toContain('学校设定')
    await w.get('.settings-term__missing button').trigger('click')
    const [offered] = w.emitted('addOfficial')![0] as [{ date: string; type: string }[]]
    expect(offered.map((d) => `${d.date} ${d.type}`)).toEqual(expect.arrayContaining(['2026-09-20 school', '2026-10-07 rest', '2026-10-10 school']))
    expect(offered.map((d) => d.date)).not.toContain('2026-10-01')
  })

  it('edits the term with setup’s checks: stored days as the school’s own, official days prefilled', async () => {
    const w = mountWith(SettingsTerm, { term, days })
    await vi.waitFor(() => expect(w.text()).toContain('还不在本校校历里'))
    await w.get('button.settings-section__edit').trigger('click')
    const dates = () => w.findAll('.calendar__row input[type="date"]').map((i) => (i.element as HTMLInputElement).value)
    expect(dates()).toContain('2026-10-01')
    expect(dates()).toContain('2026-10-10')
    expect(dates()).not.toContain('2026-06-19')
    await w.get('#settings-term-end').setValue('2026-08-01')
    await w.get('form').trigger('submit')
    expect(w.get('[role="alert"]').text()).toContain('学期结束日期应晚于开学日期。')
    expect(w.emitted('save')).toBeUndefined()
    await w.get('#settings-term-end').setValue('2027-01-29')
    await w.get('form').trigger('submit')
    const [edit] = w.emitted('save')![0] as [{ termId: string; term: { endDate: string }; calendar: { date: string; type: string; note: string }[]; shownDates: string[] }]
    expect(edit.termId).toBe('t1')
    expect(edit.term.endDate).toBe('2027-01-29')
    expect(edit.shownDates.sort()).toEqual(['2026-10-01', '2026-11-20'])
    expect(edit.calendar).toContainEqual({ date: '2026-10-10', type: 'school', note: '国庆节调休上课' })
    expect(edit.calendar).toContainEqual({ date: '2026-11-20', type: 'rest', note: '运动会' })
  })

  it('reads in English: the term’s name, the notes and the unpublished year', async () => {
    const w = mountWith(SettingsTerm, { term, days }, 'en')
    await vi.waitFor(() => expect(w.text()).toContain('State Council'))
    expect(w.text()).toContain('2026–2027 school year, first term')
    expect(w.text()).toContain('National Day')
    expect(w.text()).not.toContain('国庆节')
    expect(w.text()).not.toContain('学年')
  })
})

describe('SettingsGrades', () => {
  const grades = [
    { grade: 4, classes: [{ id: 'a', name: '4(1)' }, { id: 'b', name: '4(2)' }], subjects: ['语文', '数学'] },
  ]
  const allSubjects = ['语文', '数学', '英语']

  it('renames in place with setup’s checks, adds a class, and asks to remove', async () => {
    const w = mountWith(SettingsGrades, { grades, allSubjects, pending: null })
    const first = w.get('#settings-class-a')
    await first.setValue('4(2)')
    await first.trigger('change')
    expect(w.text()).toContain('同一年级里班级名称不能重复。')
    expect(w.emitted('rename')).toBeUndefined()
    await first.setValue(' 4(5) ')
    await first.trigger('change')
    expect(w.emitted('rename')![0]).toEqual(['a', ' 4(5) '])
    expect((w.get('#settings-grade-4-new').element as HTMLInputElement).value).toBe('4(3)')
    await w.findAll('.settings-grade__add button').at(0)!.trigger('click')
    expect(w.emitted('addClass')![0]).toEqual([4, '4(3)'])
    await w.get('button[aria-label="删除班级 4(2)"]').trigger('click')
    expect(w.emitted('removeClass')![0]).toEqual(['b'])
  })

  it('shows the question with what the class holds, and keeps a subject for a grade with classes', async () => {
    const w = mountWith(SettingsGrades, { grades, allSubjects, pending: { classId: 'b', name: '4(2)', students: 45, assignments: 12 } })
    expect(w.text()).toContain('4(2) 班有 45 名学生、12 份作业')
    await w.findAll('.settings-grade__confirm button').at(0)!.trigger('click')
    expect(w.emitted('confirmRemove')![0]).toEqual(['b'])
    const chips = w.findAll('.chip input')
    await chips.at(0)!.setValue(false)
    expect(w.emitted('setSubjects')![0]).toEqual([4, ['数学']])
    await w.setProps({ grades: [{ ...grades[0]!, subjects: ['数学'] }] })
    await w.findAll('.chip input').at(1)!.setValue(false)
    expect(w.text()).toContain('每个年级至少要开设一门学科。')
    expect(w.emitted('setSubjects')).toHaveLength(1)
  })

  it('reads subjects in English', () => {
    const w = mountWith(SettingsGrades, { grades, allSubjects, pending: null }, 'en')
    expect(w.get('summary').text()).toBe('Subjects taught (2): Chinese, Mathematics')
  })
})

describe('SettingsMe', () => {
  const grades = [{ grade: 4, classes: [{ id: 'a', name: '4(1)' }, { id: 'b', name: '4(2)' }], subjects: ['语文', '数学'] }]
  const base = {
    name: '王老师',
    grades,
    teachings: [
      { classId: 'a', subject: '数学' },
      { classId: 'b', subject: '数学' },
      { classId: 'a', subject: '语文' },
    ],
    roles: [{ role: 'homeroomTeacher' as const, classId: 'a', grade: 4 }],
    allSubjects: ['语文', '数学'],
  }

  it('starts from what I teach (a pair I do not teach stays out) and emits the classes left', async () => {
    const w = mountWith(SettingsMe, base)
    expect(w.text()).toContain('4(1) 数学、4(2) 数学、4(1) 语文')
    await w.get('button.settings-section__edit').trigger('click')
    const pair = (label: string) => w.findAll('.setup__chip').find((c) => c.text() === label)!.get('input')
    expect((pair('4(2) 语文').element as HTMLInputElement).checked).toBe(false)
    expect((pair('4(1) 语文').element as HTMLInputElement).checked).toBe(true)
    await pair('4(2) 数学').setValue(false)
    await w.get('form').trigger('submit')
    const [edit] = w.emitted('save')![0] as [{ teaching: unknown[]; homeroomClassId: string | null }]
    expect(edit.teaching).toEqual([
      { classId: 'a', subject: '语文' },
      { classId: 'a', subject: '数学' },
    ])
    expect(edit.homeroomClassId).toBe('a')
  })

  it('accepts a grade leader who teaches no class, and refuses a teacher who teaches nothing', async () => {
    const w = mountWith(SettingsMe, base)
    await w.get('button.settings-section__edit').trigger('click')
    for (const c of w.findAll('.setup__chip input')) await c.setValue(false)
    await w.get('form').trigger('submit')
    expect(w.get('[role="alert"]').text()).toContain('请至少选择一门学科和一个任教班级')
    expect(w.emitted('save')).toBeUndefined()
    await w.get('#settings-me-leader').setValue('4')
    await w.get('form').trigger('submit')
    expect(w.emitted('save')![0]![0]).toMatchObject({ teaching: [], gradeLeaderOf: 4 })
  })
})

describe('RulesRuleEditor', () => {
  const editor = (props: Record<string, unknown>, locale: AppLocale = 'zh-CN') =>
    mountWith(RulesRuleEditor, {
      defaultText: '默认',
      overridden: false,
      subjects: ['语文', '数学'],
      check: (value: unknown) => checkLevelRule(props.level as 'juniorHigh', props.ruleKey as 'bedtime', value),
      ...props,
    }, locale)

  it.each([
    ['-3', '倍数要在 0.1 到 10 之间'],
    ['0', '倍数要在 0.1 到 10 之间'],
    ['', '倍数要在 0.1 到 10 之间'],
  ])('refuses a multiplier of “%s” with a message', async (text, message) => {
    const w = editor({ level: 'juniorHigh', ruleKey: 'teacherMultiplier', value: 3 })
    await w.get('input').setValue(text)
    await w.get('form').trigger('submit')
    expect(w.get('[role="alert"]').text()).toContain(message)
    expect(w.emitted('save')).toBeUndefined()
  })

  it('emits a good multiplier as a number', async () => {
    const w = editor({ level: 'juniorHigh', ruleKey: 'teacherMultiplier', value: 3 })
    await w.get('input').setValue('2.5')
    await w.get('form').trigger('submit')
    expect(w.emitted('save')![0]).toEqual([2.5])
  })

  it('turns a cap for grades 10–12 on (off by default), and refuses a negative one', async () => {
    const w = editor({ level: 'seniorHigh', ruleKey: 'dailyCapMinutes', value: null })
    expect(w.find('input[type="number"]').exists()).toBe(false)
    await w.get('input[value="own"]').setValue(true)
    await w.get('input[type="number"]').setValue('-5')
    await w.get('form').trigger('submit')
    expect(w.text()).toContain('请填写 0 到 1440 之间的分钟数。')
    await w.get('input[type="number"]').setValue('120')
    await w.get('form').trigger('submit')
    expect(w.emitted('save')![0]).toEqual([120])
  })

  it('refuses a cap looser than the national one', async () => {
    const w = editor({ level: 'upperPrimary', ruleKey: 'dailyCapMinutes', value: 60 })
    await w.get('input').setValue('75')
    await w.get('form').trigger('submit')
    expect(w.text()).toContain('最多 60 分钟')
    expect(w.emitted('save')).toBeUndefined()
  })

  it('refuses bedtime 99:99 and keeps a rest-day cap of the school day’s', async () => {
    const bed = editor({ level: 'juniorHigh', ruleKey: 'bedtime', value: '22:00' })
    await bed.get('input').setValue('99:99')
    await bed.get('form').trigger('submit')
    expect(bed.text()).toContain('请按“时:分”填写晚上的时间')
    bed.unmount()
    const rest = editor({ level: 'juniorHigh', ruleKey: 'restDayCapMinutes', value: 'schoolDayCap' })
    await rest.get('form').trigger('submit')
    expect(rest.emitted('save')![0]).toEqual(['schoolDayCap'])
  })

  it('emits subject budgets, empty ones left out, and names the subject of a bad one in English', async () => {
    const w = editor({ level: 'upperPrimary', ruleKey: 'subjectBudgets', value: null }, 'en')
    const inputs = w.findAll('input')
    await inputs.at(0)!.setValue('30')
    await inputs.at(1)!.setValue('-2')
    await w.get('form').trigger('submit')
    expect(w.text()).toContain('Mathematics')
    expect(w.text()).toContain('Enter minutes from 0 to 1440.')
    await inputs.at(1)!.setValue('')
    await inputs.at(2)!.setValue('15')
    await w.get('form').trigger('submit')
    expect(w.emitted('save')![0]).toEqual([{ bySubject: { 语文: 30 }, otherSubjects: 15 }])
  })
})

describe('read only on a school server (the admin changes the school’s records there)', () => {
  it('offers no edit of the school, the term, the grades or me, and still shows them', async () => {
    const school = mountWith(SettingsSchool, { name: '实验小学', regionId: 'national', locked: true })
    expect(school.text()).toContain('实验小学')
    expect(school.find('button').exists()).toBe(false)
    school.unmount()

    const term = { id: 't1', name: '2026—2027学年第一学期', startDate: '2026-09-01', endDate: '2027-01-20' }
    const t = mountWith(SettingsTerm, { term, days: [], locked: true })
    await vi.waitFor(() => expect(t.text()).toContain('2026'))
    await flushPromises()
    expect(t.find('button.settings-section__edit').exists()).toBe(false)
    // The calendar's missing official days are the admin's to add.
    expect(t.find('.settings-term__missing').exists()).toBe(false)
    t.unmount()

    const grades = [{ grade: 4, classes: [{ id: 'a', name: '4(1)' }, { id: 'b', name: '4(2)' }], subjects: ['语文', '数学'] }]
    const g = mountWith(SettingsGrades, { grades, allSubjects: ['语文', '数学'], pending: null, locked: true })
    expect(g.findAll('.settings-grade__fixed').map((c) => c.text())).toEqual(['4(1)', '4(2)'])
    expect(g.text()).toContain('语文')
    expect(g.findAll('input, select, button')).toHaveLength(0)
    g.unmount()

    const me = mountWith(SettingsMe, { name: '王老师', grades, teachings: [{ classId: 'a', subject: '数学' }], roles: [], allSubjects: ['数学'], locked: true })
    expect(me.text()).toContain('王老师')
    expect(me.find('button.settings-section__edit').exists()).toBe(false)
  })
})
