// Gathering a grade without a server, in real Chromium: the grade leader's device holds the school
// (the demo school, its 王老师 made the leader of grade 5) and hands out the school's file; three
// teachers restore it on their own devices, take them over as themselves (设置 › 我是另一位老师), set
// homework for one evening of 5(1) and export their files; one of them also renames the school, as the
// leader did, so the same field changed on two devices. The leader merges the three files on 统筹台 ›
// 汇总文件: every teacher's homework is in her heat map, the one conflict is listed (with the value it
// replaced to restore), nothing is lost, and merging the same files again changes nothing.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'
import { axe, classId, idb, openDesigner, setHomework } from './schoolServer'

const baseUrl = inject('baseUrl')
const SHOTS = fileURLToPath(new URL('../../.tmp/screenshots/desk/', import.meta.url))
const EVENING = '2026-12-22'
const browsers: TestBrowser[] = []
const consoleErrors: string[] = []
let downloads = ''

async function person(width = 1440): Promise<TestBrowser> {
  const b = await launchBrowser({ width, height: 900 })
  b.page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  browsers.push(b)
  return b
}
beforeAll(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'hl-desk-files-'))
  await mkdir(SHOTS, { recursive: true })
})
afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => undefined)
  await rm(downloads, { recursive: true, force: true })
})

/** 设置 › 导出备份, saved to a file; returns its path. */
async function exportFile(page: Page, name: string): Promise<string> {
  await page.goto(`${baseUrl}/settings`)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出备份' }).click()])
  const path = join(downloads, `${name}.json`)
  await download.saveAs(path)
  return path
}

/** 设置 › 我的信息, edited: who uses this device. */
async function editMe(page: Page, me: { name?: string; subject?: string; cls?: string; leaderOf?: number }): Promise<void> {
  const section = page.locator('section[aria-labelledby="settings-me-title"]')
  await section.getByRole('button', { name: '编辑我的信息' }).click()
  if (me.name !== undefined) await section.getByLabel('我的姓名').fill(me.name)
  if (me.subject) await section.getByRole('group', { name: '我教的学科' }).getByLabel(me.subject, { exact: true }).check()
  if (me.cls) await section.getByRole('group', { name: '我任教的班级' }).getByLabel(me.cls, { exact: true }).check()
  if (me.leaderOf) await section.getByLabel('我是哪个年级的年级组长').selectOption(String(me.leaderOf))
  await section.getByRole('button', { name: '保存', exact: true }).click()
  await page.getByText('已保存我的信息').first().waitFor()
}

async function renameSchool(page: Page, name: string): Promise<void> {
  await page.goto(`${baseUrl}/settings`)
  await page.getByRole('button', { name: '编辑学校名称和地区规则' }).click()
  await page.getByLabel('学校名称').fill(name)
  await page.getByRole('button', { name: '保存', exact: true }).click()
  await page.getByText('已保存学校信息').first().waitFor()
}

