// How many students of a class are in each layer of one subject (a student without a layer row is core).
// Counts only, for the teacher: no ranking, and layer names never reach students or parents.
import { TIERS, type Tier, type TierMinutes } from './types'

export function tierCounts(studentIds: readonly string[], tierOf: (studentId: string) => Tier | undefined): TierMinutes {
  const counts: TierMinutes = { core: 0, extend: 0, challenge: 0 }
  for (const id of studentIds) counts[tierOf(id) ?? 'core']++
  return counts
}

/** A lookup of layers by `${studentId}|${subject}` from stored layer rows. */
export function tierLookup(rows: readonly { studentId: string; subject: string; tier: Tier }[]): (studentId: string, subject: string) => Tier {
  const map = new Map(rows.map((r) => [`${r.studentId}|${r.subject}`, r.tier]))
  return (studentId, subject) => map.get(`${studentId}|${subject}`) ?? 'core'
}

export { TIERS }
