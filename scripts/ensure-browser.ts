// Finds the Chromium the browser tests drive (playwright-core never downloads one here): $CHROME_PATH,
// else Debian's /usr/bin/chromium. As root on Debian it installs the distribution package if missing;
// anywhere else it says how to get a browser and exits 1.
// Run: npx tsx scripts/ensure-browser.ts   (npm run test:e2e runs it first)
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/** The browser to use, or null when none is installed. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROME_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : null
}

function canInstallWithApt(): boolean {
  return existsSync('/etc/debian_version') && typeof process.getuid === 'function' && process.getuid() === 0
}

function ensureBrowser(): string {
  const found = findBrowser()
  if (found) return found
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no file is there.`)
    process.exit(1)
  }
  if (canInstallWithApt()) {
    console.log("Installing Debian's chromium package for the browser tests (apt-get install -y chromium)…")
    const result = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], { stdio: 'inherit' })
    const installed = findBrowser()
    if (result.status === 0 && installed) return installed
    console.error('Installing chromium with apt-get failed; see the output above.')
    process.exit(1)
  }
  console.error(
    [
      'No browser found for the end-to-end tests.',
      'Install Chromium (on Debian or Ubuntu: sudo apt-get install chromium),',
      'or set CHROME_PATH to a Chromium or Chrome executable, e.g. CHROME_PATH=/usr/bin/google-chrome npm run test:e2e',
    ].join('\n'),
  )
  process.exit(1)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Browser for the end-to-end tests: ${ensureBrowser()}`)
}
