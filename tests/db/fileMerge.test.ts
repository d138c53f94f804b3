// Gathering a grade without a server: three teachers' exported files merged on the leader's device by
// record id with sync's field merge. Nothing replaced, nothing silently lost (a field changed on two
// devices keeps the later value and lists the other as a conflict), and a file imported twice changes
// nothing.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { exportBackup, importBackup, readBackupForThisApp } from '@/db/backup'
import type { AppDB } from '@/db/database'
import { mergeBackupFile, OtherSchoolError } from '@/db/fileMerge'
import { listClassAssignments } from '@/db/repos/assignments'
import { createAssignments } from '@/db/repos/assignmentEdits'
import { saveMe, useDeviceAs } from '@/db/repos/teachingEdits'
import { updateStudent } from '@/db/repos/studentEdits'
import { restoreConflictValue, listConflicts } from '@/db/sync'
import { writeBackup, type BackupFile } from '@hl/core/formats/backup'
import { freshDb } from './helpers'
import { item, seedSchool, snapshot } from './seed'

const dbs: AppDB[] = []
const open = () => {
  const db = freshDb()
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

/** A file as a teacher hands it over: written, then read back with the app's own checks. */
async function fileOf(db: AppDB): Promise<BackupFile> {
  const read = readBackupForThisApp(writeBackup(await exportBackup(db)))
  if (!read.ok) throw new Error(JSON.stringify(read.problems))
  return read.backup
}

/** A teacher's device: the school's file restored, then "me" made a new teacher who teaches `subject` in 4(2). */
async function teacherDevice(schoolFile: BackupFile, name: string, classId: string, subject: string): Promise<AppDB> {
  const db = open()
  await importBackup(db, schoolFile)
  await useDeviceAs(db, null)
  await saveMe(db, { name, teaching: [{ classId, subject }], homeroomClassId: null, gradeLeaderOf: null })
  return db
}

describe('merging teachers’ files on the leader’s device', () => {
  it('brings three teachers’ homework in, lists the one conflicting edit, loses nothing, and a second import changes nothing', async () => {
    const leader = open()
    const { c42, students } = await seedSchool(leader)
    const schoolFile = await fileOf(leader)

    const chinese = await teacherDevice(schoolFile, '李老师', c42.id, '语文')
    const english = await teacherDevice(schoolFile, '陈老师', c42.id, '英语')
    const science = await teacherDevice(schoolFile, '周老师', c42.id, '科学')
    const tid = async (db: AppDB) => String((await db.meta.get('me'))!.value)
    await createAssignments(chinese, { classIds: [c42.id], teacherId: await tid(chinese), status: 'published', draft: { subject: '语文', date: '2026-11-24', due: '', items: [item('课时练 p52', 20)] } })
    await createAssignments(english, { classIds: [c42.id], teacherId: await tid(english), status: 'published', draft: { subject: '英语', date: '2026-11-24', due: '', items: [item('Unit 5 抄写', 15)] } })
    await createAssignments(science, { classIds: [c42.id], teacherId: await tid(science), status: 'published', draft: { subject: '科学', date: '2026-11-24', due: '', items: [item('观察记录', 10)] } })
    // The same student's name corrected on two devices (the leader first, then the science teacher), and
    // her number only on the leader's: the number survives, the name keeps the later value.
    await updateStudent(leader, students[0]!.id, { name: '李明明', number: '001' })
    await new Promise((r) => setTimeout(r, 5))
    await updateStudent(science, students[0]!.id, { name: '李铭' })

    const files = [await fileOf(chinese), await fileOf(english), await fileOf(science)]
    const summaries = []
    for (const f of files) summaries.push(await mergeBackupFile(leader, f))

    // Every teacher's homework is on the leader's device, with the seeded maths.
    const week = await listClassAssignments(leader, c42.id, '2026-11-23', '2026-11-29')
    expect(week.map((a) => a.assignment.subject).sort()).toEqual(['数学', '科学', '英语', '语文', '语文'].sort())
    expect(summaries.map((s) => s.added)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)])
    expect(summaries.every((s) => s.added >= 3)).toBe(true) // the teacher, the teaching, the assignment and its item
    // The conflict is listed once: the later name kept, the leader's shown to restore.
    const conflicts = await listConflicts(leader)
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({ table: 'students', field: 'name', kept: '李铭', lost: '李明明' })
    const student = await leader.students.get(students[0]!.id)
    expect([student?.name, student?.number]).toEqual(['李铭', '001'])

    // The same files again: nothing changes, not even a second notice.
    const before = await snapshot(leader)
    for (const f of files) {
      const again = await mergeBackupFile(leader, f)
      expect([again.added, again.changed, again.conflicts.length]).toEqual([0, 0, 0])
    }
    const after = await snapshot(leader)
    expect({ ...after, meta: [] }).toEqual({ ...before, meta: [] })

    // Nothing lost: the leader's value comes back as her own change.
    expect(await restoreConflictValue(leader, conflicts[0]!)).toBe(true)
    expect((await leader.students.get(students[0]!.id))?.name).toBe('李明明')
  })

  it('refuses another school’s file and changes nothing', async () => {
    const leader = open()
    await seedSchool(leader)
    const other = open()
    await seedSchool(other, '第二小学')
    const before = await snapshot(leader)
    await expect(mergeBackupFile(leader, await fileOf(other))).rejects.toBeInstanceOf(OtherSchoolError)
    expect(await snapshot(leader)).toEqual(before)
  })

  it('a teacher’s later change of her own homework replaces the earlier copy without a conflict', async () => {
    const leader = open()
    const { c42 } = await seedSchool(leader)
    const chinese = await teacherDevice(await fileOf(leader), '李老师', c42.id, '语文')
    const [a] = await createAssignments(chinese, { classIds: [c42.id], teacherId: String((await chinese.meta.get('me'))!.value), status: 'published', draft: { subject: '语文', date: '2026-11-24', due: '', items: [item('课时练 p52', 20)] } })
    await mergeBackupFile(leader, await fileOf(chinese))
    const stored = (await chinese.items.where('assignmentId').equals(a!.id).toArray())[0]!
    await chinese.items.put({ ...stored, minutes: 25, fieldClock: { ...stored.fieldClock, minutes: stored.fieldClock.minutes!.replace(/^\d+/, (w) => String(Number(w) + 1000).padStart(w.length, '0')) } })
    const second = await mergeBackupFile(leader, await fileOf(chinese))
    expect(second.changed).toBe(1)
    expect(second.conflicts).toEqual([])
    expect((await leader.items.get(stored.id))?.minutes).toBe(25)
  })
})
