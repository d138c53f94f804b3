// The rules profile: rules as versioned data (../shared/policy.md, "Rules are data, not code paths").
// The national profile is the base layer; a region (province or city) and then a school may override any
// value. Every resolved value remembers which layer set it, so a screen can say why.
import type { Grade } from '../types'
import type { SourceRef } from './sources'

/** School levels the rules distinguish. */
export type LevelId = 'lowerPrimary' | 'upperPrimary' | 'juniorHigh' | 'seniorHigh'

export const LEVELS: readonly { id: LevelId; firstGrade: Grade; lastGrade: Grade }[] = [
  { id: 'lowerPrimary', firstGrade: 1, lastGrade: 2 },
  { id: 'upperPrimary', firstGrade: 3, lastGrade: 6 },
  { id: 'juniorHigh', firstGrade: 7, lastGrade: 9 },
  { id: 'seniorHigh', firstGrade: 10, lastGrade: 12 },
]

export function isValidGrade(grade: number): boolean {
  return Number.isInteger(grade) && grade >= 1 && grade <= 12
}

export function levelOfGrade(grade: Grade): LevelId {
  const level = isValidGrade(grade) ? LEVELS.find((l) => grade >= l.firstGrade && grade <= l.lastGrade) : undefined
  if (!level) throw new RangeError(`grade must be an integer from 1 to 12, got ${grade}`)
  return level.id
}

/** 统筹: a daily budget per subject, and one for every subject not named. */
export interface SubjectBudgets {
  bySubject: Readonly<Record<string, number>>
  /** Budget of each subject not listed in `bySubject`; null: unlisted subjects have no budget. */
  otherSubjects: number | null
}

export interface LevelRules {
  /** false: no written homework to take home at all (grades 1–2). */
  homeWrittenAllowed: boolean
  /** 时长上限: cap on the class's average take-home written minutes per school day; null: no cap. */
  dailyCapMinutes: number | null
  /** Cap on a rest day (weekend, holiday); 'schoolDayCap': the same as a school day's. */
  restDayCapMinutes: number | 'schoolDayCap'
  /** 就寝时间, 'HH:mm'. */
  bedtime: string
  /** Hours of sleep the sleep notice asks for. */
  sleepHours: number
  /** 先做: student minutes = teacher's minutes × this. */
  teacherMultiplier: number
  /** 统筹 on school days; null: none. */
  subjectBudgets: SubjectBudgets | null
  /** 统筹 on rest days; null: none. */
  restDaySubjectBudgets: SubjectBudgets | null
  /** 作业熔断: past this time ('HH:mm') a student stops, and the teacher is told. */
  stopTime: string
  /** At most this many stops a week per student; null: no limit. */
  weeklyStopLimit: number | null
  /** At most this many stops a week per student in one subject; null: no limit. */
  weeklySubjectStopLimit: number | null
  /** 全批: the school's grading scale (a sheet may use another). */
  gradeScale: GradeScaleId
}

/** 优/良/合格/待改进, A–D, or a score. */
export type GradeScaleId = 'levels' | 'letters' | 'score'

export type LevelRuleKey = keyof LevelRules
export const LEVEL_RULE_KEYS: readonly LevelRuleKey[] = [
  'homeWrittenAllowed',
  'dailyCapMinutes',
  'restDayCapMinutes',
  'bedtime',
  'sleepHours',
  'teacherMultiplier',
  'subjectBudgets',
  'restDaySubjectBudgets',
  'stopTime',
  'weeklyStopLimit',
  'weeklySubjectStopLimit',
  'gradeScale',
]

export type LayerKind = 'national' | 'region' | 'school'

/** One layer of rules: the national profile, or a region's or a school's overrides of it. */
export interface RulesLayer {
  id: string
  kind: LayerKind
  /** The layer's name as users know it, e.g. '鞍山市' or a school's name. */
  name: string
  version: number
  levels: Partial<Record<LevelId, Partial<LevelRules>>>
}

/** Where each rule of a level comes from (policy.md quotes these). */
export const RULE_SOURCES: Readonly<Record<LevelRuleKey, SourceRef>> = {
  homeWrittenAllowed: {
    source: 'opinion2021',
    clause: '二.5',
    quote: '学校要确保小学一、二年级不布置家庭书面作业，可在校内适当安排巩固练习',
  },
  dailyCapMinutes: {
    source: 'opinion2021',
    clause: '二.5',
    quote: '小学三至六年级书面作业平均完成时间不超过60分钟，初中书面作业平均完成时间不超过90分钟',
  },
  restDayCapMinutes: {
    source: 'opinion2021',
    clause: '二.5',
    quote: '周末、寒暑假、法定节假日也要控制书面作业时间',
  },
  bedtime: {
    source: 'sleep2021',
    clause: '三',
    quote: '小学生就寝时间一般不晚于21:20；初中生一般不晚于22:00；高中生一般不晚于23:00',
  },
  sleepHours: {
    source: 'sleep2021',
    clause: '一',
    quote: '小学生每天睡眠时间应达到10小时，初中生应达到9小时，高中生应达到8小时',
  },
  // No document sets a multiplier: 3 is practitioners' rule of thumb, said as such (no clause, no quote).
  teacherMultiplier: {
    source: 'practice',
    clause: '',
    quote: '先做：教师布置作业前先做一遍，得到自己的用时。没有文件规定学生用时与教师用时的换算倍数；一线教师的经验是学生约为教师的 3 倍，可按学生实际用时校准。',
  },
  subjectBudgets: {
    source: 'opinion2021',
    clause: '二.4',
    quote: '加强学科组、年级组作业统筹，合理调控作业结构',
  },
  restDaySubjectBudgets: {
    source: 'opinion2021',
    clause: '二.4',
    quote: '加强学科组、年级组作业统筹，合理调控作业结构',
  },
  // The cut-off defaults to the bedtime of the sleep notice (policy.md, "Sleep and the stop rule").
  stopTime: {
    source: 'opinion2021',
    clause: '二.8',
    quote: '个别学生经努力仍完不成书面作业的，也应按时就寝',
  },
  weeklyStopLimit: {
    source: 'practice',
    clause: '作业熔断',
    quote: '就寝前20分钟仍未完成可申请熔断，每周不超过4次、每科每周不超过1次（珠海某校）',
  },
  weeklySubjectStopLimit: {
    source: 'practice',
    clause: '作业熔断',
    quote: '就寝前20分钟仍未完成可申请熔断，每周不超过4次、每科每周不超过1次（珠海某校）',
  },
  gradeScale: {
    source: 'notice2021',
    clause: '措施6',
    quote: '教师要对布置的学生作业全批全改',
  },
}

