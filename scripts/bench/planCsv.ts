// The benchmark school's whole term as one plan file, as a teacher's spreadsheet would save it: one
// homework item a row, Chinese headers and words, UTF-8 without a BOM (so the reader has to detect the
// encoding, as it does for most files). Used by the report CLI's figures and the app's plan import.
import { closeSync, openSync, writeSync } from 'node:fs'
import { benchmarkSchoolOptions, generateSchool } from '../../src/demo/generateSchool'
import type { ItemKind, Tier } from '@hl/core/domain/types'

const KIND: Readonly<Record<ItemKind, string>> = { written: '书面', oral: '口头', reading: '阅读', practice: '实践', exercise: '体育', chores: '劳动' }
const TIER: Readonly<Record<Tier, string>> = { core: '基础', extend: '提高', challenge: '拓展' }

export const PLAN_HEADER = '日期,截止,年级,班级,学科,内容,类型,地点,分层,时长,先做时长'

/** Writes the plan of `generateSchool(benchmarkSchoolOptions(scale))` (limited to `weeks` when given) to `path`. */
export function writeBenchmarkPlan(path: string, scale = 1, weeks?: number): { items: number; bytes: number } {
  const school = generateSchool({ ...benchmarkSchoolOptions(scale), ...(weeks ? { weeks } : {}) })
  const fd = openSync(path, 'w')
  let bytes = 0
  let items = 0
  let buffer: string[] = [PLAN_HEADER]
  const flush = () => {
    const chunk = Buffer.from(`${buffer.join('\n')}\n`)
    bytes += writeSync(fd, chunk)
    buffer = []
  }
  try {
    for (const a of school.assignments) {
      const head = `${a.date},${a.due ?? ''},${a.classRef.grade},${a.classRef.className},${a.subject}`
      for (const item of a.items) {
        const tiers = item.tiers.length === 3 ? '' : item.tiers.map((t) => TIER[t]).join('|')
        buffer.push(`${head},${item.title},${KIND[item.kind]},${item.where === 'home' ? '家庭' : '校内'},${tiers},${item.minutes ?? ''},${item.trialMinutes ?? ''}`)
        items++
      }
      if (buffer.length >= 10_000) flush()
    }
    flush()
  } finally {
    closeSync(fd)
  }
  return { items, bytes }
}
