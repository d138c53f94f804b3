import { describe, expect, it } from 'vitest'
import { blankItem, diffForm, rebaseForm, sameForm, takeTheirs, type FormItem, type FormState } from '@hl/core/domain/designerForm'

const item = (id: string, over: Partial<FormItem> = {}): FormItem => ({ ...blankItem(id), title: `题${id}`, minutes: 10, ...over })
const form = (over: Partial<FormState> = {}): FormState => ({
  classIds: ['c1'],
  subject: '数学',
  date: '2026-11-23',
  due: '',
  items: [item('i1'), item('i2')],
  ...over,
})

describe('diffForm: what the form changed', () => {
  it('nothing changed', () => {
    expect(diffForm(form(), form())).toEqual([])
    expect(sameForm(form(), form())).toBe(true)
  })
  it('lists each changed field with what was saved before', () => {
    const mine = form({ date: '2026-11-24', items: [item('i1', { minutes: 25 }), item('i2'), item('i3')] })
    expect(diffForm(form(), mine)).toEqual([
      { kind: 'field', field: 'date', before: '2026-11-23', after: '2026-11-24' },
      { kind: 'itemField', itemId: 'i1', position: 0, field: 'minutes', before: 10, after: 25 },
      { kind: 'itemAdded', itemId: 'i3', position: 2, title: '题i3' },
    ])
  })
  it('a layer switched off, an item removed, the order changed', () => {
    const mine = form({ items: [item('i2'), item('i1', { tiers: { core: true, extend: false, challenge: true } })] })
    expect(diffForm(form(), mine).map((c) => c.kind + ('field' in c ? `:${c.field}` : ''))).toEqual(['itemField:tiers.extend', 'order'])
    expect(diffForm(form(), form({ items: [item('i1')] }))).toEqual([{ kind: 'itemRemoved', itemId: 'i2', position: 1, title: '题i2' }])
  })
})

describe('rebaseForm: the two-tab case of issue 8', () => {
  // Tab A renamed item 1 and published; tab B, still showing the old title, changed item 2's minutes.
  const base = form()
  const a = form({ items: [item('i1', { title: '练习册 p23–24' }), item('i2')] })
  const b = form({ items: [item('i1'), item('i2', { minutes: 15 })] })

  it("B's save keeps A's title and adds B's minutes: nothing is lost, no conflict", () => {
    const out = rebaseForm(base, b, a)
    expect(out.conflicts).toEqual([])
    expect(out.state.items.map((i) => [i.title, i.minutes])).toEqual([
      ['练习册 p23–24', 10],
      ['题i2', 15],
    ])
  })

  it('both changed the same field: the form keeps mine and shows theirs', () => {
    const theirs = form({ items: [item('i1', { minutes: 30 }), item('i2')] })
    const mine = form({ items: [item('i1', { minutes: 20 }), item('i2')] })
    const out = rebaseForm(base, mine, theirs)
    expect(out.state.items[0]!.minutes).toBe(20)
    expect(out.conflicts).toEqual([{ kind: 'itemField', itemId: 'i1', field: 'minutes', mine: 20, theirs: 30 }])
    expect(takeTheirs(out.state, out.conflicts[0]!).items[0]!.minutes).toBe(30)
  })

  it.each([
    ['the same new value on both sides is no conflict', form({ subject: '语文' }), form({ subject: '语文' }), { subject: '语文' }, 0],
    ['their change to a field I left alone comes in', form({ due: '2026-11-25' }), form(), { due: '2026-11-25' }, 0],
    ['mine to a field they left alone stays', form(), form({ due: '2026-11-25' }), { due: '2026-11-25' }, 0],
    ['both changed the evening differently', form({ date: '2026-11-25' }), form({ date: '2026-11-24' }), { date: '2026-11-24' }, 1],
  ] as const)('%s', (_name, theirs, mine, expected, conflicts) => {
    const out = rebaseForm(base, mine, theirs)
    expect(out.state).toMatchObject(expected)
    expect(out.conflicts).toHaveLength(conflicts)
  })

  it('different layers toggled on the two sides both win', () => {
    const theirs = form({ items: [item('i1', { tiers: { core: true, extend: false, challenge: true } }), item('i2')] })
    const mine = form({ items: [item('i1', { tiers: { core: true, extend: true, challenge: false } }), item('i2')] })
    const out = rebaseForm(base, mine, theirs)
    expect(out.conflicts).toEqual([])
    expect(out.state.items[0]!.tiers).toEqual({ core: true, extend: false, challenge: false })
  })

  it('items added on each side are both kept, in place', () => {
    const theirs = form({ items: [item('i1'), item('t9'), item('i2')] })
    const mine = form({ items: [item('i1'), item('i2'), item('m9')] })
    expect(rebaseForm(base, mine, theirs).state.items.map((i) => i.id)).toEqual(['i1', 't9', 'i2', 'm9'])
  })

  it('an item deleted elsewhere goes, unless I changed it: then it stays and is flagged', () => {
    const theirs = form({ items: [item('i2')] })
    expect(rebaseForm(base, form(), theirs).state.items.map((i) => i.id)).toEqual(['i2'])
    const mine = form({ items: [item('i1', { minutes: 40 }), item('i2')] })
    const out = rebaseForm(base, mine, theirs)
    expect(out.state.items.map((i) => i.id)).toEqual(['i1', 'i2'])
    expect(out.conflicts).toEqual([{ kind: 'itemDeletedElsewhere', itemId: 'i1' }])
  })

  it('an item I removed that was changed elsewhere stays removed, and their change is shown', () => {
    const theirs = form({ items: [item('i1'), item('i2', { title: '改过' })] })
    const out = rebaseForm(base, form({ items: [item('i1')] }), theirs)
    expect(out.state.items.map((i) => i.id)).toEqual(['i1'])
    expect(out.conflicts).toMatchObject([{ kind: 'itemChangedElsewhere', itemId: 'i2' }])
    expect(takeTheirs(out.state, out.conflicts[0]!).items.map((i) => i.title)).toEqual(['题i1', '改过'])
  })

  it('my reordering wins over the stored order', () => {
    const mine = form({ items: [item('i2'), item('i1')] })
    expect(rebaseForm(base, mine, base).state.items.map((i) => i.id)).toEqual(['i2', 'i1'])
  })

  it('rebasing on an unchanged store gives back the form', () => {
    const mine = form({ subject: '英语', items: [item('i1', { minutes: 5 })] })
    expect(rebaseForm(base, mine, base)).toEqual({ state: mine, conflicts: [] })
  })
})
