// The school on this device: set up once (新建学校 or the demo school), then read by every screen. Its
// later edits (设置, 规则) are in schoolSettings.ts, so the router's hasSchool stays a small first load.
import type { DayType } from '@hl/core/domain/calendar'
import type { RulesWithBudgets } from '@hl/core/domain/budgets'
import { schoolRulesOf } from '@hl/core/toEngine'
import { META } from '../constants'
import type { AppDB } from '../database'
import { naturalId, uuidv7 } from '@hl/core/ids'
import { liveRow, liveRows } from '../read'
import type { CalendarDayRow, GradeBudgetRow, Role, SchoolRow, TeacherRow, TermRow } from '@hl/core/records'
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

export interface SchoolContext {
  school: SchoolRow
  term: TermRow | undefined
  /** The teacher using this device. */
  me: TeacherRow | undefined
}

export class SchoolExistsError extends Error {
  constructor() {
    super('A school is already set up on this device')
    this.name = 'SchoolExistsError'
  }
}

/** Whether a school is set up on this device: the router asks on every navigation, so it reads two rows. */
export async function hasSchool(db: AppDB): Promise<boolean> {
  const schoolId = (await db.meta.get(META.schoolId))?.value
  return typeof schoolId === 'string' && (await liveRow(db.schools, schoolId)) !== undefined
}

/** The school set up on this device, or null on first run. */
export async function getSchoolContext(db: AppDB): Promise<SchoolContext | null> {
  const schoolId = (await db.meta.get(META.schoolId))?.value
  if (typeof schoolId !== 'string') return null
  const school = await liveRow(db.schools, schoolId)
  if (!school) return null
  const terms = await liveRows(db.terms)
  const meId = (await db.meta.get(META.me))?.value
  const me = typeof meId === 'string' ? await liveRow(db.teachers, meId) : undefined
  return { school, term: terms.sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0], me }
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

/** The rules in force: national, then the region's layers, then the school's own (and the grades' 统筹 budgets, when given). */
/**
 * The grades' subject budgets (统筹), read with the school by every screen that checks a limit. Read here
 * rather than beside their edits (budgets.ts): those need the table registry's natural ids, whose
 * schemas (valibot) no read-only first screen should load.
 */
export function listGradeBudgets(db: AppDB): Promise<GradeBudgetRow[]> {
  return liveRows(db.gradeBudgets)
}

export function schoolRules(school: Pick<SchoolRow, 'id' | 'name' | 'regionId' | 'rules'> | undefined, budgets: readonly GradeBudgetRow[] = []): RulesWithBudgets {
  return schoolRulesOf(school, budgets)
}

export async function listCalendarDays(db: AppDB): Promise<CalendarDayRow[]> {
  return (await liveRows(db.calendarDays)).sort((a, b) => (a.date < b.date ? -1 : 1))
}

export async function setCalendarDay(db: AppDB, date: string, type: DayType | null, note = ''): Promise<void> {
  await write(db, ['calendarDays'], async (w) => {
    if (type === null) await w.remove('calendarDays', naturalId(date))
    else await w.upsert('calendarDays', naturalId(date), { date, type, note })
  })
}
