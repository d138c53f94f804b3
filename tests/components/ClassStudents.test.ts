import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import ClassStudentsLayers from '@/components/ClassStudentsLayers.vue'
import ClassStudentsList from '@/components/ClassStudentsList.vue'
import ClassStudentsPaste from '@/components/ClassStudentsPaste.vue'
import { createTestI18n } from './i18n'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('ClassStudentsPaste', () => {
  it('previews what it will add and the lines it cannot read, and adds only on request', async () => {
    wrapper = mount(ClassStudentsPaste, { props: { members: [] }, global: { plugins: [createTestI18n('zh-CN')] } })
    const add = wrapper.get('button.button--primary')
    expect(add.attributes('disabled')).toBeDefined()

    await wrapper.get('textarea').setValue('学号\t姓名\n01\t张三\n02\n03\u3000李四')
    expect(wrapper.text()).toContain('将添加 2 名学生')
    expect(wrapper.findAll('tbody tr').map((r) => r.text())).toEqual(['01张三将添加', '03李四将添加'])
    expect(wrapper.get('[role="alert"]').text()).toContain('第 3 行“02”：没有姓名')
    expect(wrapper.emitted('add')).toBeUndefined()

    await add.trigger('click')
    expect(wrapper.emitted('add')?.[0]?.[0]).toEqual([
      { number: '01', name: '张三', line: 2 },
      { number: '03', name: '李四', line: 4 },
    ])
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('')
  })
})

describe('ClassStudentsPaste with students already in the class', () => {
  const members = [
    { number: '2026040201', name: '李明' },
    { number: '', name: '张华' },
  ]

  it('flags them in the preview, says how many are added and how many are there, and adds only the new', async () => {
    wrapper = mount(ClassStudentsPaste, { props: { members }, global: { plugins: [createTestI18n('zh-CN')] } })
    await wrapper.get('textarea').setValue('2026040201\t李明\n张华\n2026040202\t赵雪\n2026040202\t赵雪')
    const summary = wrapper.get('[role="status"]').text()
    expect(summary).toContain('将添加 1 名学生')
    expect(summary).toContain('2 名已在班级中，不会重复添加')
    expect(summary).toContain('1 行与前面的行重复，只添加一次')
    expect(wrapper.findAll('tbody tr').map((r) => [r.attributes('data-status'), r.get('.paste__status').text()])).toEqual([
      ['inClass', '已在班级中：2026040201 李明'],
      ['inClass', '已在班级中：张华'],
      ['new', '将添加'],
      ['repeated', '与第 3 行重复'],
    ])
    const add = wrapper.get('button.button--primary')
    expect(add.text()).toBe('添加 1 名学生')
    await add.trigger('click')
    expect(wrapper.emitted('add')?.[0]?.[0]).toEqual([{ number: '2026040202', name: '赵雪', line: 3 }])
  })

  it('adds nothing when every pasted student is already there', async () => {
    wrapper = mount(ClassStudentsPaste, { props: { members }, global: { plugins: [createTestI18n('en')] } })
    await wrapper.get('textarea').setValue('2026040201 李明\n张华')
    expect(wrapper.get('[role="status"]').text()).toContain('All of these students are already in the class')
    expect(wrapper.get('[role="status"]').text()).toContain('2 are already in the class and will not be added again.')
    expect(wrapper.get('button.button--primary').attributes('disabled')).toBeDefined()
  })
})

describe('ClassStudentsList', () => {
  const students = [
    { id: 'a', number: '2026040201', name: '张三' },
    { id: 'b', number: '02', name: '李四' },
    { id: 'c', number: '03', name: '王五' },
  ]
  const otherClasses = [{ id: 'x', name: '4(1)' }]
  const mountList = () => mount(ClassStudentsList, { props: { students, otherClasses, caption: '4(2) 班学生名单' }, global: { plugins: [createTestI18n('zh-CN')] } })

  it('removes or moves the ticked students at once, in list order', async () => {
    wrapper = mountList()
    const removeTicked = wrapper.findAll('button').find((b) => b.text() === '删除勾选的学生')!
    expect(removeTicked.attributes('disabled')).toBeDefined()
    await wrapper.get('input[aria-label="勾选 王五"]').setValue(true)
    await wrapper.get('input[aria-label="勾选 张三"]').setValue(true)
    expect(wrapper.text()).toContain('已勾选 2 人')
    await removeTicked.trigger('click')
    expect(wrapper.emitted('remove')?.[0]).toEqual([['a', 'c']])

    await wrapper.get('select#student-list-move').setValue('x')
    await wrapper.findAll('button').find((b) => b.text() === '调过去')!.trigger('click')
    expect(wrapper.emitted('move')?.[0]).toEqual([['a', 'c'], 'x'])

    await wrapper.get('input[aria-label="勾选全部学生"]').setValue(true)
    expect(wrapper.text()).toContain('已勾选 3 人')
    // Students who leave the list are no longer ticked.
    await wrapper.setProps({ students: students.slice(1) })
    expect(wrapper.text()).toContain('已勾选 2 人')
  })

  it('deletes one student from its row, and sizes the 学号 fields to the longest number', async () => {
    wrapper = mountList()
    await wrapper.get('button[aria-label="删除 李四"]').trigger('click')
    expect(wrapper.emitted('remove')?.[0]).toEqual([['b']])
    expect(wrapper.get('table').attributes('style')).toContain('--number-chars: 10')
  })
})

