import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { naturalIdOf, refsOf, ROW_SCHEMAS, TABLE_NAMES, TABLES } from '@hl/core/schema/tables'

describe('the table registry', () => {
  it.each(TABLE_NAMES.flatMap((t) => refsOf(t).map((r) => [t, r.field, r.table] as const)))('%s.%s refers to a table (%s) by a field it has', (table, field, target) => {
    expect(TABLE_NAMES).toContain(target)
    expect(Object.keys(TABLES[table].fields)).toContain(field)
  })

  it('references point at tables listed before them (parents first)', () => {
    for (const t of TABLE_NAMES) for (const r of refsOf(t)) expect(TABLE_NAMES.indexOf(r.table)).toBeLessThan(TABLE_NAMES.indexOf(t))
  })

  it('natural ids come from the natural key', () => {
    expect(naturalIdOf('studentTiers', { studentId: 's1', classId: 'c1', subject: '数学', tier: 'extend' })).toBe('s1|数学')
    expect(naturalIdOf('roles', { teacherId: 't', role: 'gradeLeader', classId: '', grade: 7 })).toBe('t|gradeLeader|7')
    expect(naturalIdOf('assignments', { classId: 'c', subject: '数学', date: '2026-11-02', due: '', status: 'draft', teacherId: 't', batchId: 'b' })).toBeNull()
  })

  it.each([
    ['a school name of 50 MB', 'schools', { name: 'x'.repeat(5_000_000), regionId: 'national', rules: {} }],
    ['minutes of 100,000', 'items', { assignmentId: 'a', position: 0, title: 't', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 100_000, trialMinutes: null }],
    ['minutes of 1e308', 'items', { assignmentId: 'a', position: 0, title: 't', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 1e308, trialMinutes: null }],
    ['a cap of -5', 'schools', { name: 's', regionId: 'national', rules: { upperPrimary: { dailyCapMinutes: -5 } } }],
    ['a multiplier of -3', 'schools', { name: 's', regionId: 'national', rules: { juniorHigh: { teacherMultiplier: -3 } } }],
    ['a bedtime of 99:99', 'schools', { name: 's', regionId: 'national', rules: { juniorHigh: { bedtime: '99:99' } } }],
  ] as const)('refuses %s', (_, table, fields) => {
    const meta = { id: 'x', updatedAt: '001800000000000-000000-dev', fieldClock: {}, version: 1 }
    expect(v.safeParse(ROW_SCHEMAS[table], { ...meta, ...fields }).success).toBe(false)
  })
})
