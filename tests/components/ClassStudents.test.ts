import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import ClassStudentsLayers from '@/components/ClassStudentsLayers.vue'
import ClassStudentsPaste from '@/components/ClassStudentsPaste.vue'
import { createTestI18n } from './i18n'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('ClassStudentsPaste', () => {
  it('previews what it will add and the lines it cannot read, and adds only on request', async () => {
    wrapper = mount(ClassStudentsPaste, { global: { plugins: [createTestI18n('zh-CN')] } })
    const add = wrapper.get('button.button--primary')
    expect(add.attributes('disabled')).toBeDefined()

    await wrapper.get('textarea').setValue('学号\t姓名\n01\t张三\n02\n03\u3000李四')
    expect(wrapper.text()).toContain('将添加 2 名学生')
    expect(wrapper.findAll('tbody tr').map((r) => r.text())).toEqual(['01张三', '03李四'])
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
