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
