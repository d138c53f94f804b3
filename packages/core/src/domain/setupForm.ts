// The 新建学校 form as plain data: its steps, the checks of each step (each problem names its field; the
// words live in the i18n tables), class names, holiday rows that follow the term's dates, and the
// school setup it produces. The screen only shows and edits this. 设置 edits the same parts of a school
// later with the same checks (checkSchool, checkTerm, checkGrades, checkMe): one home for each check.
import type { DayType } from './calendar'
import { dayNumber } from './dates'
import type { HolidayId } from './holidays'
import type { CalendarDaySource, OfficialDay } from './officialCalendar'
import { TEXT_LIMITS } from '../schema/textLimits'
import { REGION_PRESETS } from './rules/regions'
import type { IsoDate } from './types'

/** The forms' text limits are the stored records' (schema/fields.ts): what a form accepts, storage keeps. */
export { TEXT_LIMITS }

export const SETUP_STEPS = ['school', 'term', 'classes', 'me'] as const
export type SetupStep = (typeof SETUP_STEPS)[number]

export interface CalendarRowForm {
  date: IsoDate
  type: DayType
  note: string
  /** Set when the row was filled in from the official calendar (it follows the term's dates). */
  holiday?: HolidayId
  /** With `holiday`: the State Council's arrangement, or the statutory days of an unpublished year. */
  source?: CalendarDaySource
}

export interface GradeForm {
  grade: number
  classNames: string[]
  subjects: string[]
}

export interface SetupForm {
  schoolName: string
  regionId: string
  term: { name: string; startDate: IsoDate; endDate: IsoDate }
  calendar: CalendarRowForm[]
  /** The grades the school has, in order. */
  grades: GradeForm[]
  me: {
    name: string
    /** Subjects I teach, in the classes I teach. */
    subjects: string[]
    /** Keys `${grade}|${className}`. */
    classes: string[]
    /** `${grade}|${className}`, or '' for none. */
    homeroomOf: string
    /** A grade, or null for none. */
    gradeLeaderOf: number | null
    /** A grade leader or an administrator may teach no class at all. */
    teachesNoClass?: boolean
    /** `${grade}|${className}|${subject}` of chosen classes × subjects I do not teach (a pair left out). */
    notTaught?: string[]
  }
}

export type SetupProblemCode =
  | 'schoolNameMissing'
  | 'termNameMissing'
  | 'dateInvalid'
  | 'endNotAfterStart'
  | 'calendarDateInvalid'
  | 'calendarDateDuplicate'
  | 'calendarDateOutsideTerm'
  | 'noClasses'
  | 'classNameMissing'
  | 'classNameDuplicate'
  | 'noSubjects'
  | 'myNameMissing'
  | 'noTeaching'
  | 'regionUnknown'
  | 'textTooLong'

export interface SetupProblem {
  code: SetupProblemCode
  /** e.g. 'schoolName', 'term.endDate', 'calendar.2.date', 'grades.5.classNames.1', 'me.classes'. */
  field: string
}

export function classKeyOf(grade: number, className: string): string {
  return `${grade}|${className}`
}

/** Class names of a grade as schools write them: '4(1)', '4(2)', …; names already edited are kept. */
export function classNamesFor(grade: number, count: number, current: readonly string[] = []): string[] {
  return Array.from({ length: Math.max(0, count) }, (_, k) => current[k] ?? `${grade}(${k + 1})`)
}

/**
 * The calendar rows after the term's dates change: the rows prefilled from the official calendar are
 * replaced by `days` (officialCalendar of the new range); rows the user added or changed stay, and a
 * date the user set is not prefilled again (the school's own days override the official ones).
 */
