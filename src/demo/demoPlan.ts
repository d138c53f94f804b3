// The demo school a visitor loads (载入示例学校), planned as plain data so it can be tested without a
// database: grades 2, 3, 5 and 8 (the "no written homework" rule, the 60- and the 90-minute caps),
// classes of 40–50 students with layers in 语文/数学/英语, several teachers, and four weeks of homework up
// to today's week, mostly within the caps, with some evenings over them and today's evening of 5(1) over
// on purpose. Deterministic for a given `today`. src/demo/demoSchool.ts writes it to the database.
import { tiersOf, type ItemDraft } from '@hl/core/domain/assignmentDraft'
import { dayType, type SchoolCalendar } from '@hl/core/domain/calendar'
import { addDays, eachDate, isoWeekday, mondayOf } from '@hl/core/domain/dates'
import { officialCalendar } from '@hl/core/domain/officialCalendar'
import { defaultTerm, termNameZh } from '@hl/core/domain/schoolTerm'
import type { Assignment, ClassRef, IsoDate, ItemKind, Roster, Tier, Where } from '@hl/core/domain/types'
import type { SchoolSetup } from '../db/repos/schoolSetup'
import { studentName } from './generateSchool'
import { seededRandom, type Random } from './random'
import { CORE_SUBJECTS, subjectsOfGrade } from './subjects'

export interface DemoStudent {
  number: string
  name: string
  /** Layer per subject; absent: core. */
  tiers: Readonly<Record<string, Tier>>
}

export interface DemoClass extends ClassRef {
  students: DemoStudent[]
}

export interface DemoTeacher {
  /** 'me' for the device's user (created by the setup), else a key local to the plan. */
  key: string
  name: string
  teaching: { grade: number; className: string; subject: string }[]
  homeroomOf: ClassRef | null
}

export interface DemoAssignment extends ClassRef {
  /** Assignments set together for parallel classes share a batch key. */
  batch: string
  subject: string
  teacherKey: string
  date: IsoDate
  /** '' for none. */
  due: IsoDate
  items: ItemDraft[]
}

export interface DemoSchoolPlan {
  today: IsoDate
  /** The school, term, calendar, grades, classes and the device's user. */
  setup: SchoolSetup
  /** The other teachers (not the device's user). */
  teachers: DemoTeacher[]
  classes: DemoClass[]
  assignments: DemoAssignment[]
  /** The class whose evening of `today` is over the cap on purpose. */
  overCapToday: ClassRef
}

export const DEMO_ME = '王老师'
const DEMO_GRADES: readonly { grade: number; classes: number }[] = [
  { grade: 2, classes: 1 },
  { grade: 3, classes: 2 },
  { grade: 5, classes: 2 },
  { grade: 8, classes: 2 },
]
/** Subjects that set homework in the demo, per grade (the others are taught but set none). */
const HOMEWORK_SUBJECTS: Readonly<Record<number, readonly string[]>> = {
  2: ['语文', '数学'],
  3: ['语文', '数学', '英语', '科学'],
  5: ['语文', '数学', '英语', '科学'],
  8: ['语文', '数学', '英语', '物理', '历史', '地理', '生物学'],
}
const TEACHER_SURNAMES = '李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐'

