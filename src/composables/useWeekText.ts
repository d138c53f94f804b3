// The class week's words, shared by its two forms (the desktop grid and the phone's day list), so a
// figure, a cap or a tag reads the same in both.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatDate } from '@hl/core/domain/formatDate'
import { roundMinutes } from '@hl/core/domain/minutes'
import type { WeekTableEntry } from '@hl/core/domain/weekTable'
import type { WeekGrid } from '@hl/core/domain/weekGrid'
import type { ApprovalState } from '@hl/core/domain/approval'

type GridDay = WeekGrid['days'][number]

export interface DayFigures {
  date: string
  label: string
  home: string
  heaviest: string
  atSchool: string
  other: string
  cap: string
}

export function useWeekText(statusOf: () => ReadonlyMap<string, ApprovalState>, authorOf: () => ReadonlyMap<string, string> = () => new Map()) {
  const { t, locale } = useI18n()
  const lang = computed(() => (locale.value === 'en' ? 'en' : 'zh-CN'))
  const minutes = (n: number) => t('weeks.classWeek.minutes', { n: roundMinutes(n) })

  function capText(cap: number | null): string {
    return cap === null ? t('weeks.classWeek.capNone') : cap === 0 ? t('weeks.classWeek.capZero') : minutes(cap)
  }

  function dayFigures(d: GridDay): DayFigures {
    const load = d.load
    const figure = (n: number | undefined) => (load && n !== undefined ? minutes(n) : t('weeks.classWeek.dash'))
    return {
      date: d.date,
      label: formatDate(d.date, lang.value),
      home: figure(load?.averageMinutes),
      heaviest: figure(load?.maxStudentMinutes),
      atSchool: figure(load?.atSchoolMinutes),
      other: figure(load?.otherMinutes),
      cap: capText(d.capMinutes),
    }
  }

  /** An entry's minutes this evening, with "evening 2 of 3" when it spreads over several. */
  function entryMinutes(entry: WeekTableEntry): string {
    return minutes(entry.minutes) + (entry.evening ? t('weeks.classWeek.spread', { index: entry.evening.index, of: entry.evening.of }) : '')
  }

  /** What sets an entry apart: another teacher's, not written, done at school, not for every layer, still a draft. */
  function tags(entry: WeekTableEntry): string[] {
    const out: string[] = []
    const author = authorOf().get(entry.assignmentId)
    if (author) out.push(author)
    if (entry.kind !== 'written') out.push(t(`kind.${entry.kind}`))
    if (entry.where === 'school') out.push(t('where.school'))
    if (!entry.everyone) out.push(t('weeks.classWeek.layered'))
    const state = statusOf().get(entry.assignmentId)
    if (state === 'draft') out.push(t('weeks.classWeek.draft'))
    else if (state === 'submitted' || state === 'returned' || state === 'approved') out.push(t(`weeks.approval.${state}`))
    return out
  }

  return { lang, minutes, capText, dayFigures, entryMinutes, tags }
}
