// The chunks of the screens a returning teacher opens the app on (scripts/entryChunks.ts), on a small
// module graph: which module goes to which chunk, and which are left to the bundler.
import { describe, expect, it } from 'vitest'
import type { ChunkingContext } from 'rolldown'
import { entryScreenChunkNames, entryScreenChunks, type EntryScreens } from '../../scripts/entryChunks'

// Module → what it imports statically (a dynamic import is not an edge: the route's screens are lazy).
const GRAPH: Record<string, string[]> = {
  '/src/main.ts': ['/src/i18n.ts', '/src/router.ts'],
  '/src/router.ts': ['/src/presence.ts'],
  '/src/i18n.ts': [],
  '/src/presence.ts': [],
  '/src/views/Welcome.vue': ['/src/i18n.ts', '/src/setupActions.ts'],
  '/src/setupActions.ts': ['/src/database.ts'],
  '/src/database.ts': ['/nm/dexie.js'],
  '/src/views/MyWeek.vue': ['/src/myWeek.ts', '/src/report.ts', '/src/i18n.ts'],
  '/src/myWeek.ts': ['/src/grading.ts', '/src/database.ts'],
  '/src/grading.ts': [],
  '/src/views/ClassWeek.vue': ['/src/report.ts', '/src/weekTable.ts'],
  '/src/report.ts': ['/src/load.ts', '/nm/dayjs.js'],
  '/src/load.ts': [],
  '/src/weekTable.ts': ['/src/load.ts'],
  '/nm/dayjs.js': [],
  '/nm/dexie.js': [],
  '/src/views/Desk.vue': ['/src/report.ts', '/src/desk.ts'],
  '/src/desk.ts': [],
}
const ctx = { getModuleInfo: (id: string) => (id in GRAPH ? { importedIds: GRAPH[id] } : null) } as unknown as ChunkingContext
const OPTIONS: EntryScreens = {
  src: '/src/',
  shell: 'main.ts',
  keepOut: ['views/Welcome.vue'],
  screens: { 'my-week': 'views/MyWeek.vue', 'class-week': 'views/ClassWeek.vue' },
  shared: 'weeks',
}

describe('the entry screens’ chunks', () => {
  const names = entryScreenChunkNames(ctx, OPTIONS)
  it.each([
    ['/src/views/MyWeek.vue', 'my-week', 'a screen’s own view'],
    ['/src/myWeek.ts', 'my-week', 'a module only that screen reaches'],
    ['/src/grading.ts', 'my-week', 'reached through another module'],
    ['/src/views/ClassWeek.vue', 'class-week', 'the other screen'],
    ['/src/weekTable.ts', 'class-week', 'only the class week'],
    ['/src/report.ts', 'weeks', 'both screens'],
    ['/src/load.ts', 'weeks', 'both, by different ways'],
    ['/nm/dayjs.js', 'weeks', 'a package both need (vendor groups of a higher priority keep theirs)'],
    ['/src/i18n.ts', undefined, 'the shell'],
    ['/src/presence.ts', undefined, 'reached by the shell only through another module'],
    ['/src/database.ts', undefined, 'the welcome screen reaches it: a new teacher’s first load stays as it was'],
    ['/nm/dexie.js', undefined, 'reached by welcome through another module'],
    ['/src/desk.ts', undefined, 'a screen not named'],
    ['/src/views/Desk.vue', undefined, 'a screen not named, itself'],
  ] as const)('%s → %s (%s)', (id, chunk, why) => {
    expect(names.get(id), why).toBe(chunk)
  })

  it('is the group’s name for a module, worked out once per chunking pass', () => {
    let asked = 0
    const counting = { getModuleInfo: (id: string) => (asked++, ctx.getModuleInfo(id)) } as unknown as ChunkingContext
    const group = entryScreenChunks(OPTIONS)
    expect(group.name('/src/report.ts', counting)).toBe('weeks')
    const once = asked
    expect(group.name('/src/weekTable.ts', counting)).toBe('class-week')
    expect(group.name('/src/i18n.ts', counting)).toBeNull()
    expect(asked).toBe(once)
    expect(group.includeDependenciesRecursively).toBe(false)
  })
})
