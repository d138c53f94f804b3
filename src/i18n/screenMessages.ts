// The text of a lazy screen travels in that screen's chunk: its view merges its messages into vue-i18n
// when it is set up, so the first load carries only the shell's words (performance: small first load).
import { useI18n } from 'vue-i18n'
import { SUPPORTED_LOCALES, type AppLocale } from './index'
import { whenTextLoaded } from './localeText'

export type ScreenMessages = Readonly<Record<AppLocale, object>>

/** Call at the top of a view's setup, before anything renders its text. Merging again is harmless. */
export function useScreenMessages(namespace: string, bundle: ScreenMessages): void {
  const { mergeLocaleMessage } = useI18n({ useScope: 'global' })
  // English in the app's build is filled in when it arrives (localeText.ts): merged then.
  for (const locale of SUPPORTED_LOCALES) whenTextLoaded(bundle[locale], () => mergeLocaleMessage(locale, { [namespace]: bundle[locale] }))
}
