// Bringing an older backup up to the current shape, one explicit step per version (house-style habit 5,
// after Hoppscotch's per-version `up()`): a step takes the parsed JSON of version n and returns version
// n + 1. Steps work on plain JSON and only touch what they know; the schema check that follows the last
// step catches anything else.
//
// Version 0 (the pre-release builds of the app, before the first published version) differed from 1 in:
// - items carried their layers as an array, `tiers: ['core', 'extend']`; version 1 keeps a stable map
//   `tiers: { core: true, extend: true, challenge: false }` (sets as maps, ../shared/sync-design.md);
// - an assignment without a later due date had `due: null`; version 1 writes `due: ''`;
// - items without an estimate left `minutes` / `trialMinutes` out; version 1 writes `null`;
// - the file had no `schemaVersion`: those builds ran database schema 1.
//
// Version 1 → 2: the file gained `drafts`, the designer's unsaved work on the device (version 1 kept it
// in the tab's sessionStorage, outside any backup): a version-1 file has none.
//
// Version 2 → 3: the file gained the grade leader's tables (database schema 5): `gradeBudgets` (统筹)
// and `approvals` (审核 decisions). A version-2 file has neither.

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

const TIER_NAMES = ['core', 'extend', 'challenge'] as const

function rowsOf(tables: Json, name: string): unknown[] {
  const rows = tables[name]
  return Array.isArray(rows) ? rows : []
}

/** Version 0 → 1. */
export function upgradeV0toV1(file: Json): Json {
  const tables = isObject(file.tables) ? file.tables : {}
  const items = rowsOf(tables, 'items').map((row) => {
    if (!isObject(row)) return row
    const out: Json = { ...row }
    if (Array.isArray(row.tiers)) {
      const list = row.tiers as unknown[]
      out.tiers = Object.fromEntries(TIER_NAMES.map((t) => [t, list.includes(t)]))
    }
    if (!('minutes' in row)) out.minutes = null
    if (!('trialMinutes' in row)) out.trialMinutes = null
    return out
  })
  const assignments = rowsOf(tables, 'assignments').map((row) => (isObject(row) && row.due === null ? { ...row, due: '' } : row))
  return {
    ...file,
    version: 1,
    schemaVersion: typeof file.schemaVersion === 'number' ? file.schemaVersion : 1,
    tables: { ...tables, ...(Array.isArray(tables.items) ? { items } : {}), ...(Array.isArray(tables.assignments) ? { assignments } : {}) },
  }
}

/** Version 1 → 2. */
export function upgradeV1toV2(file: Json): Json {
  return { ...file, version: 2, drafts: Array.isArray(file.drafts) ? file.drafts : [] }
}

/** Version 2 → 3. */
export function upgradeV2toV3(file: Json): Json {
  const tables = isObject(file.tables) ? file.tables : {}
  return { ...file, version: 3, tables: { ...tables, gradeBudgets: rowsOf(tables, 'gradeBudgets'), approvals: rowsOf(tables, 'approvals') } }
}

/** The steps, indexed by the version they start from. */
export const UPGRADES: readonly ((file: Json) => Json)[] = [upgradeV0toV1, upgradeV1toV2, upgradeV2toV3]

/** Runs every step from `from` to the current version (UPGRADES.length). */
export function upgradeBackup(file: Json, from: number): Json {
  let current = file
  for (let v = from; v < UPGRADES.length; v++) current = UPGRADES[v]!(current)
  return current
}
