import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyLocalDelete,
  applyLocalPut,
  applyLocalRestore,
  concurrentSince,
  mergeRecord,
  recordAsChange,
  type IncomingChange,
  type StoredRecord,
} from '@hl/core/sync/merge'

// Clocks: fixed-width strings compare like the HLC stamps they stand for.
const c = (n: number, device = 'a') => `${String(n).padStart(15, '0')}-000000-${device}`

const base: StoredRecord = {
  id: 'r1',
  title: '练习册 p12',
  minutes: 20,
  updatedAt: c(10),
  fieldClock: { title: c(10), minutes: c(10) },
  version: 1,
}
const never = () => false
const always = () => true

describe('local changes', () => {
  it('a put changes only differing fields, stamps them, and bumps the version', () => {
    const out = applyLocalPut(base, 'r1', { title: '练习册 p12', minutes: 25 }, c(20))
    expect(out?.changed).toEqual({ minutes: 25 })
    expect(out?.record).toMatchObject({ minutes: 25, version: 2, updatedAt: c(20), fieldClock: { title: c(10), minutes: c(20) } })
  })
  it('a put that changes nothing is null', () => {
    expect(applyLocalPut(base, 'r1', { minutes: 20, title: undefined }, c(20))).toBeNull()
  })
  it('a put never writes the sync metadata from the caller', () => {
    const out = applyLocalPut(base, 'r1', { version: 99, fieldClock: {}, updatedAt: 'x', minutes: 1 }, c(20))
    expect(out?.record.version).toBe(2)
    expect(out?.changed).toEqual({ minutes: 1 })
  })
  it('a put on a tombstone revives it with every field and deletedAt: null', () => {
    const dead = applyLocalDelete(base, c(15))!.record
    const out = applyLocalPut(dead, 'r1', { title: '练习册 p12', minutes: 20 }, c(20))
    expect(out?.record.deletedAt).toBeUndefined()
    expect(out?.changed).toEqual({ title: '练习册 p12', minutes: 20, deletedAt: null })
    expect(out?.record.fieldClock.deletedAt).toBe(c(20))
  })
  it('delete and restore stamp deletedAt; doing either twice is null', () => {
    const dead = applyLocalDelete(base, c(15))!
    expect(dead.changed).toEqual({ deletedAt: c(15) })
    expect(applyLocalDelete(dead.record, c(16))).toBeNull()
    const back = applyLocalRestore(dead.record, c(17))!
    expect(back.record.deletedAt).toBeUndefined()
    expect(back.changed).toEqual({ deletedAt: null })
    expect(applyLocalRestore(back.record, c(18))).toBeNull()
  })
})

const change = (fields: Record<string, unknown>, clock: string): IncomingChange => ({
  fields,
  fieldClock: Object.fromEntries(Object.keys(fields).map((f) => [f, clock])),
})