describe('ClassStudentsLayers', () => {
  const students = [
    { id: 'a', number: '01', name: '张三' },
    { id: 'b', number: '02', name: '李四' },
    { id: 'c', number: '03', name: '王五' },
  ]
  const tiers = [
    { studentId: 'a', subject: '数学', tier: 'challenge' as const },
    { studentId: 'b', subject: '数学', tier: 'extend' as const },
    { studentId: 'b', subject: '语文', tier: 'extend' as const },
  ]

  it('counts each layer of the chosen subject, and says layer names are for teachers only', async () => {
    wrapper = mount(ClassStudentsLayers, { props: { students, tiers, subjects: ['语文', '数学', '英语'] }, global: { plugins: [createTestI18n('zh-CN')] } })
    const counts = () => wrapper!.get('[data-testid="layer-counts"]').text()
    // 数学 first: where layered homework matters most.
    expect((wrapper.get('select#layers-subject').element as HTMLSelectElement).value).toBe('数学')
    expect(counts()).toContain('基础层 1 人')
    expect(counts()).toContain('提高层 1 人')
    expect(counts()).toContain('拓展层 1 人')
    await wrapper.get('select#layers-subject').setValue('英语')
    expect(counts()).toContain('基础层 3 人')
    expect(wrapper.text()).toContain('分层名称只给老师看')
  })

  it('shows every student’s stored layer after switching subject, back and forth', async () => {
    wrapper = mount(ClassStudentsLayers, { props: { students, tiers, subjects: ['语文', '数学', '英语'] }, global: { plugins: [createTestI18n('zh-CN')] }, attachTo: document.body })
    const shown = () =>
      wrapper!.findAll('tbody tr').map((row) => {
        const checked = row.findAll('input[type="radio"]').filter((r) => (r.element as HTMLInputElement).checked)
        return `${row.attributes('data-student')}:${checked.map((r) => (r.element as HTMLInputElement).value).join('+') || 'none'}`
      })
    expect(shown()).toEqual(['张三:challenge', '李四:extend', '王五:core'])
    const subject = wrapper.get('select#layers-subject')
    for (const [name, expected] of [
      ['语文', ['张三:core', '李四:extend', '王五:core']],
      ['数学', ['张三:challenge', '李四:extend', '王五:core']],
      ['英语', ['张三:core', '李四:core', '王五:core']],
      ['数学', ['张三:challenge', '李四:extend', '王五:core']],
    ] as const) {
      await subject.setValue(name)
      expect(shown(), name).toEqual(expected)
    }
  })

  it('emits one change for a radio, and the selected students for a bulk change', async () => {
    wrapper = mount(ClassStudentsLayers, { props: { students, tiers, subjects: ['数学'] }, global: { plugins: [createTestI18n('zh-CN')] } })
    await wrapper.get('input[aria-label="王五：提高层"]').setValue(true)
    expect(wrapper.emitted('set')?.[0]).toEqual(['数学', [{ studentId: 'c', tier: 'extend' }]])

    await wrapper.get('input[aria-label="选择 张三"]').setValue(true)
    await wrapper.get('input[aria-label="选择 王五"]').setValue(true)
    await wrapper.get('select#layers-bulk').setValue('core')
    await wrapper.get('.layers__bulk button').trigger('click')
    expect(wrapper.emitted('set')?.[1]).toEqual([
      '数学',
      [
        { studentId: 'a', tier: 'core' },
        { studentId: 'c', tier: 'core' },
      ],
    ])
  })
})
