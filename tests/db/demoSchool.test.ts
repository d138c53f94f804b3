import { describe, expect, it } from 'vitest'
import { loadDemoSchool } from '@/demo/demoSchool'
import { listClassAssignments } from '@/db/repos/assignments'
import { listClasses, listGradeSubjects } from '@/db/repos/classes'
import { getSchoolContext, listCalendarDays, schoolRules } from '@/db/repos/school'
import { SchoolExistsError } from '@/db/repos/schoolSetup'
import { listStudentTiers, listStudents } from '@/db/repos/students'
import { toAssignment, toCalendar, toRoster } from '@/db/toDomain'
import { hasError } from '@hl/core/domain/findings'
import { buildReport } from '@hl/core/domain/report'
import { freshDb } from './helpers'

describe('loading the demo school', () => {
  it('writes a school that reads back through the repositories, with some evenings over the cap', async () => {
    const db = freshDb()
    const today = '2026-11-30'
    const { plan, teacherId } = await loadDemoSchool(db, today)

    const context = await getSchoolContext(db)
    expect(context?.school.name).toBe('阳光实验学校（示例）')
    expect(context?.me?.id).toBe(teacherId)
    expect(context?.me?.name).toBe('王老师')
    expect(context?.term?.name).toBe('2026—2027学年第一学期')

    const classes = await listClasses(db)
    expect(classes.map((c) => c.name)).toEqual(['2(1)', '3(1)', '3(2)', '5(1)', '5(2)', '8(1)', '8(2)'])
    expect((await listGradeSubjects(db, 8)).map((s) => s.subject)).toContain('物理')

    const from = plan.assignments.map((a) => a.date).sort()[0]!
    const to = '2026-12-06'
    const assignments = []
    const rosters = []
    let students = 0
    let assignmentCount = 0
    for (const c of classes) {
      const list = await listStudents(db, c.id)
      const tiers = await listStudentTiers(db, c.id)
      students += list.length
      expect(list.length).toBe(plan.classes.find((p) => p.className === c.name)!.students.length)
      rosters.push(toRoster(c, list, tiers))
      const rows = await listClassAssignments(db, c.id, from, to)
      assignmentCount += rows.filter((a) => a.assignment.date >= from).length
      assignments.push(...rows.map((a) => toAssignment(a, c)))
    }
    expect(students).toBe(plan.classes.reduce((n, c) => n + c.students.length, 0))
    expect(assignmentCount).toBe(plan.assignments.length)

    const report = buildReport({ assignments, rosters, calendar: toCalendar(await listCalendarDays(db)), rules: schoolRules(context?.school) })
    expect(report.filter((e) => hasError(e.findings)).length).toBeGreaterThan(3)
    const tonight = report.find((e) => e.date === today && e.classRef.className === '5(1)')!
    expect(tonight.averageMinutes).toBeGreaterThan(60)

    // Every record went through the outbox, as a user's own changes do.
    expect(await db.outbox.count()).toBeGreaterThan(students + plan.assignments.length)
    const sample = await db.items.limit(1).first()
    expect(sample?.version).toBe(1)
    expect(Object.keys(sample?.fieldClock ?? {})).toContain('title')
  })

  it('refuses a second school and leaves the first as it was', async () => {
    const db = freshDb()
    await loadDemoSchool(db, '2026-11-30')
    const before = await db.students.count()
    await expect(loadDemoSchool(db, '2026-11-30')).rejects.toBeInstanceOf(SchoolExistsError)
    expect(await db.students.count()).toBe(before)
  })
})
