// The plan import (导入作业计划) in real Chromium with the demo school, as a teacher uses it: the template
// downloaded, a GBK file from Excel with Chinese grade and class names, the preview with the evening it
// would put over the cap, the import, the same file imported again (nothing added), pasted cells, and
// errors in English. axe and screenshots at a phone and a desktop width, in both languages.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../scripts/browser'
import { encodeGbk } from '../formats/gbk'

const baseUrl = inject('baseUrl')
const SHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url))
let browser: TestBrowser
const consoleErrors: string[] = []

// Chinese grade names, three spellings of classes, and one evening over the cap (70 > 60 in grade 5).
const PLAN = [
  '日期,截止,年级,班级,学科,内容,类型,时长',
  '2027-01-13,,五年级,五年级一班,数学,期末复习卷（一）,,70',
  '2027-01-13,,五年级,5（1）,语文,背诵古诗两首,口头,10',
  '2027-01-14,,初二,八年级二班,物理,练习册 p40,,20',
].join('\r\n')

beforeAll(async () => {
  browser = await launchBrowser({ width: 1440, height: 900 })
  browser.page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  await mkdir(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

async function axe(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(blocking.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })), label).toEqual([])
}

async function choose(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.locator('#plan-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) })
}

async function shots(page: Page, name: string): Promise<void> {
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
    await page.waitForTimeout(150)
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}`).toBeLessThanOrEqual(width)
    await axe(page, `${name} ${width}px`)
    await page.screenshot({ path: join(SHOTS, `plan-import-${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

describe('plan import', () => {
  it('loads the demo school', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/`)
    await page.getByRole('button', { name: '载入示例学校', exact: true }).click()
    await page.waitForURL(/\/my-week/)
  })

  it('offers a template that Excel opens as UTF-8 and that imports as it is', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/import`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板（CSV）' }).click()])
    expect(download.suggestedFilename()).toBe('作业计划模板.csv')
    const path = join(SHOTS, '..', 'plan-template.csv')
    await download.saveAs(path)
    const text = await readFile(path, 'utf8')
    expect(text.startsWith('\uFEFF日期,截止,年级,班级,学科,内容,类型,地点,分层,时长,先做时长\r\n')).toBe(true)
    await page.locator('#plan-import-file').setInputFiles(path)
    await page.getByRole('heading', { level: 2, name: /将导入 1 份作业、1 项内容/ }).waitFor()
    await page.getByRole('button', { name: '重新选择' }).click()
  })

  it('reads a GBK file with Chinese grade names and shows the evening it puts over the cap', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/import`)
    await choose(page, '计划.csv', encodeGbk(PLAN))
    await page.getByRole('heading', { level: 2, name: /将导入 3 份作业、3 项内容/ }).waitFor()
    expect(await page.locator('.plan-import__encoding').innerText()).toContain('按 GBK（GB18030） 编码读取')
    const preview = await page.getByRole('region', { name: '导入预览' }).innerText()
    expect(preview).toContain('期末复习卷（一）')
    expect(preview).toContain('8(2)')
    const over = page.locator('.plan-over')
    expect(await over.getByRole('heading').innerText()).toBe('导入后有 1 个晚上超过上限')
    expect(await over.innerText()).toMatch(/5\(1\)[\s\S]*1月13日[\s\S]*全班平均 70 分钟，上限 60 分钟/)
    await shots(page, 'preview-zh')
    await page.getByRole('button', { name: '导入全部' }).click()
    await page.getByRole('status').getByText('已导入 3 份作业、3 项内容').waitFor()
  })

  it('imports the same file a second time without adding anything', async () => {
    const { page } = browser
    await page.getByRole('button', { name: '再导入一个文件' }).click()
    await choose(page, '计划.csv', encodeGbk(PLAN))
    await page.getByText('3 项已存在，不会重复导入').waitFor()
    await page.getByText('文件里的作业都已经导入过了').waitFor()
    expect(await page.getByRole('button', { name: '导入全部' }).count()).toBe(0)
    expect(await page.getByRole('region', { name: '导入预览' }).count()).toBe(0)
    await shots(page, 'again-zh')

    // What the week holds: each item once.
    await page.goto(`${baseUrl}/my-week?date=2027-01-13`)
    await page.locator('.my-week__range').waitFor()
    await page.getByText('期末复习卷（一）').first().waitFor()
    const text = await page.locator('main').innerText()
    expect(text.split('期末复习卷（一）').length - 1).toBe(1)
    expect(text.split('练习册 p40').length - 1).toBe(1)
  })

  it('takes pasted spreadsheet cells, adding only the new row', async () => {
    const { page } = browser
    await page.goto(`${baseUrl}/import`)
    const cells = `${PLAN.split('\r\n').map((l) => l.split(',').join('\t')).join('\n')}\n2027-01-14\t\t初二\t8（2）\t物理\t预习第五章\t\t15\n`
    await page.getByText('或者粘贴表格里的内容').click()
    await page.locator('#plan-import-paste').fill(cells)
    await page.getByRole('button', { name: '预览粘贴的内容' }).click()
    await page.getByRole('heading', { level: 2, name: /将导入 1 份作业、1 项内容/ }).waitFor()
    await page.getByText('3 项已存在，不会重复导入').waitFor()
    await page.getByRole('button', { name: '导入全部' }).click()
    await page.getByRole('status').getByText('已导入 1 份作业、1 项内容').waitFor()
    await page.getByText('另有 3 项已存在，没有重复导入。').waitFor()
  })

  it('words the errors in English in the English UI, with the school’s subjects', async () => {
    const { page } = browser
    await page.evaluate(() => localStorage.setItem('homework-ledger:locale', 'en'))
    await page.goto(`${baseUrl}/import`)
    const bad = '日期,截止,年级,班级,学科,内容,时长\n2026-03-02,9999-12-31,五年级,5(1),数学,练习,20\n2026-03-02,,五年级,5(1),化学,练习,20\n2026-03-02,,五年级,"5(1)\u001b[2J",数学,"\u001b]0;x\u0007",1e308\n'
    await choose(page, 'plan.csv', new TextEncoder().encode(bad))
    const errors = page.getByRole('alert')
    await errors.getByText('nothing was imported').waitFor()
    const text = await errors.innerText()
    expect(text).toContain('The date 9999-12-31 is not between 2000-01-01 and 2099-12-31')
    expect(text).toMatch(/Grade 5 is not taught “化学” at this school; its subjects are: 语文、数学/)
    expect(text).toContain('“1e308” is not a number of minutes')
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/)
    await shots(page, 'errors-en')

    await choose(page, '计划.csv', encodeGbk(PLAN.replace('期末复习卷（一）', '期末复习卷（二）')))
    await page.getByRole('heading', { level: 2, name: /Will import 1 assignments with 1 items/ }).waitFor()
    await page.getByText('Already there, so not imported again: 2 items').waitFor()
    await shots(page, 'preview-en')
    await page.evaluate(() => localStorage.setItem('homework-ledger:locale', 'zh-CN'))
  })

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([])
  })
})
