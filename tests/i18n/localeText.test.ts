// Each locale's text only for the language in use: the build's split of a messages module
// (scripts/splitLocales.ts) and the app's loading of the English (src/i18n/localeText.ts).
import { readdirSync, readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { splitLocaleModule } from '../../scripts/splitLocales'

type LocaleText = typeof import('@/i18n/localeText')
let text: LocaleText
beforeEach(async () => {
  vi.resetModules()
  text = await import('@/i18n/localeText')
})

const DIR = 'src/i18n/messages/'

describe('the build’s split of a messages module', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.ts')))('%s: Chinese stays, English goes to a module of its own', (file) => {
    const name = file.replace(/\.ts$/, '')
    const code = readFileSync(DIR + file, 'utf8')
    const main = splitLocaleModule(code, name, false)
    expect(main).toContain(`en: /* @__PURE__ */ __lazyText<typeof en>(() => import('./${name}.ts?locale=en'))`)
    expect(main).toMatch(/^import \{ lazyText as __lazyText \} from '@\/i18n\/localeText'\n/)
    expect(main).not.toMatch(/'zh-CN': zhCN, en \}/)
    const english = splitLocaleModule(code, name, true)
    expect(english).toMatch(/^export default en$/m)
    expect(english).not.toMatch(/export const \w+Messages =/)
  })

  it('refuses a module that does not end as the others do', () => {
    expect(() => splitLocaleModule("export const xMessages = { en, 'zh-CN': zhCN }", 'x', false)).toThrow(/must end with/)
  })
})

describe('English loaded only when in use', () => {
  const bundle = (load: () => Promise<{ default: object }>) => ({ 'zh-CN': { title: '布置作业' }, en: text.lazyText<{ title: string }>(load) })

  it('is empty, and read as the Chinese, until English is in use; then filled in place', async () => {
    const load = vi.fn(async () => ({ default: { title: 'Set homework' } }))
    const b = bundle(load)
    await text.setTextLocale('zh-CN')
    expect(load).not.toHaveBeenCalled()
    expect(b.en).toEqual({})
    expect(text.textIn(b, 'en')).toEqual({ title: '布置作业' })
    const merged: string[] = []
    text.whenTextLoaded(b.en, () => merged.push(b.en.title))
    await text.setTextLocale('en')
    expect(load).toHaveBeenCalledTimes(1)
    expect(b.en).toEqual({ title: 'Set homework' })
    expect(text.textIn(b, 'en')).toEqual({ title: 'Set homework' })
    expect(merged).toEqual(['Set homework'])
    // Loaded once; a listener added later runs at once.
    await text.textsReady()
    text.whenTextLoaded(b.en, () => merged.push('again'))
    expect(load).toHaveBeenCalledTimes(1)
    expect(merged).toEqual(['Set homework', 'again'])
  })

  it('a module loaded while English is in use fetches its English at once', async () => {
    await text.setTextLocale('en')
    const load = vi.fn(async () => ({ default: { title: 'Set homework' } }))
    const b = bundle(load)
    expect(load).toHaveBeenCalledTimes(1)
    await text.textsReady()
    expect(b.en.title).toBe('Set homework')
  })

  it('a text that could not be loaded says so, keeps the Chinese, and is tried again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ default: { title: 'Set homework' } })
    const b = bundle(load)
    await expect(text.setTextLocale('en')).rejects.toThrow('offline')
    expect(text.textIn(b, 'en')).toEqual({ title: '布置作业' })
    await text.textsReady()
    expect(load).toHaveBeenCalledTimes(2)
    expect(text.textIn(b, 'en')).toEqual({ title: 'Set homework' })
  })

  it('a text not loaded lazily (Node, the dev server) is read as it is', () => {
    const plain = { 'zh-CN': { title: '布置作业' }, en: { title: 'Set homework' } }
    expect(text.textIn(plain, 'en')).toBe(plain.en)
    const seen: string[] = []
    text.whenTextLoaded(plain.en, () => seen.push('now'))
    expect(seen).toEqual(['now'])
  })
})
