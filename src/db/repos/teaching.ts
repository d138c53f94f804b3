// Who teaches what: the signed-in teacher's subjects per class, for the designer's defaults.
import type { AppDB } from '../database'
import { liveRows } from '../read'
import type { TeachingRow } from '@hl/core/records'

/** The teacher's (class, subject) pairs. */
export function listMyTeachings(db: AppDB, teacherId: string): Promise<TeachingRow[]> {
  return liveRows(db.teachings.where('teacherId').equals(teacherId))
}
