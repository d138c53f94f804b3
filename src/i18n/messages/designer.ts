// UI text of the designer screens (filled in by the screens' authors).
// vue-i18n message syntax: `{`, `}`, `@`, `$` and `|` are special, so none appear as plain text.

const zhCN = {}

const en: typeof zhCN = {}

export const designerMessages = { 'zh-CN': zhCN, en }
