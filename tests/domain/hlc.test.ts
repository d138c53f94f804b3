import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareHlc, encodeHlc, hlcWall, isHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '@hl/core/domain/hlc'

const start: Hlc = { wall: 1_700_000_000_000, counter: 0, deviceId: 'dev-a' }

describe('hybrid logical clock', () => {
  it.each([
    ['time moves on', 1_700_000_000_500, { wall: 1_700_000_000_500, counter: 0 }],
    ['same millisecond', 1_700_000_000_000, { wall: 1_700_000_000_000, counter: 1 }],
    ['the wall clock went back', 1_699_999_999_000, { wall: 1_700_000_000_000, counter: 1 }],
  ])('tick: %s', (_, now, expected) => {
    expect(tickHlc(start, now)).toMatchObject(expected)
  })

  it('encodes with fixed widths and parses back', () => {
    const stamp = encodeHlc({ wall: 5, counter: 35, deviceId: 'abc' })
    expect(stamp).toBe('000000000000005-00000z-abc')
    expect(parseHlc(stamp)).toEqual({ wall: 5, counter: 35, deviceId: 'abc' })
    expect(parseHlc('garbage')).toBeNull()
    expect(parseHlc('1-2-3')).toBeNull()
  })

  it.each([
    ['000000000000005-00000z-abc', true],
    ['001764806400000-000001-dev-1', true],
    ['garbage', false],
    ['1-2-3', false],
    ['000000000000005-00000Z-abc', false],
    ['000000000000005-00000z-', false],
    [`000000000000005-00000z-${'a'.repeat(65)}`, false],
  ])('isHlc(%s) is %s, as parseHlc agrees', (stamp, ok) => {
    expect(isHlc(stamp)).toBe(ok)
    expect(parseHlc(stamp) !== null).toBe(ok)
  })

  it('reads the physical time of a stamp without parsing all of it', () => {
    for (const wall of [0, 5, 1_764_806_400_000, 999_999_999_999_999]) expect(hlcWall(encodeHlc({ wall, counter: 7, deviceId: 'd' }))).toBe(wall)
  })

  it('after receiving, the next stamp is later than both clocks', () => {
    const remote: Hlc = { wall: 1_700_000_090_000, counter: 7, deviceId: 'dev-b' }
    const after = receiveHlc(start, remote, 1_700_000_000_100)
    expect(after).toEqual({ wall: 1_700_000_090_000, counter: 8, deviceId: 'dev-a' })
  })

  it('string order follows clock order, whatever the events', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.nat({ max: 100 })), { maxLength: 60 }),
        (events) => {
          let clock = start
          let last = encodeHlc(clock)
          for (const [remote, dt, rdt, rc] of events) {
            const now = start.wall + dt
            clock = remote ? receiveHlc(clock, { wall: start.wall + rdt, counter: rc, deviceId: 'dev-b' }, now) : tickHlc(clock, now)
            const stamp = encodeHlc(clock)
            if (compareHlc(stamp, last) <= 0) return false
            last = stamp
          }
          return true
        },
      ),
    )
  })
})
