// Reads for the classes screen that the other repositories do not offer.
import type { AppDB } from '../database'
import { liveRows } from '../read'

/** Number of (live) students in each class, by class id. */
export async function countStudentsByClass(db: AppDB): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const s of await liveRows(db.students)) counts.set(s.classId, (counts.get(s.classId) ?? 0) + 1)
  return counts
}
