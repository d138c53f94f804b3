// Who this device's teacher is, and what they teach (设置 → 我): saved with the setup form's checks, and
// the device used as another teacher of the school. They are read through teaching.ts.
import { TEXT_LIMITS, type SetupProblem } from '@hl/core/domain/setupForm'
import type { AppDB } from '../database'
import { META } from '../constants'
import { naturalId, uuidv7 } from '@hl/core/ids'
import { liveRow, liveRows } from '../read'
import type { Role } from '@hl/core/records'
import { InvalidSettingsError } from './schoolSettings'
import { write } from '../write'

export interface MeEdit {
  name: string
  teaching: readonly { classId: string; subject: string }[]
  /** The class I am 班主任 of, or null. */
  homeroomClassId: string | null
  /** The grade I am 年级组长 of, or null. */
  gradeLeaderOf: number | null
}

/**
 * Sets who I am, in one transaction: teachings and roles no longer chosen are removed (tombstones), new
 * ones added, my name changed. On a device with no teacher yet, creates one and makes it "me". The form
 * has run checkMe; here the name and the classes are checked again, so a bad call changes nothing.
 */
export async function saveMe(db: AppDB, edit: MeEdit): Promise<string> {
  const name = edit.name.trim()
  if (!name) throw new InvalidSettingsError([{ code: 'myNameMissing', field: 'me.name' } satisfies SetupProblem])
  if (name.length > TEXT_LIMITS.name) throw new InvalidSettingsError([{ code: 'textTooLong', field: 'me.name' }])
  return write(db, ['teachers', 'teachings', 'roles', 'classes'], async (w) => {
    const classIds = new Set([...edit.teaching.map((t) => t.classId), ...(edit.homeroomClassId ? [edit.homeroomClassId] : [])])
    const homeroom = edit.homeroomClassId ? await liveRow(db.classes, edit.homeroomClassId) : undefined
    for (const classId of classIds) if (!(await liveRow(db.classes, classId))) throw new InvalidSettingsError([{ code: 'noTeaching', field: 'me.classes' }])

    const meId = (await db.meta.get(META.me))?.value
    let teacherId = typeof meId === 'string' && (await liveRow(db.teachers, meId)) ? meId : undefined
    if (teacherId) await w.update('teachers', teacherId, { name })
    else {
      teacherId = uuidv7()
      await w.create('teachers', teacherId, { name })
      await db.meta.put({ key: META.me, value: teacherId })
    }
    const tid = teacherId

    const wanted = new Map(edit.teaching.map((t) => [naturalId(tid, t.classId, t.subject), t] as const))
    for (const row of await liveRows(db.teachings.where('teacherId').equals(tid))) if (!wanted.has(row.id)) await w.remove('teachings', row.id)
    for (const [id, t] of wanted) await w.upsert('teachings', id, { teacherId: tid, classId: t.classId, subject: t.subject })

    const roles = new Map<string, { role: Role; classId: string; grade: number }>()
    if (homeroom) roles.set(naturalId(tid, 'homeroomTeacher', homeroom.id), { role: 'homeroomTeacher', classId: homeroom.id, grade: homeroom.grade })
    if (edit.gradeLeaderOf !== null) roles.set(naturalId(tid, 'gradeLeader', edit.gradeLeaderOf), { role: 'gradeLeader', classId: '', grade: edit.gradeLeaderOf })
    for (const row of await liveRows(db.roles.where('teacherId').equals(tid))) if (!roles.has(row.id)) await w.remove('roles', row.id)
    for (const [id, r] of roles) await w.upsert('roles', id, { teacherId: tid, ...r })
    return tid
  })
}

/**
 * Who uses this device, without a school server (a device restored from the school's file by another
 * teacher): an existing teacher of the school, or, with null, nobody yet (the next saveMe makes a new
 * teacher "me"). Device-local: no synced record changes. With a server, "me" is the account's.
 */
export async function useDeviceAs(db: AppDB, teacherId: string | null): Promise<void> {
  await db.transaction('rw', [db.meta, db.teachers], async () => {
    if (teacherId === null) return db.meta.delete(META.me)
    if (!(await liveRow(db.teachers, teacherId))) throw new InvalidSettingsError([{ code: 'noTeaching', field: 'me' }])
    await db.meta.put({ key: META.me, value: teacherId })
  })
}
