// The 公示 table as a sheet, for CSV (UTF-8 with a BOM, so Excel and WPS read the Chinese) and XLSX: the
// table's title in the first row, then who and which week, then one row per item with the day's total
// against the cap on the day's first row. Words come from the caller (the app's messages), so the sheet
// is in the user's language; cells are guarded against formula injection by writeCsv.
import { isoWeekday } from '../domain/dates'
import { roundMinutes } from '../domain/minutes'
import type { PublicityTable } from '../domain/publicity'
import type { ItemKind, Where } from '../domain/types'
import { writeCsv } from './csv'
import { displayWidth } from './displayWidth'

export interface PublicityWords {
  /** The table's title: school, class and week. */
  title(table: PublicityTable): string
  /** Who published it and the dates. */
  subtitle(table: PublicityTable): string
  header: { date: string; subject: string; content: string; kind: string; where: string; minutes: string; total: string; cap: string; note: string }
  weekday(isoWeekday: number): string
  kind(kind: ItemKind): string
  where(where: Where): string
  /** 选做 (not every student), neutral. */
  optional: string
  /** "第 2 / 3 晚" for work spread over evenings. */
  evening(index: number, of: number): string
  /** 超出上限, written out (survives black-and-white printing). */
  over: string
  noHomework: string
  restDay: string
  noCap: string
}

export type Cell = string | number

export interface PublicitySheet {
  title: string
  subtitle: string
  header: string[]
  rows: Cell[][]
  /** Column widths in characters (Chinese characters count two). */
  widths: number[]
}

/** The sheet of one class-week. */
export function publicitySheet(table: PublicityTable, words: PublicityWords): PublicitySheet {
  const h = words.header
  const header = [h.date, h.subject, h.content, h.kind, h.where, h.minutes, h.total, h.cap, h.note]
  const rows: Cell[][] = []
  for (const day of table.days) {
    const date = `${day.date.slice(5)} ${words.weekday(isoWeekday(day.date))}${day.restDay ? ` ${words.restDay}` : ''}`
    const total = day.averageMinutes === null ? '' : roundMinutes(day.averageMinutes)
    const cap = day.capMinutes === null ? words.noCap : day.capMinutes
    const over = day.over ? words.over : ''
    if (day.entries.length === 0) {
      rows.push([date, '', words.noHomework, '', '', '', total, cap, over])
      continue
    }
    day.entries.forEach((e, i) => {
      const notes = [e.optional ? words.optional : '', e.evening ? words.evening(e.evening.index, e.evening.of) : '', i === 0 ? over : ''].filter(Boolean).join(' ')
      rows.push([i === 0 ? date : '', e.subject, e.content, words.kind(e.kind), words.where(e.where), roundMinutes(e.minutes), i === 0 ? total : '', i === 0 ? cap : '', notes])
    })
  }
  const widths = header.map((label, c) => Math.min(60, Math.max(6, displayWidth(label), ...rows.map((r) => displayWidth(String(r[c] ?? '')))) + 2))
  return { title: words.title(table), subtitle: words.subtitle(table), header, rows, widths }
}

/** One or several class-weeks as CSV: each with its title first, a blank line between classes. */
export function publicityCsv(tables: readonly PublicityTable[], words: PublicityWords): string {
  const rows: Cell[][] = []
  tables.forEach((t, i) => {
    const sheet = publicitySheet(t, words)
    if (i > 0) rows.push([])
    rows.push([sheet.title], [sheet.subtitle], sheet.header, ...sheet.rows)
  })
  return writeCsv(rows)
}

/** 作业公示-5(1)-20261123.csv; characters file systems refuse become '_'. */
export function publicityFileName(label: string, weekStart: string, ext: 'csv' | 'xlsx'): string {
  const safe = label.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 60) || 'class'
  return `作业公示-${safe}-${weekStart.replaceAll('-', '')}.${ext}`
}
