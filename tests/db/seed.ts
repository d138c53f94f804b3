import 'fake-indexeddb/auto'
// A small school in a fresh database for the backup, import and week tests: one grade-4 class taught
// by "me", a second class, students with layers, homework (one of it deleted: tombstones) and a holiday.
import type { AppDB } from '@/db/database'
import { createAssignments, removeAssignments } from '@/db/repos/assignmentEdits'
import { setUpSchool } from '@/db/repos/schoolSetup'
import { addStudents, setTiers } from '@/db/repos/studentEdits'
import type { ItemDraft } from '@hl/core/domain/assignmentDraft'

export const item = (title: string, minutes: number, extra: Partial<ItemDraft> = {}): ItemDraft => ({
  title,
  kind: 'written',
  where: 'home',
  tiers: { core: true, extend: true, challenge: true },
  minutes,
  trialMinutes: null,
  ...extra,
})

export async function seedSchool(db: AppDB, name = '实验小学') {
  const { schoolId, teacherId } = await setUpSchool(db, {
    name,
    regionId: 'national',
    term: { name: '2026 秋季学期', startDate: '2026-08-31', endDate: '2027-01-22' },
    calendar: [{ date: '2026-10-01', type: 'rest', note: '国庆节' }],
    grades: [{ grade: 4, classNames: ['4(1)', '4(2)'], subjects: ['语文', '数学', '英语'] }],
    me: { name: '王老师', teaching: [{ grade: 4, className: '4(2)', subject: '数学' }], homeroomOf: null, gradeLeaderOf: null },
  })
  const classes = await db.classes.toArray()
  const c42 = classes.find((c) => c.name === '4(2)')!
  const c41 = classes.find((c) => c.name === '4(1)')!
  const students = await addStudents(db, c42.id, [
    { number: '01', name: '李明' },
    { number: '02', name: '张华' },
    { number: '03', name: '赵雪' },
    { number: '04', name: '陈晨' },
  ])
  await setTiers(db, c42.id, '数学', [{ studentId: students[0]!.id, tier: 'extend' }])
  const [maths] = await createAssignments(db, {
    classIds: [c42.id],
    teacherId,
    status: 'published',
    draft: { subject: '数学', date: '2026-11-23', due: '', items: [item('练习册 p23', 30), item('口算 20 题', 10, { kind: 'oral' })] },
  })
  await createAssignments(db, {
    classIds: [c42.id],
    teacherId,
    status: 'draft',
    draft: { subject: '语文', date: '2026-11-23', due: '', items: [item('抄写第 5 课生字', 40)] },
  })
  const [gone] = await createAssignments(db, { classIds: [c41.id], teacherId, status: 'draft', draft: { subject: '英语', date: '2026-11-24', due: '', items: [item('抄单词', 10)] } })
  await removeAssignments(db, [gone!.id])
  return { schoolId, teacherId, c41, c42, students, maths: maths! }
}

/** Everything the database holds, for "nothing changed" assertions. */
export async function snapshot(db: AppDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) out[table.name] = await table.toArray()
  return out
}