const TEXTS: Readonly<Record<number, readonly string[]>> = {
  2: ['小蝌蚪找妈妈', '我是什么', '植物妈妈有办法', '曹冲称象', '玲玲的画', '一封信', '妈妈睡了'],
  3: ['秋天的雨', '听听，秋的声音', '去年的树', '胡萝卜先生的长胡子', '富饶的西沙群岛', '海滨小城', '美丽的小兴安岭'],
  5: ['白鹭', '落花生', '桂花雨', '珍珠鸟', '搭石', '将相和', '冀中的地道战', '少年中国说'],
  8: ['背影', '白杨礼赞', '藤野先生', '回忆我的母亲', '梦回繁华', '中国石拱桥', '苏州园林'],
}
const POEMS: Readonly<Record<number, readonly string[]>> = {
  3: ['山行', '赠刘景文', '夜书所见', '望天门山', '饮湖上初晴后雨', '望洞庭'],
  5: ['观潮', '山居秋暝', '枫桥夜泊', '长相思', '少年中国说（节选）', '蝉'],
  8: ['春望', '岳阳楼记（第一段）', '钱塘湖春行', '使至塞上', '渡荆门送别', '黄鹤楼'],
}
const BOOKS: Readonly<Record<number, readonly string[]>> = {
  2: ['小鲤鱼跳龙门', '一只想飞的猫'],
  3: ['格林童话', '安徒生童话', '稻草人'],
  5: ['中国民间故事', '西游记（青少版）', '非洲民间故事'],
  8: ['红星照耀中国', '昆虫记', '长征'],
}
const ESSAYS: Readonly<Record<number, readonly string[]>> = {
  3: ['我来编童话', '写日记', '这儿真美'],
  5: ['我的心爱之物', '缩写故事', '我想对您说'],
  8: ['学写传记', '学习描写景物', '说明事物要抓住特征'],
}
const CHALLENGES: Readonly<Record<number, readonly string[]>> = {
  3: ['思维拓展：找规律', '思维拓展：巧算周长', '思维拓展：数图形'],
  5: ['思维拓展：鸡兔同笼', '思维拓展：植树问题', '思维拓展：巧求面积'],
  8: ['拓展：勾股定理的证明', '压轴题：全等三角形综合', '拓展：最短路径问题'],
}
const SCIENCE = ['观察记录：种子发芽', '观察记录：月相变化', '小实验：溶解的快慢', '观察记录：天气日历']

interface ItemOptions {
  where?: Where
  tiers?: readonly Tier[]
  /** 先做: only the teacher's own time is known (the student estimate is that × the multiplier, 3). */
  trial?: boolean
}

function item(title: string, kind: ItemKind, minutes: number, options: ItemOptions = {}): ItemDraft {
  const tiers = options.tiers ?? ['core', 'extend', 'challenge']
  return {
    title,
    kind,
    where: options.where ?? 'home',
    tiers: { core: tiers.includes('core'), extend: tiers.includes('extend'), challenge: tiers.includes('challenge') },
    minutes: options.trial ? null : minutes,
    trialMinutes: options.trial ? Math.max(1, Math.round(minutes / 3)) : null,
  }
}

/** A small stable number from a date, to seed the plan. */
function seedOf(date: IsoDate): number {
  let h = 2021
  for (const ch of date) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0
  return h
}

const pick = <T>(list: readonly T[], index: number): T => list[((index % list.length) + list.length) % list.length]!

