import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messageCompiler } from '@/i18n'
import { FINDING_SOURCES, RULE_IDS, type Finding } from '@hl/core/domain/findings'
import { displayMinutes, findingMessage, translate } from '../../src/i18n/format'
import { findingsMessages } from '../../src/i18n/messages/findings'
import { cliMessages } from '../../src/i18n/messages/cli'

describe('translate', () => {
  const messages = { a: { b: '平均 {average} 分钟，上限 {cap}' }, flat: 'x {y} {y}', lit: "a {'|'} b {x}" }
  it.each([
    ['a.b', { average: 72, cap: '60' }, '平均 72 分钟，上限 60'],
    ['flat', { y: 1 }, 'x 1 1'],
    ['a.b', { average: 1 }, '平均 1 分钟，上限 {cap}'],
    ['a.missing', {}, 'a.missing'],
    ['a', {}, 'a'],
    ['lit', {}, 'a | b {x}'],
  ])('%s with %j', (key, params, expected) => {
    expect(translate(messages, key, params)).toBe(expected)
  })
})

describe('findingMessage', () => {
  const f = (rule: Finding['rule'], figures: Record<string, number>, subject?: string): Finding => ({
    rule,
    severity: 'error',
    figures,
    source: FINDING_SOURCES[rule],
    ...(subject ? { subject } : {}),
  })

  it.each([
    [f('cap', { averageMinutes: 72, capMinutes: 60 }), 'zh-CN', '书面作业平均 72 分钟，超过每日上限 60 分钟（《意见》二.5）'],
    [f('cap', { averageMinutes: 72.04999, capMinutes: 60 }), 'zh-CN', '书面作业平均 72 分钟，超过每日上限 60 分钟（《意见》二.5）'],
    [f('cap', { averageMinutes: 200 / 3, capMinutes: 60 }), 'en', 'Written homework averages 66.7 min, over the daily cap of 60 min (Opinion 2021 二.5)'],
    [f('no-written-homework', { averageMinutes: 10, maxStudentMinutes: 12.25 }), 'zh-CN', '一、二年级不布置家庭书面作业，今晚却有平均 10 分钟、最多 12.3 分钟（《意见》二.5）'],
    [f('cap-heaviest', { maxStudentMinutes: 85, averageMinutes: 58, capMinutes: 60 }), 'zh-CN', '作业最多的学生需 85 分钟，超过每日上限 60 分钟（全班平均 58 分钟；《意见》二.5）'],
    [f('subject-budget', { averageMinutes: 35, budgetMinutes: 30 }, '数学'), 'zh-CN', '数学书面作业平均 35 分钟，超过学科统筹的 30 分钟（《意见》二.4）'],
    [f('rest-day', { averageMinutes: 100, capMinutes: 90 }), 'zh-CN', '休息日书面作业平均 100 分钟，超过休息日上限 90 分钟（《意见》二.5）'],
  ])('renders %j in %s', (finding, locale, expected) => {
    expect(findingMessage(finding, locale as 'zh-CN' | 'en')).toBe(expected)
  })

  it.each([
    [72, '72'],
    [72.04, '72'],
    [72.05, '72.1'],
    [66.666, '66.7'],
    [0, '0'],
  ])('displays %f minutes as %s', (minutes, shown) => {
    expect(displayMinutes(minutes)).toBe(shown)
  })
})

describe('the message tables', () => {
  it.each(['zh-CN', 'en'] as const)('%s has a message for every rule id, free of vue-i18n special characters outside placeholders', (locale) => {
    const table = findingsMessages[locale]
    for (const rule of RULE_IDS) expect(typeof table[rule]).toBe('string')
    const strings = (node: unknown): string[] => (typeof node === 'string' ? [node] : Object.values(node as object).flatMap(strings))
    for (const message of [...strings(table), ...strings(cliMessages[locale])]) {
      expect(message.replace(/\{\w+\}/g, '')).not.toMatch(/[|@{}$]/)
    }
  })

  it('the locales have the same keys', () => {
    const keys = (node: object): string[] => Object.entries(node).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]))
    expect(keys(findingsMessages.en)).toEqual(keys(findingsMessages['zh-CN']))
    expect(keys(cliMessages.en)).toEqual(keys(cliMessages['zh-CN']))
  })
})

describe('the app reads the same tables through vue-i18n', () => {
  const i18n = createI18n({
    legacy: false,
    locale: 'zh-CN',
    messages: { 'zh-CN': { findings: findingsMessages['zh-CN'] }, en: { findings: findingsMessages.en } },
    messageCompiler,
  })
  const params = { average: 72, cap: 60, max: 80, budget: 30, subject: '数学', source: '《意见》二.5', document: '《意见》', clause: '二.5' }

  it.each([...RULE_IDS, 'sourceRef', 'document.opinion2021'])('findings.%s renders as translate() does', (key) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale
      expect(i18n.global.t(`findings.${key}`, params)).toBe(translate(findingsMessages[locale], key, params))
    }
  })
})

describe('compileMessage', () => {
  it.each([
    ['plain', {}, 'plain'],
    ['{a} and {b}', { a: 1, b: 'x' }, '1 and x'],
    ["a {'|'} b", {}, 'a | b'],
    ['{missing} stays', {}, '{missing} stays'],
    ['{n}{n}', { n: 0 }, '00'],
    ['', {}, ''],
  ] as const)('%j with %j reads %j', (source, params, shown) => {
    expect(translate({ m: source }, 'm', params)).toBe(shown)
  })

  it('gives vue-i18n the same text as translate()', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { m: "{a} {'|'} {b}" } }, messageCompiler })
    expect(i18n.global.t('m', { a: 'x', b: 2 })).toBe('x | 2')
  })

  it.each([0, 1, 2, 7])('words an English plural for %i in vue-i18n and translate() alike', (n) => {
    const m = "{n} class over budget | {n} classes over budget {'|'} ok"
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { m } }, messageCompiler })
    const shown = n === 1 ? '1 class over budget' : `${n} classes over budget | ok`
    expect(i18n.global.t('m', { n }, n)).toBe(shown)
    expect(translate({ m }, 'm', { n })).toBe(shown)
  })
})
