// Passwords, one-time codes and tokens. Passwords are hashed with scrypt (node:crypto) with a salt per
// password and the cost stored beside the hash; codes and refresh tokens are 128–256 random bits, so a
// SHA-256 of them is enough to store. Comparisons are constant-time. Nothing here is ever logged.
import { createHash, createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))))

const KEY_LENGTH = 32

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string, N: number): Promise<string> {
  const salt = randomBytes(16)
  const r = 8
  const p = 1
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r })
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const N = Number(n)
  const R = Number(r)
  const expected = Buffer.from(hash, 'base64url')
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, { N, r: R, p: Number(p), maxmem: 256 * N * R })
  return timingSafeEqual(key, expected)
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url')

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

// Codes people type (setup, invites): Crockford-like letters and digits without look-alikes (0/O, 1/I/L).
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** A code to read aloud or type: groups of four, e.g. 'K7QH-2MWX-9RTA-…' (~5 bits a character). */
export function newCode(groups = 4): string {
  const bytes = randomBytes(groups * 4)
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]!)
  return Array.from({ length: groups }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-')
}

/** A typed code as stored: upper case, without spaces or dashes. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[^0-9A-Z]/g, '')

export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url')

// ---- access tokens: short-lived, signed; the server still checks the device and account in its database ----

export interface AccessClaims {
  school: string
  device: string
  account: string
  /** Expiry, epoch ms. */
  exp: number
}

export function signAccess(claims: AccessClaims, key: string): string {
  const body = Buffer.from(JSON.stringify([claims.school, claims.device, claims.account, claims.exp])).toString('base64url')
  return `a1.${body}.${createHmac('sha256', key).update(body).digest('base64url')}`
}

export function verifyAccess(token: string, key: string, now: number): AccessClaims | null {
  const [version, body, mac] = token.split('.')
  if (version !== 'a1' || !body || !mac) return null
  if (!sameSecret(mac, createHmac('sha256', key).update(body).digest('base64url'))) return null
  try {
    const [school, device, account, exp] = JSON.parse(Buffer.from(body, 'base64url').toString()) as unknown[]
    if (typeof school !== 'string' || typeof device !== 'string' || typeof account !== 'string' || typeof exp !== 'number') return null
    return exp > now ? { school, device, account, exp } : null
  } catch {
    return null // not our JSON: not a token we gave
  }
}

/** A refresh token names its device (so the server finds its hash) and carries a secret. */
export const makeRefreshToken = (school: string, device: string, secret: string): string =>
  `r1.${Buffer.from(JSON.stringify([school, device])).toString('base64url')}.${secret}`

export function parseRefreshToken(token: string): { school: string; device: string; secret: string } | null {
  const [version, body, secret] = token.split('.')
  if (version !== 'r1' || !body || !secret) return null
  try {
    const [school, device] = JSON.parse(Buffer.from(body, 'base64url').toString()) as unknown[]
    return typeof school === 'string' && typeof device === 'string' ? { school, device, secret } : null
  } catch {
    return null // not our JSON: not a token we gave
  }
}
