// 精选: the item bank, live, with what each item learned from use, the search (Chinese and pinyin
// initials) and filters, and the file shared with the subject group. The pinyin matcher (pinyin-match,
// about 20 KiB gzipped) is loaded only when the bank screen or the designer's picker opens: until it
// is there, the search matches plain text.
import { computed, ref, shallowRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { chinaDate } from '@hl/core/domain/dates'
import { filterBank, plainMatcher, pointList, type BankFilter, type BankItem, type BankItemStats, type PinyinMatcher } from '@hl/core/domain/bank'
import { tiersOf } from '@hl/core/domain/assignmentDraft'
import { rulesForGrade } from '@hl/core/domain/rules/profile'
import type { BankProblem } from '@hl/core/formats/bankFile'
import type { BankItemRow } from '@hl/core/records'
import { appDb } from '@/db/database'
import { importBank, listBank, loadBankStats, removeBankItem, restoreBankItem, saveToBank, updateBankItem, type BankImportResult, type BankItemFields } from '@/db/repos/bank'
import { downloadText } from './download'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export type { BankItemFields, BankImportResult, BankProblem }

let matcher: Promise<PinyinMatcher> | undefined
/** pinyin-match, loaded once, on first use. */
export function loadPinyinMatcher(): Promise<PinyinMatcher> {
  return (matcher ??= import('pinyin-match').then((m) => {
    const lib = (m.default ?? m) as { match: (text: string, q: string) => [number, number] | false }
    return (text: string, q: string) => lib.match(text, q) !== false || plainMatcher(text, q)
  }))
}

export interface BankEntry {
  row: BankItemRow
  item: BankItem
  stats: BankItemStats | undefined
}

export function toBankItem(row: BankItemRow): BankItem {
  return { id: row.id, grade: row.grade, subject: row.subject, title: row.title, book: row.book, pages: row.pages, unit: row.unit, points: pointList(row.points), difficulty: row.difficulty, kind: row.kind, tiers: tiersOf(row.tiers), minutes: row.minutes, trialMinutes: row.trialMinutes }
}

export function useBank(filter: Ref<BankFilter>) {
  const db = appDb()
  const { t } = useI18n()
  const school = useSchool()
  const match = shallowRef<PinyinMatcher>(plainMatcher)
  void loadPinyinMatcher().then((m) => (match.value = m))
  const rows = useLiveQuery(() => listBank(db))
  const stats = useLiveQuery(() => loadBankStats(db, (grade) => rulesForGrade(school.rules.value, grade).teacherMultiplier), [() => school.rules.value])

  const entries = computed<BankEntry[]>(() => {
    const s = stats.data.value
    return (rows.data.value ?? []).map((row) => ({ row, item: toBankItem(row), stats: s?.get(row.id)?.stats }))
  })
  const shown = computed(() => {
    const byId = new Map(entries.value.map((e) => [e.item.id, e]))
    return filterBank(
      entries.value.map((e) => e.item),
      filter.value,
      (id) => byId.get(id)?.stats,
      match.value,
    ).map((i) => byId.get(i.id)!)
  })

  const importing = ref<{ fileName: string; problems: BankProblem[] } | { fileName: string; result: BankImportResult } | null>(null)

  return {
    entries,
    shown,
    isLoading: computed(() => rows.isLoading.value),
    importing,
    save: (fields: BankItemFields, fromItemId?: string) => saveToBank(db, fields, fromItemId),
    update: (id: string, patch: Partial<BankItemFields>) => updateBankItem(db, id, patch),
    async remove(id: string): Promise<() => Promise<void>> {
      await removeBankItem(db, id)
      return () => restoreBankItem(db, id)
    },
    // The file format (and its schemas) is loaded when a file is written or read, not with the screen.
    async exportFile(subject?: string): Promise<string> {
      const list = (rows.data.value ?? []).filter((r) => subject === undefined || r.subject === subject)
      const fileName = t('bank.file.name', { date: chinaDate(Date.now()).replaceAll('-', '') })
      const { writeBankFile } = await import('@hl/core/formats/bankFile')
      downloadText(fileName, writeBankFile(list, new Date()), 'application/json')
      return fileName
    },
    /** Reads and merges a chosen file; a bad file changes nothing and its problems are kept to show. */
    async importFile(file: File): Promise<void> {
      const { readBankBytes } = await import('@hl/core/formats/bankFile')
      const read = readBankBytes(new Uint8Array(await file.arrayBuffer()))
      if (!read.ok) {
        importing.value = { fileName: file.name, problems: read.problems }
        return
      }
      importing.value = { fileName: file.name, result: await importBank(db, read.file.items) }
    },
  }
}
