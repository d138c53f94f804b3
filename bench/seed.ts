// Benchmark only (built with `vite build --mode bench`, never shipped): fills the app's IndexedDB with
// the large generated school, so the benchmark can time the real screens on a whole term's data.
// Rows are written in bulk with their sync metadata, as a long-used device would hold them; going
// through write() for 360,000 records would time the seeding, not the screens. With `homework: false`
// the school has its classes, subjects, students and teacher but no homework: the plan import's bench
// then imports the whole term into it.
import { AppDB } from '../src/db/database'
import { META } from '../src/db/constants'
import { naturalId } from '@hl/core/ids'
import type { AssignmentRow, ItemRow, SyncMeta } from '@hl/core/records'
import { benchmarkSchoolOptions, generateSchool } from '../src/demo/generateSchool'
import { subjectsOfGrade } from '../src/demo/subjects'
import { TIERS } from '@hl/core/domain/types'

const STAMP = '001800000000000-000000-benchseed'
const meta = (id: string): SyncMeta => ({ id, updatedAt: STAMP, fieldClock: {}, version: 1 })

export interface SeedResult {
  classId: string
  teacherId: string
  /** A Monday in the middle of the term. */
  monday: string
  /** My (the benchmark teacher's) maths assignment of that class on or after the Monday: the grading sheet timed. */
  assignmentId: string
  items: number
  ms: number
}

export interface SeedOptions {
  /** Whether to write the term's homework (default) or leave the school without any. */
  homework?: boolean
}

async function seed(options: SeedOptions = {}): Promise<SeedResult> {
  const t0 = performance.now()
  const school = generateSchool(benchmarkSchoolOptions(1))
  const db = new AppDB()
  await db.open()
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear()
    await db.schools.add({ ...meta('school'), name: '基准测试学校', regionId: 'national', rules: {} })
    await db.terms.add({ ...meta('term'), name: '基准学期', startDate: school.termStart, endDate: school.termEnd })
    await db.calendarDays.bulkAdd(Object.entries(school.calendar.overrides).map(([date, type]) => ({ ...meta(naturalId(date)), date, type, note: '' })))
    const grades = [...new Set(school.classes.map((c) => c.grade))]
    await db.gradeSubjects.bulkAdd(grades.flatMap((grade) => subjectsOfGrade(grade).map((subject, position) => ({ ...meta(naturalId(grade, subject)), grade, subject, position }))))
    const classIds = new Map(school.classes.map((c, i) => [`${c.grade}|${c.className}`, `class-${i}`]))
    await db.classes.bulkAdd(school.classes.map((c, i) => ({ ...meta(`class-${i}`), grade: c.grade, name: c.className })))
    await db.teachers.add({ ...meta('me'), name: '基准老师' })
    const myClasses = school.classes.filter((c) => c.grade === 5)
    // The benchmark teacher also leads grade 5: the desk (统筹台) is timed on that grade.
    await db.roles.add({ ...meta(naturalId('me', 'gradeLeader', 5)), teacherId: 'me', role: 'gradeLeader', classId: '', grade: 5 })
    await db.teachings.bulkAdd(myClasses.map((c) => ({ ...meta(`me|${classIds.get(`${c.grade}|${c.className}`)}|数学`), teacherId: 'me', classId: classIds.get(`${c.grade}|${c.className}`)!, subject: '数学' })))
    let s = 0
    for (const roster of school.rosters) {
      const classId = classIds.get(`${roster.classRef.grade}|${roster.classRef.className}`)!
      const students = roster.students.map((st, position) => ({ ...meta(`student-${++s}`), classId, number: String(position + 1).padStart(2, '0'), name: st.name, position }))
      await db.students.bulkAdd(students)
      await db.studentTiers.bulkAdd(
        roster.students.flatMap((st, i) => Object.entries(st.tiers).map(([subject, tier]) => ({ ...meta(naturalId(students[i]!.id, subject)), studentId: students[i]!.id, classId, subject, tier }))),
      )
    }
    const assignments: AssignmentRow[] = []
    const items: ItemRow[] = []
    for (const a of school.assignments) {
      const classId = classIds.get(`${a.classRef.grade}|${a.classRef.className}`)!
      assignments.push({ ...meta(a.id), classId, subject: a.subject, date: a.date, due: a.due ?? '', status: 'published' as const, teacherId: a.subject === '数学' && a.classRef.grade === 5 ? 'me' : 'other', batchId: a.id })
      a.items.forEach((item, position) => {
        items.push({
          ...meta(`${a.id}-${position}`),
          assignmentId: a.id,
          position,
          title: item.title,
          kind: item.kind,
          where: item.where,
          tiers: Object.fromEntries(TIERS.map((t) => [t, item.tiers.includes(t)])) as Record<(typeof TIERS)[number], boolean>,
          minutes: item.minutes ?? null,
          trialMinutes: item.trialMinutes ?? null,
        })
      })
    }
    if (options.homework !== false) {
      await db.assignments.bulkAdd(assignments)
      await db.items.bulkAdd(items)
    }
    await db.meta.bulkPut([
      { key: META.schoolId, value: 'school' },
      { key: META.me, value: 'me' },
    ])
  })
  db.close()
  const firstGrade5 = school.classes.findIndex((c) => c.grade === 5)
  const cls = school.classes[firstGrade5]!
  const graded = school.assignments.find((a) => a.subject === '数学' && a.classRef.grade === cls.grade && a.classRef.className === cls.className && a.date >= '2026-11-02')
  const items = options.homework === false ? 0 : school.itemCount
  return { classId: `class-${firstGrade5}`, teacherId: 'me', monday: '2026-11-02', assignmentId: graded?.id ?? '', items, ms: performance.now() - t0 }
}

declare global {
  interface Window {
    seedBenchSchool?: (options?: SeedOptions) => Promise<SeedResult>
  }
}
window.seedBenchSchool = seed
