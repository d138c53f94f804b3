// A moment (epoch ms) as people read it, in China Standard Time: "12月2日 14:05", "Dec 2, 14:05".
const formats = new Map<string, Intl.DateTimeFormat>()

export function formatWhen(ms: number, lang: 'zh-CN' | 'en'): string {
  let f = formats.get(lang)
  if (!f) formats.set(lang, (f = new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', month: lang === 'en' ? 'short' : 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })))
  return f.format(ms)
}
