// Conflicts as a person reads them: which record ("作业内容「练习册 p23」"), which field, and both values
// in words. The records are read from this device, live (a restore shows at once).
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { isTableName } from '@hl/core/schema/tables'
import type { ConflictRow } from '@hl/core/sync/protocol'
import { appDb } from '@/db/database'
import { useLiveQuery } from './useLiveQuery'

type Row = Record<string, unknown> | undefined

function recordLabel(table: string, row: Row): string {
  if (!row) return '—'
  if (table === 'items') return String(row.title ?? '') || '—'
  if (table === 'assignments') return `${String(row.subject ?? '')} ${String(row.date ?? '')}`.trim()
  if (typeof row.name === 'string' && row.name) return row.name
  return String(row.id ?? '')
}

export function useConflictLabels(conflicts: () => readonly ConflictRow[]) {
  const { t } = useI18n()
  const db = appDb()
  const rows = useLiveQuery(
    async () => {
      const out = new Map<string, Row>()
      for (const c of conflicts()) if (isTableName(c.table)) out.set(c.id, (await db.table(c.table).get(c.recordId)) as Row)
      return out
    },
    [() => conflicts().map((c) => c.id).join()],
  )
  const valueText = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('sync.empty')
    if ((field === 'minutes' || field === 'trialMinutes') && typeof value === 'number') return t('sync.minutes', { n: value })
    if (field === 'kind') return t(`kind.${String(value)}`)
    if (field === 'where') return t(`where.${String(value)}`)
    if (field === 'tier') return t(`tier.${String(value)}`)
    if (typeof value === 'object') return JSON.stringify(value).slice(0, 80)
    return String(value).slice(0, 80)
  }
  return computed(() =>
    conflicts().map((c) => {
      const row = rows.data.value?.get(c.id)
      const fieldKey = `sync.fields.${c.field}`
      const fieldLabel = c.field ? (t(fieldKey) === fieldKey ? c.field : t(fieldKey)) : ''
      return {
        ...c,
        label: recordLabel(c.table, row),
        fieldLabel,
        keptText: c.kind === 'deleted' ? t('sync.empty') : valueText(c.field, c.kept),
        lostText: c.kind === 'deleted' && c.lost && typeof c.lost === 'object' ? Object.entries(c.lost as Record<string, unknown>).map(([k, v]) => `${t(`sync.fields.${k}`)} ${valueText(k, v)}`).join('，') : valueText(c.field, c.lost),
        present: row !== undefined,
      }
    }),
  )
}
