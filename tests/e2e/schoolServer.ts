// What the e2e files that run the real school server share: the server in a temporary folder on PGlite
// (serving the built app and the API, as `npm start` does), people's browsers, IndexedDB read in the
// page, the admin's invites and a teacher's first sign-in, the designer, axe.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { startServer, type RunningServer } from '../../server/src/server'
import type { ServerConfig } from '../../server/src/config'
import type { Logger } from '../../server/src/log'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: (m, f) => console.error(m, f) }

export interface SchoolServer {
  server: RunningServer
  /** A person's own browser (its own IndexedDB); errors in its console are collected. */
  person: (width?: number) => Promise<TestBrowser>
  consoleErrors: string[]
  stop: () => Promise<void>
}

/** `distDir`: the built app it serves (dist/, or a copy a test changes under a running browser). */
export async function startSchoolServer(distDir = join(ROOT, 'dist')): Promise<SchoolServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hl-e2e-server-'))
  const config: ServerConfig = { host: '127.0.0.1', port: 0, dataDir, distDir, scryptN: 1024, accessTokenMinutes: 15, poolSize: 2, signInsPerAddress: 1000 }
  const server = await startServer(config, quiet)
  const browsers: TestBrowser[] = []
  const consoleErrors: string[] = []
  return {
    server,
    consoleErrors,
    person: async (width = 1440) => {
      const b = await launchBrowser({ width, height: 900 })
      b.page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource|ERR_CONNECTION_REFUSED|net::ERR/.test(m.text())) consoleErrors.push(m.text())
      })
      browsers.push(b)
      return b
    },
    stop: async () => {
      for (const b of browsers) await b.close().catch(() => undefined)
      await server.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Rows of a table of the app's IndexedDB, read in the page. */
export function idb(page: Page, table: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('homework-ledger')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const all = db.transaction(name, 'readonly').objectStore(name).getAll()
          all.onsuccess = () => {
            resolve(all.result as Record<string, unknown>[])
            db.close()
          }
          all.onerror = () => reject(all.error)
        }
      }),
    table,
  )
}

export async function classId(page: Page, name: string): Promise<string> {
  const c = (await idb(page, 'classes')).find((x) => x.name === name)
  if (!c) throw new Error(`no class ${name}`)
  return String(c.id)
}

export async function teacherOf(page: Page, className: string, subject: string): Promise<string> {
  const cid = await classId(page, className)
  const teaching = (await idb(page, 'teachings')).find((x) => x.classId === cid && x.subject === subject && x.deletedAt === undefined)
  return String((await idb(page, 'teachers')).find((x) => x.id === teaching?.teacherId)?.name)
}

export async function synced(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-sync]').getAttribute('data-sync'), { timeout: 30_000 }).toBe('ok')
}

/** Syncs now (同步 › 立即同步), without waiting for the runner's next round. */
export async function syncNow(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/sync`)
  await page.getByRole('button', { name: '立即同步' }).click()
  await synced(page)
}

export async function axe(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(blocking.map((v) => ({ what, id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([])
}

/** The admin makes an account on the 同步 screen and reads the invite code off it. */
export async function invite(page: Page, who: { existing?: string; name?: string; login: string; leaderOf?: number }): Promise<string> {
  const accounts = page.getByTestId('sync-accounts')
  if (who.existing) await accounts.getByLabel('哪位老师').selectOption({ label: who.existing })
  else await accounts.getByLabel('姓名').fill(who.name ?? '')
  await accounts.getByLabel('账号', { exact: true }).fill(who.login)
  if (who.leaderOf) await accounts.getByLabel('年级组长').selectOption(String(who.leaderOf))
  await accounts.getByRole('button', { name: '建立账号' }).click()
  const code = page.getByTestId('sync-invite').locator('.sync-invite__code')
  await expect.poll(async () => (await code.count()) > 0 && (await page.getByTestId('sync-invite').innerText()).includes(who.existing ?? who.name ?? '')).toBe(true)
  return (await code.innerText()).trim()
}

/** A teacher opens the invite link (what the QR code holds), sets a password and is signed in. */
export async function joinWithInvite(b: TestBrowser, baseUrl: string, code: string, password: string): Promise<void> {
  await b.page.goto(`${baseUrl}/join?code=${encodeURIComponent(code)}`)
  await b.page.getByLabel('设置密码（至少 8 位）').fill(password)
  await b.page.getByRole('button', { name: '设置密码并登录' }).click()
  await b.page.getByTestId('sync-status').waitFor({ timeout: 30_000 })
  await synced(b.page)
}

/** A teacher signs in on another device of hers with her account and password (同步 › 账号密码). */
export async function signIn(b: TestBrowser, baseUrl: string, login: string, password: string): Promise<void> {
  await b.page.goto(`${baseUrl}/sync`)
  await b.page.getByRole('heading', { level: 1, name: '同步' }).waitFor()
  await b.page.getByLabel('账号密码').check()
  await b.page.getByLabel('账号', { exact: true }).fill(login)
  await b.page.getByLabel('密码', { exact: true }).fill(password)
  await b.page.getByRole('button', { name: '登录', exact: true }).click()
  await b.page.getByTestId('sync-status').waitFor({ timeout: 30_000 })
  await synced(b.page)
}

/** The admin loads the demo school and creates it on the server with the setup code. */
export async function createSchoolOnServer(page: Page, s: SchoolServer): Promise<void> {
  const url = s.server.url
  await page.goto(`${url}/welcome`)
  await page.getByRole('button', { name: '载入示例学校', exact: true }).click()
  await page.waitForURL(/\/my-week/, { timeout: 30_000 })
  await page.goto(`${url}/sync`)
  await page.getByRole('heading', { level: 1, name: '同步' }).waitFor()
  await page.getByLabel('新建学校').check()
  await page.getByLabel('设置码').fill(s.server.setupCode!)
  await page.getByLabel('你的姓名').fill('王老师')
  await page.getByLabel('管理员账号').fill('wang')
  await page.getByLabel('管理员密码（至少 8 位）').fill('wang password 1')
  await page.getByRole('button', { name: '建立学校并登录' }).click()
  await page.getByTestId('sync-status').waitFor({ timeout: 30_000 })
  await synced(page)
}

/** Opens the designer for a class and evening (online: a page load). */
export async function openDesigner(page: Page, baseUrl: string, cid: string, date: string): Promise<void> {
  await page.goto(`${baseUrl}/assignments/new?classId=${cid}&date=${date}`)
  await page.getByRole('heading', { level: 1, name: '布置作业' }).waitFor()
  await expect.poll(() => page.locator('#subject').inputValue()).not.toBe('')
}

/** Publishes the open designer, answering the over-cap question. */
export async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: '发布', exact: true }).click()
  const over = page.getByRole('dialog', { name: '发布后会超过上限' })
  if (await over.waitFor({ timeout: 2000 }).then(() => true, () => false)) await over.getByRole('button', { name: '仍然发布' }).click()
  await page.getByText('已保存并发布').first().waitFor()
}

/** Sets homework in the open designer and publishes it. */
export async function setHomework(page: Page, subject: string, title: string, minutes: string): Promise<void> {
  await page.locator('#subject').selectOption(subject)
  const item = page.locator('.editor-item').first()
  await item.getByLabel('内容（书名和页码）').fill(title)
  await item.getByLabel('预计用时（分钟）').fill(minutes)
  await publish(page)
}
