// The parents' page of a 公示 link: one HTML page, no script, no app, no sign-in, that shows the class's
// week and nothing else (no student names, no layers). Every text from the records is escaped. Its
// words are here in both languages (the server shares no code with the app's messages); ?lang=en
// gives English. It prints on one A4 landscape page, with over-cap days marked in words.
import { isoWeekday } from '@hl/core/domain/dates'
import { roundMinutes } from '@hl/core/domain/minutes'
import type { PublicityTable } from '@hl/core/domain/publicity'
import type { ItemKind, Where } from '@hl/core/domain/types'

export type PageLang = 'zh-CN' | 'en'

const WORDS = {
  'zh-CN': {
    title: (school: string, cls: string) => `${school} ${cls} 作业公示`,
    week: (n: number) => `第 ${n} 周`,
    range: (from: string, to: string) => `${from} 至 ${to}`,
    publishedBy: (name: string) => `公示人：${name}`,
    header: ['日期', '学科', '作业内容', '形式', '地点', '预计时长（分钟）', '当天合计（分钟）', '上限（分钟）', '备注'],
    weekday: ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
    kind: { written: '书面', oral: '口头', reading: '阅读', practice: '实践', exercise: '体育', chores: '劳动' } as Record<ItemKind, string>,
    where: { home: '在家', school: '在校' } as Record<Where, string>,
    optional: '选做',
    evening: (i: number, of: number) => `第 ${i}/${of} 晚`,
    over: '▲ 超出上限',
    noHomework: '无作业',
    restDay: '休息日',
    noCap: '不设上限',
    footnote: '时长为全班平均完成时间的预计；“选做”由学生按需完成。本页只读，由学校发布。',
    gone: '这个链接已撤销或不存在。',
    goneTitle: '作业公示',
  },
  en: {
    title: (school: string, cls: string) => `${school} ${cls} homework`,
    week: (n: number) => `week ${n}`,
    range: (from: string, to: string) => `${from} to ${to}`,
    publishedBy: (name: string) => `Published by ${name}`,
    header: ['Date', 'Subject', 'Homework', 'Form', 'Where', 'Minutes (est.)', 'Day total (min)', 'Cap (min)', 'Note'],
    weekday: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    kind: { written: 'written', oral: 'oral', reading: 'reading', practice: 'practical', exercise: 'exercise', chores: 'chores' } as Record<ItemKind, string>,
    where: { home: 'home', school: 'school' } as Record<Where, string>,
    optional: 'optional',
    evening: (i: number, of: number) => `evening ${i}/${of}`,
    over: '▲ over the cap',
    noHomework: 'no homework',
    restDay: 'rest day',
    noCap: 'no cap',
    footnote: 'Minutes are estimates of the class’s average time; “optional” work is done as each student needs. This page is read-only, published by the school.',
    gone: 'This link was revoked or does not exist.',
    goneTitle: 'Homework',
  },
} as const

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const STYLE = `
  body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 1rem; color: #111; background: #fff; }
  h1 { font-size: 1.25rem; margin: 0 0 .25rem; }
  p { margin: .25rem 0; }
  table { border-collapse: collapse; width: 100%; margin-top: .5rem; font-size: .9375rem; }
  th, td { border: 1px solid #555; padding: .25rem .375rem; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr.over td { border-top: 3px double #000; border-bottom: 3px double #000; }
  tr.over td.total { font-weight: 700; }
  .over-mark { font-weight: 700; }
  .wrap { overflow-x: auto; }
  /* On a phone the table keeps readable columns and scrolls sideways, rather than a character a line. */
  @media screen { table { min-width: 42rem; } td:first-child { white-space: nowrap; } }
  /* On a phone, each day is a block of its own: its date on top, each cell on a line named by its column. */
  @media screen and (max-width: 40rem) {
    table { min-width: 0; }
    table, tbody, tr, td { display: block; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    tr { border: 1px solid #555; border-top: 1px dashed #999; }
    tr.first { margin-top: .5rem; border-top: 1px solid #555; }
    td, td.num, tr.over td { border: 0; padding: .125rem .5rem; text-align: left; }
    td:empty { display: none; }
    td.date { background: #eee; font-weight: 600; border-bottom: 1px solid #555; }
    td[data-label]::before { content: attr(data-label) "："; color: #444; }
    html[lang="en"] td[data-label]::before { content: attr(data-label) ": "; }
    tr.over { border-left: 4px double #000; border-right: 4px double #000; }
  }
  .foot { color: #444; font-size: .875rem; margin-top: .5rem; }
  @page { size: A4 landscape; margin: 10mm; }
  @media print { body { margin: 0; } .wrap { overflow: visible; } }
`

