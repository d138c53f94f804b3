import { describe, expect, it } from 'vitest'
import { appMessages } from '@/i18n/messages/app'
import { messages } from '@/i18n'

type Tree = { [key: string]: unknown }

/** Every leaf key path of a message tree, e.g. 'rules.values.minutes'. */
function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? keyPaths(value as Tree, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('app messages', () => {
  it('has the same keys in zh-CN and en', () => {
    const zh = keyPaths(appMessages['zh-CN'])
    const en = keyPaths(appMessages.en)
    expect(zh.filter((k) => !en.includes(k))).toEqual([])
    expect(en.filter((k) => !zh.includes(k))).toEqual([])
    expect(zh.length).toBeGreaterThan(50)
  })

  it('has the same keys in both locales once the findings messages are merged in', () => {
    expect(keyPaths(messages.en).sort()).toEqual(keyPaths(messages['zh-CN']).sort())
  })

  it('has no empty message', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const empty = keyPaths(appMessages[locale]).filter((path) => {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Tree)[key], appMessages[locale])
        return typeof value !== 'string' || value.trim() === ''
      })
      expect(empty, locale).toEqual([])
    }
  })
})
