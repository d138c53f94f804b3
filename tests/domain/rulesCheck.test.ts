import { describe, expect, it } from 'vitest'
import { checkLevelRule, checkLevelRules, withRule } from '@hl/core/domain/rules/check'
import { resolveRules, NATIONAL_2021, type LevelId, type LevelRuleKey } from '@hl/core/domain/rules/profile'
import { regionLayers } from '@hl/core/domain/rules/regions'

const codes = (level: LevelId, key: LevelRuleKey, value: unknown) => checkLevelRule(level, key, value).map((p) => p.code)

describe('checkLevelRule: what a school may set', () => {
  it.each([
    // 先做 multiplier: the stored schema's bounds (schema/rules.ts), more than 0 and at most 10.
    ['juniorHigh', 'teacherMultiplier', 3, []],
    ['juniorHigh', 'teacherMultiplier', 2.5, []],
    ['juniorHigh', 'teacherMultiplier', 1, []],
    ['juniorHigh', 'teacherMultiplier', 10, []],
    ['juniorHigh', 'teacherMultiplier', 0, ['multiplierInvalid']],
    ['juniorHigh', 'teacherMultiplier', -3, ['multiplierInvalid']],
    ['juniorHigh', 'teacherMultiplier', 0.05, ['multiplierInvalid']],
    ['juniorHigh', 'teacherMultiplier', 11, ['multiplierInvalid']],
    ['juniorHigh', 'teacherMultiplier', Number.NaN, ['multiplierInvalid']],
    ['juniorHigh', 'teacherMultiplier', Number.POSITIVE_INFINITY, ['multiplierInvalid']],
    ['juniorHigh', 'teacherMultiplier', '3', ['multiplierInvalid']],
    // Caps: minutes as an item's (0–1440), never looser than the national cap (意见 二.5).
    ['upperPrimary', 'dailyCapMinutes', 45, []],
    ['upperPrimary', 'dailyCapMinutes', 60, []],
    ['upperPrimary', 'dailyCapMinutes', 61, ['capLooser']],
    ['upperPrimary', 'dailyCapMinutes', null, ['capLooser']],
    ['upperPrimary', 'dailyCapMinutes', -5, ['minutesInvalid']],
    ['upperPrimary', 'dailyCapMinutes', Number.NaN, ['minutesInvalid']],
    ['lowerPrimary', 'dailyCapMinutes', 0, []],
    ['lowerPrimary', 'dailyCapMinutes', 10, ['capLooser']],
    // Grades 10–12: no national number, off by default; a school may set one, or turn it off again.
    ['seniorHigh', 'dailyCapMinutes', 120, []],
    ['seniorHigh', 'dailyCapMinutes', null, []],
    ['seniorHigh', 'dailyCapMinutes', 1441, ['minutesInvalid']],
    ['seniorHigh', 'dailyCapMinutes', 1e308, ['minutesInvalid']],
    // Rest days: the school day's cap, or minutes of their own.
    ['juniorHigh', 'restDayCapMinutes', 'schoolDayCap', []],
    ['juniorHigh', 'restDayCapMinutes', 120, []],
    ['juniorHigh', 'restDayCapMinutes', -5, ['minutesInvalid']],
    ['juniorHigh', 'restDayCapMinutes', 'lots', ['minutesInvalid']],
    // Bedtime: a real time of day.
    ['upperPrimary', 'bedtime', '21:00', []],
    ['upperPrimary', 'bedtime', '21:20', []],
    ['upperPrimary', 'bedtime', '21:30', ['bedtimeLater']],
    ['seniorHigh', 'bedtime', '23:00', []],
    ['seniorHigh', 'bedtime', '23:59', ['bedtimeLater']],
    ['upperPrimary', 'bedtime', '00:30', ['bedtimeInvalid']],
    ['upperPrimary', 'bedtime', '09:30', ['bedtimeInvalid']],
    ['upperPrimary', 'bedtime', '99:99', ['bedtimeInvalid']],
    ['upperPrimary', 'bedtime', '24:00', ['bedtimeInvalid']],
    ['upperPrimary', 'bedtime', '9:30', ['bedtimeInvalid']],
    ['upperPrimary', 'sleepHours', 9, []],
    ['upperPrimary', 'sleepHours', 30, ['sleepHoursInvalid']],
    ['upperPrimary', 'sleepHours', Number.POSITIVE_INFINITY, ['sleepHoursInvalid']],
    ['lowerPrimary', 'homeWrittenAllowed', false, []],
    ['lowerPrimary', 'homeWrittenAllowed', true, ['homeWrittenNotAllowed']],
    ['juniorHigh', 'homeWrittenAllowed', 'yes', ['notABoolean']],
    // 统筹: per-subject budgets in whole minutes, subjects named.
    ['upperPrimary', 'subjectBudgets', { bySubject: { 语文: 30, 数学: 30, 英语: 30 }, otherSubjects: 15 }, []],
    ['upperPrimary', 'subjectBudgets', null, []],
    ['upperPrimary', 'subjectBudgets', { bySubject: { 语文: -1 }, otherSubjects: null }, ['minutesInvalid']],
    ['upperPrimary', 'subjectBudgets', { bySubject: { '': 20 }, otherSubjects: null }, ['subjectInvalid']],
    ['upperPrimary', 'subjectBudgets', { bySubject: {}, otherSubjects: -2 }, ['minutesInvalid']],
    ['upperPrimary', 'restDaySubjectBudgets', 'none', ['budgetsInvalid']],
  ] as const)('%s %s = %j → %j', (level, key, value, expected) => {
    expect(codes(level, key, value)).toEqual(expected)
  })

  it('holds a school to its region’s stricter caps (Anshan: 45 in grades 3–6)', () => {
    const anshan = resolveRules(NATIONAL_2021, regionLayers('anshan'))
    expect(checkLevelRule('upperPrimary', 'dailyCapMinutes', 50, anshan)).toEqual([{ code: 'capLooser', level: 'upperPrimary', key: 'dailyCapMinutes', limit: 45 }])
    expect(checkLevelRule('upperPrimary', 'dailyCapMinutes', 40, anshan)).toEqual([])
  })
})

