// The order names are listed in: Chinese text in natural order ('4(2)' before '4(10)', subjects and
// names by their usual zh-CN collation), and classes by grade, then class name.
import type { ClassRef } from './types'

let collator: Intl.Collator | undefined

const DIGIT_0 = 48
const DIGIT_9 = 57
/** Digit runs longer than this are left to the collator (its numeric order is defined on short runs). */
const MAX_FAST_DIGITS = 9

const isDigit = (code: number): boolean => code >= DIGIT_0 && code <= DIGIT_9

/**
 * Characters the fast path may step over: printable ASCII and the common CJK ideographs. None of them is
 * ignorable in zh-CN collation and none is a digit other than 0–9, so two strings that agree on these
 * up to a digit run order as that run's number (what the collator's numeric option does).
 */
const isPlain = (code: number): boolean => (code >= 0x20 && code <= 0x7e) || (code >= 0x4e00 && code <= 0x9fff)

/**
 * The order of two strings that differ first in a number, such as '5(2)' and '5(10)', or 0 for equal
 * strings; undefined when the collator must decide (they differ first in a letter or character, one
 * is a prefix of the other, or they hold characters outside the plain set). Exactly the collator's
 * answer where it answers, without building the collator: that costs about 100 ms on a slow phone the
 * first time a class list is sorted (issue 11), and class names differ only in their numbers.
 */
export function numberOrder(a: string, b: string): number | undefined {
  if (a === b) return 0
  // Every character is checked first: a digit run ends where a plain character begins, not at a
  // full-width digit or an ignorable mark the collator would read through.
  for (let k = 0; k < a.length; k++) if (!isPlain(a.charCodeAt(k))) return undefined
  for (let k = 0; k < b.length; k++) if (!isPlain(b.charCodeAt(k))) return undefined
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i)
    const cb = b.charCodeAt(j)
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i
      let ej = j
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++
      const ra = a.slice(i, ei)
      const rb = b.slice(j, ej)
      if (ra !== rb) {
        // Leading zeros ('05' against '5') and very long runs are the collator's to order.
        if (ra.length > MAX_FAST_DIGITS || rb.length > MAX_FAST_DIGITS) return undefined
        if ((ra.length > 1 && ra[0] === '0') || (rb.length > 1 && rb[0] === '0')) return undefined
        return Number(ra) - Number(rb)
      }
      i = ei
      j = ej
      continue
    }
    if (ca !== cb) return undefined
    i++
    j++
  }
  return undefined
}

/**
 * Chinese text in natural order: '4(2)' before '4(10)', subjects by their usual collation. The
 * collator is made on first use, not at load, and names that differ only in a number (class names)
 * are ordered without it.
 */
export const zhOrder = {
  compare(a: string, b: string): number {
    const byNumber = numberOrder(a, b)
    if (byNumber !== undefined) return Math.sign(byNumber)
    return zhCollator().compare(a, b)
  },
  /**
   * Makes the collator now: the browser's collation data loads on the first collator made (about 15 ms
   * here, 60 on a slow phone), and an app that calls this in a task of its own keeps that cost out of
   * the task that sorts its first screen's data.
   */
  prepare(): void {
    zhCollator()
  },
}

function zhCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator('zh-CN', { numeric: true }))
}

/** Classes in school order: by grade, then by class name in natural order. */
export function compareClasses(a: ClassRef, b: ClassRef): number {
  return a.grade - b.grade || zhOrder.compare(a.className, b.className)
}
