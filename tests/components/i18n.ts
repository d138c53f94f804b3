// vue-i18n for component tests: the app's own set-up, plus every lazy screen's messages. A screen's
// components always run inside the screen that merged its messages (src/i18n/screenMessages.ts); a test
// that mounts one of them alone gets the same words this way.
import { createAppI18n, SUPPORTED_LOCALES, type AppLocale } from '@/i18n'
import { designerMessages } from '@/i18n/messages/designer'
import { deskMessages } from '@/i18n/messages/desk'
import { publicityMessages } from '@/i18n/messages/publicity'
import { settingsMessages } from '@/i18n/messages/settings'
import { setupMessages } from '@/i18n/messages/setup'
import { weeksMessages } from '@/i18n/messages/weeks'

export function createTestI18n(locale: AppLocale = 'zh-CN') {
  const i18n = createAppI18n(locale)
  for (const l of SUPPORTED_LOCALES) {
    i18n.global.mergeLocaleMessage(l, { setup: setupMessages[l], designer: designerMessages[l], weeks: weeksMessages[l], settings: settingsMessages[l], desk: deskMessages[l], publicity: publicityMessages[l] })
  }
  return i18n
}
