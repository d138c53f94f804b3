import { describe, expect, it } from 'vitest'
import { budgetOf, levelOfGrade, NATIONAL_2021, resolveRules, rulesForGrade, type RulesLayer } from '@hl/core/domain/rules/profile'

// Known local variants of policy.md, used to test the override layers.
const anshan: RulesLayer = {
  id: 'anshan',
  kind: 'region',
  name: '鞍山市',
  version: 1,
  levels: { upperPrimary: { dailyCapMinutes: 45 }, juniorHigh: { dailyCapMinutes: 60 } },
}
const school: RulesLayer = {
  id: 'school-1',
  kind: 'school',
  name: '示例小学',
  version: 1,
  levels: {
    upperPrimary: {
      teacherMultiplier: 2.5,
      subjectBudgets: { bySubject: { 语文: 30, 数学: 30, 英语: 30 }, otherSubjects: 15 },
    },
    seniorHigh: { dailyCapMinutes: 120 },
  },
}

describe('rules profile national-2021', () => {
  it.each([
    [1, 'lowerPrimary', false, 0, '21:20'],
    [2, 'lowerPrimary', false, 0, '21:20'],
    [3, 'upperPrimary', true, 60, '21:20'],
    [6, 'upperPrimary', true, 60, '21:20'],
    [7, 'juniorHigh', true, 90, '22:00'],
    [9, 'juniorHigh', true, 90, '22:00'],
    [10, 'seniorHigh', true, null, '23:00'],
    [12, 'seniorHigh', true, null, '23:00'],
  ])('grade %i is %s: home written %s, cap %s, bedtime %s', (grade, level, allowed, cap, bedtime) => {
    const r = rulesForGrade(resolveRules(), grade)
    expect(r.level).toBe(level)
    expect(r.homeWrittenAllowed).toBe(allowed)
    expect(r.dailyCapMinutes).toBe(cap)
    expect(r.restDayCap).toBe(cap) // default rest-day rule: no more than a school day's cap
    expect(r.bedtime).toBe(bedtime)
    expect(r.teacherMultiplier).toBe(3)
    expect(r.subjectBudgets).toBeNull()
  })

  it.each([0, 13, 4.5, -1])('rejects grade %s', (grade) => {
    expect(() => levelOfGrade(grade)).toThrow(RangeError)
  })

  it('names the source of every rule', () => {
    const r = resolveRules().levels.upperPrimary
    expect(r.dailyCapMinutes.source).toMatchObject({ source: 'opinion2021', clause: '二.5' })
    expect(r.bedtime.source.source).toBe('sleep2021')
    expect(r.dailyCapMinutes.setBy).toBe('national-2021')
  })
})

describe('override layers', () => {
  const resolved = resolveRules(NATIONAL_2021, [anshan, school])

  it.each([
    ['lowerPrimary', 'dailyCapMinutes', 0, 'national-2021'],
    ['upperPrimary', 'dailyCapMinutes', 45, 'anshan'],
    ['juniorHigh', 'dailyCapMinutes', 60, 'anshan'],
    ['seniorHigh', 'dailyCapMinutes', 120, 'school-1'],
    ['upperPrimary', 'teacherMultiplier', 2.5, 'school-1'],
    ['juniorHigh', 'teacherMultiplier', 3, 'national-2021'],
    ['upperPrimary', 'bedtime', '21:20', 'national-2021'],
  ] as const)('%s.%s is %s, set by %s', (level, key, value, setBy) => {
    expect(resolved.levels[level][key].value).toBe(value)
    expect(resolved.levels[level][key].setBy).toBe(setBy)
  })

  it('a later layer wins over an earlier one for the same value', () => {
    const strict: RulesLayer = { id: 's', kind: 'school', name: 'S', version: 1, levels: { upperPrimary: { dailyCapMinutes: 40 } } }
    const r = resolveRules(NATIONAL_2021, [anshan, strict])
    expect(r.levels.upperPrimary.dailyCapMinutes).toMatchObject({ value: 40, setBy: 's', setByName: 'S' })
    expect(r.layers.map((l) => l.id)).toEqual(['national-2021', 'anshan', 's'])
  })

  it('a rest-day cap follows the overridden school-day cap unless set itself', () => {
    expect(rulesForGrade(resolved, 4).restDayCap).toBe(45)
    const weekend: RulesLayer = { id: 'w', kind: 'school', name: 'W', version: 1, levels: { upperPrimary: { restDayCapMinutes: 30 } } }
    expect(rulesForGrade(resolveRules(NATIONAL_2021, [anshan, weekend]), 4).restDayCap).toBe(30)
  })

  it.each([
    ['语文', 30],
    ['数学', 30],
    ['科学', 15],
    ['道德与法治', 15],
    // A subject is the school's text: names Object has must not find Object's members.
    ['__proto__', 15],
    ['toString', 15],
    ['constructor', 15],
  ])('budget of %s is %i', (subject, budget) => {
    expect(budgetOf(rulesForGrade(resolved, 5).subjectBudgets, subject)).toBe(budget)
  })

  it('leaves the national profile unchanged', () => {
    expect(NATIONAL_2021.levels.upperPrimary.dailyCapMinutes).toBe(60)
    expect(resolveRules().levels.upperPrimary.dailyCapMinutes.value).toBe(60)
  })
})

describe('the stop rule (作业熔断) and the grading scale', () => {
  it.each([
    ['lowerPrimary', '21:20'],
    ['upperPrimary', '21:20'],
    ['juniorHigh', '22:00'],
    ['seniorHigh', '23:00'],
  ] as const)('%s stops at the sleep notice’s bedtime %s by default, with no weekly limits', (level, time) => {
    const r = resolveRules(NATIONAL_2021).levels[level]
    expect(r.stopTime.value).toBe(time)
    expect(r.stopTime.value).toBe(r.bedtime.value)
    expect(r.stopTime.source.quote).toContain('也应按时就寝')
    expect(r.weeklyStopLimit.value).toBeNull()
    expect(r.weeklySubjectStopLimit.value).toBeNull()
  })

  it('a school sets a Zhuhai-style rule: bedtime minus 20 minutes, 4 a week, 1 per subject', () => {
    const rules = resolveRules(NATIONAL_2021, [{ id: 's', kind: 'school', name: '某校', version: 1, levels: { upperPrimary: { stopTime: '21:00', weeklyStopLimit: 4, weeklySubjectStopLimit: 1, gradeScale: 'letters' } } }])
    const r = rulesForGrade(rules, 5)
    expect([r.stopTime, r.weeklyStopLimit, r.weeklySubjectStopLimit, r.gradeScale]).toEqual(['21:00', 4, 1, 'letters'])
    expect(rules.levels.upperPrimary.weeklyStopLimit.setByName).toBe('某校')
  })
})
