// The class page on a seeded school in fake-indexeddb: a paste that repeats students already in the
// class adds only the new ones; "撤销添加" removes the students just added, and its own undo brings them
// back; several ticked students are deleted at once and restored.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import ClassStudentsView from '@/views/ClassStudentsView.vue'
import { appDb } from '@/db/database'
import { listStudents } from '@/db/repos/students'
import { useNoticesStore } from '@/stores/notices'
import { seedSchool } from '../db/seed'
import { mountWithApp } from './mount'

let wrapper: VueWrapper | undefined
let classId = ''

beforeAll(async () => {
  classId = (await seedSchool(appDb())).c42.id // 01 李明, 02 张华, 03 赵雪, 04 陈晨
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})
afterAll(async () => {
  const db = appDb()
  await Promise.all(db.tables.map((t) => t.clear()))
})

async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the view')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 10))
  }
}
const names = async () => (await listStudents(appDb(), classId)).map((s) => s.name)

describe('ClassStudentsView', () => {
  it('adds only the pasted students the class does not have, and takes a pasted mistake back in one step', async () => {
    ;({ wrapper } = await mountWithApp(ClassStudentsView, { path: `/classes/${classId}` }))
    const w = wrapper
    await until(() => w.find('table').exists())
    const notices = useNoticesStore()

    await w.get('textarea#paste-text').setValue('01\t李明\n02\t张华\n05\t孙悦\n06\t周航')
    expect(w.get('.paste [role="status"]').text()).toContain('2 名已在班级中，不会重复添加')
    await w.get('.paste button.button--primary').trigger('click')
    await until(async () => (await names()).length === 6)
    expect(await names()).toEqual(['李明', '张华', '赵雪', '陈晨', '孙悦', '周航'])
    const added = notices.notices.at(-1)!
    expect(added.text).toBe('已添加 2 名学生')
    expect(added.action?.label).toBe('撤销添加')

    // The same paste again adds no one.
    await until(() => w.findAll('.student-list tbody tr').length === 6)
    await w.get('textarea#paste-text').setValue('05\t孙悦\n06\t周航')
    expect(w.get('.paste button.button--primary').attributes('disabled')).toBeDefined()

    await added.action!.run()
    await until(async () => (await names()).length === 4)
    const removed = notices.notices.at(-1)!
    expect(removed.text).toBe('已移除刚添加的 2 名学生')
    await removed.action!.run()
    await until(async () => (await names()).length === 6)
    expect(await names()).toEqual(['李明', '张华', '赵雪', '陈晨', '孙悦', '周航'])
  })

  it('deletes several ticked students at once, with undo', async () => {
    ;({ wrapper } = await mountWithApp(ClassStudentsView, { path: `/classes/${classId}` }))
    const w = wrapper
    await until(() => w.findAll('.student-list tbody tr').length === 6)
    await w.get('input[aria-label="勾选 孙悦"]').setValue(true)
    await w.get('input[aria-label="勾选 周航"]').setValue(true)
    await w.findAll('button').find((b) => b.text() === '删除勾选的学生')!.trigger('click')
    await until(async () => (await names()).length === 4)
    await until(() => w.findAll('.student-list tbody tr').length === 4)
    const notice = useNoticesStore().notices.at(-1)!
    expect(notice.text).toBe('已删除 2 名学生')
    await notice.action!.run()
    await until(async () => (await names()).length === 6)
  })
})