const NATIONAL_COMMON = {
  restDayCapMinutes: 'schoolDayCap',
  teacherMultiplier: 3,
  subjectBudgets: null,
  restDaySubjectBudgets: null,
  weeklyStopLimit: null,
  weeklySubjectStopLimit: null,
} as const

/** `national-2021`: the national defaults of policy.md. */
export const NATIONAL_2021: RulesLayer & { levels: Record<LevelId, LevelRules> } = {
  id: 'national-2021',
  kind: 'national',
  name: '全国（2021）',
  version: 1,
  levels: {
    lowerPrimary: { ...NATIONAL_COMMON, homeWrittenAllowed: false, dailyCapMinutes: 0, bedtime: '21:20', sleepHours: 10, stopTime: '21:20', gradeScale: 'levels' },
    upperPrimary: { ...NATIONAL_COMMON, homeWrittenAllowed: true, dailyCapMinutes: 60, bedtime: '21:20', sleepHours: 10, stopTime: '21:20', gradeScale: 'levels' },
    juniorHigh: { ...NATIONAL_COMMON, homeWrittenAllowed: true, dailyCapMinutes: 90, bedtime: '22:00', sleepHours: 9, stopTime: '22:00', gradeScale: 'letters' },
    // Senior high: "合理安排", no national number; the school sets one.
    seniorHigh: { ...NATIONAL_COMMON, homeWrittenAllowed: true, dailyCapMinutes: null, bedtime: '23:00', sleepHours: 8, stopTime: '23:00', gradeScale: 'score' },
  },
}

/** A resolved rule value, with the layer that set it and the document it comes from. */
export interface Resolved<T> {
  value: T
  /** Id of the layer that set the value. */
  setBy: string
  setByKind: LayerKind
  setByName: string
  source: SourceRef
}

export type ResolvedLevelRules = { [K in LevelRuleKey]: Resolved<LevelRules[K]> }

export interface ResolvedRules {
  /** Id and version of the base profile, e.g. 'national-2021' v1. */
  profileId: string
  profileVersion: number
  layers: readonly Pick<RulesLayer, 'id' | 'kind' | 'name' | 'version'>[]
  levels: Readonly<Record<LevelId, ResolvedLevelRules>>
}

/**
 * Lays the override layers over the base profile in order (national, then region, then school).
 * A later layer wins for each value it sets; values it leaves out stay as the earlier layer set them.
 */
export function resolveRules(
  base: RulesLayer & { levels: Record<LevelId, LevelRules> } = NATIONAL_2021,
  overrides: readonly RulesLayer[] = [],
): ResolvedRules {
  const layers = [base, ...overrides]
  const levels = {} as Record<LevelId, ResolvedLevelRules>
  for (const { id: levelId } of LEVELS) {
    const resolved = {} as Record<LevelRuleKey, Resolved<unknown>>
    for (const key of LEVEL_RULE_KEYS) {
      for (const layer of layers) {
        const patch = layer.levels[levelId]
        if (patch && key in patch && patch[key] !== undefined) {
          resolved[key] = { value: patch[key], setBy: layer.id, setByKind: layer.kind, setByName: layer.name, source: RULE_SOURCES[key] }
        }
      }
    }
    levels[levelId] = resolved as ResolvedLevelRules
  }
  return {
    profileId: base.id,
    profileVersion: base.version,
    layers: layers.map(({ id, kind, name, version }) => ({ id, kind, name, version })),
    levels,
  }
}

/** The plain values of one level's rules, for the engine's hot paths. */
export type EffectiveRules = LevelRules & { level: LevelId; restDayCap: number | null }

export function rulesForGrade(rules: ResolvedRules, grade: Grade): EffectiveRules {
  const level = levelOfGrade(grade)
  const r = rules.levels[level]
  const values = Object.fromEntries(LEVEL_RULE_KEYS.map((k) => [k, r[k].value])) as unknown as LevelRules
  const restDayCap = values.restDayCapMinutes === 'schoolDayCap' ? values.dailyCapMinutes : values.restDayCapMinutes
  return { ...values, level, restDayCap }
}

/** The budget of one subject under a set of budgets, or null when it has none. */
export function budgetOf(budgets: SubjectBudgets | null, subject: string): number | null {
  if (!budgets) return null
  // Own keys only: a subject named `constructor` must not find Object.prototype's.
  return (Object.hasOwn(budgets.bySubject, subject) ? budgets.bySubject[subject] : undefined) ?? budgets.otherSubjects
}
