// A realistic generated school: the benchmark's large school, and (later) the demo school a visitor loads.
// Deterministic for a seed. Figures follow policy.md's "Numbers for realistic data".
import type { SchoolCalendar } from '@hl/core/domain/calendar'
import { addDays, isoWeekday } from '@hl/core/domain/dates'
import type { Assignment, AssignmentItem, ClassRef, Grade, IsoDate, ItemKind, Roster, Student, Tier } from '@hl/core/domain/types'
import { seededRandom, type Random } from './random'
import { CORE_SUBJECTS, subjectsOfGrade } from './subjects'

export interface GenerateSchoolOptions {
  seed?: number
  /** How many classes each grade has, e.g. { 1: 7, 2: 7, … }. */
  classesPerGrade: Readonly<Record<number, number>>
  studentsPerClass?: readonly [min: number, max: number]
  /** The first day of term (any weekday). */
  termStart: IsoDate
  weeks: number
  /** Items each subject sets on each school day. */
  itemsPerSubjectPerDay?: number
  /** Dates whose type differs from Monday–Friday (holidays, make-up days). */
  calendar?: SchoolCalendar
}

export interface GeneratedSchool {
  classes: ClassRef[]
  rosters: Roster[]
  assignments: Assignment[]
  calendar: SchoolCalendar
  termStart: IsoDate
  termEnd: IsoDate
  itemCount: number
}

/** A school of 60 classes in grades 1–9, as the benchmark asks for (scale 2 doubles the classes). */
export function benchmarkSchoolOptions(scale = 1): GenerateSchoolOptions {
  const perGrade = [7, 7, 7, 7, 7, 7, 6, 6, 6]
  return {
    seed: 2021,
    classesPerGrade: Object.fromEntries(perGrade.map((n, i) => [i + 1, n * scale])),
    studentsPerClass: [40, 50],
    termStart: '2026-08-31',
    weeks: 20,
    itemsPerSubjectPerDay: 5,
    calendar: {
      // National Day 2026 (illustrative: a school enters its own dates and make-up days).
      overrides: {
        '2026-10-01': 'rest',
        '2026-10-02': 'rest',
        '2026-10-05': 'rest',
        '2026-10-06': 'rest',
        '2026-10-07': 'rest',
        '2026-10-10': 'school',
      },
    },
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢'
const GIVEN = '子涵欣怡梓萱一诺浩宇俊杰雨桐思远嘉怡宇轩博文诗涵明轩佳琪晨曦若曦天佑沐阳语嫣梓睿奕辰安然可馨书瑶'

/** A realistic Chinese name: a common surname and a one- or two-character given name. */
export function studentName(r: Random): string {
  const given = r.chance(0.7) ? GIVEN.slice(r.int(0, GIVEN.length - 2)).slice(0, 2) : GIVEN[r.int(0, GIVEN.length - 1)]!
  return SURNAMES[r.int(0, SURNAMES.length - 1)]! + given
}

function kindFor(subject: string, r: Random): ItemKind {
  switch (subject) {
    case '体育与健康':
      return 'exercise'
    case '劳动':
      return 'chores'
    case '艺术':
    case '综合实践':
    case '信息科技':
      return 'practice'
    case '语文':
    case '英语':
      return r.chance(0.25) ? r.pick(['reading', 'oral'] as const) : 'written'
    case '道德与法治':
    case '历史':
    case '地理':
      return r.chance(0.5) ? 'reading' : 'written'
    default:
      return r.chance(0.1) ? 'practice' : 'written'
  }
}

const ALL_TIERS: readonly Tier[] = ['core', 'extend', 'challenge']
const UPPER_TIERS: readonly Tier[] = ['extend', 'challenge']
const TOP_TIER: readonly Tier[] = ['challenge']

const TITLES: Readonly<Record<ItemKind, readonly string[]>> = {
  written: ['练习册p', '课时作业p', '同步练习p', '配套练习p', '错题订正p'],
  oral: ['朗读课文第', '背诵第', '口语练习第'],
  reading: ['课外阅读第', '阅读材料第', '预习课文第'],
  practice: ['实践任务第', '观察记录第', '小制作第'],
  exercise: ['跳绳练习第', '体能练习第'],
  chores: ['家务劳动第', '整理书桌第'],
}

function items(grade: Grade, subject: string, count: number, r: Random): AssignmentItem[] {
  const layered = CORE_SUBJECTS.includes(subject)
  const out: AssignmentItem[] = []
  for (let i = 0; i < count; i++) {
    const kind = kindFor(subject, r)
    // Grades 1–2 take no written homework home (意见 二.5): their written practice is done at school.
    const where = kind === 'written' && (grade <= 2 || r.chance(0.08)) ? 'school' : 'home'
    const tiers = layered && i === count - 1 ? TOP_TIER : layered && i === count - 2 ? UPPER_TIERS : ALL_TIERS
    const heavy = CORE_SUBJECTS.includes(subject) ? 2 : 1
    const item: AssignmentItem = { title: `${r.pick(TITLES[kind])}${r.int(1, 120)}${kind === 'written' ? '' : '项'}`, kind, where, tiers }
    if (r.chance(0.2)) item.trialMinutes = r.int(1, 2) * heavy
    else item.minutes = r.int(1, 3) * heavy
    out.push(item)
  }
  return out
}

export function generateSchool(options: GenerateSchoolOptions): GeneratedSchool {
  const r = seededRandom(options.seed ?? 1)
  const [minStudents, maxStudents] = options.studentsPerClass ?? [40, 50]
  const perDay = options.itemsPerSubjectPerDay ?? 5
  const calendar = options.calendar ?? { overrides: {} }
  const termEnd = addDays(options.termStart, options.weeks * 7 - 1)

  const classes: ClassRef[] = []
  for (const [g, count] of Object.entries(options.classesPerGrade)) {
    for (let n = 1; n <= count; n++) classes.push({ grade: Number(g), className: `${g}(${n})` })
  }

  const rosters: Roster[] = classes.map((classRef) => {
    const students: Student[] = []
    const size = r.int(minStudents, maxStudents)
    for (let i = 0; i < size; i++) {
      const tiers: Record<string, Tier> = {}
      for (const subject of CORE_SUBJECTS) {
        const x = r.next()
        if (x > 0.85) tiers[subject] = 'challenge'
        else if (x > 0.55) tiers[subject] = 'extend'
      }
      students.push({ name: studentName(r), tiers })
    }
    return { classRef, students }
  })

  const assignments: Assignment[] = []
  let itemCount = 0
  let seq = 0
  for (let day = 0; day < options.weeks * 7; day++) {
    const date = addDays(options.termStart, day)
    const type = calendar.overrides[date] ?? (isoWeekday(date) >= 6 ? 'rest' : 'school')
    if (type === 'rest') continue
    const friday = isoWeekday(date) === 5
    for (const classRef of classes) {
      for (const subject of subjectsOfGrade(classRef.grade)) {
        const list = items(classRef.grade, subject, perDay, r)
        itemCount += list.length
        const a: Assignment = { id: `demo-${++seq}`, classRef, subject, date, items: list }
        // Friday's homework is due on Monday: three evenings.
        if (friday && r.chance(0.5)) a.due = addDays(date, 3)
        assignments.push(a)
      }
    }
  }
  return { classes, rosters, assignments, calendar, termStart: options.termStart, termEnd, itemCount }
}
