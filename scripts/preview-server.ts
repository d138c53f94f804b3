// Starts Vite's preview server for the built app (dist/, or the benchmark's dist-bench/) on a free
// loopback port. Shared by the e2e global setup, the benchmark and the screenshot script; stop it with
// `server.close()`.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { preview, type PreviewServer } from 'vite'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

export async function startPreview(outDir = 'dist'): Promise<{ server: PreviewServer; baseUrl: string }> {
  if (!existsSync(`${ROOT}${outDir}/index.html`)) {
    throw new Error(`${outDir}/ is missing: run \`npm run build\` first.`)
  }
  // Port 0: the OS picks a free port, so a dev server or a second run never collides.
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The preview server did not report a port.')
  return { server, baseUrl: `http://127.0.0.1:${address.port}` }
}
