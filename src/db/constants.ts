// Names the database is known by, in one place (house-style habit 7).

export const DB_NAME = 'homework-ledger'

/** Keys of the device-local `meta` table. */
export const META = {
  deviceId: 'deviceId',
  clock: 'hlc',
  /** The teacher who uses this device. */
  me: 'me',
  /** The school set up on this device. */
  schoolId: 'schoolId',
  /** The sign-in to a school server (src/db/sync.ts): never in a backup. */
  syncSession: 'syncSession',
  /** Where the last pull ended (opaque, the server's). */
  syncCursor: 'syncCursor',
  /** The last sync's time and error, and changes the server refused. */
  syncState: 'syncState',
} as const
