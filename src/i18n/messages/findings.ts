// What a finding says, one message per rule id (packages/core/src/domain/findings.ts), in both locales. The app merges
// this under `findings` (e.g. `findings.cap`); the CLI renders it through ../format.ts.
// vue-i18n message syntax: `{`, `}`, `@`, `$` and `|` are special, so none appear as plain text.
// Parameters: {average} {cap} {max} {budget} (minutes, rounded to 1 decimal), {subject}, {source}.

const zhCN = {
  'no-written-homework': '一、二年级不布置家庭书面作业，今晚却有平均 {average} 分钟、最多 {max} 分钟（{source}）',
  cap: '书面作业平均 {average} 分钟，超过每日上限 {cap} 分钟（{source}）',
  'cap-heaviest': '作业最多的学生需 {max} 分钟，超过每日上限 {cap} 分钟（全班平均 {average} 分钟；{source}）',
  'subject-budget': '{subject}书面作业平均 {average} 分钟，超过学科统筹的 {budget} 分钟（{source}）',
  'rest-day': '休息日书面作业平均 {average} 分钟，超过休息日上限 {cap} 分钟（{source}）',
  /** Short names of the documents, for `{source}` together with the clause. */
  document: {
    opinion2021: '《意见》',
    notice2021: '《通知》',
    sleep2021: '《睡眠通知》',
    practice: '一线经验',
    appDefault: '本应用默认值',
  },
  sourceRef: '{document}{clause}',
  severity: {
    error: '错误',
    warning: '提醒',
  },
}

type FindingsMessages = typeof zhCN

const en: FindingsMessages = {
  'no-written-homework': 'Grades 1–2 get no written homework to take home, yet tonight has {average} min on average and {max} min at most ({source})',
  cap: 'Written homework averages {average} min, over the daily cap of {cap} min ({source})',
  'cap-heaviest': 'The most loaded student needs {max} min, over the daily cap of {cap} min (class average {average} min; {source})',
  'subject-budget': '{subject} written homework averages {average} min, over its budget of {budget} min ({source})',
  'rest-day': 'Written homework on a rest day averages {average} min, over the rest-day cap of {cap} min ({source})',
  document: {
    opinion2021: 'Opinion 2021',
    notice2021: 'Notice 2021',
    sleep2021: 'Sleep Notice 2021',
    practice: 'practice',
    appDefault: 'app default',
  },
  sourceRef: '{document} {clause}',
  severity: {
    error: 'error',
    warning: 'warning',
  },
}

export const findingsMessages = { 'zh-CN': zhCN, en }

/** Strings of `npm run report` (the CLI is Chinese first; English is kept in step for later use). */
const cliZhCN = {
  usage:
    '用法：npm run --silent report -- --plan 计划.csv [--roster 名单.csv] [--calendar 校历.csv] [--from 2026-03-02 --to 2026-03-06] [--format table、json 或 csv]',
  badArgs: '参数有误：{reason}',
  unknownOption: '未知的参数「{option}」',
  missingValue: '参数「{option}」后面缺少值',
  positional: '多余的参数「{option}」（文件名前要写 --plan、--roster 或 --calendar）',
  missingPlan: '缺少 --plan（作业计划 CSV 文件）',
  badFormat: '--format 只能是 table、json 或 csv，不能是「{value}」',
  badDate: '{flag} 的「{value}」不是有效的日期（格式为 2026-03-02）',
  fromAfterTo: '--from {from} 晚于 --to {to}',
  unreadable: '{file}: 无法读取文件（{reason}）',
  notUtf8: '{file}:1: 文件不是 UTF-8 编码（可能是 GBK），请在 Excel 或 WPS 中另存为“CSV UTF-8”',
  errorCount: '共 {count} 处错误，未生成报告。',
}

const cliEn: typeof cliZhCN = {
  usage:
    'Usage: npm run --silent report -- --plan plan.csv [--roster roster.csv] [--calendar calendar.csv] [--from 2026-03-02 --to 2026-03-06] [--format table, json or csv]',
  badArgs: 'Bad arguments: {reason}',
  unknownOption: 'Unknown option “{option}”',
  missingValue: 'Option “{option}” needs a value',
  positional: 'Unexpected argument “{option}” (put --plan, --roster or --calendar before a file name)',
  missingPlan: 'Missing --plan (the homework plan CSV file)',
  badFormat: '--format must be table, json or csv, not “{value}”',
  badDate: '{flag} “{value}” is not a valid date (e.g. 2026-03-02)',
  fromAfterTo: '--from {from} is after --to {to}',
  unreadable: '{file}: cannot read the file ({reason})',
  notUtf8: '{file}:1: the file is not UTF-8 (perhaps GBK); save it as “CSV UTF-8” in Excel or WPS',
  errorCount: '{count} errors; no report was made.',
}

export const cliMessages = { 'zh-CN': cliZhCN, en: cliEn }
