// Dates for people. This is the only module that uses dayjs (house-style habit 2); it is imported by the
// screens that show dates, so dayjs stays off the first load.
import dayjs from 'dayjs'
import { isoWeekday } from './dates'
import type { IsoDate } from './types'

const ZH_WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** A date the Chinese way, e.g. '11月23日 周一'; English: 'Mon 23 Nov'. */
export function formatDate(date: IsoDate, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const d = dayjs(date)
  if (locale === 'en') return d.format('ddd D MMM')
  return `${d.month() + 1}月${d.date()}日 ${ZH_WEEKDAYS[isoWeekday(date) - 1]}`
}

/** A date with its year, for terms and calendars: '2026年10月1日 周四'; English: 'Thu 1 Oct 2026'. */
export function formatDateWithYear(date: IsoDate, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const d = dayjs(date)
  if (locale === 'en') return d.format('ddd D MMM YYYY')
  return `${d.year()}年${formatDate(date, 'zh-CN')}`
}
