// UI text of the app shell and the Rules page. Policy quotes and document titles are not here: they are
// Chinese proper text from the domain (packages/core/src/domain/rules) and are shown as they are, marked lang="zh-CN".
// vue-i18n message syntax: `{`, `}`, `@`, `$` and `|` are special, so none appear as plain text.

const zhCN = {
  app: {
    name: '作业台账',
    tagline: '双减作业时长统筹',
  },
  syncStatus: {
    label: '同步：{status}',
    synced: '已同步',
    waiting: '{n} 项待同步',
    syncing: '正在同步…',
    offline: '离线',
    offlineWaiting: '离线，{n} 项待同步',
    error: '同步出错',
    signedOut: '需要重新登录',
  },
  a11y: {
    skipLink: '跳到主要内容',
    mainNav: '主导航',
    menu: '菜单',
    languageSwitch: '界面语言',
  },
  locale: {
    'zh-CN': '中文',
    en: 'English',
  },
  nav: {
    rules: '规则',
  },
  pwa: {
    region: '应用更新',
    updateAvailable: '有新版本可用',
    updateHint: '更新会重新加载页面，请先保存正在填写的内容。',
    updateNow: '立即更新',
    later: '稍后',
    offlineReady: '已可离线使用',
    dismiss: '知道了',
  },
  rules: {
    title: '双减规则',
    intro: '应用检查作业时所依据的规则。每条规则都注明出处和设定层级；学校可以在全国规则之上按地区、学校逐层调整。',
    profile: '规则方案',
    profileValue: '{id}（第 {version} 版）',
    layers: '生效层级',
    levelsNav: '学段',
    caption: '{level}的规则',
    summaryCap: '每日书面作业上限',
    grades: '{first}–{last} 年级',
    levels: {
      lowerPrimary: '小学一二年级',
      upperPrimary: '小学三至六年级',
      juniorHigh: '初中',
      seniorHigh: '高中',
    },
    columns: {
      rule: '规则',
      value: '当前值',
      source: '出处',
      setBy: '设定层级',
    },
    keys: {
      homeWrittenAllowed: '家庭书面作业',
      dailyCapMinutes: '每日书面作业时长上限',
      restDayCapMinutes: '休息日书面作业上限',
      bedtime: '就寝时间',
      sleepHours: '睡眠时间',
      teacherMultiplier: '先做换算倍数',
      subjectBudgets: '学科统筹（上学日）',
      restDaySubjectBudgets: '学科统筹（休息日）',
    },
    values: {
      noWrittenHomework: '不布置家庭书面作业',
      writtenAllowed: '可以布置，受时长上限约束',
      notSet: '未设定',
      capNotSet: '未设定（学校自定）',
      minutes: '{n} 分钟',
      sameAsSchoolDay: '同上学日上限：{cap}',
      bedtime: '不晚于 {time}',
      sleepHours: '不少于 {n} 小时',
      multiplier: '学生用时 ≈ 教师先做用时 × {n}',
      budgetEntry: '{subject} {minutes}',
      otherSubjects: '其他学科 {minutes}',
      listSeparator: '；',
    },
    source: {
      clause: '条款 {clause}',
      quote: '原文',
      originalLanguage: '中文原文',
    },
    layerRole: {
      national: '国家规定',
      region: '地区调整',
      school: '学校调整',
    },
  },
}

type Messages = typeof zhCN

const en: Messages = {
  app: {
    name: 'Homework Ledger',
    tagline: 'Homework time within the Double Reduction limits',
  },
  syncStatus: {
    label: 'Sync: {status}',
    synced: 'Synced',
    waiting: '{n} waiting',
    syncing: 'Syncing…',
    offline: 'Offline',
    offlineWaiting: 'Offline, {n} waiting',
    error: 'Sync error',
    signedOut: 'Sign in again',
  },
  a11y: {
    skipLink: 'Skip to main content',
    mainNav: 'Main navigation',
    menu: 'Menu',
    languageSwitch: 'Interface language',
  },
  locale: {
    'zh-CN': '中文',
    en: 'English',
  },
  nav: {
    rules: 'Rules',
  },
  pwa: {
    region: 'App update',
    updateAvailable: 'A new version is available',
    updateHint: 'Updating reloads the page: save what you are editing first.',
    updateNow: 'Update now',
    later: 'Later',
    offlineReady: 'Ready to work offline',
    dismiss: 'OK',
  },
  rules: {
    title: 'Double Reduction rules',
    intro: 'The rules the app checks homework against. Each rule names its source and the layer that set it; a region and then a school may adjust the national rules.',
    profile: 'Rules profile',
    profileValue: '{id} (version {version})',
    layers: 'Layers in force',
    levelsNav: 'School levels',
    caption: 'Rules for {level}',
    summaryCap: 'Daily written cap',
    grades: 'Grades {first}–{last}',
    levels: {
      lowerPrimary: 'Lower primary',
      upperPrimary: 'Upper primary',
      juniorHigh: 'Junior high',
      seniorHigh: 'Senior high',
    },
    columns: {
      rule: 'Rule',
      value: 'Value',
      source: 'Source',
      setBy: 'Set by',
    },
    keys: {
      homeWrittenAllowed: 'Written homework at home',
      dailyCapMinutes: 'Daily cap on written homework',
      restDayCapMinutes: 'Rest-day cap on written homework',
      bedtime: 'Bedtime',
      sleepHours: 'Sleep',
      teacherMultiplier: 'Teacher-trial multiplier',
      subjectBudgets: 'Subject budgets (school days)',
      restDaySubjectBudgets: 'Subject budgets (rest days)',
    },
    values: {
      noWrittenHomework: 'No written homework to take home',
      writtenAllowed: 'Allowed, within the daily cap',
      notSet: 'Not set',
      capNotSet: 'Not set (the school decides)',
      minutes: '{n} min',
      sameAsSchoolDay: 'Same cap as school days: {cap}',
      bedtime: 'No later than {time}',
      sleepHours: 'At least {n} hours',
      multiplier: "Student time ≈ teacher's trial time × {n}",
      budgetEntry: '{subject} {minutes}',
      otherSubjects: 'other subjects {minutes}',
      listSeparator: '; ',
    },
    source: {
      clause: 'Clause {clause}',
      quote: 'Original text',
      originalLanguage: 'in Chinese',
    },
    layerRole: {
      national: 'National rule',
      region: 'Regional adjustment',
      school: 'School adjustment',
    },
  },
}

export const appMessages = { 'zh-CN': zhCN, en }
export type AppMessages = Messages