describe('three teachers’ files merged on the leader’s device, no server', () => {
  it('brings every teacher’s homework in, lists the one conflict, loses nothing, and a second merge changes nothing', async () => {
    const leader = await person()
    const { page } = leader
    await page.goto(`${baseUrl}/welcome`)
    await page.getByRole('button', { name: '载入示例学校', exact: true }).click()
    await page.waitForURL(/\/my-week/, { timeout: 30_000 })
    await page.goto(`${baseUrl}/settings`)
    await editMe(page, { leaderOf: 5 })
    const c51 = await classId(page, '5(1)')
    const schoolFile = await exportFile(page, 'school')

    const teachers = [
      { name: '钱老师', subject: '科学', title: '观察记录：月相', minutes: '20' },
      { name: '孔老师', subject: '英语', title: 'Unit 6 抄写', minutes: '15' },
      { name: '冯老师', subject: '道德与法治', title: '访谈家人', minutes: '10' },
    ]
    const files: string[] = []
    for (const [i, x] of teachers.entries()) {
      const t = await person(i === 0 ? 375 : 1440)
      await t.page.goto(`${baseUrl}/welcome`)
      await t.page.getByRole('button', { name: '从备份恢复' }).click()
      await t.page.locator('#backup-file').setInputFiles(schoolFile)
      await t.page.getByRole('button', { name: '恢复', exact: true }).click()
      await t.page.waitForURL(/\/my-week/, { timeout: 30_000 })
      await t.page.goto(`${baseUrl}/settings`)
      await t.page.getByRole('button', { name: '我是另一位老师' }).click()
      await t.page.getByText('本设备已不再是 王老师 在用').first().waitFor()
      if (i === 0) await t.page.screenshot({ path: `${SHOTS}settings-another-teacher-zh-CN-375.png`, fullPage: true })
      await editMe(t.page, { name: x.name, subject: x.subject, cls: '5(1)' })
      await openDesigner(t.page, baseUrl, c51, EVENING)
      await setHomework(t.page, x.subject, x.title, x.minutes)
      // The school renamed on two devices: first the leader's (below), then this one's, later.
      if (i === 1) {
        await renameSchool(page, '阳光实验学校（组长改）')
        await renameSchool(t.page, '阳光实验学校（孔老师改）')
      }
      files.push(await exportFile(t.page, x.name))
    }

    await page.goto(`${baseUrl}/desk/files?grade=5`)
    await page.getByTestId('desk-files').setInputFiles(files)
    const results = page.getByTestId('desk-file-result')
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBe(3)
    const texts = await results.allInnerTexts()
    for (const [i, x] of teachers.entries()) {
      expect(texts[i]).toContain(`来自 ${x.name}`)
      expect(texts[i]).toMatch(/新增 [1-9]\d* 条/)
    }
    expect(texts[1]).toContain('冲突 1 处')
    expect(texts[0]).toContain('没有冲突')
    await page.screenshot({ path: `${SHOTS}files-merged-zh-CN-1440.png`, fullPage: true })
    await axe(page, 'desk files merged')

    // Every teacher's homework is in the leader's heat map and that evening.
    await page.goto(`${baseUrl}/desk?grade=5&date=${EVENING}`)
    await page.locator(`.heat__cell[data-class="5(1)"][data-date="${EVENING}"]`).click()
    const evening = await page.locator('#desk-evening').innerText()
    for (const x of teachers) {
      expect(evening).toContain(x.title)
      expect(evening).toContain(x.name)
    }

    // The conflict: the later name kept, the leader's listed to restore; restoring brings it back.
    expect(((await idb(page, 'schools'))[0] as { name: string }).name).toBe('阳光实验学校（孔老师改）')
    await page.goto(`${baseUrl}/sync`)
    const list = page.getByTestId('sync-conflicts')
    await expect.poll(() => list.locator('[data-conflict]').count()).toBe(1)
    expect(await list.innerText()).toContain('阳光实验学校（组长改）')

    // The same files again: nothing new, nothing changed, no second notice.
    const before = { assignments: (await idb(page, 'assignments')).length, items: (await idb(page, 'items')).length, conflicts: (await idb(page, 'syncConflicts')).length }
    await page.goto(`${baseUrl}/desk/files?grade=5`)
    await page.getByTestId('desk-files').setInputFiles(files)
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBe(3)
    for (const text of await results.allInnerTexts()) {
      expect(text).toMatch(/新增 0 条，更新 0 条/)
      expect(text).toContain('没有冲突')
    }
    expect({ assignments: (await idb(page, 'assignments')).length, items: (await idb(page, 'items')).length, conflicts: (await idb(page, 'syncConflicts')).length }).toEqual(before)

    await page.goto(`${baseUrl}/sync`)
    await list.getByRole('button', { name: '恢复这个值' }).click()
    await expect.poll(async () => ((await idb(page, 'schools'))[0] as { name: string }).name).toBe('阳光实验学校（组长改）')
  }, 300_000)

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
