// Each locale's text loaded only for the language in use (issue 11). Chinese, the users' language and
// the fallback, travels with the code that shows it. In the app's build (scripts/splitLocales.ts) each
// messages module's English text is cut out into a chunk of its own and replaced by an object from
// `lazyText`: empty until English is in use, then filled in place with the text, so code that reads
// `bundle.en` reads the words once they are here. Node (the CLI, the server, unit tests) and the dev
// server use the modules as written, where nothing here is ever called.
//
// English is loaded before anything shows it: at start-up (main.ts), before a route's screen renders
// (the router), and before the switch to English takes effect (App.vue). A module loaded later (a part of
// a screen that loads on demand) asks for its English at once, and its view merges it when it arrives.
type Text = Record<string, unknown>

interface Entry {
  load: () => Promise<{ default: object }>
  loading?: Promise<void>
  loaded: boolean
  listeners: (() => void)[]
}

const entries = new Map<object, Entry>()
let englishInUse = false

function loadOne(target: object, entry: Entry): Promise<void> {
  entry.loading ??= entry.load().then(
    (module) => {
      Object.assign(target, module.default)
      entry.loaded = true
      for (const listener of entry.listeners.splice(0)) listener()
    },
    (error: unknown) => {
      // Offline with the chunk not cached, say: the Chinese fallback shows, and the next ask tries again.
      entry.loading = undefined
      throw error
    },
  )
  return entry.loading
}

/** The English text of a messages module, loaded by `load` when English is in use (see the top). */
export function lazyText<T extends object>(load: () => Promise<{ default: object }>): T {
  const target = {} as Text
  const entry: Entry = { load, loaded: false, listeners: [] }
  entries.set(target, entry)
  if (englishInUse) void loadOne(target, entry).catch(() => undefined)
  return target as T
}

/** Runs `then` once `text` holds its words: at once for a text loaded already or not loaded lazily. */
export function whenTextLoaded(text: object, then: () => void): void {
  const entry = entries.get(text)
  if (!entry || entry.loaded) then()
  else entry.listeners.push(then)
}

/**
 * The language in use from now on. For English, resolves once the English of every module loaded so
 * far is here (modules loaded later fetch theirs as they load); rejects if some could not be loaded.
 */
export async function setTextLocale(locale: string): Promise<void> {
  englishInUse = locale === 'en'
  if (!englishInUse) return
  await Promise.all([...entries].map(([target, entry]) => loadOne(target, entry)))
}

/** Resolves once every English text registered so far is here, if English is in use (the router's wait). */
export async function textsReady(): Promise<void> {
  if (englishInUse) await setTextLocale('en')
}

/** A bundle's text in `locale`, or its Chinese while that locale's words are still on their way. */
export function textIn<T extends object>(bundle: { readonly 'zh-CN': T; readonly en: T }, locale: 'zh-CN' | 'en'): T {
  return locale === 'en' && entries.get(bundle.en)?.loaded === false ? bundle['zh-CN'] : bundle[locale]
}
