// The 新建学校 form as plain data: its steps, the checks of each step (each problem names its field; the
// words live in the i18n tables), class names, holiday rows that follow the term's dates, and the
// school setup it produces. The screen only shows and edits this.
import type { DayType } from './calendar'
import { dayNumber } from './dates'
import { statutoryHolidays, type HolidayId } from './holidays'
import type { IsoDate } from './types'

export const SETUP_STEPS = ['school', 'term', 'classes', 'me'] as const
export type SetupStep = (typeof SETUP_STEPS)[number]

export interface CalendarRowForm {
  date: IsoDate
  type: DayType
  note: string
  /** Set when the row was filled in from the statutory holidays (it follows the term's dates). */
  holiday?: HolidayId
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
 * The calendar rows after the term's dates change: the rows prefilled from the statutory holidays are
 * replaced by the holidays of the new range; rows the user added or changed stay.
 */
export function withHolidays(rows: readonly CalendarRowForm[], from: IsoDate, to: IsoDate, noteOf: (h: HolidayId) => string): CalendarRowForm[] {
  const own = rows.filter((r) => r.holiday === undefined)
  const taken = new Set(own.map((r) => r.date))
  const holidays: CalendarRowForm[] = []
  for (const h of statutoryHolidays(from, to)) {
    if (taken.has(h.date)) continue
    taken.add(h.date)
    holidays.push({ date: h.date, type: 'rest', note: noteOf(h.holiday), holiday: h.holiday })
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

/** The (grade, class, subject) triples I teach: each chosen class in each chosen subject its grade has. */
export function myTeaching(form: SetupForm): { grade: number; className: string; subject: string }[] {
  const out: { grade: number; className: string; subject: string }[] = []
  for (const g of form.grades) {
    for (const className of g.classNames) {
      if (!form.me.classes.includes(classKeyOf(g.grade, className))) continue
      for (const subject of form.me.subjects) if (g.subjects.includes(subject)) out.push({ grade: g.grade, className, subject })
    }
  }
  return out
}

export function checkSetupStep(form: SetupForm, step: SetupStep): SetupProblem[] {
  const problems: SetupProblem[] = []
  const add = (code: SetupProblemCode, field: string) => problems.push({ code, field })
  switch (step) {
    case 'school':
      if (!form.schoolName.trim()) add('schoolNameMissing', 'schoolName')
      break
    case 'term': {
      if (!form.term.name.trim()) add('termNameMissing', 'term.name')
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
      })
      break
    }
    case 'classes':
      if (form.grades.every((g) => g.classNames.length === 0)) add('noClasses', 'grades')
      for (const g of form.grades) {
        const seen = new Set<string>()
        g.classNames.forEach((name, k) => {
          const n = name.trim()
          if (!n) add('classNameMissing', `grades.${g.grade}.classNames.${k}`)
          else if (seen.has(n)) add('classNameDuplicate', `grades.${g.grade}.classNames.${k}`)
          seen.add(n)
        })
        if (g.classNames.length > 0 && g.subjects.length === 0) add('noSubjects', `grades.${g.grade}.subjects`)
      }
      break
    case 'me':
      if (!form.me.name.trim()) add('myNameMissing', 'me.name')
      if (myTeaching(form).length === 0) add('noTeaching', 'me.classes')
      break
  }
  return problems
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
