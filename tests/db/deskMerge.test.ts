import 'fake-indexeddb/auto'
// The desk's records gathered without a server (teachers' and leaders' files merged, mergeBackupFile):
// 统筹 budgets merge figure by figure (two leaders' edits of different subjects, or of different days of
// one subject, all survive on both devices), and a 审核 decision is never overwritten by a teacher's
// stale edit: an old file changes nothing, and an edit the leader had not seen makes the homework
// submitted again (sync-design.md, "Approval state"), never approved unseen, with every decision kept.
import { afterEach, describe, expect, it } from 'vitest'
import { exportBackup, importBackup, readBackupForThisApp } from '@/db/backup'
import type { AppDB } from '@/db/database'
import { mergeBackupFile } from '@/db/fileMerge'
import { decide, listDecisions, setApprovalOn } from '@/db/repos/approvals'
import { getAssignment } from '@/db/repos/assignments'
import { createAssignments, updateAssignment } from '@/db/repos/assignmentEdits'
import { setGradeBudget } from '@/db/repos/budgets'
import { getSchoolContext, listGradeBudgets, schoolRules } from '@/db/repos/school'
import { saveMe, useDeviceAs } from '@/db/repos/teachingEdits'
import { listConflicts } from '@/db/sync'
import { approvalStatus } from '@hl/core/domain/approval'
import type { GradeBudget } from '@hl/core/domain/budgets'
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
const tick = () => new Promise((r) => setTimeout(r, 3))

async function fileOf(db: AppDB): Promise<BackupFile> {
  const read = readBackupForThisApp(writeBackup(await exportBackup(db)))
  if (!read.ok) throw new Error(JSON.stringify(read.problems))
  return read.backup
}
/** Another person's device: the school's file restored, then "me" a new teacher. */
async function deviceOf(schoolFile: BackupFile, name: string, edit: { teaching?: { classId: string; subject: string }[]; gradeLeaderOf?: number }): Promise<AppDB> {
  const db = open()
  await importBackup(db, schoolFile)
  await useDeviceAs(db, null)
  await saveMe(db, { name, teaching: edit.teaching ?? [], homeroomClassId: null, gradeLeaderOf: edit.gradeLeaderOf ?? null })
  return db
}
const me = async (db: AppDB) => String((await db.meta.get('me'))!.value)
const budget = (subject: string, over: Partial<GradeBudget>): GradeBudget => ({ subject, schoolDay: null, mon: null, tue: null, wed: null, thu: null, fri: null, restDay: null, ...over })
const figures = async (db: AppDB) =>
  (await listGradeBudgets(db)).map((b) => ({ subject: b.subject, schoolDay: b.schoolDay, mon: b.mon, fri: b.fri })).sort((a, b) => a.subject.localeCompare(b.subject))

describe('budgets merge figure by figure', () => {
  it('two leaders’ edits of different subjects and of different days of one subject all survive, on both devices, without a conflict', async () => {
    const school = open()
    await seedSchool(school)
    const rules = schoolRules((await getSchoolContext(school))!.school)
    await setGradeBudget(school, 4, budget('数学', { schoolDay: 20 }), rules)
    const schoolFile = await fileOf(school)
    const a = await deviceOf(schoolFile, '孙组长', { gradeLeaderOf: 4 })
    const b = await deviceOf(schoolFile, '钱主任', { gradeLeaderOf: 4 })

    // Offline on each device: A sets 语文 and 数学's Monday; B sets 英语 and 数学's Friday.
    await setGradeBudget(a, 4, budget('语文', { schoolDay: 20 }), rules)
    await setGradeBudget(a, 4, budget('数学', { schoolDay: 20, mon: 25 }), rules)
    await tick()
    await setGradeBudget(b, 4, budget('英语', { schoolDay: 15 }), rules)
    await setGradeBudget(b, 4, budget('数学', { schoolDay: 20, fri: 15 }), rules)

    const [fileA, fileB] = [await fileOf(a), await fileOf(b)]
    await mergeBackupFile(a, fileB)
    await mergeBackupFile(b, fileA)
    const want = [
      { subject: '数学', schoolDay: 20, mon: 25, fri: 15 },
      { subject: '英语', schoolDay: 15, mon: null, fri: null },
      { subject: '语文', schoolDay: 20, mon: null, fri: null },
    ].sort((x, y) => x.subject.localeCompare(y.subject))
    expect(await figures(a)).toEqual(want)
    expect(await figures(b)).toEqual(want)
    expect(await listConflicts(a)).toEqual([])
    expect(await listConflicts(b)).toEqual([])
  })

  it('the same figure set on two devices keeps the later one and lists the other', async () => {
    const school = open()
    await seedSchool(school)
    const rules = schoolRules((await getSchoolContext(school))!.school)
    const schoolFile = await fileOf(school)
    const a = await deviceOf(schoolFile, '孙组长', { gradeLeaderOf: 4 })
    const b = await deviceOf(schoolFile, '钱主任', { gradeLeaderOf: 4 })
    await setGradeBudget(a, 4, budget('数学', { schoolDay: 20 }), rules)
    await tick()
    await setGradeBudget(b, 4, budget('数学', { schoolDay: 25 }), rules)
    await mergeBackupFile(a, await fileOf(b))
    expect((await figures(a)).map((f) => f.schoolDay)).toEqual([25])
    expect(await listConflicts(a)).toMatchObject([{ table: 'gradeBudgets', field: 'schoolDay', kept: 25, lost: 20 }])
  })
})

