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
} as const
