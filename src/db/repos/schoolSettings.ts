// The school's later edits, from 设置 (name, region, term and calendar) and 规则 (the school's own
// layer of rules), with the same checks as setup (packages/core/src/domain/setupForm.ts) and the rules'
// checks (rules/check.ts). A refused edit throws and writes nothing.
import type { DayType } from '@hl/core/domain/calendar'
import { dayNumber } from '@hl/core/domain/dates'
import { checkLevelRules, type RuleProblem, type RulesOverrides } from '@hl/core/domain/rules/check'
import { resolveRules, NATIONAL_2021, type ResolvedRules } from '@hl/core/domain/rules/profile'
import { regionLayers } from '@hl/core/domain/rules/regions'
import { checkSchool, checkTerm, type SetupProblem } from '@hl/core/domain/setupForm'
import { naturalId, uuidv7 } from '@hl/core/ids'
import type { AppDB } from '../database'
import { liveRow } from '../read'
import { RecordNotFoundError, write } from '../write'

/** A settings form that did not pass the setup checks: nothing was written. */
export class InvalidSettingsError extends Error {
  constructor(readonly problems: readonly SetupProblem[]) {
    super(`The settings are not valid: ${problems.map((p) => `${p.field} ${p.code}`).join(', ')}`)
    this.name = 'InvalidSettingsError'
  }
}

/** Rules that did not pass checkLevelRules: nothing was written. */
export class InvalidRulesError extends Error {
  constructor(readonly problems: readonly RuleProblem[]) {
    super(`The rules are not valid: ${problems.map((p) => `${p.level}.${p.key} ${p.code}`).join(', ')}`)
    this.name = 'InvalidRulesError'
  }
}

/** The rules a school's own layer overrides: national, then its region's. What 规则 shows as the default. */
export function rulesBelowSchool(regionId: string): ResolvedRules {
  return resolveRules(NATIONAL_2021, regionLayers(regionId))
}

function assertRules(rules: RulesOverrides, regionId: string): void {
  const problems = checkLevelRules(rules, rulesBelowSchool(regionId))
  if (problems.length) throw new InvalidRulesError(problems)
}

/**
 * The school's name and region. A region with stricter caps than the school's own rules is refused
 * (InvalidRulesError): the school must first bring its rules within the region's.
 */
export async function updateSchool(db: AppDB, id: string, fields: { name: string; regionId: string }): Promise<void> {
  const problems = checkSchool({ schoolName: fields.name, regionId: fields.regionId })
  if (problems.length) throw new InvalidSettingsError(problems)
  await write(db, ['schools'], async (w) => {
    const school = await liveRow(db.schools, id)
    if (school) assertRules(school.rules, fields.regionId)
    await w.update('schools', id, { name: fields.name.trim(), regionId: fields.regionId })
  })
}

/** Replaces the school's own layer of rules (checked: a bad value changes nothing). */
export async function setSchoolRules(db: AppDB, id: string, rules: RulesOverrides): Promise<void> {
  await write(db, ['schools'], async (w) => {
    const school = await liveRow(db.schools, id)
    if (!school) throw new RecordNotFoundError('schools', id)
    assertRules(rules, school.regionId)
    await w.update('schools', id, { rules: structuredClone(rules) })
  })
}

export interface TermCalendarEdit {
  /** The term to change; absent: the school has none yet, one is created. */
  termId: string | undefined
  term: { name: string; startDate: string; endDate: string }
  calendar: readonly { date: string; type: DayType; note: string }[]
  /** Stored dates the form showed: those no longer among `calendar` are removed (tombstones). */
  shownDates: readonly string[]
}

/**
 * The term's name and dates and its calendar, in one transaction, checked as setup checks them. Stored
 * days the form did not show (another term's) stay as they are.
 */
export async function saveTermCalendar(db: AppDB, edit: TermCalendarEdit): Promise<void> {
  const problems = checkTerm({ term: edit.term, calendar: edit.calendar.map((d) => ({ ...d })) })
  if (problems.length) throw new InvalidSettingsError(problems)
  await write(db, ['terms', 'calendarDays'], async (w) => {
    const term = { name: edit.term.name.trim(), startDate: edit.term.startDate, endDate: edit.term.endDate }
    if (edit.termId) await w.update('terms', edit.termId, term)
    else await w.create('terms', uuidv7(), term)
    const kept = new Set(edit.calendar.map((d) => d.date))
    for (const date of edit.shownDates) if (!kept.has(date)) await w.remove('calendarDays', naturalId(date))
    for (const d of edit.calendar) await w.upsert('calendarDays', naturalId(d.date), { date: d.date, type: d.type, note: d.note.trim() })
  })
}

/** Adds days to the calendar where the school has set nothing (the official days it lacks); returns the dates added. */
export async function addCalendarDays(db: AppDB, days: readonly { date: string; type: DayType; note: string }[]): Promise<string[]> {
  return write(db, ['calendarDays'], async (w) => {
    const added: string[] = []
    for (const d of days) {
      if (Number.isNaN(dayNumber(d.date)) || (await liveRow(db.calendarDays, naturalId(d.date)))) continue
      await w.upsert('calendarDays', naturalId(d.date), { date: d.date, type: d.type, note: d.note })
      added.push(d.date)
    }
    return added
  })
}

/** Removes calendar days again (the undo of addCalendarDays). */
export async function removeCalendarDays(db: AppDB, dates: readonly string[]): Promise<void> {
  await write(db, ['calendarDays'], async (w) => {
    for (const date of dates) await w.remove('calendarDays', naturalId(date))
  })
}

