// UI text of the weeks screens (filled in by the screens' authors).
// vue-i18n message syntax: `{`, `}`, `@`, `$` and `|` are special, so none appear as plain text.

const zhCN = {}

const en: typeof zhCN = {}

export const weeksMessages = { 'zh-CN': zhCN, en }
