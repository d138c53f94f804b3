// The display names of stored Chinese names in the current locale (src/i18n/displayNames.ts): a
// subject, region, rule layer, calendar note, term name, document or clause. Stored values never change.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { HolidayId } from '@hl/core/domain/holidays'
import type { SourceId } from '@hl/core/domain/rules/sources'
import { calendarNoteText, clauseLabel, documentTitle, holidayName, layerName, regionName, subjectName, termDisplayName } from '@/i18n/displayNames'
import type { Locale } from '@/i18n/format'

export function useDisplayNames() {
  const { locale } = useI18n()
  const lang = computed<Locale>(() => (locale.value === 'en' ? 'en' : 'zh-CN'))
  return {
    lang,
    subject: (subject: string) => subjectName(subject, lang.value),
    region: (regionId: string) => regionName(regionId, lang.value),
    layer: (layer: { id: string; name: string }) => layerName(layer, lang.value),
    holiday: (holiday: HolidayId) => holidayName(holiday, lang.value),
    note: (note: string) => calendarNoteText(note, lang.value),
    term: (name: string) => termDisplayName(name, lang.value),
    document: (source: SourceId) => documentTitle(source, lang.value),
    clause: (clause: string) => clauseLabel(clause, lang.value),
  }
}
