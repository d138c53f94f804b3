// The words of `npm run report` (scripts/report.ts) in both locales: its arguments' messages and the
// report it prints (packages/core/src/formats/reportTable.ts and reportCsv.ts take them as `ReportWords`).
// Chinese is the default; `--lang en` picks English.

const zhCN = {
  usage:
    '用法：npm run --silent report -- --plan 计划.csv [--roster 名单.csv] [--calendar 校历.csv] [--times 用时.csv] [--from 2026-03-02 --to 2026-03-06] [--format table、json 或 csv] [--lang zh 或 en] [--encoding auto、utf8 或 gb18030]',
  badArgs: '参数有误：{reason}',
  unknownOption: '未知的参数「{option}」',
  missingValue: '参数「{option}」后面缺少值',
  positional: '多余的参数「{option}」（文件名前要写 --plan、--roster、--calendar 或 --times）',
  missingPlan: '缺少 --plan（作业计划 CSV 文件）',
  badFormat: '--format 只能是 table、json 或 csv，不能是「{value}」',
  badLang: '--lang 只能是 zh 或 en，不能是「{value}」',
  badEncoding: '--encoding 只能是 auto、utf8 或 gb18030，不能是「{value}」',
  badDate: '{flag} 的「{value}」不是有效的日期（格式为 2026-03-02，在 2000 至 2099 年之间）',
  fromAfterTo: '--from {from} 晚于 --to {to}',
  unreadable: '{file}: 无法读取文件（{reason}）',
  errorCount: '共 {count} 处错误，未生成报告。',
  report: {
    weekday: { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' },
    grade: { 1: '一年级', 2: '二年级', 3: '三年级', 4: '四年级', 5: '五年级', 6: '六年级', 7: '七年级', 8: '八年级', 9: '九年级', 10: '高一', 11: '高二', 12: '高三' },
    className: '{grade} {name}班',
    heading: '{date} {weekday}（{dayType}）  {className}',
    schoolDay: '上学日',
    restDay: '休息日',
    subject: '学科',
    average: '平均',
    tier: { core: '基础', extend: '提高', challenge: '拓展' },
    total: '合计',
    noCap: '无上限',
    cap: '上限 {cap} 分钟（{state}）',
    over: '超出',
    within: '未超',
    homeLine: '家庭书面作业平均 {average} 分钟，{cap}；最多的学生 {max} 分钟',
    otherLine: '另有校内书面 {atSchool} 分钟，非书面 {other} 分钟；{roster}',
    roster: '按名单 {n} 名学生计',
    noRoster: '无名单，全班按基础层计',
    ok: '✓ 符合规定',
    summary: '共检查 {evenings} 个班级晚上：错误 {errors} 条，提醒 {warnings} 条。',
    empty: '所选日期内没有作业。',
    csv: {
      header: '日期,星期,年级,班级,平均时长,最多学生时长,上限,校内书面,非书面,各科,问题',
      restDay: '（休息日）',
      noCap: '不限',
      separator: '；',
    },
  },
}

type CliMessages = typeof zhCN

const en: CliMessages = {
  usage:
    'Usage: npm run --silent report -- --plan plan.csv [--roster roster.csv] [--calendar calendar.csv] [--times times.csv] [--from 2026-03-02 --to 2026-03-06] [--format table, json or csv] [--lang zh or en] [--encoding auto, utf8 or gb18030]',
  badArgs: 'Bad arguments: {reason}',
  unknownOption: 'Unknown option “{option}”',
  missingValue: 'Option “{option}” needs a value',
  positional: 'Unexpected argument “{option}” (put --plan, --roster, --calendar or --times before a file name)',
  missingPlan: 'Missing --plan (the homework plan CSV file)',
  badFormat: '--format must be table, json or csv, not “{value}”',
  badLang: '--lang must be zh or en, not “{value}”',
  badEncoding: '--encoding must be auto, utf8 or gb18030, not “{value}”',
  badDate: '{flag} “{value}” is not a valid date (e.g. 2026-03-02, from 2000 to 2099)',
  fromAfterTo: '--from {from} is after --to {to}',
  unreadable: '{file}: cannot read the file ({reason})',
  errorCount: '{count} errors; no report was made.',
  report: {
    weekday: { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat', 7: 'Sun' },
    grade: { 1: 'Grade 1', 2: 'Grade 2', 3: 'Grade 3', 4: 'Grade 4', 5: 'Grade 5', 6: 'Grade 6', 7: 'Grade 7', 8: 'Grade 8', 9: 'Grade 9', 10: 'Grade 10', 11: 'Grade 11', 12: 'Grade 12' },
    className: '{grade} class {name}',
    heading: '{date} {weekday} ({dayType})  {className}',
    schoolDay: 'school day',
    restDay: 'rest day',
    subject: 'Subject',
    average: 'Average',
    tier: { core: 'Core', extend: 'Extend', challenge: 'Challenge' },
    total: 'Total',
    noCap: 'no cap',
    cap: 'cap {cap} min ({state})',
    over: 'over',
    within: 'within',
    homeLine: 'Written homework at home averages {average} min, {cap}; the most loaded student {max} min',
    otherLine: 'Also {atSchool} min written at school and {other} min not written; {roster}',
    roster: '{n} students on the roster',
    noRoster: 'no roster, every student counted as core',
    ok: '✓ Within the rules',
    summary: '{evenings} class evenings checked: {errors} errors, {warnings} warnings.',
    empty: 'No homework in the dates chosen.',
    csv: {
      header: 'Date,Day,Grade,Class,Average minutes,Most loaded student,Cap,Written at school,Not written,Subjects,Findings',
      restDay: ' (rest day)',
      noCap: 'none',
      separator: '; ',
    },
  },
}

export const cliMessages = { 'zh-CN': zhCN, en }
