// Draws the app icons into public/ with nothing but zlib (no ImageMagick on these machines):
// a green rounded square with a white ledger page, two ruled lines and a check mark.
// Run: npx tsx scripts/make-icons.ts   (the PNGs are committed; rerun only when the design changes)
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

type Rgba = readonly [number, number, number, number]

const BRAND: Rgba = [0x1f, 0x6f, 0x5c, 255]
const WHITE: Rgba = [255, 255, 255, 255]
const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url))

// --- PNG encoding -----------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type RGBA
  // Each scanline starts with filter type 0 (none); deflate does the compressing.
  const raw = Buffer.alloc((size * 4 + 1) * size)
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ])
}

// --- Drawing: shapes as signed distances in a unit square, 4×4 supersampled ---------------------------

/** Distance to a rounded rectangle centred at (cx, cy); negative inside. */
function roundedRect(x: number, y: number, cx: number, cy: number, hw: number, hh: number, r: number): number {
  const qx = Math.abs(x - cx) - hw + r
  const qy = Math.abs(y - cy) - hh + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}

/** Distance to a line segment of the given half-width (a capsule); negative inside. */
function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number, halfWidth: number): number {
  const px = x - ax
  const py = y - ay
  const dx = bx - ax
  const dy = by - ay
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - dx * h, py - dy * h) - halfWidth
}

interface IconOptions {
  /** Corner radius of the background, as a fraction of the size; 0 for a full square. */
  cornerRadius: number
  /** Scale of the artwork around the centre: below 1 keeps it inside a maskable icon's safe zone. */
  artScale: number
}

/** The colour at (x, y) in [0, 1]², or null for transparent. */
function shade(x: number, y: number, { cornerRadius, artScale }: IconOptions): Rgba | null {
  if (cornerRadius > 0 && roundedRect(x, y, 0.5, 0.5, 0.5, 0.5, cornerRadius) > 0) return null
  // Artwork coordinates: scaled around the centre.
  const u = (x - 0.5) / artScale + 0.5
  const v = (y - 0.5) / artScale + 0.5
  const page = roundedRect(u, v, 0.5, 0.5, 0.25, 0.3, 0.05)
  if (page <= 0) {
    const lines = Math.min(
      segment(u, v, 0.35, 0.33, 0.65, 0.33, 0.03),
      segment(u, v, 0.35, 0.45, 0.65, 0.45, 0.03),
    )
    const check = Math.min(segment(u, v, 0.37, 0.62, 0.45, 0.7, 0.04), segment(u, v, 0.45, 0.7, 0.63, 0.55, 0.04))
    return Math.min(lines, check) <= 0 ? BRAND : WHITE
  }
  return BRAND
}

function drawIcon(size: number, options: IconOptions): Uint8Array {
  const samples = 4
  const out = new Uint8Array(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, options)
          if (!colour) continue
          // Premultiplied accumulation, so edges against transparency do not darken.
          r += colour[0]
          g += colour[1]
          b += colour[2]
          a += 255
        }
      }
      const n = samples * samples
      const i = (py * size + px) * 4
      const coverage = a / 255
      out[i] = coverage ? Math.round(r / coverage) : 0
      out[i + 1] = coverage ? Math.round(g / coverage) : 0
      out[i + 2] = coverage ? Math.round(b / coverage) : 0
      out[i + 3] = Math.round(a / n)
    }
  }
  return out
}

const ICONS: readonly { file: string; size: number; options: IconOptions }[] = [
  { file: 'pwa-192.png', size: 192, options: { cornerRadius: 0.22, artScale: 1 } },
  { file: 'pwa-512.png', size: 512, options: { cornerRadius: 0.22, artScale: 1 } },
  // Maskable: full bleed, artwork (corners at r≈0.35) within the central 80% circle the platforms may crop to.
  { file: 'pwa-maskable-512.png', size: 512, options: { cornerRadius: 0, artScale: 0.9 } },
  // iOS fills transparency with black and rounds the corners itself: a full square.
  { file: 'apple-touch-icon.png', size: 180, options: { cornerRadius: 0, artScale: 0.9 } },
]

for (const { file, size, options } of ICONS) {
  writeFileSync(`${PUBLIC_DIR}${file}`, encodePng(size, drawIcon(size, options)))
  console.log(`wrote public/${file} (${size}×${size})`)
}

// The favicon is the same design as a vector, so it stays sharp in a tab at any density.
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="22" fill="#1f6f5c"/>
  <rect x="25" y="20" width="50" height="60" rx="5" fill="#fff"/>
  <g stroke="#1f6f5c" stroke-linecap="round" fill="none">
    <path d="M35 33H65M35 45H65" stroke-width="6"/>
    <path d="M37 62L45 70L63 55" stroke-width="8" stroke-linejoin="round"/>
  </g>
</svg>
`
writeFileSync(`${PUBLIC_DIR}favicon.svg`, FAVICON)
console.log('wrote public/favicon.svg')
