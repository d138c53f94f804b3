// The rules in force for this device. Today that is the national profile alone; when schools can
// adjust rules, their region and school layers (read live from the database) go into `overrides` here,
// and every screen that reads useActiveRules shows them without change.
import { computed, type ComputedRef } from 'vue'
import { LEVELS, NATIONAL_2021, resolveRules, type LevelId, type ResolvedRules, type RulesLayer } from '@/domain/rules/profile'
import type { Grade } from '@/domain/types'

export interface ActiveRules {
  rules: ComputedRef<ResolvedRules>
  levels: readonly { id: LevelId; firstGrade: Grade; lastGrade: Grade }[]
}

export function useActiveRules(): ActiveRules {
  const overrides: readonly RulesLayer[] = []
  const rules = computed(() => resolveRules(NATIONAL_2021, overrides))
  return { rules, levels: LEVELS }
}
