import { describe, expect, it } from 'vitest'
import { appMessages } from '@/i18n/messages/app'
import { messages } from '@/i18n'
import { designerMessages } from '@/i18n/messages/designer'
import { settingsMessages } from '@/i18n/messages/settings'
import { setupMessages } from '@/i18n/messages/setup'
import { weeksMessages } from '@/i18n/messages/weeks'
import { welcomeMessages } from '@/i18n/messages/welcome'

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

  // Each lazy screen brings its own namespace (src/i18n/screenMessages.ts).
  it.each([
    ['setup', setupMessages],
    ['designer', designerMessages],
    ['weeks', weeksMessages],
    ['settings', settingsMessages],
    ['welcome', welcomeMessages],
  ] as const)('the %s screens have the same keys in both locales, and no namespace clashes with the shell', (name, bundle) => {
    expect(keyPaths(bundle.en).sort()).toEqual(keyPaths(bundle['zh-CN']).sort())
    expect(keyPaths(bundle['zh-CN']).length).toBeGreaterThan(10)
    expect(Object.keys(messages['zh-CN'])).not.toContain(name)
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

describe('every synced table has a name in both languages', () => {
  it.each(['zh-CN', 'en'] as const)('%s: backup and sync screens name each table of the registry', async (locale) => {
    const { TABLE_NAMES } = await import('@hl/core/schema/tables')
    const { backupMessages } = await import('@/i18n/messages/backup')
    const { syncMessages } = await import('@/i18n/messages/sync')
    for (const table of TABLE_NAMES) {
      expect(backupMessages[locale].tables[table], `backup ${table}`).toBeTruthy()
      expect(syncMessages[locale].tables[table], `sync ${table}`).toBeTruthy()
    }
  })
})

// vue-i18n runs without its own compiler (the runtime-only build): every message of every table must be
// plain text with `{name}` parameters, `{'literal'}` literals and English plurals, which the app's
// compiler reads.
describe('every message speaks the app’s one syntax', () => {
  const modules = import.meta.glob<Record<string, unknown>>('../../src/i18n/messages/*.ts', { eager: true })
  const strings = (node: unknown, path: string): [string, string][] =>
    typeof node === 'string' ? [[path, node]] : Object.entries(node as object).flatMap(([k, v]) => strings(v, `${path}.${k}`))

  it.each(Object.keys(modules))('%s', async (file) => {
    const tables = Object.entries(modules[file]!).filter(([, v]) => v && typeof v === 'object' && 'zh-CN' in (v as object) && 'en' in (v as object))
    expect(tables.length, file).toBeGreaterThan(0)
    for (const [name, table] of tables) {
      for (const [path, message] of strings(table, name)) {
        // Outside its placeholders a message holds no brace and no linked message; a `|` only parts the
        // forms of an English plural.
        const bare = message.replace(/\{(?:\w+|'[^']*')\}/g, '')
        expect(bare, path).not.toMatch(/[{}]|@[:.]/)
        if (bare.includes('|')) {
          expect(path, 'plural forms are for English').toMatch(/\.en\./)
          expect(message, path).toMatch(/\{(n|count)\}/)
        }
      }
    }
  })
})
