// 审核 (policy.md: draft → submitted → approved, or returned with a reason; the leader may edit the
// minutes). The state is derived from decision rows, so a stale edit can never overwrite a decision.
import { describe, expect, it } from 'vitest'
import { adjustedMinutes, approvalStatus, checkDecision, contentClock, decisionInForce, mayDecide, type Decision } from '@hl/core/domain/approval'

const hlc = (n: number) => `0018000000${String(n).padStart(5, '0')}-000000-dev1`
const decision = (n: number, kind: Decision['decision'], basis: number, over: Partial<Decision> = {}): Decision => ({ id: `d${n}`, decision: kind, reason: kind === 'returned' ? '时间过长' : '', minutes: {}, basis: hlc(basis), teacherId: 'leader', decidedAt: n, ...over })

describe('the approval state', () => {
  it.each([
    ['a draft is a draft, whatever was decided', 'draft', true, 5, [decision(1, 'approved', 5)], 'draft'],
    ['approval off: published', 'published', false, 5, [decision(1, 'returned', 5)], 'published'],
    ['approval on, no decision: submitted (待审核)', 'published', true, 5, [], 'submitted'],
    ['returned on the content as it stands: returned', 'published', true, 5, [decision(1, 'returned', 5)], 'returned'],
    ['returned, then the teacher changed it: submitted again', 'published', true, 7, [decision(1, 'returned', 5)], 'submitted'],
    ['returned, fixed, approved: approved', 'published', true, 7, [decision(1, 'returned', 5), decision(2, 'approved', 7)], 'approved'],
    ['approved, then changed: submitted again (the leader never saw the change)', 'published', true, 9, [decision(1, 'approved', 7)], 'submitted'],
    ['two leaders at once on the same content: the later decision applies', 'published', true, 7, [decision(3, 'returned', 7), decision(2, 'approved', 7)], 'returned'],
  ] as const)('%s', (_name, status, approvalOn, clock, decisions, state) => {
    expect(approvalStatus({ status, approvalOn, contentClock: hlc(clock), decisions }).state).toBe(state)
  })

  it('a stale teacher edit synced after the decision cannot make it approved, and the decision is kept', () => {
    // The leader returned content of clock 5 at 10:00; the teacher's offline edit (clock 6, made before the
    // decision was seen) arrives later: the homework is submitted again, and the return stays in the history.
    const s = approvalStatus({ status: 'published', approvalOn: true, contentClock: hlc(6), decisions: [decision(1, 'returned', 5)] })
    expect(s.state).toBe('submitted')
    expect(s.resubmitted).toBe(true)
    expect(s.history.map((d) => d.reason)).toEqual(['时间过长'])
  })

  it('the content clock is the newest change of the assignment and its items, deleted items included', () => {
    expect(contentClock({ fieldClock: { subject: hlc(1), status: hlc(3) } }, [{ fieldClock: { minutes: hlc(2) } }, { fieldClock: { deletedAt: hlc(4) } }])).toBe(hlc(4))
  })
})

describe('the leader’s minutes', () => {
  it('count while the approval that set them is in force, for the items it names', () => {
    const d = decisionInForce([decision(1, 'approved', 5, { minutes: { i1: 25 } })], hlc(5))
    expect(adjustedMinutes('i1', 30, d)).toBe(25)
    expect(adjustedMinutes('i2', 10, d)).toBe(10)
    expect(adjustedMinutes('i1', 30, decisionInForce([decision(1, 'approved', 5, { minutes: { i1: 25 } })], hlc(6)))).toBe(30)
    expect(adjustedMinutes('i1', 30, decision(1, 'returned', 5, { minutes: { i1: 25 } }))).toBe(30)
  })
})

describe('deciding', () => {
  const me = { teacherId: 'hr', homeroomClasses: new Set(['c1']), leadGrades: new Set([8]) }
  it.each([
    ['the class teacher of the class', { teacherId: 't1', classId: 'c1', grade: 5 }, true],
    ['the leader of the grade', { teacherId: 't1', classId: 'c9', grade: 8 }, true],
    ['another class of another grade', { teacherId: 't1', classId: 'c2', grade: 5 }, false],
    ['never one’s own homework', { teacherId: 'hr', classId: 'c1', grade: 5 }, false],
  ])('%s', (_name, a, expected) => {
    expect(mayDecide(me, a)).toBe(expected)
  })

  it.each([
    ['a return without a reason', { decision: 'returned', reason: '  ', minutes: {} }, ['reasonMissing']],
    ['a return with one', { decision: 'returned', reason: '时间过长', minutes: {} }, []],
    ['an approval needs none', { decision: 'approved', reason: '', minutes: { i1: 25 } }, []],
    ['minutes out of range', { decision: 'approved', reason: '', minutes: { i1: -1 } }, ['minutesInvalid']],
    ['a reason of 201 characters', { decision: 'returned', reason: '长'.repeat(201), minutes: {} }, ['reasonTooLong']],
  ] as const)('%s', (_name, d, problems) => {
    expect(checkDecision(d)).toEqual(problems)
  })
})
