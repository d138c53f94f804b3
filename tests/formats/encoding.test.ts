import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeStream, decodeText, type EncodingChoice } from '@hl/core/formats/encoding'
import { encodeGbk, gb2312Hanzi } from './gbk'

const utf8 = (text: string) => new TextEncoder().encode(text)
const validUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', utf8('日期,内容\n2026-03-02,预习\n'), 'utf8', '日期,内容\n2026-03-02,预习\n'],
    ['UTF-8 with a BOM (dropped)', utf8('\uFEFF日期'), 'utf8', '日期'],
    ['ASCII', utf8('date,title\n'), 'utf8', 'date,title\n'],
    ['GBK (not valid UTF-8)', encodeGbk('日期,内容\n2026-03-02,练习册\n'), 'gb18030', '日期,内容\n2026-03-02,练习册\n'],
    // Valid UTF-8 as well: D4 A4 CF B0 reads "Ԥϰ"; the GBK reading is Chinese, the UTF-8 one is not.
    ['GBK 预习, also valid UTF-8', encodeGbk('预习'), 'gb18030', '预习'],
    ['GBK 默写 in an English CSV, also valid UTF-8', encodeGbk('date,title\n2026-03-02,默写\n'), 'gb18030', 'date,title\n2026-03-02,默写\n'],
    ['UTF-8 of one hanzi', utf8('数'), 'utf8', '数'],
    ['UTF-8 with Latin letters with accents', utf8('Café, naïve'), 'utf8', 'Café, naïve'],
    ['UTF-8 with Greek in a Chinese title', utf8('内容\n求∠α的度数\n'), 'utf8', '内容\n求∠α的度数\n'],
  ])('%s', (_name, bytes, encoding, text) => {
    expect(decodeText(bytes)).toEqual({ ok: true, encoding, text })
  })

  it.each([
    ['utf8', encodeGbk('日期'), false],
    ['gb18030', encodeGbk('日期'), true],
    ['utf8', encodeGbk('预习'), true],
  ] as const)('--encoding %s takes the choice at its word', (choice, bytes, ok) => {
    expect(decodeText(bytes, choice).ok).toBe(ok)
  })

  it('says a file is text in neither encoding', () => {
    expect(decodeText(Uint8Array.from([0x61, 0x81]))).toEqual({ ok: false })
  })

  // The property the issue names: every GB2312 hanzi whose GBK bytes are valid UTF-8 (930 of them) is
  // read as GBK, alone and in a plausible row, and every hanzi in UTF-8 stays UTF-8.
  const hanzi = gb2312Hanzi()
  const ambiguous = hanzi.filter((c) => validUtf8(encodeGbk(c)))

  it('finds the hanzi whose GBK bytes are also UTF-8', () => {
    expect(hanzi).toHaveLength(6763)
    expect(ambiguous.length).toBeGreaterThan(900)
    expect(ambiguous).toContain('预')
  })

  it('reads each of them as GBK, alone and in an English-headed row', () => {
    const wrong = ambiguous.filter((c) => {
      const alone = decodeText(encodeGbk(c))
      const row = decodeText(encodeGbk(`date,subject,title\n2026-03-02,${c}${c},p12\n`))
      return !(alone.ok && alone.encoding === 'gb18030' && alone.text === c && row.ok && row.encoding === 'gb18030')
    })
    expect(wrong).toEqual([])
  })

  it('reads every hanzi written in UTF-8 as UTF-8: alone, in pairs, and in a row', () => {
    const wrong = hanzi.filter((c, i) => {
      const pair = c + hanzi[(i * 7919) % hanzi.length]!
      const alone = decodeText(utf8(c))
      const two = decodeText(utf8(`title\n${pair}\n`))
      const row = decodeText(utf8(`2026-03-02,5,5(1),数学,第3课 ${pair} 练习册p12,20\n`))
      return ![alone, two, row].every((d) => d.ok && d.encoding === 'utf8')
    })
    expect(wrong).toEqual([])
  })
})

describe('decodeText on random Chinese text', () => {
  // Each of these hanzi is a whole UTF-8 sequence in GBK, so any text of them is valid UTF-8 too.
  const ambiguous = gb2312Hanzi().filter((c) => validUtf8(encodeGbk(c)))
  it('reads GBK texts made only of hanzi whose GBK bytes are UTF-8 as GBK', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ambiguous), { minLength: 1, maxLength: 12 }), fc.constantFrom('', 'p12 ', '第3课', '5(1),'), (chars, prefix) => {
        const bytes = encodeGbk(`title\n${prefix}${chars.join('')}\n`)
        const read = decodeText(bytes)
        return read.ok && read.encoding === 'gb18030'
      }),
      { numRuns: 500, seed: 20261201 },
    )
  })
})

describe('decodeStream', () => {
  const streamed = (bytes: Uint8Array, size: number, choice: EncodingChoice = 'auto') => {
    let text = ''
    const chunks = function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size)
    }
    const read = decodeStream(chunks, choice, { push: (t) => (text += t), restart: () => (text = '') })
    return read.ok ? { ...read, text } : read
  }
  const ascii = 'date,title\n'.repeat(60_000) // past the prefix the detection reads
  it.each([
    ['UTF-8', utf8('日期,内容\n2026-03-02,预习\n')],
    ['UTF-8 with a BOM', utf8('\uFEFF日期')],
    ['GBK', encodeGbk('日期,内容\n2026-03-02,练习册\n')],
    ['GBK 预习, also valid UTF-8', encodeGbk('预习')],
    ['not text', Uint8Array.from([0x61, 0x81])],
    ['UTF-8 of one hanzi', utf8('数')],
  ])('reads %s as decodeText does, in chunks of any size', (_name, bytes) => {
    for (let size = 1; size <= bytes.length; size++) expect(streamed(bytes, size), `chunks of ${size}`).toEqual(decodeText(bytes))
  })
  it.each([
    ['GBK after 660 kB of ASCII', () => encodeGbk(`${ascii}2026-03-02,练习册\n`)],
    ['UTF-8 Chinese after 660 kB of ASCII', () => utf8(`${ascii}2026-03-02,练习册\n`)],
    ['GBK-looking UTF-8 whose end is not GBK', () => Uint8Array.from([...encodeGbk('预习'), ...utf8(`${ascii}€`)])],
  ] as const)('reads %s as decodeText does', (_name, make) => {
    const bytes = make()
    expect(streamed(bytes, 65_536)).toEqual(decodeText(bytes))
  })
  it.each(['utf8', 'gb18030'] as const)('--encoding %s as decodeText does', (choice) => {
    for (const bytes of [encodeGbk('日期'), encodeGbk('预习'), utf8('日期')]) expect(streamed(bytes, 3, choice)).toEqual(decodeText(bytes, choice))
  })
})
