// 精选: the item bank. Items are saved from the designer (any item, with its book, pages, unit,
// knowledge points, difficulty, kind and layers) or typed on the bank screen, picked again in the
// designer (a use: bank item → the item it became), and shared with the subject group as a file that
// merges by id. What an item learned (uses, error rate, real minutes) is computed from the records of
// its uses, never stored.
import { bankItemStats, itemShareOfReport, type BankItemStats, type BankItemUse } from '@hl/core/domain/bank'
import { isHandedIn, type StudentGrading } from '@hl/core/domain/grading'
import { writtenHomeMinutes } from '@hl/core/domain/realTimes'
import type { Tier } from '@hl/core/domain/types'
import type { BankRow } from '@hl/core/formats/bankFile'
import { uuidv7 } from '@hl/core/ids'
import type { BankItemRow, Fields } from '@hl/core/records'
import type { AppDB } from '../database'
import { liveRow, liveRows } from '../read'
import { toItem } from '../toDomain'
import { write } from '../write'
import { bankUseId, countedUses } from './bankLinks'

export type BankItemFields = Fields<BankItemRow>

export async function listBank(db: AppDB): Promise<BankItemRow[]> {
  // Newest first: UUIDv7 ids are time-ordered.
  return (await liveRows(db.bankItems)).sort((a, b) => (a.id < b.id ? 1 : -1))
}

/** Saves an item to the bank; `fromItemId` (an item already set) counts as its first use. */
export async function saveToBank(db: AppDB, fields: BankItemFields, fromItemId?: string): Promise<BankItemRow> {
  return write(db, ['bankItems', 'bankUses'], async (w) => {
    const row = await w.create('bankItems', uuidv7(), fields)
    if (fromItemId) await w.upsert('bankUses', bankUseId(row.id, fromItemId), { bankItemId: row.id, itemId: fromItemId })
    return row
  })
}

export async function updateBankItem(db: AppDB, id: string, patch: Partial<BankItemFields>): Promise<void> {
  await write(db, ['bankItems'], (w) => w.update('bankItems', id, patch))
}

export async function removeBankItem(db: AppDB, id: string): Promise<void> {
  await write(db, ['bankItems'], (w) => w.remove('bankItems', id))
}

export async function restoreBankItem(db: AppDB, id: string): Promise<void> {
  await write(db, ['bankItems'], (w) => w.restore('bankItems', id))
}

export interface BankUseDetail extends BankItemUse {
  assignmentId: string
  itemId: string
}

/**
 * What each bank item learned from its uses: only uses whose item and assignment are live and
 * published count. Error rates from the graded students whose layer does the item; real minutes from
 * finished reports, each the item's share of the student's estimate.
 */
export async function loadBankStats(db: AppDB, multiplierOf: (grade: number) => number): Promise<Map<string, { stats: BankItemStats; uses: BankUseDetail[] }>> {
  const counted = await countedUses(db, await liveRows(db.bankUses))
  const assignments = new Map(counted.map((c) => [c.assignment.id, c.assignment]))
  const assignmentIds = [...assignments.keys()]
  const classIds = [...new Set([...assignments.values()].map((a) => a.classId))]
  const [marks, gradings, reports, tiers, siblings, classes] = await Promise.all([
    assignmentIds.length ? liveRows(db.itemMarks.where('assignmentId').anyOf(assignmentIds)) : [],
    assignmentIds.length ? liveRows(db.gradings.where('assignmentId').anyOf(assignmentIds)) : [],
    assignmentIds.length ? liveRows(db.timeReports.where('assignmentId').anyOf(assignmentIds)) : [],
    classIds.length ? liveRows(db.studentTiers.where('classId').anyOf(classIds)) : [],
    assignmentIds.length ? liveRows(db.items.where('assignmentId').anyOf(assignmentIds)) : [],
    db.classes.bulkGet(classIds),
  ])
  const gradeOf = new Map(classes.flatMap((c) => (c ? [[c.id, c.grade] as const] : [])))
  const out = new Map<string, { stats: BankItemStats; uses: BankUseDetail[] }>()
  const details = new Map<string, BankUseDetail[]>()
  for (const { use, item, assignment: a } of counted) {
    const tierOf = (studentId: string): Tier => tiers.find((t) => t.studentId === studentId && t.subject === a.subject)?.tier ?? 'core'
    const doesItem = (studentId: string) => item.tiers[tierOf(studentId)]
    const graded = gradings.filter((g) => g.assignmentId === a.id && (g.level !== '' || g.score !== null) && isHandedIn(g as StudentGrading) && doesItem(g.studentId))
    const wrong = marks.filter((m) => m.itemId === item.id && m.wrong && graded.some((g) => g.studentId === m.studentId)).length
    const byTier = writtenHomeMinutes(siblings.filter((i) => i.assignmentId === a.id).map(toItem), multiplierOf(gradeOf.get(a.classId) ?? 7))
    const itemOnly = writtenHomeMinutes([toItem(item)], multiplierOf(gradeOf.get(a.classId) ?? 7))
    const minutes = reports
      .filter((r) => r.assignmentId === a.id && !r.stopped && doesItem(r.studentId))
      .flatMap((r) => {
        const share = itemShareOfReport(r.minutes, itemOnly[tierOf(r.studentId)], byTier[tierOf(r.studentId)])
        return share === null ? [] : [share]
      })
    const list = details.get(use.bankItemId) ?? []
    list.push({ assignmentId: a.id, itemId: item.id, classId: a.classId, date: a.date, checked: graded.length, wrong, minutes })
    details.set(use.bankItemId, list)
  }
  for (const [id, list] of details) out.set(id, { stats: bankItemStats(list), uses: list })
  return out
}

export interface BankImportResult {
  added: number
  updated: number
  unchanged: number
  /** Items deleted on this device: an explicit delete stands (sync-design: delete wins). */
  keptDeleted: number
}

/**
 * Merges a bank file by id, in one transaction: a new id is added; a known one takes, field by field,
 * the file's value where the file's change is later (its field clock), so a teacher's own later edit
 * is kept; an item deleted here stays deleted. The same file imported twice changes nothing.
 */
export async function importBank(db: AppDB, rows: readonly BankRow[]): Promise<BankImportResult> {
  return write(db, ['bankItems'], async (w) => {
    const result: BankImportResult = { added: 0, updated: 0, unchanged: 0, keptDeleted: 0 }
    for (const row of rows) {
      const local = await db.bankItems.get(row.id)
      const { id, updatedAt: _u, fieldClock, deletedAt, version: _v, ...fields } = row
      if (deletedAt !== undefined) {
        result.unchanged++
        continue
      }
      if (!local) {
        await w.create('bankItems', id, fields)
        result.added++
        continue
      }
      if (local.deletedAt !== undefined) {
        result.keptDeleted++
        continue
      }
      const patch: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(fields)) {
        const theirs = fieldClock[key] ?? row.updatedAt
        const ours = local.fieldClock[key] ?? local.updatedAt
        if (theirs > ours && JSON.stringify((local as Record<string, unknown>)[key]) !== JSON.stringify(value)) patch[key] = value
      }
      if (Object.keys(patch).length === 0) result.unchanged++
      else {
        await w.update('bankItems', id, patch as Partial<BankItemFields>)
        result.updated++
      }
    }
    return result
  })
}

export async function getBankItem(db: AppDB, id: string): Promise<BankItemRow | undefined> {
  return liveRow(db.bankItems, id)
}
