// The school's order of names: the fast path for names that differ in a number must give exactly the
// zh-CN collator's answer, and leave every other pair to the collator.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareClasses, numberOrder, zhOrder } from '@hl/core/domain/order'

const collator = new Intl.Collator('zh-CN', { numeric: true })

describe('numberOrder', () => {
  it.each([
    ['4(2)', '4(10)', -1],
    ['4(10)', '4(2)', 1],
    ['5(1)', '5(1)', 0],
    ['初一(3)班', '初一(12)班', -1],
    ['七年级9班', '七年级10班', -1],
    ['Class 2', 'Class 11', -1],
    ['10', '9', 1],
    ['2班', '2班', 0],
  ] as const)('orders %s against %s without the collator', (a, b, sign) => {
    expect(Math.sign(numberOrder(a, b)!)).toBe(sign)
    expect(Math.sign(collator.compare(a, b))).toBe(sign)
  })

  it.each([
    ['初一(1)', '初二(1)', 'they differ first in a character'],
    ['语文', '数学', 'they differ first in a character'],
    ['5', '5班', 'one is a prefix of the other'],
    ['05', '5', 'a leading zero'],
    ['5(01)', '5(1)', 'a leading zero'],
    ['１班', '２班', 'full-width digits'],
    ['1\u200b2', '13', 'an ignorable character'],
    ['a', 'A', 'they differ first in a letter'],
    ['1234567890', '1234567891', 'a long number'],
  ] as const)('leaves %s against %s to the collator (%s)', (a, b, _why) => {
    expect(numberOrder(a, b)).toBeUndefined()
  })
})

describe('zhOrder', () => {
  it.each([
    ['4(2)', '4(10)'],
    ['初一(1)', '初二(1)'],
    ['语文', '数学'],
    ['05', '5'],
    ['a', 'A'],
    ['１班', '２班'],
    ['1\u200b2', '13'],
    ['', '1'],
  ] as const)('orders %s against %s as the collator does', (a, b) => {
    expect(zhOrder.compare(a, b)).toBe(collator.compare(a, b))
    expect(zhOrder.compare(b, a)).toBe(collator.compare(b, a))
  })

  it('agrees with the collator on any names made of digits, brackets, letters and characters', () => {
    const name = fc.string({
      unit: fc.constantFrom('0', '1', '2', '9', '10', '(', ')', '（', '）', ' ', '班', '初', '一', '二', 'a', 'A', '５', '\u200b', '-'),
      maxLength: 8,
    })
    fc.assert(fc.property(name, name, (a, b) => zhOrder.compare(a, b) === collator.compare(a, b)), { numRuns: 5000 })
  })
})

describe('compareClasses', () => {
  it('sorts by grade, then by class name in natural order', () => {
    const classes = [
      { grade: 5, className: '5(10)' },
      { grade: 4, className: '4(2)' },
      { grade: 5, className: '5(2)' },
      { grade: 4, className: '4(1)' },
    ]
    expect([...classes].sort(compareClasses).map((c) => c.className)).toEqual(['4(1)', '4(2)', '5(2)', '5(10)'])
  })
})
