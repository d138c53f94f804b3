// The text of a CSV file from its bytes. Excel and WPS on Chinese Windows save "CSV" as GB18030/GBK;
// "CSV UTF-8" and everything else is UTF-8. Both decoders exist in Node and in browsers (TextDecoder).
//
// Strict UTF-8 decoding alone is not enough: 930 of the 6,763 hanzi of GB2312 have GBK bytes that are
// also valid UTF-8 (预习 D4 A4 CF B0 reads as "Ԥϰ"), so a short GBK file can pass as UTF-8. When a file
// decodes both ways, each reading is scored by how much it looks like Chinese school text (chineseScore):
// the common hanzi of GB2312 and CJK punctuation count for it; rare hanzi, letters of other scripts (the
// Greek, Cyrillic, Armenian and Latin-1 that GBK bytes become in UTF-8) and controls against it. The set
// of GB2312 hanzi is read from the GB18030 decoder itself, so no table ships with the app.
// tests/formats/encoding.test.ts checks every one of the 930 hanzi, and every hanzi written in UTF-8.
// Known limit: a UTF-8 file whose only non-ASCII text is Greek or Cyrillic letters may read as GBK;
// the import screen says which encoding it used and `--encoding utf8` overrides.

export type Encoding = 'utf8' | 'gb18030'
export type EncodingChoice = Encoding | 'auto'

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false }

const BOM = '\uFEFF'
const SAMPLE = 100_000

function strict(encoding: Encoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

let gb2312: { level1: Set<string>; level2: Set<string> } | undefined

/** GB2312's hanzi: level 1 (the 3,755 most common, rows B0–D7) and level 2 (3,008 more, rows D8–F7). */
function gb2312Hanzi(): { level1: Set<string>; level2: Set<string> } {
  if (gb2312) return gb2312
  const decoder = new TextDecoder('gb18030')
  const read = (firstRow: number, lastRow: number) => {
    const bytes: number[] = []
    for (let row = firstRow; row <= lastRow; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell)
    return new Set(Array.from(decoder.decode(Uint8Array.from(bytes))).filter((c) => c >= '\u4e00' && c <= '\u9fff'))
  }
  return (gb2312 = { level1: read(0xb0, 0xd7), level2: read(0xd8, 0xf7) })
}

const isHanzi = (c: string | undefined) => c !== undefined && c >= '\u4e00' && c <= '\u9fff'
const isLetter = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c)
const PUNCTUATION = /^[\u3000-\u303f\uff00-\uffef\u00b7\u2014\u2026\u201c\u201d\u2018\u2019]$/

/**
 * How Chinese-school-like a text is: common hanzi and CJK punctuation count for it; rare hanzi, letters
 * of other scripts, and controls against it. `asUtf8`: the text is the UTF-8 reading, whose characters of
 * three bytes or more weigh for it (GBK bytes seldom line up into such sequences: of 300 random GBK
 * texts that were valid UTF-8, one had one). A lone hanzi between Latin letters ("Caf然") is what an
 * accented letter in UTF-8 becomes when read as GBK, and counts against.
 */
export function chineseScore(text: string, asUtf8 = false): number {
  const { level1, level2 } = gb2312Hanzi()
  const chars = Array.from(text)
  let score = 0
  chars.forEach((c, i) => {
    const code = c.codePointAt(0)!
    if (code < 0x80) {
      if (code < 0x20 && c !== '\n' && c !== '\r' && c !== '\t') score -= 5
      return
    }
    if (asUtf8 && code >= 0x800) score += 2
    const lone = isHanzi(c) && !isHanzi(chars[i - 1]) && !isHanzi(chars[i + 1]) && (isLetter(chars[i - 1]) || isLetter(chars[i + 1]))
    if (lone) score -= 3
    else if (level1.has(c)) score += 3
    else if (level2.has(c)) score += 2
    else if (PUNCTUATION.test(c)) score += 1
    else if (isHanzi(c)) score -= 2
    else score -= 3
  })
  return score
}

