// The designer as a teacher uses it: a school seeded in fake-indexeddb, the view mounted on its route,
// typing minutes moves the live gauge, and another subject already stored pushes the evening over the cap.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import AssignmentEditorView from '@/views/AssignmentEditorView.vue'
import { appDb } from '@/db/database'
import { createAssignments } from '@/db/repos/assignmentEdits'
import { listClasses } from '@/db/repos/classes'
import { setUpSchool } from '@/db/repos/schoolSetup'
import { addStudents, setTiers } from '@/db/repos/studentEdits'
import { mountWithApp } from './mount'

const MON = '2026-11-23'
let classId = ''
let wrapper: VueWrapper | undefined

beforeAll(async () => {
  const db = appDb()
  const { teacherId } = await setUpSchool(db, {
    name: '实验小学',
    regionId: 'national',
    term: { name: '2026 秋', startDate: '2026-09-01', endDate: '2027-01-20' },
    calendar: [],
    grades: [{ grade: 4, classNames: ['4(1)', '4(2)'], subjects: ['语文', '数学', '英语'] }],
    me: { name: '王老师', teaching: [{ grade: 4, className: '4(1)', subject: '数学' }], homeroomOf: null, gradeLeaderOf: null },
  })
  const classes = await listClasses(db)
  classId = classes[0]!.id
  const students = await addStudents(db, classId, [
    { number: '1', name: '李明' },
    { number: '2', name: '张华' },
    { number: '3', name: '赵雪' },
    { number: '4', name: '陈晨' },
  ])
  await setTiers(db, classId, '数学', [{ studentId: students[3]!.id, tier: 'challenge' }])
  // Another teacher's Chinese homework, already stored for the same evening: 45 minutes.
  await createAssignments(db, {
    classIds: [classId],
    teacherId: `${teacherId}-other`,
    status: 'published',
    draft: { subject: '语文', date: MON, due: '', items: [{ title: '作文', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 45, trialMinutes: null }] },
  })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  sessionStorage.clear()
})

async function settle(check: () => void): Promise<void> {
  await vi.waitFor(
    async () => {
      await flushPromises()
      check()
    },
    { timeout: 3000, interval: 20 },
  )
}

async function mountDesigner() {
  ;({ wrapper } = await mountWithApp(AssignmentEditorView, { path: `/assignments/new?classId=${classId}&date=${MON}` }))
  const w = wrapper!
  await settle(() => expect(w.find('[data-testid="gauge-average"]').exists()).toBe(true))
  // The teacher's class and subject fill in once their teachings are read: wait for the whole start state.
  await settle(() => expect((w.get('#subject').element as HTMLSelectElement).value).toBe('数学'))
  return w
}

describe('AssignmentEditorView', () => {
  it('starts with the teacher’s class and subject, and shows the evening’s stored homework', async () => {
    const w = await mountDesigner()
    expect(w.get('h1').text()).toBe('布置作业')
    // the teacher's subject arrives with their teachings, which may load after the gauge
    await settle(() => expect((w.get('#subject').element as HTMLSelectElement).value).toBe('数学'))
    expect((w.get('#date').element as HTMLInputElement).value).toBe(MON)
    const gauge = w.get('.load-gauge')
    expect(gauge.text()).toContain('4(1)')
    expect(gauge.text()).toContain('语文')
    expect(w.get('[data-testid="gauge-average"]').text()).toBe('45 分钟')
    expect(gauge.text()).toContain('上限 60 分钟')
  })

  it('typing minutes updates the gauge at once, and the stored subject pushes it over the cap', async () => {
    const w = await mountDesigner()
    const minutes = w.get('input[type="number"]')

    await minutes.setValue('10')
    expect(w.get('[data-testid="gauge-average"]').text()).toBe('55 分钟')
    expect(w.get('.load-gauge').attributes('data-status')).toBe('near')
    expect(w.get('.gauge-summary').text()).toContain('55 / 60 分钟')

    await minutes.setValue('20')
    expect(w.get('[data-testid="gauge-average"]').text()).toBe('65 分钟')
    const gauge = w.get('.load-gauge')
    expect(gauge.attributes('data-status')).toBe('over')
    expect(gauge.text()).toContain('超过上限')
    // The cap finding in words, naming its rule and source.
    expect(gauge.get('.finding-list').text()).toContain('书面作业平均 65 分钟，超过每日上限 60 分钟')
    expect(gauge.get('.finding-list').text()).toContain('《意见》')
    expect(gauge.text()).toMatch(/数学（含本作业）\s*20 分钟/)
  })

  it('counts only the layers that do an item, and shows per-layer totals', async () => {
    const w = await mountDesigner()
    await w.get('input[type="number"]').setValue('5')
    await w.get('button.designer__add').trigger('click')
    const items = w.findAll('.editor-item')
    expect(items).toHaveLength(2)
    await items[1]!.get('input[type="number"]').setValue('12')
    // The second item is for the challenge layer only (one student of four).
    const boxes = items[1]!.findAll('input[type="checkbox"]')
    await boxes[0]!.setValue(false)
    await boxes[1]!.setValue(false)
    const tiers = w.get('.load-gauge__tiers').text()
    expect(tiers).toContain('基础50 分钟')
    expect(tiers).toContain('拓展62 分钟')
    expect(w.get('[data-testid="gauge-average"]').text()).toBe('53 分钟') // 45 + 5 + 12 / 4
  })

  it('shows each problem beside its field when saving an incomplete draft, and saves nothing', async () => {
    const w = await mountDesigner()
    await w.get('form.designer__form').trigger('submit')
    const title = w.get('.editor-item input[type="text"]')
    expect(title.attributes('aria-invalid')).toBe('true')
    const describedBy = title.attributes('aria-describedby')!
    expect(w.get(`#${describedBy.split(' ')[0]}`).text()).toBe('请填写内容。')
    const minutes = w.get('.editor-item input[type="number"]')
    expect(minutes.attributes('aria-invalid')).toBe('true')
    expect(w.text()).toContain('请填写用时，或先做计时。')
    expect(await appDb().assignments.count()).toBe(1)
  })

  it('a due date spreads the minutes over the evenings before it', async () => {
    const w = await mountDesigner()
    await w.get('input[type="number"]').setValue('30')
    await w.get('#due').setValue('2026-11-26')
    expect(w.get('[data-testid="spread"]').text()).toBe('分 3 个晚上完成，每晚约 10 分钟')
    expect(w.get('[data-testid="gauge-average"]').text()).toBe('55 分钟')
    expect(w.get('.load-gauge').text()).toContain('后面 2 个晚上也各分到本作业约 10 分钟')
  })
})
