// 我的作业's figures: what an assignment adds to its class's evening as the caps count it (the class
// average of written take-home minutes, and its heaviest layer), with the rest counted apart.
import { describe, expect, it } from 'vitest'
import { assignmentLoad, buildMyWeek } from '@hl/core/domain/myWeek'
import { NATIONAL_2021, resolveRules } from '@hl/core/domain/rules/profile'
import type { Assignment, AssignmentItem, Roster, Tier } from '@hl/core/domain/types'

const rules = resolveRules(NATIONAL_2021)
const classRef = { grade: 4, className: '4(2)' }
const all = ['core', 'extend', 'challenge'] as const
const written = (minutes: number, tiers: readonly Tier[] = all): AssignmentItem => ({ title: `书面 ${minutes}`, kind: 'written', where: 'home', tiers, minutes })
const a = (id: string, subject: string, date: string, items: AssignmentItem[], extra: Partial<Assignment> = {}): Assignment => ({ id, classRef, subject, date, items, ...extra })
/** Four students; the first does the challenge layer in 数学. */
const roster: Roster = {
  classRef,
  students: [{ name: '甲', tiers: { 数学: 'challenge' } }, { name: '乙', tiers: {} }, { name: '丙', tiers: {} }, { name: '丁', tiers: {} }],
}

describe('assignmentLoad', () => {
  it.each([
    ['one written item for everyone', [written(10)], roster, { averageMinutes: 10, heaviestLayerMinutes: 10, atSchoolMinutes: 0, otherMinutes: 0 }],
    // 10 for all + 15 for the one challenge student of four: 10 + 15 / 4 on average; the challenge layer does 25.
    ['a challenge-only item', [written(10), written(15, ['challenge'])], roster, { averageMinutes: 13.75, heaviestLayerMinutes: 25, atSchoolMinutes: 0, otherMinutes: 0 }],
    // Oral work is recorded but not counted toward the cap: 5 minutes of 先做 × 3.
    ['oral work only', [{ title: '背诵', kind: 'oral', where: 'home', tiers: all, trialMinutes: 5 }], roster, { averageMinutes: 0, heaviestLayerMinutes: 0, atSchoolMinutes: 0, otherMinutes: 15 }],
    ['written and oral', [written(20), { title: '朗读', kind: 'reading', where: 'home', tiers: all, minutes: 10 }], roster, { averageMinutes: 20, heaviestLayerMinutes: 20, atSchoolMinutes: 0, otherMinutes: 10 }],
    ['written at school', [{ ...written(20), where: 'school' }, written(5)], roster, { averageMinutes: 5, heaviestLayerMinutes: 5, atSchoolMinutes: 20, otherMinutes: 0 }],
    // Without a roster every student counts as core.
    ['no roster', [written(10), written(15, ['challenge'])], undefined, { averageMinutes: 10, heaviestLayerMinutes: 25, atSchoolMinutes: 0, otherMinutes: 0 }],
  ] as const)('%s', (_, items, r, expected) => {
    expect(assignmentLoad(a('x', '数学', '2026-11-23', [...items]), r, rules)).toEqual(expected)
  })

  it('counts one evening’s share of homework spread until a later due date', () => {
    // Monday's 30 minutes due Thursday: three evenings of 10.
    const load = assignmentLoad(a('x', '数学', '2026-11-23', [written(30)], { due: '2026-11-26' }), roster, rules)
    expect(load.averageMinutes).toBe(10)
  })
})

describe('buildMyWeek', () => {
  const mine = a('m', '数学', '2026-11-23', [written(40), { title: '口算', kind: 'oral', where: 'home', tiers: all, minutes: 10 }])
  const other = a('o', '语文', '2026-11-23', [written(30)])

  it('groups my assignments by day, each with its own figures and the class’s whole evening', () => {
    const days = buildMyWeek({ monday: '2026-11-23', mine: [{ assignment: mine, classId: 'c', status: 'draft' }], classes: [{ assignments: [mine, other], roster }], rules })
    expect(days).toHaveLength(7)
    expect(days[0]!.entries).toEqual([
      expect.objectContaining({
        assignmentId: 'm',
        subject: '数学',
        status: 'draft',
        evenings: 1,
        // 40 written, not 50: the oral 10 minutes are counted apart.
        load: { averageMinutes: 40, heaviestLayerMinutes: 40, atSchoolMinutes: 0, otherMinutes: 10 },
        // The class's evening: 数学 40 + 语文 30 = 70 > 60.
        evening: { averageMinutes: 70, capMinutes: 60, state: 'error' },
      }),
    ])
    expect(days.slice(1).every((d) => d.entries.length === 0)).toBe(true)
  })

  it('says over how many evenings a spread assignment is done', () => {
    const spread = a('s', '数学', '2026-11-27', [written(30)], { due: '2026-11-30' })
    const days = buildMyWeek({ monday: '2026-11-23', mine: [{ assignment: spread, classId: 'c', status: 'published' }], classes: [{ assignments: [spread], roster }], rules })
    expect(days[4]!.entries[0]).toEqual(expect.objectContaining({ evenings: 3, due: '2026-11-30', load: expect.objectContaining({ averageMinutes: 10 }) }))
  })
})
