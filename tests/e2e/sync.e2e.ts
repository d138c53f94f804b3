// Sync in real Chromium against the real school server (started here on PGlite in a temporary folder,
// serving the built app and the API in one process, as `npm start` does). The admin (王老师, the
// demo school's maths teacher of 5(1)) creates the school on the server with the setup code and invites
// the 语文 teacher of grade 5, a maths teacher of grade 8 and a grade leader. Both teachers of 5(1)
// work offline, then come online: each one's gauge shows both subjects and the evening over the cap.
// The same field edited on two devices leaves one conflict that restores the other value; the grade
// leader's device holds both classes of grade 5; the grade-8 teacher's holds none of 5(1)'s rows
// (checked in IndexedDB); the server restarts during a sync and nothing is lost; a reload offline keeps
// everything, unsent changes included.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/src/server'
import type { ServerConfig } from '../../server/src/config'
import type { Logger } from '../../server/src/log'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SHOTS = join(ROOT, '.tmp/screenshots/')
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: (m, f) => console.error(m, f) }
let dataDir = ''
let config: ServerConfig
let server: RunningServer
const browsers: TestBrowser[] = []
const consoleErrors: string[] = []

async function person(width = 1440): Promise<TestBrowser> {
  const b = await launchBrowser({ width, height: 900 })
  b.page.on('console', (m) => {
    // A sync against a stopped server logs failed requests: expected here, not an app error.
    if (m.type() === 'error' && !/Failed to load resource|ERR_CONNECTION_REFUSED|net::ERR/.test(m.text())) consoleErrors.push(m.text())
  })
  browsers.push(b)
  return b
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hl-e2e-server-'))
  config = { host: '127.0.0.1', port: 0, dataDir, distDir: join(ROOT, 'dist'), scryptN: 1024, accessTokenMinutes: 15, poolSize: 2, signInsPerAddress: 1000 }
  server = await startServer(config, quiet)
  config = { ...config, port: server.port }
  await mkdir(SHOTS, { recursive: true })
}, 60_000)
afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => undefined)
  await server?.stop()
  await rm(dataDir, { recursive: true, force: true })
})

/** Rows of a table of the app's IndexedDB, read in the page. */
function idb(page: Page, table: string): Promise<Record<string, unknown>[]> {
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

async function classId(page: Page, name: string): Promise<string> {
  const c = (await idb(page, 'classes')).find((x) => x.name === name)
  if (!c) throw new Error(`no class ${name}`)
  return String(c.id)
}

async function teacherOf(page: Page, className: string, subject: string): Promise<string> {
  const cid = await classId(page, className)
  const teaching = (await idb(page, 'teachings')).find((x) => x.classId === cid && x.subject === subject && x.deletedAt === undefined)
  return String((await idb(page, 'teachers')).find((x) => x.id === teaching?.teacherId)?.name)
}

async function synced(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-sync]').getAttribute('data-sync'), { timeout: 30_000 }).toBe('ok')
}

