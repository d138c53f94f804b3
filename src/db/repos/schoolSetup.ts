// Setting up the school on this device (新建学校, or the demo school), and its calendar's days. It is read
// through school.ts; its later edits (设置, 规则) are in schoolSettings.ts.
import type { DayType } from '@hl/core/domain/calendar'
import { META } from '../constants'
import type { AppDB } from '../database'
import { naturalId, uuidv7 } from '@hl/core/ids'
import type { Role } from '@hl/core/records'
import { write } from '../write'

export interface SchoolSetup {
  name: string
  regionId: string
  term: { name: string; startDate: string; endDate: string }
  /** Holidays and make-up school days of the term. */
  calendar: readonly { date: string; type: DayType; note: string }[]
  grades: readonly { grade: number; classNames: readonly string[]; subjects: readonly string[] }[]
  me: {
    name: string
    teaching: readonly { grade: number; className: string; subject: string }[]
    homeroomOf: { grade: number; className: string } | null
    gradeLeaderOf: number | null
  }
}

export class SchoolExistsError extends Error {
  constructor() {
    super('A school is already set up on this device')
    this.name = 'SchoolExistsError'
  }
}

/** Creates the whole school in one transaction: a failure leaves nothing behind. */
export async function setUpSchool(db: AppDB, setup: SchoolSetup): Promise<{ schoolId: string; teacherId: string }> {
  return write(db, ['schools', 'terms', 'calendarDays', 'gradeSubjects', 'classes', 'teachers', 'teachings', 'roles'], async (w) => {
    if (typeof (await db.meta.get(META.schoolId))?.value === 'string') throw new SchoolExistsError()
    const schoolId = uuidv7()
    await w.create('schools', schoolId, { name: setup.name.trim(), regionId: setup.regionId, rules: {} })
    await w.create('terms', uuidv7(), { ...setup.term })
    for (const day of setup.calendar) await w.upsert('calendarDays', naturalId(day.date), { ...day })

    const classIds = new Map<string, string>()
    for (const g of setup.grades) {
      for (const [position, subject] of g.subjects.entries()) await w.upsert('gradeSubjects', naturalId(g.grade, subject), { grade: g.grade, subject, position })
      for (const name of g.classNames) {
        const id = uuidv7()
        classIds.set(naturalId(g.grade, name), id)
        await w.create('classes', id, { grade: g.grade, name })
      }
    }
    const classOf = (grade: number, className: string): string => {
      const id = classIds.get(naturalId(grade, className))
      if (!id) throw new Error(`No class ${className} in grade ${grade}`)
      return id
    }

    const teacherId = uuidv7()
    await w.create('teachers', teacherId, { name: setup.me.name.trim() })
    for (const t of setup.me.teaching) {
      const classId = classOf(t.grade, t.className)
      await w.upsert('teachings', naturalId(teacherId, classId, t.subject), { teacherId, classId, subject: t.subject })
    }
    const addRole = (role: Role, classId: string, grade: number) => w.upsert('roles', naturalId(teacherId, role, classId || grade), { teacherId, role, classId, grade })
    if (setup.me.homeroomOf) await addRole('homeroomTeacher', classOf(setup.me.homeroomOf.grade, setup.me.homeroomOf.className), setup.me.homeroomOf.grade)
    if (setup.me.gradeLeaderOf !== null) await addRole('gradeLeader', '', setup.me.gradeLeaderOf)

    await db.meta.put({ key: META.schoolId, value: schoolId })
    await db.meta.put({ key: META.me, value: teacherId })
    return { schoolId, teacherId }
  })
}

export async function setCalendarDay(db: AppDB, date: string, type: DayType | null, note = ''): Promise<void> {
  await write(db, ['calendarDays'], async (w) => {
    if (type === null) await w.remove('calendarDays', naturalId(date))
    else await w.upsert('calendarDays', naturalId(date), { date, type, note })
  })
}
