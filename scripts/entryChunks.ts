// The chunks of the screens a returning teacher opens the app on (issue 11: first-load JS). Left to
// itself, the bundler gives every set of screens that shares a module its own chunk, so 我的作业 arrived
// in 35 files of a few hundred bytes each: each compressed on its own, each with the glue of its
// imports and exports, each listed in the entry's preload table. This chunking group puts what those
// screens need into one chunk per screen and one for what they share; it leaves to the bundler what the
// shell (loaded by every page) and the welcome screen (a new teacher's first load) need, so neither
// grows.
import type { ChunkingContext } from 'rolldown'

export interface EntryScreens {
  /** The folder of the app's source, with its trailing slash: the ids below are relative to it. */
  src: string
  /** The app's entry module, e.g. 'main.ts'. */
  shell: string
  /** Modules these reach are left as they are (the welcome screen), e.g. 'views/WelcomeView.vue'. */
  keepOut: readonly string[]
  /** Chunk name → the screen's view, e.g. { 'my-week': 'views/MyWeekView.vue' }. */
  screens: Readonly<Record<string, string>>
  /** The chunk of modules that more than one of those screens reach. */
  shared: string
}

/** Every module `start` imports statically, directly or not, itself included. */
function reachable(ctx: ChunkingContext, start: string): Set<string> {
  const seen = new Set<string>()
  const stack = [start]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    for (const dep of ctx.getModuleInfo(id)?.importedIds ?? []) stack.push(dep)
  }
  return seen
}

/** Module id → its chunk's name, for every module the screens reach and the shell and keepOut do not. */
export function entryScreenChunkNames(ctx: ChunkingContext, options: EntryScreens): Map<string, string> {
  const left = new Set<string>()
  for (const start of [options.shell, ...options.keepOut]) for (const id of reachable(ctx, options.src + start)) left.add(id)
  const owners = new Map<string, string[]>()
  for (const [name, view] of Object.entries(options.screens)) {
    for (const id of reachable(ctx, options.src + view)) {
      if (!left.has(id)) owners.set(id, [...(owners.get(id) ?? []), name])
    }
  }
  const names = new Map<string, string>()
  for (const [id, screens] of owners) names.set(id, screens.length > 1 ? options.shared : screens[0]!)
  return names
}

/**
 * The group for `codeSplitting.groups`. Its modules' own imports are not pulled in after them (the
 * bundler's default): everything a screen reaches is named already, and what is left out stays left out.
 * Vendor groups of a higher priority keep their modules.
 */
export function entryScreenChunks(options: EntryScreens) {
  // One answer per chunking pass (a build): the graph is the same for every module asked about.
  const passes = new WeakMap<ChunkingContext, Map<string, string>>()
  return {
    name: (id: string, ctx: ChunkingContext): string | null => {
      let names = passes.get(ctx)
      if (!names) passes.set(ctx, (names = entryScreenChunkNames(ctx, options)))
      return names.get(id) ?? null
    },
    includeDependenciesRecursively: false,
  }
}
