// The readers' error messages (src/i18n/messages/formats.ts) and the CLI's words (cli.ts): both locales
// complete, rendered the same by vue-i18n (the app) and translate (the CLI), and listing exactly the
// words the readers accept.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { DUE_MAX_DAYS, MINUTES_MAX } from '@hl/core/domain/assignmentDraft'
import { DAY_TYPE_WORDS, KIND_WORDS, STOPPED_WORDS, TIER_WORDS, WHERE_WORDS, acceptedWords } from '@hl/core/formats/vocab'
import { translate } from '@/i18n/format'
import { cliMessages } from '@/i18n/messages/cli'
import { designerMessages } from '@/i18n/messages/designer'
import { formatsMessages } from '@/i18n/messages/formats'

const keys = (node: object, prefix = ''): string[] =>
  Object.entries(node).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]))

describe('formats and CLI messages', () => {
  it.each([
    ['formats', formatsMessages],
    ['cli', cliMessages],
  ] as const)('%s has the same keys in both locales', (_name, bundle) => {
    expect(keys(bundle.en)).toEqual(keys(bundle['zh-CN']))
  })

  const params = { value: '「x」', unknown: 'y', other: 'o', name: 'n', others: 'a / b', due: '2026-03-31', date: '2026-03-02', min: '2000-01-01', max: 28, grade: 5, classGrade: 4, className: '5(2)', subjects: '语文、数学', line: 3, length: 201 }
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { formats: formatsMessages['zh-CN'] }, en: { formats: formatsMessages.en } } })
  it.each(keys(formatsMessages['zh-CN'].errors))('errors.%s renders in vue-i18n as translate() does, in both locales', (key) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale
      const text = translate(formatsMessages[locale], `errors.${key}`, params)
      expect(i18n.global.t(`formats.errors.${key}`, params)).toBe(text)
      expect(text).not.toMatch(/\{/)
    }
  })

  it.each([
    ['kindUnknown', KIND_WORDS],
    ['whereUnknown', WHERE_WORDS],
    ['tiersUnknown', TIER_WORDS],
    ['tiersEmpty', TIER_WORDS],
    ['rosterTierUnknown', TIER_WORDS],
    ['dayTypeUnknown', DAY_TYPE_WORDS],
    ['stoppedUnknown', STOPPED_WORDS],
  ] as const)('%s lists every word the reader accepts, in both locales', (code, words) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const message = formatsMessages[locale].errors[code]
      for (const word of acceptedWords(words)) expect(message, `${locale} ${word}`).toContain(word)
    }
  })

  it('the designer states the same limits as the readers', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const problems = designerMessages[locale].problems as Record<string, string>
      expect(problems.dueTooLate).toContain(String(DUE_MAX_DAYS))
      expect(problems.minutesInvalid).toContain(String(MINUTES_MAX))
    }
  })
})