/** One grade's homework in one subject on one evening (the same for its parallel classes). */
function subjectItems(grade: number, subject: string, date: IsoDate, n: number, r: Random): ItemDraft[] {
  const weekday = isoWeekday(date)
  const week = Math.floor(n / 5)
  const junior = grade >= 7
  const page = 20 + n * 2
  const unit = 2 + week
  switch (subject) {
    case '语文': {
      if (grade <= 2) return [item(`朗读课文《${pick(TEXTS[2]!, week * 2 + (weekday > 3 ? 1 : 0))}》`, 'oral', 10), ...(weekday === 4 ? [item(`亲子阅读《${pick(BOOKS[2]!, week)}》`, 'reading', 15)] : [])]
      const text = pick(TEXTS[grade]!, week * 2 + (weekday > 3 ? 1 : 0))
      switch (weekday) {
        case 1:
          return [item(`抄写《${text}》生字词`, 'written', junior ? 15 : r.int(10, 15)), item(`朗读课文《${text}》`, 'oral', 10)]
        case 2:
          return [item(`课时练p${page}`, 'written', r.int(15, 20))]
        case 3:
          return [item(`背诵《${pick(POEMS[grade]!, n)}》`, 'oral', 10), item(`课时练p${page}`, 'written', junior ? 15 : r.int(10, 15))]
        case 4:
          return [
            item(`阅读《${pick(BOOKS[grade]!, week)}》并做读书笔记`, 'reading', 20),
            item(`课时练p${page}`, 'written', 10),
            ...(r.chance(0.5) ? [item('拓展阅读：同主题文章一篇', 'reading', 15, { tiers: ['challenge'] })] : []),
          ]
        default:
          return [item(`小练笔：${pick(ESSAYS[grade]!, week)}`, 'written', junior ? 25 : 20)]
      }
    }
    case '数学': {
      if (grade <= 2) return [item('口算练习一页', 'written', 10, { where: 'school' })]
      const trial = r.chance(0.2)
      const out = [item(`练习册p${page}-${page + 1}`, 'written', junior ? r.int(20, 25) : r.int(15, 20), { trial })]
      const x = r.next()
      if (x < 0.25) out.push(item(`提高练习第${(n % 6) + 3}-${(n % 6) + 4}题`, 'written', 10, { tiers: ['extend', 'challenge'] }))
      else if (x < 0.45) out.push(item(pick(CHALLENGES[grade]!, n), 'written', 10, { tiers: ['challenge'] }))
      if (junior && weekday === 2) out.push(item('错题订正', 'written', 5))
      return out
    }
    case '英语':
      switch (weekday) {
        case 1:
          return [item(`Unit ${unit} 单词抄写`, 'written', junior ? 15 : 10), item(`Unit ${unit} 课文跟读`, 'oral', 10)]
        case 3:
          return [item(`Unit ${unit} 听力练习`, 'oral', 10), ...(junior ? [item(`Unit ${unit} 同步练习p${page}`, 'written', 10)] : [])]
        case 4:
          return [item(`Unit ${unit} 同步练习p${page}`, 'written', junior ? 15 : 10), item(`Unit ${unit} 拓展阅读`, 'reading', 10, { tiers: ['extend', 'challenge'] })]
        case 5:
          return [item(`Unit ${unit} 单词默写准备`, 'oral', 10)]
        default:
          return [item(`Unit ${unit} 同步练习p${page}`, 'written', r.int(10, 15), { trial: r.chance(0.15) })]
      }
    case '科学':
      return weekday === 3 ? [item(pick(SCIENCE, week), 'practice', 15)] : []
    case '物理':
      return weekday === 5 ? [] : [item(`课时作业p${page}`, 'written', r.int(10, 15), { trial: r.chance(0.25) })]
    case '历史':
      return weekday === 1 || weekday === 4 ? [item(`阅读课本p${page}-${page + 2}`, 'reading', 10)] : []
    case '地理':
      return weekday === 2 ? [item(`填图练习p${page}`, 'written', 10)] : []
    case '生物学':
      return weekday === 3 ? [item(`练习册p${page}`, 'written', 10)] : weekday === 5 ? [item('观察记录：校园植物', 'practice', 15)] : []
    default:
      return []
  }
}

