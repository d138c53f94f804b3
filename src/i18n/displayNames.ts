// The words a locale shows for names stored or shipped in Chinese (messages/names.ts): subjects, regions,
// rule layers, holidays and calendar notes, term names, policy documents and clause numbers. Plain
// functions of the locale, for the app (useDisplayNames) and the CLI alike. A name a table lacks (a
// school's own subject or note) is shown as it is: it is the school's text.
import { HOLIDAY_NAMES, parseHolidayNote, type HolidayId, type NamedHolidayId } from '@hl/core/domain/holidays'
import { REGION_PRESETS } from '@hl/core/domain/rules/regions'
import { SOURCES, type SourceId } from '@hl/core/domain/rules/sources'
import { parseTermName } from '@hl/core/domain/schoolTerm'
import { translate, type Locale } from './format'
import { textIn } from './localeText'
import { namesMessages } from './messages/names'

const maps = new WeakMap<object, ReadonlyMap<string, string>>()
function lookup(locale: Locale, table: 'subjects' | 'regions' | 'layers' | 'holidays' | 'documents', key: string): string | undefined {
  const source: Readonly<Record<string, string>> = names(locale)[table]
  let map = maps.get(source)
  if (!map) {
    map = new Map(Object.entries(source))
    maps.set(source, map)
  }
  return map.get(key)
}

const names = (locale: Locale) => textIn(namesMessages, locale)

/** 语文 → 'Chinese' in English; the stored name itself in Chinese and for a subject the table lacks. */
export function subjectName(subject: string, locale: Locale): string {
  return lookup(locale, 'subjects', subject) ?? subject
}

/** A region preset's name, e.g. 辽宁省鞍山市 → 'Anshan, Liaoning'. */
export function regionName(regionId: string, locale: Locale): string {
  return lookup(locale, 'regions', regionId) ?? REGION_PRESETS.find((r) => r.id === regionId)?.name ?? regionId
}

/** A rules layer's name: 全国（2021） → 'National (2021)'; a school's own layer is the school's name. */
export function layerName(layer: { id: string; name: string }, locale: Locale): string {
  return lookup(locale, 'layers', layer.id) ?? layer.name
}

export function holidayName(holiday: HolidayId, locale: Locale): string {
  if (holiday === 'other') return ''
  return lookup(locale, 'holidays', holiday) ?? HOLIDAY_NAMES[holiday as NamedHolidayId]
}

/** A calendar day's stored note: '国庆节调休上课' → 'National Day make-up school day'; the school's own notes as written. */
export function calendarNoteText(note: string, locale: Locale): string {
  const parsed = parseHolidayNote(note)
  if (!parsed || locale === 'zh-CN') return note
  const name = holidayName(parsed.holiday, locale)
  return parsed.makeUp ? translate(names(locale), 'makeUpDay', { holiday: name }) : name
}

/** A term name in the usual form ('2026—2027学年第一学期', or its English) in the locale; any other name as written. */
export function termDisplayName(name: string, locale: Locale): string {
  const parsed = parseTermName(name)
  return parsed ? formatTermName(parsed, locale) : name
}

export function formatTermName(term: { schoolYear: number; half: 1 | 2 }, locale: Locale): string {
  const table = names(locale)
  return translate(table, 'term.name', { from: term.schoolYear, to: term.schoolYear + 1, half: translate(table, `term.half${term.half}`) })
}

/** A policy document's full title: the Chinese title as published, or its English rendering. */
export function documentTitle(source: SourceId, locale: Locale): string {
  return lookup(locale, 'documents', source) ?? SOURCES[source].title
}

const NUMERALS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']

/**
 * A clause number as a reader of the locale expects it: 二.5 stays 二.5 in Chinese and reads
 * 'Section II.5' in English (the documents number their parts 一、二、三); 措施2 is 'Measure 2'.
 */
export function clauseLabel(clause: string, locale: Locale): string {
  if (locale === 'zh-CN' || clause === '') return clause
  const table = names(locale)
  const measure = /^措施(\d+)$/.exec(clause)
  if (measure) return translate(table, 'clause.measure', { n: measure[1]! })
  const section = /^([一二三四五六七八九十])(?:\.(\d+))?$/.exec(clause)
  if (section) {
    const roman = ROMAN[NUMERALS[section[1]!]!]!
    return translate(table, 'clause.section', { n: section[2] ? `${roman}.${section[2]}` : roman })
  }
  return clause
}