function shell(lang: PageLang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`
}

/** The table as HTML rows, each day's first row carrying the day's total, cap and over-cap mark. */
export function publicityPage(table: PublicityTable, lang: PageLang): string {
  const w = WORDS[lang]
  const title = w.title(table.schoolName, table.classRef.className)
  const rows: string[] = []
  // Each cell names its column, for the phone's one-line-a-cell layout (the header is hidden there).
  const label = (column: number): string => ` data-label="${escape(w.header[column] ?? '')}"`
  for (const day of table.days) {
    const date = `${day.date.slice(5)} ${w.weekday[isoWeekday(day.date)]}${day.restDay ? ` ${w.restDay}` : ''}`
    const total = day.averageMinutes === null ? '' : String(roundMinutes(day.averageMinutes))
    const cap = day.capMinutes === null ? w.noCap : String(day.capMinutes)
    const over = day.over ? `<span class="over-mark">${w.over}</span>` : ''
    const entries = day.entries.length ? day.entries : [null]
    entries.forEach((e, i) => {
      const first = i === 0
      const classes = [first ? 'first' : '', day.over ? 'over' : ''].filter(Boolean).join(' ')
      const cls = classes ? ` class="${classes}"` : ''
      const notes = e ? [e.optional ? w.optional : '', e.evening ? w.evening(e.evening.index, e.evening.of) : ''].filter(Boolean).map(escape).join(' ') : ''
      rows.push(
        `<tr${cls}>` +
          (first ? `<td class="date" rowspan="${entries.length}">${escape(date)}</td>` : '') +
          (e
            ? `<td${label(1)}>${escape(e.subject)}</td><td${label(2)}>${escape(e.content)}</td><td${label(3)}>${escape(w.kind[e.kind])}</td><td${label(4)}>${escape(w.where[e.where])}</td><td class="num"${label(5)}>${roundMinutes(e.minutes)}</td>`
            : `<td></td><td>${escape(w.noHomework)}</td><td></td><td></td><td></td>`) +
          (first ? `<td class="num total" rowspan="${entries.length}"${label(6)}>${escape(total)}</td><td class="num" rowspan="${entries.length}"${label(7)}>${escape(cap)}</td>` : '') +
          `<td>${[notes, first ? over : ''].filter(Boolean).join(' ')}</td></tr>`,
      )
    })
  }
  const week = table.teachingWeek ? `${w.week(table.teachingWeek)} · ` : ''
  const body =
    `<h1>${escape(title)}</h1>` +
    `<p>${escape(week + w.range(table.weekStart, table.weekEnd))} · ${escape(w.publishedBy(table.publishedBy))}</p>` +
    `<div class="wrap" tabindex="0" role="region" aria-label="${escape(title)}"><table><thead><tr>${w.header.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>` +
    `<p class="foot">${escape(w.footnote)}</p>`
  return shell(lang, title, body)
}

/** A revoked or unknown link: says so, and nothing about any school. */
export function gonePage(lang: PageLang): string {
  const w = WORDS[lang]
  return shell(lang, w.goneTitle, `<h1>${escape(w.goneTitle)}</h1><p>${escape(w.gone)}</p>`)
}
