// Loads the demo school (src/demo/demoPlan.ts) into the database: the school through setUpSchool, the
// rest (a few thousand rows) through bulkCreate, both inside one outer transaction, so a failure leaves
// no half school behind, and every record carries its clocks and outbox entry like any the user makes.
import { bulkCreate } from '../db/bulk'
import type { AppDB } from '../db/database'
import { naturalId, uuidv7 } from '@hl/core/ids'
import { SYNCED_TABLES } from '@hl/core/records'
import { listClasses } from '../db/repos/classes'
import { setUpSchool } from '../db/repos/schoolSetup'
import type { IsoDate } from '@hl/core/domain/types'
import { planDemoSchool, type DemoSchoolPlan } from './demoPlan'

export { planDemoSchool }

export interface LoadedDemo {
  schoolId: string
  /** The device's user in the demo (王老师). */
  teacherId: string
  plan: DemoSchoolPlan
}

/** Writes the demo school as of `today`. Throws SchoolExistsError when a school is already set up. */
export async function loadDemoSchool(db: AppDB, today: IsoDate): Promise<LoadedDemo> {
  const plan = planDemoSchool(today)
  const tables = [...SYNCED_TABLES.map((t) => db.table(t)), db.outbox, db.meta]
  return db.transaction('rw', tables, async () => {
    const { schoolId, teacherId } = await setUpSchool(db, plan.setup)
    const classIds = new Map((await listClasses(db)).map((c) => [naturalId(c.grade, c.name), c.id]))
    const classId = (grade: number, className: string): string => {
      const id = classIds.get(naturalId(grade, className))
      if (!id) throw new Error(`The demo has no class ${className}`)
      return id
    }

    // In dependency order (a teacher before their classes, a student before their layers, an assignment
    // before its items), so the outbox is in that order too.
    await bulkCreate(db, ['teachers', 'teachings', 'roles', 'students', 'studentTiers', 'assignments', 'items'], (create) => {
      const teacherIds = new Map<string, string>([['me', teacherId]])
      for (const t of plan.teachers) {
        const id = uuidv7()
        teacherIds.set(t.key, id)
        create('teachers', id, { name: t.name })
        for (const x of t.teaching) {
          const cid = classId(x.grade, x.className)
          create('teachings', naturalId(id, cid, x.subject), { teacherId: id, classId: cid, subject: x.subject })
        }
        if (t.homeroomOf) {
          const cid = classId(t.homeroomOf.grade, t.homeroomOf.className)
          create('roles', naturalId(id, 'homeroomTeacher', cid), { teacherId: id, role: 'homeroomTeacher', classId: cid, grade: t.homeroomOf.grade })
        }
      }

      for (const c of plan.classes) {
        const cid = classId(c.grade, c.className)
        for (const [position, s] of c.students.entries()) {
          const studentId = uuidv7()
          create('students', studentId, { classId: cid, number: s.number, name: s.name, position })
          for (const [subject, tier] of Object.entries(s.tiers)) create('studentTiers', naturalId(studentId, subject), { studentId, classId: cid, subject, tier })
        }
      }

      const batchIds = new Map<string, string>()
      for (const a of plan.assignments) {
        let batchId = batchIds.get(a.batch)
        if (!batchId) batchIds.set(a.batch, (batchId = uuidv7()))
        const teacher = teacherIds.get(a.teacherKey)
        if (!teacher) throw new Error(`The demo has no teacher ${a.teacherKey}`)
        const id = uuidv7()
        create('assignments', id, { classId: classId(a.grade, a.className), subject: a.subject, date: a.date, due: a.due, status: 'published', teacherId: teacher, batchId })
        for (const [position, item] of a.items.entries()) create('items', uuidv7(), { assignmentId: id, position, ...item, tiers: { ...item.tiers } })
      }
    })
    return { schoolId, teacherId, plan }
  })
}
