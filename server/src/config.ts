// The server's settings, from the environment (README and docs/deploy.md list them).
import { resolve } from 'node:path'

export interface ServerConfig {
  host: string
  /** 0 picks a free port (tests). */
  port: number
  /** PGlite's folder; also holds nothing else of the school's. */
  dataDir: string
  /** postgres://… to use a real PostgreSQL instead of PGlite. */
  databaseUrl?: string
  /** The built app to serve (dist/); absent to serve the API alone. */
  distDir?: string
  /** The address the app is reached at, for invite links (defaults to http://HOST:PORT). */
  publicUrl?: string
  /** scrypt cost (N, a power of two); lower only in tests. */
  scryptN: number
  /** Minutes an access token lives. */
  accessTokenMinutes: number
  /** Connections in the PostgreSQL pool of this process. */
  poolSize: number
  /** Sign-in attempts one network address may make in 10 minutes (setup, login, invites). */
  signInsPerAddress: number
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 4173 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`)
  const scryptN = env.HL_SCRYPT_N ? Number(env.HL_SCRYPT_N) : 2 ** 15
  if (!Number.isInteger(Math.log2(scryptN)) || scryptN < 2 ** 10) throw new Error('HL_SCRYPT_N must be a power of two, at least 1024')
  return {
    host: env.HOST || '127.0.0.1',
    port,
    dataDir: resolve(root, env.HL_DATA_DIR || 'data'),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    distDir: resolve(root, env.HL_DIST_DIR || 'dist'),
    ...(env.HL_PUBLIC_URL ? { publicUrl: env.HL_PUBLIC_URL.replace(/\/+$/, '') } : {}),
    scryptN,
    accessTokenMinutes: 15,
    poolSize: env.HL_POOL_SIZE ? Math.max(1, Number(env.HL_POOL_SIZE)) : 10,
    signInsPerAddress: env.HL_SIGNINS_PER_ADDRESS ? Math.max(1, Number(env.HL_SIGNINS_PER_ADDRESS)) : 30,
  }
}
