// A GBK encoder for tests (no runtime has one: TextEncoder only writes UTF-8), built by decoding every
// two-byte GBK code with the platform's GB18030 decoder and inverting the table.
let table: Map<string, [number, number]> | undefined

function gbkTable(): Map<string, [number, number]> {
  if (table) return table
  table = new Map()
  const decoder = new TextDecoder('gb18030', { fatal: true })
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      try {
        const c = decoder.decode(Uint8Array.from([lead, trail]))
        if (c.length === 1 && !table.has(c)) table.set(c, [lead, trail])
      } catch {
        // not a GBK code
      }
    }
  }
  return table
}

export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable()
  const out: number[] = []
  for (const c of text) {
    const code = c.codePointAt(0)!
    if (code < 0x80) out.push(code)
    else {
      const pair = codes.get(c)
      if (!pair) throw new Error(`not in GBK: ${c}`)
      out.push(...pair)
    }
  }
  return Uint8Array.from(out)
}

/** The hanzi of GB2312 (rows B0–F7), the 6,763 a school's text is written in. */
export function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gb18030')
  const out: string[] = []
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const c = decoder.decode(Uint8Array.from([row, cell]))
      if (c >= '\u4e00' && c <= '\u9fff') out.push(c)
    }
  }
  return out
}
