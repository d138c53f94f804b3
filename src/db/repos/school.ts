// The school on this device, as every screen reads it. It is set up once (新建学校 or the demo school) in
// schoolSetup.ts and edited later (设置, 规则) in schoolSettings.ts, so the router's hasSchool, and every
// read-only first screen, load none of the writing.
import type { RulesWithBudgets } from '@hl/core/domain/budgets'
import { schoolRulesOf } from '@hl/core/toEngine'
import { META } from '../constants'
import type { AppDB } from '../database'
import { liveRow, liveRows, readTogether } from '../read'
import type { CalendarDayRow, GradeBudgetRow, SchoolRow, TeacherRow, TermRow } from '@hl/core/records'

export interface SchoolContext {
  school: SchoolRow
  term: TermRow | undefined
  /** The teacher using this device. */
  me: TeacherRow | undefined
}

/** Whether a school is set up on this device: the router asks on every navigation, so it reads two rows. */
export async function hasSchool(db: AppDB): Promise<boolean> {
  const schoolId = (await db.meta.get(META.schoolId))?.value
  return typeof schoolId === 'string' && (await liveRow(db.schools, schoolId)) !== undefined
}

/** The school set up on this device, or null on first run. */
export function getSchoolContext(db: AppDB): Promise<SchoolContext | null> {
  return readTogether(db, async () => {
    const [schoolId, meId, terms] = await Promise.all([db.meta.get(META.schoolId), db.meta.get(META.me), liveRows(db.terms)])
    if (typeof schoolId?.value !== 'string') return null
    const [school, me] = await Promise.all([liveRow(db.schools, schoolId.value), typeof meId?.value === 'string' ? liveRow(db.teachers, meId.value) : undefined])
    if (!school) return null
    return { school, term: terms.sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0], me }
  })
}

/**
 * The grades' subject budgets (统筹), read with the school by every screen that checks a limit. Read here
 * rather than beside their edits (budgets.ts): those need the table registry's natural ids, whose
 * schemas (valibot) no read-only first screen should load.
 */
export function listGradeBudgets(db: AppDB): Promise<GradeBudgetRow[]> {
  return liveRows(db.gradeBudgets)
}

/** The rules in force: national, then the region's layers, then the school's own (and the grades' 统筹 budgets, when given). */
export function schoolRules(school: Pick<SchoolRow, 'id' | 'name' | 'regionId' | 'rules'> | undefined, budgets: readonly GradeBudgetRow[] = []): RulesWithBudgets {
  return schoolRulesOf(school, budgets)
}

export async function listCalendarDays(db: AppDB): Promise<CalendarDayRow[]> {
  return (await liveRows(db.calendarDays)).sort((a, b) => (a.date < b.date ? -1 : 1))
}
