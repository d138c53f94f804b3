// Words of the parts that students' real times and grading add to other screens: the designer's
// calibration, the class week's real times and stop reports, and 我的作业's 待批 list.
// vue-i18n message syntax: `{`, `}`, `@`, `$` and `|` are special, so none appear as plain text.

const zhCN = {
  calibration: {
    title: '实际用时',
    own: {
      more: '你的{subject}作业实际用时平均比估计多 {pct}%（来自 {weeks} 周、{n} 份报告）',
      less: '你的{subject}作业实际用时平均比估计少 {pct}%（来自 {weeks} 周、{n} 份报告）',
      same: '你的{subject}作业实际用时与估计相符（来自 {weeks} 周、{n} 份报告）',
    },
    group: {
      more: '本年级{subject}组的作业实际用时平均比估计多 {pct}%（来自 {weeks} 周、{n} 份报告；你在本班还没有报告）',
      less: '本年级{subject}组的作业实际用时平均比估计少 {pct}%（来自 {weeks} 周、{n} 份报告；你在本班还没有报告）',
      same: '本年级{subject}组的作业实际用时与估计相符（来自 {weeks} 周、{n} 份报告；你在本班还没有报告）',
    },
    stops: '其中 {n} 份是熔断报告，按“至少用了这么久”计入。报告少时，结果向学科组的数字靠拢。',
    apply: '按实际用时校准本作业的预计用时（× {factor}）',
  },
  week: {
    title: '实际用时与熔断',
    none: '本周还没有登记学生的实际用时。在作业的“批改”页可登记用时调查和熔断。',
    caption: '本周各项作业的预计平均用时与学生报告的平均用时',
    day: '日期',
    subject: '学科',
    estimated: '预计平均',
    reported: '报告平均',
    reports: '报告',
    minutes: '{n} 分钟',
    count: '{n} 份，熔断 {stopped} 人',
    stops: '本班本周熔断：{list}。',
    noStops: '无',
    gradeStops: '全年级本周熔断：{list}。',
    stopsOf: '{subject} {n} 次',
    separator: '、',
    over: '{name} 本周熔断 {n} 次，超过学校规定的每周 {limit} 次',
    overSubject: '{name} 本周{subject}熔断 {n} 次，超过学校规定的每科每周 {limit} 次',
  },
  toGrade: {
    title: '待批 {n} 份',
    none: '没有待批的作业',
    hint: '来自 {n} 次作业，最早的在前：',
    all: '查看全部 {n} 次作业',
    entry: '待批 {toGrade} · 已批 {graded}/{size}',
  },
}

type RealTimesMessages = typeof zhCN

const en: RealTimesMessages = {
  calibration: {
    title: 'Real times',
    own: {
      more: 'Your {subject} homework really takes {pct}% longer on average than estimated (from {weeks} weeks, {n} reports)',
      less: 'Your {subject} homework really takes {pct}% less time on average than estimated (from {weeks} weeks, {n} reports)',
      same: 'Your {subject} homework takes about as long as estimated (from {weeks} weeks, {n} reports)',
    },
    group: {
      more: 'The grade’s {subject} group’s homework really takes {pct}% longer on average than estimated (from {weeks} weeks, {n} reports; you have no reports in this class yet)',
      less: 'The grade’s {subject} group’s homework really takes {pct}% less time on average than estimated (from {weeks} weeks, {n} reports; you have no reports in this class yet)',
      same: 'The grade’s {subject} group’s homework takes about as long as estimated (from {weeks} weeks, {n} reports; you have no reports in this class yet)',
    },
    stops: '{n} of them are stop reports, counted as “took at least this long”. With few reports the figure leans on the subject group’s.',
    apply: 'Correct this homework’s estimates by the real times (× {factor})',
  },
  week: {
    title: 'Real times and stops',
    none: 'No real times recorded this week. Record a time survey or a stop on an assignment’s grading page.',
    caption: 'Each homework’s estimated class average beside the average the students reported',
    day: 'Day',
    subject: 'Subject',
    estimated: 'Estimated',
    reported: 'Reported',
    reports: 'Reports',
    minutes: '{n} min',
    count: '{n}, {stopped} stopped',
    stops: 'Stops in this class this week: {list}.',
    noStops: 'none',
    gradeStops: 'In the whole grade: {list}.',
    stopsOf: '{subject} {n}',
    separator: ', ',
    over: '{name} stopped {n} times this week, more than the school’s {limit} a week',
    overSubject: '{name} stopped {n} times in {subject} this week, more than the school’s {limit} a week per subject',
  },
  toGrade: {
    title: '{n} to grade',
    none: 'Nothing to grade',
    hint: 'From {n} homework assignments, oldest first:',
    all: 'See all {n} assignments',
    entry: '{toGrade} to grade · {graded}/{size} graded',
  },
}

export const realTimesMessages = { 'zh-CN': zhCN, en }
