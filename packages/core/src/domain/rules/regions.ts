// Region layers a school can choose at setup. Only variants documented in policy.md are listed; a school
// with other local rules sets them in its own layer.
import type { RulesLayer } from './profile'

export interface RegionPreset {
  id: string
  /** Name as users know it. */
  name: string
  layers: readonly RulesLayer[]
}

export const REGION_PRESETS: readonly RegionPreset[] = [
  { id: 'national', name: '全国统一标准', layers: [] },
  {
    id: 'anshan',
    name: '辽宁省鞍山市',
    layers: [
      // policy.md, "Known local variants": Anshan 0 / 45 / 60.
      { id: 'anshan', kind: 'region', name: '鞍山市', version: 1, levels: { upperPrimary: { dailyCapMinutes: 45 }, juniorHigh: { dailyCapMinutes: 60 } } },
    ],
  },
]

export function regionLayers(regionId: string): readonly RulesLayer[] {
  return REGION_PRESETS.find((r) => r.id === regionId)?.layers ?? []
}