describe('mergeRecord: the conflict rules of sync-design.md', () => {
  it.each([
    {
      name: 'different fields edited on two devices: both survive',
      stored: { ...base, minutes: 25, fieldClock: { ...base.fieldClock, minutes: c(20, 'b') } },
      incoming: change({ title: '练习册 p13' }, c(21, 'a')),
      concurrent: (f: string) => f === 'minutes',
      expect: { title: '练习册 p13', minutes: 25 },
      conflicts: [],
    },
    {
      name: 'the same field, concurrently: the later clock wins and the other value is kept as a conflict',
      stored: { ...base, minutes: 25, fieldClock: { ...base.fieldClock, minutes: c(20, 'b') } },
      incoming: change({ minutes: 30 }, c(21, 'a')),
      concurrent: always,
      expect: { minutes: 30 },
      conflicts: [{ field: 'minutes', kept: 30, keptClock: c(21, 'a'), lost: 25, lostClock: c(20, 'b'), loser: 'stored' }],
    },
    {
      name: 'the same field, concurrently, incoming older: the stored value stays and the incoming one is the conflict',
      stored: { ...base, minutes: 25, fieldClock: { ...base.fieldClock, minutes: c(30, 'b') } },
      incoming: change({ minutes: 30 }, c(21, 'a')),
      concurrent: always,
      expect: { minutes: 25 },
      conflicts: [{ field: 'minutes', kept: 25, keptClock: c(30, 'b'), lost: 30, lostClock: c(21, 'a'), loser: 'incoming' }],
    },
    {
      name: 'a later change made after seeing the earlier one replaces it without a conflict',
      stored: base,
      incoming: change({ minutes: 30 }, c(21)),
      concurrent: never,
      expect: { minutes: 30 },
      conflicts: [],
    },
    {
      name: 'concurrent changes to the same value are no conflict',
      stored: { ...base, minutes: 30, fieldClock: { ...base.fieldClock, minutes: c(20, 'b') } },
      incoming: change({ minutes: 30 }, c(21, 'a')),
      concurrent: always,
      expect: { minutes: 30 },
      conflicts: [],
    },
  ])('$name', ({ stored, incoming, concurrent, expect: fields, conflicts }) => {
    const out = mergeRecord(stored, 'r1', incoming, concurrent)
    expect(out.record).toMatchObject(fields)
    expect(out.conflicts).toEqual(conflicts)
    expect(out.deletedWhileEdited).toBe(false)
  })

  it('the same change seen twice changes nothing (a replayed push)', () => {
    const once = mergeRecord(base, 'r1', change({ minutes: 30 }, c(21)), never)
    const twice = mergeRecord(once.record, 'r1', change({ minutes: 30 }, c(21)), always)
    expect(twice.applied).toEqual([])
    expect(twice.record).toBe(once.record)
  })

  it('a new record takes every field and clock', () => {
    const out = mergeRecord(undefined, 'r9', change({ title: 'x', minutes: 5 }, c(3)), never)
    expect(out.record).toEqual({ id: 'r9', title: 'x', minutes: 5, fieldClock: { title: c(3), minutes: c(3) }, updatedAt: c(3), version: 1 })
  })

  it('delete against a concurrent edit: the delete wins and the edit is reported', () => {
    const edited = { ...base, minutes: 25, fieldClock: { ...base.fieldClock, minutes: c(30, 'b') }, updatedAt: c(30, 'b') }
    const out = mergeRecord(edited, 'r1', change({ deletedAt: c(20, 'a') }, c(20, 'a')), (f) => f === 'minutes')
    expect(out.record.deletedAt).toBe(c(20, 'a'))
    expect(out.record.minutes).toBe(25) // the edit stands in the tombstone
    expect(out.deletedWhileEdited).toBe(true)
  })

  it('an edit arriving at a record deleted concurrently: it stays deleted, the edit is kept and reported', () => {
    const dead = applyLocalDelete(base, c(20, 'b'))!.record
    const out = mergeRecord(dead, 'r1', change({ minutes: 40 }, c(30, 'a')), (f) => f === 'deletedAt')
    expect(out.record.deletedAt).toBe(c(20, 'b'))
    expect(out.record.minutes).toBe(40)
    expect(out.deletedWhileEdited).toBe(true)
  })

  it('a delete of a record nobody else touched is no notice', () => {
    const out = mergeRecord(base, 'r1', change({ deletedAt: c(20) }, c(20)), never)
    expect(out.record.deletedAt).toBe(c(20))
    expect(out.deletedWhileEdited).toBe(false)
  })

  it('an explicit restore later than the delete brings the record back', () => {
    const dead = applyLocalDelete(base, c(20, 'b'))!.record
    const out = mergeRecord(dead, 'r1', change({ deletedAt: null }, c(25, 'a')), never)
    expect(out.record.deletedAt).toBeUndefined()
    expect(out.record.fieldClock.deletedAt).toBe(c(25, 'a'))
  })

  it('concurrentSince: a field is concurrent when its stored clock is not the one the sender began from', () => {
    const stored = { ...base, fieldClock: { title: c(10), minutes: c(20, 'b') } }
    const concurrent = concurrentSince(stored, { title: c(10), minutes: c(10) })
    expect(concurrent('title')).toBe(false)
    expect(concurrent('minutes')).toBe(true)
    expect(concurrent('due')).toBe(false) // neither side has it
  })
})

describe('mergeRecord converges', () => {
  // Several devices each change some fields of one record at distinct clocks; every order of merging
  // their changes into a copy gives the same record (values and clocks).
  const fieldArb = fc.constantFrom('title', 'minutes', 'kind', 'deletedAt')
  const changeArb = fc.record({
    device: fc.constantFrom('a', 'b', 'c'),
    wall: fc.integer({ min: 11, max: 60 }),
    fields: fc.uniqueArray(fieldArb, { minLength: 1, maxLength: 3 }),
    value: fc.integer({ min: 0, max: 5 }),
  })

  it('whatever the order, every copy ends equal', () => {
    fc.assert(
      fc.property(fc.uniqueArray(changeArb, { minLength: 1, maxLength: 6, selector: (x) => `${x.wall}-${x.device}` }), fc.nat(), (changes, seed) => {
        const incoming = changes.map((x) =>
          change(Object.fromEntries(x.fields.map((f) => [f, f === 'deletedAt' ? (x.value % 2 ? c(x.wall, x.device) : null) : `${f}-${x.value}`])), c(x.wall, x.device)),
        )
        const apply = (order: IncomingChange[]) => order.reduce((rec, ch) => mergeRecord(rec, 'r1', ch, always).record, base)
        const shuffled = [...incoming].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 17 + seed) % 5))
        const one = apply(incoming)
        const other = apply(shuffled)
        const reversed = apply([...incoming].reverse())
        const strip = ({ version: _v, ...r }: StoredRecord) => r
        expect(strip(other)).toEqual(strip(one))
        expect(strip(reversed)).toEqual(strip(one))
      }),
    )
  })

  it('a record sent whole (recordAsChange) makes an equal copy', () => {
    const local = applyLocalPut(applyLocalDelete(base, c(15))!.record, 'r1', { title: '新', minutes: 3 }, c(16))!.record
    const copy = mergeRecord(undefined, 'r1', recordAsChange(local), never).record
    const { version: _a, ...x } = local
    const { version: _b, ...y } = copy
    expect(y).toEqual(x)
  })
})
