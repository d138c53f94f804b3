// What the built service worker precaches: the URLs of the manifest workbox writes into dist/sw.js
// (`precacheAndRoute([{url:"…",revision:…},…])`), and those listed more than once. A file listed twice is
// downloaded twice on install, and vite-plugin-pwa adds the public files and the web manifest on its own,
// beside workbox's globPatterns, so a glob that also matches them lists them twice.
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export interface Precache {
  urls: string[]
  duplicates: string[]
}

export function precacheOf(swSource: string): Precache {
  const start = swSource.indexOf('precacheAndRoute([')
  if (start < 0) throw new Error('sw.js has no precacheAndRoute([…]) call')
  const end = swSource.indexOf(']', start)
  const list = swSource.slice(start, end)
  const urls = [...list.matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1]!)
  const seen = new Set<string>()
  const duplicates = new Set<string>()
  for (const url of urls) (seen.has(url) ? duplicates : seen).add(url)
  return { urls, duplicates: [...duplicates] }
}

/** Every file of a build folder, as paths relative to it ('assets/x.js'). */
export function filesOf(dir: string): string[] {
  const out: string[] = []
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(dir, path).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}
