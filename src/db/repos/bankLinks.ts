// The designer's side of the item bank (精选): which items of a form came from the bank, the link made
// when one is picked, and where those bank items were set before in a class (重复性作业: 意见 二.6 asks
// for no mechanical, repeated homework). Small reads, apart from what the bank learned (bank.ts), so
// the designer reads and loads only what it shows.
import { naturalId } from '@hl/core/ids'
import type { AssignmentRow, BankUseRow, ItemRow } from '@hl/core/records'
import type { AppDB } from '../database'
import { liveRows } from '../read'
import { write } from '../write'

export const bankUseId = (bankItemId: string, itemId: string): string => naturalId(bankItemId, itemId)

/** A bank item picked into the form: a use (bank item → the item it became), counted once the item is saved. */
export async function linkBankItem(db: AppDB, bankItemId: string, itemId: string): Promise<void> {
  await write(db, ['bankUses'], (w) => w.upsert('bankUses', bankUseId(bankItemId, itemId), { bankItemId, itemId }))
}

/** The bank links of some (draft or saved) items, by item id. */
export async function bankLinksOf(db: AppDB, itemIds: readonly string[]): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map()
  const uses = await liveRows(db.bankUses.where('itemId').anyOf([...itemIds]))
  return new Map(uses.map((u) => [u.itemId, u.bankItemId]))
}

/**
 * Assignments set together for parallel classes: the first one's items kept the designer's ids (and so
 * its bank links); the others' items at the same places are uses of the same bank items too.
 */
export async function propagateBankUses(db: AppDB, assignmentIds: readonly string[]): Promise<void> {
  if (assignmentIds.length < 2) return
  const items = await liveRows(db.items.where('assignmentId').anyOf([...assignmentIds]))
  const at = (assignmentId: string) => items.filter((i) => i.assignmentId === assignmentId).sort((a, b) => a.position - b.position)
  const first = at(assignmentIds[0]!)
  const links = await bankLinksOf(db, first.map((i) => i.id))
  if (links.size === 0) return
  await write(db, ['bankUses'], async (w) => {
    for (const other of assignmentIds.slice(1)) {
      const list = at(other)
      for (const [position, item] of first.entries()) {
        const bankItemId = links.get(item.id)
        const copy = list[position]
        if (bankItemId && copy) await w.upsert('bankUses', bankUseId(bankItemId, copy.id), { bankItemId, itemId: copy.id })
      }
    }
  })
}

/** A bank use that counts: its item live, in live published homework (the bank's figures and the repeat check alike). */
export interface CountedUse {
  use: BankUseRow
  item: ItemRow
  assignment: AssignmentRow
}

/** Which of `uses` count, each with its item and assignment: two bulk reads. */
export async function countedUses(db: AppDB, uses: readonly BankUseRow[]): Promise<CountedUse[]> {
  const items = new Map((await db.items.bulkGet([...new Set(uses.map((u) => u.itemId))])).filter((i): i is ItemRow => i !== undefined && i.deletedAt === undefined).map((i) => [i.id, i]))
  const assignments = new Map(
    (await db.assignments.bulkGet([...new Set([...items.values()].map((i) => i.assignmentId))]))
      .filter((a): a is AssignmentRow => a !== undefined && a.deletedAt === undefined && a.status === 'published')
      .map((a) => [a.id, a]),
  )
  return uses.flatMap((use) => {
    const item = items.get(use.itemId)
    const assignment = item && assignments.get(item.assignmentId)
    return item && assignment ? [{ use, item, assignment }] : []
  })
}

/**
 * For each linked item of a form (item id → bank item id), the latest date its bank item was set in
 * `classId` before, by another item (uses that count, as in the bank's figures).
 */
export async function earlierUsesInClass(db: AppDB, links: ReadonlyMap<string, string>, classId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (links.size === 0) return out
  const counted = await countedUses(db, await liveRows(db.bankUses.where('bankItemId').anyOf([...new Set(links.values())])))
  for (const [itemId, bankItemId] of links) {
    for (const { use, assignment } of counted) {
      if (use.bankItemId !== bankItemId || use.itemId === itemId || assignment.classId !== classId) continue
      if (assignment.date > (out.get(itemId) ?? '')) out.set(itemId, assignment.date)
    }
  }
  return out
}
