import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { LIMITS, PullRequestSchema, PushRequestSchema, RoleAssignmentSchema } from '@hl/core/sync/protocol'

const hlc = '001796000000000-000000-dev1'
const mutation = { seq: 1, table: 'items', id: 'i1', op: 'put', baseVersion: 0, hlc, fields: { title: 'p12' }, fieldClock: { title: hlc }, baseClock: {} }
const push = (patch: Record<string, unknown>) => ({ clientId: 'dev1', schemaVersion: 1, mutations: [mutation], ...patch })

describe('the push request', () => {
  it.each([
    ['a valid push', push({}), true],
    ['an empty push', push({ mutations: [] }), true],
    ['an unknown table (rejected per mutation later, not malformed)', push({ mutations: [{ ...mutation, table: 'grades' }] }), true],
    ['a client id with capitals', push({ clientId: 'Dev1' }), false],
    ['a seq of 0', push({ mutations: [{ ...mutation, seq: 0 }] }), false],
    ['a fractional seq', push({ mutations: [{ ...mutation, seq: 1.5 }] }), false],
    ['a clock that is not an HLC', push({ mutations: [{ ...mutation, fieldClock: { title: 'yesterday' } }] }), false],
    ['an op other than put or delete', push({ mutations: [{ ...mutation, op: 'patch' }] }), false],
    ['two mutations with one seq', push({ mutations: [mutation, mutation] }), false],
    ['more than 100 mutations', push({ mutations: Array.from({ length: LIMITS.pushMutations + 1 }, (_, i) => ({ ...mutation, seq: i + 1 })) }), false],
  ])('%s', (_name, body, ok) => {
    expect(v.safeParse(PushRequestSchema, body).success).toBe(ok)
  })
})

describe('the pull request', () => {
  it('defaults to the start and a full page', () => {
    expect(v.parse(PullRequestSchema, { clientId: 'dev1' })).toEqual({ clientId: 'dev1', cursor: null, limit: LIMITS.pullRecords })
  })
  it.each([0, 501, 2.5])('refuses a limit of %s', (limit) => {
    expect(v.safeParse(PullRequestSchema, { clientId: 'dev1', limit }).success).toBe(false)
  })
})

describe('role assignments', () => {
  it.each([
    [{ role: 'teacher', classId: 'c1', subject: '数学' }, true],
    [{ role: 'homeroomTeacher', classId: 'c1' }, true],
    [{ role: 'gradeLeader', grade: 4 }, true],
    [{ role: 'admin' }, true],
    [{ role: 'gradeLeader', grade: 13 }, false],
    [{ role: 'teacher', classId: 'c1' }, false],
    [{ role: 'principal' }, false],
  ])('%j: %s', (role, ok) => {
    expect(v.safeParse(RoleAssignmentSchema, role).success).toBe(ok)
  })
})