export function planDemoSchool(today: IsoDate): DemoSchoolPlan {
  const r = seededRandom(seedOf(today))
  const firstMonday = addDays(mondayOf(today), -21)
  const lastDay = addDays(mondayOf(today), 6)

  // The term under way; stretched when today is so early in it (or in a holiday) that the four weeks
  // of homework would fall outside it: a demo needs history to show.
  const guess = defaultTerm(today)
  const term = {
    name: termNameZh(guess),
    startDate: guess.startDate < firstMonday ? guess.startDate : firstMonday,
    endDate: guess.endDate > lastDay ? guess.endDate : lastDay,
  }
  // The calendar a school gets out of the box: the State Council's arrangement (bridged weekdays off,
  // make-up weekend school days), the statutory days for a year not published yet.
  const calendarRows = officialCalendar(term.startDate, term.endDate).days.map((d) => ({ date: d.date, type: d.type, note: d.note }))
  const calendar: SchoolCalendar = { overrides: Object.fromEntries(calendarRows.map((d) => [d.date, d.type])) }

  // Classes and students.
  const classes: DemoClass[] = []
  for (const { grade, classes: count } of DEMO_GRADES) {
    for (let k = 1; k <= count; k++) {
      const size = r.int(40, 50)
      const names = new Set<string>()
      const students: DemoStudent[] = []
      while (students.length < size) {
        const name = studentName(r)
        if (names.has(name)) continue
        names.add(name)
        const tiers: Record<string, Tier> = {}
        // 分层 from grade 3 on, in the subjects that set layered written homework: about 55% core,
        // 30% extend, 15% challenge.
        if (grade >= 3) {
          for (const subject of CORE_SUBJECTS) {
            const x = r.next()
            if (x >= 0.85) tiers[subject] = 'challenge'
            else if (x >= 0.55) tiers[subject] = 'extend'
          }
        }
        students.push({ number: String(students.length + 1).padStart(2, '0'), name, tiers })
      }
      classes.push({ grade, className: `${grade}(${k})`, students })
    }
  }

  // Teachers: one per grade and subject, teaching it in the grade's parallel classes. The device's user
  // teaches 数学 in grade 5 and is 班主任 of 5(1).
  const teachers: DemoTeacher[] = []
  const me: DemoTeacher = { key: 'me', name: DEMO_ME, teaching: [], homeroomOf: { grade: 5, className: '5(1)' } }
  const teacherOf = new Map<string, DemoTeacher>()
  let surname = 0
  for (const { grade, classes: count } of DEMO_GRADES) {
    for (const subject of HOMEWORK_SUBJECTS[grade]!) {
      const isMe = grade === 5 && subject === '数学'
      const teacher = isMe ? me : { key: `t${teachers.length + 1}`, name: `${TEACHER_SURNAMES[surname++]!}老师`, teaching: [], homeroomOf: null }
      for (let k = 1; k <= count; k++) teacher.teaching.push({ grade, className: `${grade}(${k})`, subject })
      // 班主任: the 语文 teacher of each class (1), except 5(1), whose is the user; 数学 for the others.
      if (!isMe && teacher.homeroomOf === null) {
        if (subject === '语文' && !(grade === 5)) teacher.homeroomOf = { grade, className: `${grade}(1)` }
        else if (subject === '语文' && grade === 5) teacher.homeroomOf = { grade, className: '5(2)' }
        else if (subject === '数学' && count > 1) teacher.homeroomOf = { grade, className: `${grade}(2)` }
      }
      if (!isMe) teachers.push(teacher)
      teacherOf.set(`${grade}|${subject}`, teacher)
    }
  }

  // Homework: every school day of the four weeks, per grade and subject, set for the parallel classes together.
  const assignments: DemoAssignment[] = []
  let batch = 0
  const gradeClasses = (grade: number) => classes.filter((c) => c.grade === grade)
  const setFor = (grade: number, subject: string, date: IsoDate, items: ItemDraft[], due = '', only?: string) => {
    if (items.length === 0) return
    const key = `b${++batch}`
    const teacherKey = teacherOf.get(`${grade}|${subject}`)?.key ?? 'me'
    for (const c of gradeClasses(grade)) {
      if (only !== undefined && c.className !== only) continue
      assignments.push({ grade, className: c.className, batch: key, subject, teacherKey, date, due, items: items.map((i) => ({ ...i, tiers: { ...i.tiers } })) })
    }
  }

  const schoolDays = eachDate(firstMonday, lastDay).filter((d) => dayType(calendar, d) === 'school')
  const pastDays = schoolDays.filter((d) => d < mondayOf(today))
  // A few heavy evenings per grade before this week: a unit test paper on top of the usual homework.
  const heavy = new Set<string>()
  for (const { grade } of DEMO_GRADES) {
    if (grade <= 2) continue
    for (let i = 0; i < 2 && pastDays.length; i++) heavy.add(`${grade}|${pastDays[r.int(0, pastDays.length - 1)]!}`)
  }
  // One Friday essay due on Monday, spread over three evenings.
  const weekendFriday = pastDays.find((d) => isoWeekday(d) === 5 && dayType(calendar, addDays(d, 3)) === 'school')
  // Grade 2 takes no written homework home; one teacher did once (2 weeks ago), and the check shows it.
  const grade2Slip = pastDays.find((d) => d >= addDays(firstMonday, 7) && isoWeekday(d) === 3)

  schoolDays.forEach((date, n) => {
    for (const { grade } of DEMO_GRADES) {
      for (const subject of HOMEWORK_SUBJECTS[grade]!) {
        let items = subjectItems(grade, subject, date, n, r)
        let due = ''
        if (subject === '语文' && grade >= 3 && date === weekendFriday) {
          items = [item(`周末习作：${pick(ESSAYS[grade]!, n)}`, 'written', 45)]
          due = addDays(date, 3)
        }
        if (subject === '数学' && heavy.has(`${grade}|${date}`)) items = [...items, item('单元测试卷', 'written', grade >= 7 ? 40 : 30)]
        if (subject === '数学' && grade === 2 && date === grade2Slip) items = [item('口算练习一页（带回家完成）', 'written', 10)]
        setFor(grade, subject, date, items, due)
      }
    }
  })

  // Today's evening of 5(1) is over the cap on purpose: the user's own unit test on top of the rest.
  const overCapToday: ClassRef = { grade: 5, className: '5(1)' }
  // On a rest day there is no other homework tonight, so the paper is longer (the rest-day cap is the same).
  const restToday = dayType(calendar, today) === 'rest'
  setFor(5, '数学', today, [item('第三单元测试卷', 'written', restToday ? 60 : 30), item('测试卷订正', 'written', 10)], '', overCapToday.className)

  me.teaching.sort((a, b) => (a.className < b.className ? -1 : 1))
  const setup: SchoolSetup = {
    name: '阳光实验学校（示例）',
    regionId: 'national',
    term,
    calendar: calendarRows,
    grades: DEMO_GRADES.map(({ grade, classes: count }) => ({
      grade,
      classNames: Array.from({ length: count }, (_, k) => `${grade}(${k + 1})`),
      subjects: subjectsOfGrade(grade),
    })),
    me: { name: me.name, teaching: me.teaching, homeroomOf: me.homeroomOf, gradeLeaderOf: null },
  }
  return { today, setup, teachers, classes, assignments, overCapToday }
}

