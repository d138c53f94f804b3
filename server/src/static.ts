// Serves the built app (dist/) beside the API, with caching that keeps updates safe: the service
// worker, the page and the manifest are revalidated on every load (a stale sw.js would pin an old
// app for days), content-hashed files under /assets/ (and workbox-<hash>.js) are immutable for a
// year, and any other path without a file extension gets index.html (the app's own routes).
import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import { compress } from 'hono/compress'

const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

export function cacheControlFor(path: string): string {
  if (/(^|\/)assets\//.test(path) || /(^|\/)workbox-[0-9a-f]{8,}\.js$/.test(path)) return IMMUTABLE
  return REVALIDATE
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app's Env: static files need none of it
export function serveApp(app: Hono<any>, distDir: string): void {
  if (!existsSync(`${distDir}/index.html`)) return
  const root = relative(process.cwd(), distDir) || '.'
  const headers = (path: string, c: { header(name: string, value: string): void }): void => c.header('Cache-Control', cacheControlFor(path))
  // Scripts, styles and the page travel compressed (a phone on a school's network downloads a quarter of
  // the bytes); the API answers before this runs, so its responses are untouched.
  app.use('*', compress())
  app.use('*', serveStatic({ root, onFound: headers }))
  // A missing hashed asset is a 404, never the page: a browser must not cache HTML as a script.
  app.get('/assets/*', (c) => c.text('Not found', 404))
  const page = serveStatic({ root, path: 'index.html', onFound: headers })
  app.get('*', async (c, next) => (/\.[a-z0-9]+$/i.test(c.req.path) ? c.text('Not found', 404) : ((await page(c, next)) ?? c.text('Not found', 404))))
}
