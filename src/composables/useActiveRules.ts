// The rules in force for this device: the national profile, then the school's region and its own layer
// (read live from the database through useSchool), so the Rules page shows what the checks apply.
import type { ComputedRef } from 'vue'
import { LEVELS, type LevelId, type ResolvedRules } from '@hl/core/domain/rules/profile'
import type { Grade } from '@hl/core/domain/types'
import { useSchool } from './useSchool'

export interface ActiveRules {
  rules: ComputedRef<ResolvedRules>
  levels: readonly { id: LevelId; firstGrade: Grade; lastGrade: Grade }[]
}

export function useActiveRules(): ActiveRules {
  const { rules } = useSchool()
  return { rules, levels: LEVELS }
}