/**
 * The file's text, by `choice` or, for 'auto', by detection: a UTF-8 BOM means UTF-8; bytes that are
 * not UTF-8 are GB18030; bytes that are both are whichever reading scores as Chinese text. A BOM is
 * dropped. Not ok when the bytes are text in neither encoding.
 */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): Decoded {
  const utf8 = choice === 'gb18030' ? undefined : strict('utf8', bytes)
  const result = (text: string, encoding: Encoding): Decoded => ({ ok: true, text: text.startsWith(BOM) ? text.slice(1) : text, encoding })
  if (choice === 'utf8') return utf8 === undefined ? { ok: false } : result(utf8, 'utf8')
  if (utf8 !== undefined && (utf8.startsWith(BOM) || !/[^\x00-\x7f]/.test(utf8))) return result(utf8, 'utf8')
  const gbk = strict('gb18030', bytes)
  if (choice === 'gb18030') return gbk === undefined ? { ok: false } : result(gbk, 'gb18030')
  if (utf8 === undefined) return gbk === undefined ? { ok: false } : result(gbk, 'gb18030')
  if (gbk === undefined) return result(utf8, 'utf8')
  // A prefix decides: the encoding does not change halfway through a file.
  return chineseScore(gbk.slice(0, SAMPLE)) > chineseScore(utf8.slice(0, SAMPLE), true) ? result(gbk, 'gb18030') : result(utf8, 'utf8')
}

/** Whether a decoded text looks like a text file at all (a NUL byte means a spreadsheet or an image). */
export function looksLikeText(text: string): boolean {
  return !text.slice(0, 4096).includes('\u0000')
}

export type StreamDecoded = { ok: true; encoding: Encoding } | { ok: false }

/** Where decodeStream hands the text, a piece at a time; `restart` drops what was handed so far. */
export interface TextSink {
  push(text: string): void
  restart(): void
}

/**
 * decodeText for a file read a chunk at a time (`chunks` is called again for each pass over the file):
 * the same text and encoding, handed to `sink` as it is decoded, so the whole text is never held. Most
 * files take one pass. A file that turns out not to be UTF-8 partway through is read again as GB18030;
 * one that is valid both ways and whose start reads more like Chinese as GB18030 is read again to check
 * that all of it is GB18030 (and once more as UTF-8 if not), which is what decodeText decides too.
 */
export function decodeStream(chunks: () => Iterable<Uint8Array>, choice: EncodingChoice, sink: TextSink): StreamDecoded {
  const PREFIX = 4 * SAMPLE + 16 // ≥ SAMPLE characters in either encoding
  const pass = (encoding: Encoding, into: TextSink | undefined) => {
    const decoder = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030', { fatal: true, ignoreBOM: true })
    let first = true
    let nonAscii = false
    let bom = false
    const prefix: Uint8Array[] = []
    let prefixBytes = 0
    const hand = (text: string) => {
      if (first && text.length > 0) {
        first = false
        bom = text.startsWith(BOM)
        if (bom) text = text.slice(1)
      }
      if (!nonAscii && /[^\x00-\x7f]/.test(text)) nonAscii = true
      if (text.length > 0) into?.push(text)
    }
    try {
      for (const chunk of chunks()) {
        if (prefixBytes < PREFIX) {
          prefix.push(chunk.slice(0, PREFIX - prefixBytes)) // a copy: the reader may reuse its buffer
          prefixBytes += Math.min(chunk.length, PREFIX - prefixBytes)
        }
        hand(decoder.decode(chunk, { stream: true }))
      }
      hand(decoder.decode())
    } catch {
      return undefined
    }
    return { nonAscii, bom, prefix: concat(prefix, prefixBytes) }
  }
  const run = (encoding: Encoding): StreamDecoded => {
    sink.restart()
    return pass(encoding, sink) ? { ok: true, encoding } : { ok: false }
  }
  if (choice !== 'auto') return run(choice)

  const utf8 = pass('utf8', sink)
  if (!utf8) return run('gb18030')
  if (utf8.bom || !utf8.nonAscii) return { ok: true, encoding: 'utf8' }
  // Valid UTF-8 with Chinese in it: GB18030 only when its start reads more like Chinese that way and
  // the whole file is GB18030 too.
  const start = (encoding: Encoding) => {
    try {
      return new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030', { fatal: true, ignoreBOM: true }).decode(utf8.prefix, { stream: true })
    } catch {
      return undefined
    }
  }
  const gbkStart = start('gb18030')
  if (gbkStart === undefined || !(chineseScore(gbkStart.slice(0, SAMPLE)) > chineseScore(start('utf8')!.slice(0, SAMPLE), true))) return { ok: true, encoding: 'utf8' }
  if (run('gb18030').ok) return { ok: true, encoding: 'gb18030' }
  return run('utf8')
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
