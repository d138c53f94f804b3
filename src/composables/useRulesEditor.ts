// 规则's edits: one rule of one level at a time, checked (rules/check.ts) against the rules it overrides
// and stored in the school's own layer through the school repository. Every screen reads the rules
// through useSchool, so the designer's estimate and the checks follow at once.
import { computed, type ComputedRef } from 'vue'
import { checkLevelRule, withRule, type RuleProblem } from '@hl/core/domain/rules/check'
import type { LevelId, LevelRuleKey, LevelRules, ResolvedRules } from '@hl/core/domain/rules/profile'
import { appDb } from '@/db/database'
import { listGradeSubjects } from '@/db/repos/classes'
import { rulesBelowSchool, setSchoolRules } from '@/db/repos/schoolSettings'
import { useLiveQuery } from './useLiveQuery'
import { useMayChangeSchool } from './useMayChangeSchool'
import { useSchool } from './useSchool'

export interface UseRulesEditor {
  /** False on a device without a school, or signed in to a server as someone not its admin: the rules can be read, not changed. */
  canEdit: ComputedRef<boolean>
  /** Whether the device has a school (without one the rules are only read). */
  hasSchool: ComputedRef<boolean>
  /** Signed in to a school server as someone not its admin (the admin changes the rules there). */
  adminOnly: ComputedRef<boolean>
  /** The rules the school's own layer overrides (national, then region): each rule's default. */
  defaults: ComputedRef<ResolvedRules>
  /** The school's subjects per grade, for the subject budgets. */
  subjectsOfGrades: ComputedRef<ReadonlyMap<number, readonly string[]>>
  check: (level: LevelId, key: LevelRuleKey, value: unknown) => RuleProblem[]
  /** Sets a rule in the school's layer, or takes it out again (undefined: back to the default). */
  setRule: <K extends LevelRuleKey>(level: LevelId, key: K, value: LevelRules[K] | undefined) => Promise<void>
}

export function useRulesEditor(): UseRulesEditor {
  const db = appDb()
  const { context } = useSchool()
  const subjects = useLiveQuery(() => listGradeSubjects(db))
  const defaults = computed(() => rulesBelowSchool(context.value?.school.regionId ?? 'national'))
  const mayChange = useMayChangeSchool()
  return {
    canEdit: computed(() => !!context.value?.school && mayChange.value === true),
    hasSchool: computed(() => !!context.value?.school),
    adminOnly: computed(() => !!context.value?.school && mayChange.value === false),
    defaults,
    subjectsOfGrades: computed(() => {
      const map = new Map<number, string[]>()
      for (const row of subjects.data.value ?? []) map.set(row.grade, [...(map.get(row.grade) ?? []), row.subject])
      return map
    }),
    check: (level, key, value) => checkLevelRule(level, key, value, defaults.value),
    setRule: async (level, key, value) => {
      const school = context.value?.school
      if (!school) return
      await setSchoolRules(db, school.id, withRule(school.rules, level, key, value))
    },
  }
}