/** The plan as the engine sees it, for buildReport (tests, and a quick look without a database). */
export function demoReportInput(plan: DemoSchoolPlan): { assignments: Assignment[]; rosters: Roster[]; calendar: SchoolCalendar } {
  const refs = new Map(plan.classes.map((c) => [`${c.grade}|${c.className}`, { grade: c.grade, className: c.className }]))
  return {
    assignments: plan.assignments.map((a, i) => ({
      id: `demo-${i}`,
      classRef: refs.get(`${a.grade}|${a.className}`)!,
      subject: a.subject,
      date: a.date,
      ...(a.due ? { due: a.due } : {}),
      items: a.items.map((it) => ({
        title: it.title,
        kind: it.kind,
        where: it.where,
        tiers: tiersOf(it.tiers),
        ...(it.minutes !== null ? { minutes: it.minutes } : {}),
        ...(it.trialMinutes !== null ? { trialMinutes: it.trialMinutes } : {}),
      })),
    })),
    rosters: plan.classes.map((c) => ({ classRef: refs.get(`${c.grade}|${c.className}`)!, students: c.students.map((s) => ({ name: s.name, tiers: s.tiers })) })),
    calendar: { overrides: Object.fromEntries(plan.setup.calendar.map((d) => [d.date, d.type])) },
  }
}