describe('a leader’s decision against a teacher’s stale edit', () => {
  it('an old file changes nothing; an edit the leader had not seen resubmits; every decision is kept', async () => {
    const leader = open()
    const { schoolId, c42 } = await seedSchool(leader)
    await setApprovalOn(leader, schoolId, true)
    const teacher = await deviceOf(await fileOf(leader), '李老师', { teaching: [{ classId: c42.id, subject: '语文' }] })
    const [mine] = await createAssignments(teacher, { classIds: [c42.id], teacherId: await me(teacher), status: 'published', draft: { subject: '语文', date: '2026-11-24', due: '', items: [item('课时练 p52', 30)] } })
    const before = await fileOf(teacher)
    await mergeBackupFile(leader, before)
    const stateOn = async (db: AppDB) => {
      const a = (await getAssignment(db, mine!.id))!
      return approvalStatus({ status: a.assignment.status, approvalOn: (await getSchoolContext(db))!.school.approval === true, contentClock: a.approval!.contentClock, decisions: a.approval!.decisions })
    }
    expect((await stateOn(leader)).state).toBe('submitted')

    // The teacher shortens it on her device before the leader's decision reaches her…
    const held = (await getAssignment(teacher, mine!.id))!
    await updateAssignment(teacher, mine!.id, { subject: '语文', date: '2026-11-24', due: '', items: [item('课时练 p52', 25)] }, held.items.map((i) => i.id))
    const stale = await fileOf(teacher)
    await tick()
    // …while the leader returns the version she holds.
    await decide(leader, { assignmentId: mine!.id, decision: 'returned', reason: '时间过长', minutes: {}, teacherId: await me(leader) })
    expect((await stateOn(leader)).state).toBe('returned')

    // The file from before changes nothing: the return stands.
    const held2 = await snapshot(leader)
    const again = await mergeBackupFile(leader, before)
    expect([again.added, again.changed]).toEqual([0, 0])
    expect({ ...(await snapshot(leader)), meta: [] }).toEqual({ ...held2, meta: [] })
    expect((await stateOn(leader)).state).toBe('returned')

    // The edit the leader had not seen arrives: submitted again (never approved unseen), the return kept.
    await mergeBackupFile(leader, stale)
    const now = await stateOn(leader)
    expect([now.state, now.resubmitted, now.history.map((d) => [d.decision, d.reason])]).toEqual(['submitted', true, [['returned', '时间过长']]])

    // The teacher sees the decision by the leader's file, and her edit stays hers.
    await mergeBackupFile(teacher, await fileOf(leader))
    expect((await stateOn(teacher)).history.map((d) => d.decision)).toEqual(['returned'])
    expect((await getAssignment(teacher, mine!.id))!.items.map((i) => i.minutes)).toEqual([25])

    // Approved on what the leader now holds; the teacher's next file (no newer change) leaves it approved.
    await decide(leader, { assignmentId: mine!.id, decision: 'approved', reason: '', minutes: {}, teacherId: await me(leader) })
    await mergeBackupFile(leader, await fileOf(teacher))
    expect((await stateOn(leader)).state).toBe('approved')
    expect((await listDecisions(leader, mine!.id)).map((d) => d.decision)).toEqual(['returned', 'approved'])
  })
})
