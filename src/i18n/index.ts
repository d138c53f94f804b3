// vue-i18n in composition mode (legacy: false). Simplified Chinese is the users' language and the
// fallback; English is the second locale. The chosen locale is remembered in localStorage.
import { createI18n, type MessageCompiler, type MessageContext } from 'vue-i18n'
import { LOCALE_STORAGE_KEY } from '@/constants'
import { appMessages } from './messages/app'
import { commonMessages } from './messages/common'
import { compileMessage, renderMessage } from './format'
import { findingsMessages } from './messages/findings'
import { setTextLocale } from './localeText'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

/** The stored locale, or the default when none is stored or storage is unavailable (private mode). */
export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined): AppLocale {
  try {
    const stored = storage?.getItem(LOCALE_STORAGE_KEY)
    return isAppLocale(stored) ? stored : DEFAULT_LOCALE
  } catch {
    // Safari in private mode and locked-down browsers throw on storage access: the default is right then.
    return DEFAULT_LOCALE
  }
}

export function writeStoredLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: AppLocale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Not remembering the choice is acceptable; the switch itself still works for this visit.
  }
}

function merge(locale: AppLocale) {
  const { nav: commonNav, ...common } = commonMessages[locale]
  const app = appMessages[locale]
  return {
    ...app,
    ...common,
    nav: { ...app.nav, ...commonNav },
    findings: findingsMessages[locale],
  }
}

/** The shell's messages; each lazy screen adds its own namespace when it opens (screenMessages.ts). */
export const messages = { 'zh-CN': merge('zh-CN'), en: merge('en') }

/** What showLocale needs of vue-i18n's global composer (as createAppI18n().global or useI18n({ useScope: 'global' }) give it). */
interface LocaleTarget {
  mergeLocaleMessage(locale: string, messages: object): void
  locale: { value: string }
}

/**
 * Makes `locale` the language shown: in the app's build English is loaded first (localeText.ts) and the
 * shell's words put in; each screen's follow as they arrive (useScreenMessages). If English cannot be
 * loaded (offline, not cached) the Chinese fallback shows rather than nothing.
 */
export async function showLocale(global: LocaleTarget, locale: AppLocale): Promise<void> {
  try {
    await setTextLocale(locale)
    if (locale === 'en') global.mergeLocaleMessage('en', merge('en'))
  } catch {
    // The fallback locale's words show where English is missing.
  }
  global.locale.value = locale
}

/**
 * vue-i18n's runtime-only build (vite.config.ts) carries no message compiler: this one, the app's own
 * (format.ts), turns a message into a function once. A message that is not text (vue-i18n's AST form) is
 * never produced by our tables; it would show its key.
 */
export const messageCompiler: MessageCompiler = (message, context) => {
  if (typeof message !== 'string') return () => context.key
  const forms = compileMessage(message)
  if (forms.length === 1) return (ctx: MessageContext) => renderMessage(forms[0]!, (name) => ctx.named(name))
  // A plural: vue-i18n picks the form by the count given to t() (its own rule, the same as pluralForm).
  return (ctx: MessageContext) => ctx.plural(forms.map((form) => renderMessage(form, (name) => ctx.named(name))))
}

export function createAppI18n(locale: AppLocale = DEFAULT_LOCALE) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    messageCompiler,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
