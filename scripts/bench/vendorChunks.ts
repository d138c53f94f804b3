// Issue 11: "vendor code split so that an app change leaves the vendor chunks' hashes alone". Builds the
// app twice into scratch folders, the second time with a change to the app's own code (a line added to
// the entry and to 我的作业's view, as any release would), and compares the files: every vendor chunk
// must keep its name (its content hash), and the app's changed chunks must not (or the change was not one).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, type Plugin } from 'vite'

const CHANGED = [/[\\/]src[\\/]main\.ts$/, /[\\/]src[\\/]views[\\/]MyWeekView\.vue$/]

/** A release's worth of change: one statement more in each of those modules. */
const appChange: Plugin = {
  name: 'hl-bench-app-change',
  enforce: 'pre',
  transform(code, id) {
    if (!CHANGED.some((re) => re.test(id))) return null
    // A script block's last line: in a .vue file, before its closing tag.
    const line = "\ndocument.documentElement.dataset.release = 'next'\n"
    return { code: id.endsWith('.vue') ? code.replace('</script>', `${line}</script>`) : code + line, map: null }
  },
}

async function builtAssets(outDir: string, change: boolean): Promise<string[]> {
  await build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir, emptyOutDir: true }, plugins: change ? [appChange] : [] })
  return readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'))
}

export interface VendorChunkCheck {
  /** The vendor chunks of the first build, e.g. vendor-vue-Cm9Q_8yx.js. */
  vendor: string[]
  /** Those the second build gave another name (another hash): none, for the target. */
  vendorChanged: string[]
  /** App chunks that changed name: at least the entry and 我的作业's, or the probe changed nothing. */
  appChanged: string[]
  stable: boolean
}

export async function checkVendorChunks(): Promise<VendorChunkCheck> {
  const dir = mkdtempSync(join(tmpdir(), 'hl-vendor-'))
  try {
    const before = await builtAssets(join(dir, 'a'), false)
    const after = new Set(await builtAssets(join(dir, 'b'), true))
    const vendor = before.filter((f) => f.startsWith('vendor-'))
    const vendorChanged = vendor.filter((f) => !after.has(f))
    const appChanged = before.filter((f) => !f.startsWith('vendor-') && !after.has(f))
    const probed = appChanged.some((f) => f.startsWith('index-')) && appChanged.some((f) => f.startsWith('my-week-'))
    return { vendor, vendorChanged, appChanged, stable: vendor.length > 0 && vendorChanged.length === 0 && probed }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
