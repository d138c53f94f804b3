// Ids made on the device: UUIDv7 (RFC 9562) in its text form, ordered by time, never repeated.
import { describe, expect, it } from 'vitest'
import { uuidv7 } from '@hl/core/ids'

const FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('uuidv7', () => {
  it.each([
    [0, '00000000-0000'],
    [1, '00000000-0001'],
    [255, '00000000-00ff'],
    [256, '00000000-0100'],
    [1_764_806_400_000, '019ae6a8-9800'],
    [2 ** 48 - 1, 'ffffffff-ffff'],
  ])('at %i ms begins with the time %s, with version 7 and variant 10', (ms, prefix) => {
    const id = uuidv7(ms)
    expect(id).toMatch(FORM)
    expect(id.slice(0, 13)).toBe(prefix)
  })

  it('never repeats, and orders by time, across many draws of random bytes', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => uuidv7(1_764_806_400_000 + Math.floor(i / 1000)))
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(FORM)
    for (let i = 1000; i < ids.length; i += 1000) expect(ids[i - 1]! < ids[i]!).toBe(true)
  })

  it('spreads its random part over every hex digit', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) seen.add(uuidv7(0).slice(-1))
    expect(seen.size).toBe(16)
  })
})
