// Words every screen shares: layers, kinds of homework, places, actions, notices and errors.
// vue-i18n message syntax: `{`, `}`, `@`, `$` and `|` are special, so none appear as plain text.

const zhCN = {
  nav: {
    myWeek: '我的作业',
    classWeek: '班级周表',
    classes: '班级学生',
    newAssignment: '布置作业',
    settings: '设置',
  },
  tier: {
    core: '基础层',
    extend: '提高层',
    challenge: '拓展层',
  },
  tierShort: {
    core: '基础',
    extend: '提高',
    challenge: '拓展',
  },
  kind: {
    written: '书面',
    oral: '口头',
    reading: '阅读',
    practice: '实践',
    exercise: '体育',
    chores: '劳动',
  },
  where: {
    home: '家庭',
    school: '校内',
  },
  dayType: {
    school: '上学日',
    rest: '休息日',
  },
  role: {
    teacher: '任课教师',
    homeroomTeacher: '班主任',
    gradeLeader: '年级组长',
  },
  common: {
    save: '保存',
    cancel: '取消',
    delete: '删除',
    edit: '编辑',
    add: '添加',
    close: '关闭',
    undo: '撤销',
    back: '返回',
    next: '下一步',
    previous: '上一步',
    loading: '正在加载…',
    minutes: '{n} 分钟',
    grade: '{n} 年级',
    none: '无',
    required: '必填',
    optional: '选填',
  },
  notices: {
    region: '通知',
    dismiss: '关闭通知',
    saved: '已保存',
    deleted: '已删除',
  },
  errors: {
    unexpected: '出了点问题：{detail}。数据没有丢失，请重试；如果一再出现，请导出备份后联系管理员。',
    quota: '设备存储空间不足，无法保存。请清理浏览器空间或导出备份。',
    notFound: '要修改的记录已不存在（可能已在别处删除）。',
    exists: '该记录已存在。',
    duplicateClass: '{grade} 年级已有「{name}」班。',
    invalidDraft: '作业还有未填好的地方，请检查标红的项目。',
    invalidSettings: '设置中有不符合要求的内容，什么也没有保存。请检查后再试。',
    invalidRules: '规则的数值不符合要求（超出允许的范围，或比国家、地区的上限宽松），什么也没有保存。',
    schoolExists: '本设备已经设置过学校。',
    storageBlocked: '浏览器不允许本站保存数据（可能是隐私模式）。请换用普通窗口打开。',
  },
  findingList: {
    label: '检查结果',
    ok: '符合规定',
    error: '违规',
    warning: '提醒',
  },
}

type CommonMessages = typeof zhCN

const en: CommonMessages = {
  nav: {
    myWeek: 'My homework',
    classWeek: 'Class week',
    classes: 'Classes',
    newAssignment: 'Set homework',
    settings: 'Settings',
  },
  tier: {
    core: 'Core layer',
    extend: 'Extension layer',
    challenge: 'Challenge layer',
  },
  tierShort: {
    core: 'Core',
    extend: 'Extension',
    challenge: 'Challenge',
  },
  kind: {
    written: 'Written',
    oral: 'Oral',
    reading: 'Reading',
    practice: 'Practical',
    exercise: 'Exercise',
    chores: 'Chores',
  },
  where: {
    home: 'Home',
    school: 'At school',
  },
  dayType: {
    school: 'School day',
    rest: 'Rest day',
  },
  role: {
    teacher: 'Subject teacher',
    homeroomTeacher: 'Class teacher',
    gradeLeader: 'Grade leader',
  },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    edit: 'Edit',
    add: 'Add',
    close: 'Close',
    undo: 'Undo',
    back: 'Back',
    next: 'Next',
    previous: 'Previous',
    loading: 'Loading…',
    minutes: '{n} min',
    grade: 'Grade {n}',
    none: 'None',
    required: 'required',
    optional: 'optional',
  },
  notices: {
    region: 'Notices',
    dismiss: 'Dismiss notice',
    saved: 'Saved',
    deleted: 'Deleted',
  },
  errors: {
    unexpected: 'Something went wrong: {detail}. No data was lost; please try again, and if it keeps happening export a backup and contact your administrator.',
    quota: 'The device is out of storage space, so nothing was saved. Free some browser storage or export a backup.',
    notFound: 'The record to change no longer exists (it may have been deleted elsewhere).',
    exists: 'That record already exists.',
    duplicateClass: 'Grade {grade} already has a class “{name}”.',
    invalidDraft: 'Some parts of the assignment are not filled in correctly; see the fields marked in red.',
    invalidSettings: 'Some settings are not valid, so nothing was saved. Check them and try again.',
    invalidRules: 'A rule’s value is not allowed (out of range, or looser than the national or regional cap), so nothing was saved.',
    schoolExists: 'A school is already set up on this device.',
    storageBlocked: 'The browser does not let this site keep data (private mode?). Open it in a normal window.',
  },
  findingList: {
    label: 'Checks',
    ok: 'Within the rules',
    error: 'Breach',
    warning: 'Warning',
  },
}

export const commonMessages = { 'zh-CN': zhCN, en }
