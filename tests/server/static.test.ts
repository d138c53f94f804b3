// The one process serves the built app beside the API: the SPA fallback, and caching that keeps
// updates safe (sw.js and the page revalidated, hashed assets immutable, a missing asset a 404).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/src/server'
import { makeStore, start, type StoreHandle } from './harness'

describe('serving the app', () => {
  let handle: StoreHandle
  let server: RunningServer
  const dist = mkdtempSync(join(tmpdir(), 'hl-dist-'))
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>作业台账</title>')
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})')
    writeFileSync(join(dist, 'workbox-2fbc6a65.js'), '// workbox')
    writeFileSync(join(dist, 'manifest.webmanifest'), '{}')
    writeFileSync(join(dist, 'assets', 'index-D42CJEP6.js'), 'console.log(1)')
    writeFileSync(join(dist, 'assets', 'big-D42CJEP6.js'), `export const words = ${JSON.stringify('作业'.repeat(4000))}`)
    handle = await makeStore('pglite')
    handle.config.distDir = dist
    server = await start(handle)
  })
  afterAll(async () => {
    await server.stop()
    handle.cleanup()
    rmSync(dist, { recursive: true, force: true })
  })

  it.each([
    ['/', 200, 'text/html', 'no-cache'],
    ['/classes/abc/week', 200, 'text/html', 'no-cache'],
    ['/sw.js', 200, 'javascript', 'no-cache'],
    ['/manifest.webmanifest', 200, '', 'no-cache'],
    ['/workbox-2fbc6a65.js', 200, 'javascript', 'public, max-age=31536000, immutable'],
    ['/assets/index-D42CJEP6.js', 200, 'javascript', 'public, max-age=31536000, immutable'],
  ])('%s: %i, %s, Cache-Control %s', async (path, status, type, cache) => {
    const res = await fetch(`${server.url}${path}`)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type') ?? '').toContain(type)
    expect(res.headers.get('cache-control')).toBe(cache)
  })

  it.each(['/assets/gone-12345678.js', '/missing.png'])('answers %s with 404, never the page', async (path) => {
    const res = await fetch(`${server.url}${path}`)
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain('<title>')
  })

  it('sends scripts gzipped to a browser that accepts it, and whole to one that does not', async () => {
    // Node's fetch decodes gzip itself: the header says what travelled, the text that nothing was lost.
    const zipped = await fetch(`${server.url}/assets/big-D42CJEP6.js`, { headers: { 'accept-encoding': 'gzip' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(zipped.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await zipped.text()).toContain('作业作业')
    const plain = await fetch(`${server.url}/assets/big-D42CJEP6.js`, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect((await plain.text()).length).toBeGreaterThan(8000)
  })

  it('answers an unknown API path with a JSON 404, and the API is never cached', async () => {
    const res = await fetch(`${server.url}/api/v1/nothing`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: { code: 'notFound', params: {} } })
    expect((await fetch(`${server.url}/api/v1/health`)).headers.get('cache-control')).toBe('no-store')
  })
})
