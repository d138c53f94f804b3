// A form value as words, for the unsaved-changes list and the conflict list: minutes with their unit,
// kinds and places by name, layers as "does it" / "does not", dates as the app writes them.
import type { ComposerTranslation } from 'vue-i18n'
import { isIsoDate } from '@hl/core/domain/dates'
import type { FormField, ItemField } from '@hl/core/domain/designerForm'
import { formatDate } from '@hl/core/domain/formatDate'
import { displayMinutes } from '@/i18n/format'

export function formValueText(field: FormField | ItemField, value: unknown, t: ComposerTranslation, locale: string): string {
  const empty = t('designer.unsaved.empty')
  if (value === null || value === undefined || value === '') return empty
  if (field === 'minutes' || field === 'trialMinutes') return typeof value === 'number' ? t('designer.gauge.minutes', { n: displayMinutes(value) }) : empty
  if (field === 'kind') return t(`kind.${String(value)}`)
  if (field === 'where') return t(`where.${String(value)}`)
  if (field.startsWith('tiers.')) return t(value ? 'designer.unsaved.on' : 'designer.unsaved.off')
  if ((field === 'date' || field === 'due') && typeof value === 'string' && isIsoDate(value)) return formatDate(value, locale === 'en' ? 'en' : 'zh-CN')
  return String(value)
}

/** The label of a field: 学科, 第 2 项 预计用时, 第 1 项 提高层, … */
export function formFieldLabel(field: FormField | ItemField, position: number | undefined, t: ComposerTranslation): string {
  if (position === undefined) return t(`designer.unsaved.field.${field}`)
  const n = position + 1
  if (field.startsWith('tiers.')) return t('designer.unsaved.item.tiers', { n, tier: t(`tier.${field.slice(6)}`) })
  return t(`designer.unsaved.item.${field}`, { n })
}
