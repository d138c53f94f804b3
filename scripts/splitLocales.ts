// A Vite plugin for the app's build: each locale's text loaded only for the language in use (issue 11).
// Every module in src/i18n/messages ends with `export const xMessages = { 'zh-CN': zhCN, en }`. The
// module keeps its Chinese and gets its English from `lazyText` (src/i18n/localeText.ts), which loads
// `<module>.ts?locale=en`: the same file, cut down by this plugin to `export default en`, so the bundler
// drops the English from the module's chunk and the Chinese from the English one. A module that does
// not end that way fails the build (rather than ship both languages without a word).
import type { Plugin } from 'vite'

const MESSAGES = /[\\/]src[\\/]i18n[\\/]messages[\\/](\w+)\.ts(\?locale=en)?$/
const EXPORT = /^export const (\w+Messages) = \{ 'zh-CN': zhCN, en \}$/m

export function splitLocaleModule(code: string, name: string, english: boolean): string {
  const found = EXPORT.exec(code)
  if (!found) throw new Error(`src/i18n/messages/${name}.ts must end with "export const ${name}Messages = { 'zh-CN': zhCN, en }"`)
  if (english) return code.replace(EXPORT, 'export default en')
  // Marked pure, so a table that nothing in a chunk uses is dropped from it with its loader (format.ts's
  // readers' error texts, beside the message syntax that the shell does use).
  const lazy = `export const ${found[1]} = { 'zh-CN': zhCN, en: /* @__PURE__ */ __lazyText<typeof en>(() => import('./${name}.ts?locale=en')) }`
  return `import { lazyText as __lazyText } from '@/i18n/localeText'\n${code.replace(EXPORT, lazy)}`
}

export function splitLocales(): Plugin {
  return {
    name: 'hl-split-locales',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      const match = MESSAGES.exec(id)
      if (!match) return null
      return { code: splitLocaleModule(code, match[1]!, match[2] !== undefined), map: null }
    },
  }
}