export function withHolidays(rows: readonly CalendarRowForm[], days: readonly OfficialDay[]): CalendarRowForm[] {
  const own = rows.filter((r) => r.holiday === undefined)
  const taken = new Set(own.map((r) => r.date))
  const holidays: CalendarRowForm[] = []
  for (const d of days) {
    if (taken.has(d.date)) continue
    taken.add(d.date)
    holidays.push({ date: d.date, type: d.type, note: d.note, holiday: d.holiday, source: d.source })
  }
  return [...own, ...holidays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** My choices that still name a class and grade of the school (after going back and changing classes). */
export function pruneMe(form: SetupForm): SetupForm['me'] {
  const keys = new Set(form.grades.flatMap((g) => g.classNames.map((n) => classKeyOf(g.grade, n))))
  const subjects = new Set(form.grades.flatMap((g) => (g.classNames.length ? g.subjects : [])))
  return {
    ...form.me,
    subjects: form.me.subjects.filter((s) => subjects.has(s)),
    classes: form.me.classes.filter((k) => keys.has(k)),
    homeroomOf: keys.has(form.me.homeroomOf) ? form.me.homeroomOf : '',
    gradeLeaderOf: form.grades.some((g) => g.grade === form.me.gradeLeaderOf && g.classNames.length) ? form.me.gradeLeaderOf : null,
  }
}

/** What the "me" checks need: the school's grades and my choices. */
export interface MeForm {
  grades: readonly GradeForm[]
  me: SetupForm['me']
}

export interface TeachingChoice {
  grade: number
  className: string
  subject: string
}

export function teachingKeyOf(t: TeachingChoice): string {
  return `${classKeyOf(t.grade, t.className)}|${t.subject}`
}

/** Every (class, subject) pair my chosen classes and subjects make: each chosen class in each chosen subject its grade has. */
export function teachingChoices(form: MeForm): TeachingChoice[] {
  if (form.me.teachesNoClass) return []
  const out: TeachingChoice[] = []
  for (const g of form.grades) {
    for (const className of g.classNames) {
      if (!form.me.classes.includes(classKeyOf(g.grade, className))) continue
      for (const subject of form.me.subjects) if (g.subjects.includes(subject)) out.push({ grade: g.grade, className, subject })
    }
  }
  return out
}

/** The (grade, class, subject) triples I teach: the pairs of my choices, less those I left out. */
export function myTeaching(form: MeForm): TeachingChoice[] {
  const left = new Set(form.me.notTaught ?? [])
  return teachingChoices(form).filter((t) => !left.has(teachingKeyOf(t)))
}

type Add = (code: SetupProblemCode, field: string) => void

function collect(check: (add: Add) => void): SetupProblem[] {
  const problems: SetupProblem[] = []
  check((code, field) => problems.push({ code, field }))
  return problems
}

function tooLong(text: string, limit: number): boolean {
  return text.trim().length > limit
}

/** The school's name and its region's rules. */
export function checkSchool(form: Pick<SetupForm, 'schoolName' | 'regionId'>): SetupProblem[] {
  return collect((add) => {
    if (!form.schoolName.trim()) add('schoolNameMissing', 'schoolName')
    else if (tooLong(form.schoolName, TEXT_LIMITS.name)) add('textTooLong', 'schoolName')
    if (!REGION_PRESETS.some((r) => r.id === form.regionId)) add('regionUnknown', 'regionId')
  })
}

/** The term's name and dates, and its calendar rows (each a valid date of the term, none twice). */
export function checkTerm(form: Pick<SetupForm, 'term' | 'calendar'>): SetupProblem[] {
  return collect((add) => {
    if (!form.term.name.trim()) add('termNameMissing', 'term.name')
    else if (tooLong(form.term.name, TEXT_LIMITS.name)) add('textTooLong', 'term.name')
    const start = dayNumber(form.term.startDate)
    const end = dayNumber(form.term.endDate)
    if (Number.isNaN(start)) add('dateInvalid', 'term.startDate')
    if (Number.isNaN(end)) add('dateInvalid', 'term.endDate')
    else if (!Number.isNaN(start) && end <= start) add('endNotAfterStart', 'term.endDate')
    const seen = new Set<string>()
    form.calendar.forEach((row, i) => {
      const d = dayNumber(row.date)
      if (Number.isNaN(d)) add('calendarDateInvalid', `calendar.${i}.date`)
      else if (seen.has(row.date)) add('calendarDateDuplicate', `calendar.${i}.date`)
      else if (!Number.isNaN(start) && !Number.isNaN(end) && (d < start || d > end)) add('calendarDateOutsideTerm', `calendar.${i}.date`)
      seen.add(row.date)
      if (tooLong(row.note, TEXT_LIMITS.note)) add('textTooLong', `calendar.${i}.note`)
    })
  })
}

/** What is wrong with a class name among the other names of its grade (trimmed), or null. */
export function classNameProblem(name: string, others: readonly string[]): SetupProblemCode | null {
  const n = name.trim()
  if (!n) return 'classNameMissing'
  if (n.length > TEXT_LIMITS.name) return 'textTooLong'
  if (others.some((o) => o.trim() === n)) return 'classNameDuplicate'
  return null
}

/** The grades with their classes (named, no two alike in a grade) and subjects. */
export function checkGrades(form: { grades: readonly GradeForm[] }): SetupProblem[] {
  return collect((add) => {
    if (form.grades.every((g) => g.classNames.length === 0)) add('noClasses', 'grades')
    for (const g of form.grades) {
      g.classNames.forEach((name, k) => {
        const code = classNameProblem(name, g.classNames.slice(0, k))
        if (code) add(code, `grades.${g.grade}.classNames.${k}`)
      })
      if (g.classNames.length > 0 && g.subjects.length === 0) add('noSubjects', `grades.${g.grade}.subjects`)
    }
  })
}

/**
 * Who I am: a name, and at least one class in one subject, unless I teach no class (a grade leader or an
 * administrator, who sees the classes without setting homework in them).
 */
export function checkMe(form: MeForm): SetupProblem[] {
  return collect((add) => {
    if (!form.me.name.trim()) add('myNameMissing', 'me.name')
    else if (tooLong(form.me.name, TEXT_LIMITS.name)) add('textTooLong', 'me.name')
    // A grade leader who chose nothing teaches no class; one who chose classes but no subject of
    // theirs (or the reverse) has not finished choosing.
    const choseSome = form.me.classes.length > 0 || form.me.subjects.length > 0
    const exempt = form.me.teachesNoClass === true || (form.me.gradeLeaderOf !== null && !choseSome)
    if (!exempt && myTeaching(form).length === 0) add('noTeaching', 'me.classes')
  })
}

export function checkSetupStep(form: SetupForm, step: SetupStep): SetupProblem[] {
  switch (step) {
    case 'school':
      return checkSchool(form)
    case 'term':
      return checkTerm(form)
    case 'classes':
      return checkGrades(form)
    case 'me':
      return checkMe(form)
  }
}

/** The school to create, from a complete form: trimmed names, the chosen classes, and my roles. */
export function setupFromForm(form: SetupForm) {
  const grades = form.grades
    .filter((g) => g.classNames.length > 0)
    .map((g) => ({ grade: g.grade, classNames: g.classNames.map((n) => n.trim()), subjects: [...g.subjects] }))
  const trimmedKey = (key: string): { grade: number; className: string } | null => {
    const [grade, ...rest] = key.split('|')
    return key ? { grade: Number(grade), className: rest.join('|').trim() } : null
  }
  return {
    name: form.schoolName.trim(),
    regionId: form.regionId,
    term: { name: form.term.name.trim(), startDate: form.term.startDate, endDate: form.term.endDate },
    calendar: form.calendar.map((r) => ({ date: r.date, type: r.type, note: r.note.trim() })),
    grades,
    me: {
      name: form.me.name.trim(),
      teaching: myTeaching(form).map((t) => ({ ...t, className: t.className.trim() })),
      homeroomOf: trimmedKey(form.me.homeroomOf),
      gradeLeaderOf: form.me.gradeLeaderOf,
    },
  }
}