describe('checkLevelRules: a whole set of overrides, as a backup brings it', () => {
  it.each([
    ['none', {}, []],
    ['good values', { juniorHigh: { teacherMultiplier: 2.5, bedtime: '21:45' }, seniorHigh: { dailyCapMinutes: 120 } }, []],
    [
      'the bad values a backup could hold',
      { upperPrimary: { dailyCapMinutes: -5, teacherMultiplier: -3, bedtime: '99:99' } },
      ['upperPrimary.dailyCapMinutes minutesInvalid', 'upperPrimary.teacherMultiplier multiplierInvalid', 'upperPrimary.bedtime bedtimeInvalid'],
    ],
    ['an unknown level and rule', { kindergarten: { x: 1 }, juniorHigh: { colour: 'red' } }, ['kindergarten. unknownLevel', 'juniorHigh.colour unknownRule']],
    ['a level that is not an object', { juniorHigh: 5 }, ['juniorHigh. unknownLevel']],
    ['not an object at all', 'rules', ['. unknownLevel']],
  ])('%s', (_name, overrides, expected) => {
    expect(checkLevelRules(overrides).map((p) => `${p.level}.${p.key} ${p.code}`)).toEqual(expected)
  })
})

describe('withRule', () => {
  it('sets one rule of one level and takes it out again, dropping empty levels', () => {
    const one = withRule({}, 'juniorHigh', 'teacherMultiplier', 2)
    expect(one).toEqual({ juniorHigh: { teacherMultiplier: 2 } })
    const two = withRule(one, 'juniorHigh', 'bedtime', '21:30')
    expect(two).toEqual({ juniorHigh: { teacherMultiplier: 2, bedtime: '21:30' } })
    expect(withRule(withRule(two, 'juniorHigh', 'bedtime', undefined), 'juniorHigh', 'teacherMultiplier', undefined)).toEqual({})
    // The input is left as it was.
    expect(one).toEqual({ juniorHigh: { teacherMultiplier: 2 } })
  })
})
