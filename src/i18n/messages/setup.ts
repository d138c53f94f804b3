// UI text of the setup screens (filled in by the screens' authors).
// vue-i18n message syntax: `{`, `}`, `@`, `$` and `|` are special, so none appear as plain text.

const zhCN = {}

const en: typeof zhCN = {}

export const setupMessages = { 'zh-CN': zhCN, en }