async function axe(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(blocking.map((v) => ({ what, id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([])
}

/** The admin makes an account on the 同步 screen and reads the invite code off it. */
async function invite(page: Page, who: { existing?: string; name?: string; login: string; leaderOf?: number }): Promise<string> {
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
async function joinWithInvite(b: TestBrowser, code: string, password: string): Promise<void> {
  await b.page.goto(`${server.url}/join?code=${encodeURIComponent(code)}`)
  await b.page.getByLabel('设置密码（至少 8 位）').fill(password)
  await b.page.getByRole('button', { name: '设置密码并登录' }).click()
  await b.page.getByTestId('sync-status').waitFor({ timeout: 30_000 })
  await synced(b.page)
}

/** Opens the designer for a class and evening (online: a page load). */
async function openDesigner(page: Page, cid: string, date: string): Promise<void> {
  await page.goto(`${server.url}/assignments/new?classId=${cid}&date=${date}`)
  await page.getByRole('heading', { level: 1, name: '布置作业' }).waitFor()
  await expect.poll(() => page.locator('#subject').inputValue()).not.toBe('')
}

/** Sets homework in the open designer and publishes it (answering the over-cap question). */
async function setHomework(page: Page, subject: string, title: string, minutes: string): Promise<void> {
  await page.locator('#subject').selectOption(subject)
  const item = page.locator('.editor-item').first()
  await item.getByLabel('内容（书名和页码）').fill(title)
  await item.getByLabel('预计用时（分钟）').fill(minutes)
  await page.getByRole('button', { name: '发布', exact: true }).click()
  const over = page.getByRole('dialog', { name: '发布后会超过上限' })
  if (await over.waitFor({ timeout: 2000 }).then(() => true, () => false)) await over.getByRole('button', { name: '仍然发布' }).click()
  await page.getByText('已保存并发布').first().waitFor()
}

const EVENING = '2026-12-22'
let admin: TestBrowser
let chinese: TestBrowser
let c51 = ''
let c52 = ''

describe('sync between devices, through the school server', () => {
  it('the admin creates the school on the server with the setup code and invites the teachers', async () => {
    admin = await person()
    const { page } = admin
    await page.goto(`${server.url}/welcome`)
    await page.getByRole('button', { name: '载入示例学校', exact: true }).click()
    await page.waitForURL(/\/my-week/, { timeout: 30_000 })
    c51 = await classId(page, '5(1)')
    c52 = await classId(page, '5(2)')

    await page.goto(`${server.url}/sync`)
    await page.getByRole('heading', { level: 1, name: '同步' }).waitFor()
    await page.screenshot({ path: `${SHOTS}sync-join-zh-CN-1440.png`, fullPage: true })
    await axe(page, 'sync join')
    await page.getByLabel('新建学校').check()
    await page.getByLabel('设置码').fill(server.setupCode!)
    await page.getByLabel('你的姓名').fill('王老师')
    expect(await page.getByLabel('学校名称').inputValue()).not.toBe('')
    await page.getByLabel('管理员账号').fill('wang')
    await page.getByLabel('管理员密码（至少 8 位）').fill('wang password 1')
    await page.getByRole('button', { name: '建立学校并登录' }).click()
    await page.getByTestId('sync-status').waitFor({ timeout: 30_000 })
    await synced(page)
    expect(await page.getByTestId('sync-waiting').innerText()).toBe('没有待发送的修改')

    const chineseName = await teacherOf(page, '5(1)', '语文')
    const grade8Name = await teacherOf(page, '8(1)', '数学')
    const chineseCode = await invite(page, { existing: chineseName, login: 'yuwen5' })
    await page.screenshot({ path: `${SHOTS}sync-admin-zh-CN-1440.png`, fullPage: true })
    await axe(page, 'sync admin')
    const grade8Code = await invite(page, { existing: grade8Name, login: 'shuxue8' })
    const leaderCode = await invite(page, { name: '孙组长', login: 'leader5', leaderOf: 5 })

    chinese = await person(375)
    await joinWithInvite(chinese, chineseCode, 'yuwen password 1')
    await chinese.page.screenshot({ path: `${SHOTS}sync-status-zh-CN-375.png`, fullPage: true })
    await axe(chinese.page, 'sync status 375')

    const grade8 = await person()
    await joinWithInvite(grade8, grade8Code, 'shuxue password 1')
    // A teacher of another class holds none of 5(1)'s rows: not its students, layers or homework.
    for (const table of ['students', 'studentTiers', 'assignments']) {
      const rows = await idb(grade8.page, table)
      expect(rows.some((r) => r.classId === c51), table).toBe(false)
      expect(rows.some((r) => r.classId === c52), table).toBe(false)
    }
    expect((await idb(grade8.page, 'students')).length).toBeGreaterThan(0) // her own classes' students did arrive

    const leader = await person()
    await joinWithInvite(leader, leaderCode, 'leader password 1')
    // The grade leader's device holds every class of grade 5, with students and homework.
    for (const cid of [c51, c52]) {
      expect((await idb(leader.page, 'students')).filter((r) => r.classId === cid).length).toBeGreaterThan(30)
      expect((await idb(leader.page, 'assignments')).filter((r) => r.classId === cid).length).toBeGreaterThan(5)
    }
  }, 240_000)

  it('both teachers of 5(1) set homework offline; online, each gauge sums both subjects and shows the evening over the cap', async () => {
    await openDesigner(admin.page, c51, EVENING)
    await openDesigner(chinese.page, c51, EVENING)
    await admin.context.setOffline(true)
    await chinese.context.setOffline(true)
    await setHomework(admin.page, '数学', '第四单元练习', '45')
    await setHomework(chinese.page, '语文', '作文：冬天', '40')
    expect(await admin.page.locator('[data-sync]').getAttribute('data-sync')).toBe('offline')
    await admin.page.screenshot({ path: `${SHOTS}sync-indicator-offline-1440.png` })
    await admin.context.setOffline(false)
    await chinese.context.setOffline(false)
    await synced(admin.page)
    await synced(chinese.page)

    for (const b of [admin, chinese]) {
      await b.page.goto(`${server.url}/assignments/new?classId=${c51}&date=${EVENING}`)
      const gauge = b.page.locator('.load-gauge').first()
      await expect.poll(async () => (await gauge.innerText()).includes('语文') && (await gauge.innerText()).includes('数学'), { timeout: 30_000 }).toBe(true)
      expect(await gauge.getAttribute('data-status')).toBe('over')
    }
  }, 120_000)

  it('the same field edited on two devices leaves one conflict, and restoring it brings the other value back', async () => {
    // 王老师's phone: a second device of the same teacher.
    const phone = await person(375)
    await phone.page.goto(`${server.url}/sync`)
    await phone.page.getByLabel('账号', { exact: true }).fill('wang')
    await phone.page.getByLabel('密码', { exact: true }).fill('wang password 1')
    await phone.page.getByRole('button', { name: '登录', exact: true }).click()
    await phone.page.getByTestId('sync-status').waitFor({ timeout: 30_000 })
    await synced(phone.page)
    const mine = (await idb(phone.page, 'assignments')).find((a) => a.classId === c51 && a.date === EVENING && a.subject === '数学')!
    const path = `${server.url}/assignments/${String(mine.id)}`

    for (const b of [admin, phone]) {
      await b.page.goto(path)
      await b.page.getByRole('heading', { level: 1, name: '编辑作业' }).waitFor()
      await expect.poll(() => b.page.locator('.editor-item').first().getByLabel('预计用时（分钟）').inputValue()).toBe('45')
    }
    await admin.context.setOffline(true)
    await phone.context.setOffline(true)
    for (const [b, minutes] of [
      [admin, '30'],
      [phone, '35'],
    ] as const) {
      await b.page.locator('.editor-item').first().getByLabel('预计用时（分钟）').fill(minutes)
      await b.page.getByRole('button', { name: '发布', exact: true }).click()
      const over = b.page.getByRole('dialog', { name: '发布后会超过上限' })
      if (await over.waitFor({ timeout: 2000 }).then(() => true, () => false)) await over.getByRole('button', { name: '仍然发布' }).click()
      await b.page.getByText('已保存并发布').first().waitFor()
    }
    await admin.context.setOffline(false)
    await synced(admin.page)
    await phone.context.setOffline(false)
    await synced(phone.page)
    await admin.page.goto(`${server.url}/sync`)
    await synced(admin.page)

    // The later edit (the phone's 35) counts on both; the 30 is kept as one conflict, on both devices.
    for (const b of [admin, phone]) {
      await b.page.goto(`${server.url}/sync`)
      const list = b.page.getByTestId('sync-conflicts')
      await expect.poll(() => list.locator('[data-conflict]').count(), { timeout: 30_000 }).toBe(1)
      expect(await list.innerText()).toContain('现在是：35 分钟')
      expect(await list.innerText()).toContain('被替换的：30 分钟')
    }
    await phone.page.screenshot({ path: `${SHOTS}sync-conflicts-zh-CN-375.png`, fullPage: true })
    await axe(phone.page, 'sync conflicts 375')
    await admin.page.getByTestId('sync-conflicts').getByRole('button', { name: '恢复这个值' }).click()
    await admin.page.getByText('已恢复，稍后同步到其他设备').waitFor()
    await synced(admin.page)
    await phone.page.goto(path)
    await expect.poll(() => phone.page.locator('.editor-item').first().getByLabel('预计用时（分钟）').inputValue(), { timeout: 30_000 }).toBe('30')
  }, 180_000)

  it('the server restarts during a sync and nothing is lost; a reload offline keeps everything, unsent changes included', async () => {
    const { page } = chinese
    await openDesigner(page, c52, '2026-12-23')
    await server.stop()
    await setHomework(page, '语文', '朗读课文', '15')
    await expect.poll(() => page.locator('[data-sync]').getAttribute('data-sync'), { timeout: 30_000 }).toBe('offline')
    server = await startServer(config, quiet)
    await page.goto(`${server.url}/sync`)
    await page.getByRole('button', { name: '立即同步' }).click()
    await synced(page)
    await admin.page.goto(`${server.url}/sync`)
    await admin.page.getByRole('button', { name: '立即同步' }).click()
    await synced(admin.page)
    const arrived = (await idb(admin.page, 'items')).some((i) => i.title === '朗读课文')
    expect(arrived).toBe(true)

    // Offline: a change waits, the page reloads, everything (that change too) is still there.
    await openDesigner(page, c52, '2026-12-24')
    await chinese.context.setOffline(true)
    await setHomework(page, '语文', '抄写生字', '10')
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    expect((await idb(page, 'items')).some((i) => i.title === '抄写生字')).toBe(true)
    expect((await idb(page, 'outbox')).length).toBeGreaterThan(0)
    await chinese.context.setOffline(false)
    await page.goto(`${server.url}/sync`)
    await synced(page)
    expect((await idb(page, 'outbox')).length).toBe(0)
  }, 180_000)

  it('reads in English too, at a desktop and a phone width', async () => {
    for (const [b, name] of [
      [admin, 'sync-admin-en-1440'],
      [chinese, 'sync-status-en-375'],
    ] as const) {
      await b.page.goto(`${server.url}/sync`)
      await b.page.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click()
      await b.page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor()
      await synced(b.page)
      expect(await b.page.getByTestId('sync-status').innerText()).toContain('Signed in as')
      await b.page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true })
      await axe(b.page, name)
    }
  }, 60_000)

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([])
  })
})

export type { BrowserContext }
