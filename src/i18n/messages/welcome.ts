// UI text of the welcome screen, a new teacher's first screen: apart from the setup wizard's, so the
// first screen carries only its own words.
// vue-i18n message syntax: `{`, `}`, `@`, `$` and `|` are special, so none appear as plain text.

const zhCN = {
  title: '欢迎使用作业台账',
  intro: '记录每个班每天的作业和用时，按双减规定检查书面作业总量，并支持分层、先做和全批。先建立你的学校，或载入示例学校看看效果。',
  newTitle: '新建学校',
  newText: '填写学校名称、本学期日期和节假日、年级和班级、各年级的学科，以及你任教的班级和学科。大约需要三分钟。',
  newAction: '新建学校',
  demoTitle: '示例学校',
  demoText: '一所虚构的学校：二、三、五、八年级共七个班，每班四十多名学生并已分层，几位老师近四周的作业，其中有几天超过时长上限。你将以数学老师王老师的身份查看。',
  demoAction: '载入示例学校',
  demoLoading: '正在载入示例学校…',
  restoreTitle: '从备份恢复',
  restoreText: '换了新设备，或清除过浏览器数据？选择之前导出的备份文件，恢复整个学校，包括未保存的草稿和先做计时。',
  restoreAction: '从备份恢复',
  privacy: '所有数据只保存在本设备的浏览器中，不会上传。',
}

type WelcomeMessages = typeof zhCN

const en: WelcomeMessages = {
  title: 'Welcome to Homework Ledger',
  intro: 'Record each class’s daily homework and its minutes, check the total written homework against the Double Reduction rules, and keep layered homework, teacher timing and full grading in one place. Set up your school, or load the demo school to see it at work.',
  newTitle: 'New school',
  newText: 'Enter the school’s name, this term’s dates and holidays, the grades and classes, the subjects of each grade, and the classes and subjects you teach. It takes about three minutes.',
  newAction: 'Set up a new school',
  demoTitle: 'Demo school',
  demoText: 'A made-up school: seven classes in grades 2, 3, 5 and 8, each with forty-odd students already in layers, and four weeks of homework by several teachers, with a few evenings over the cap. You see it as Ms Wang, a maths teacher.',
  demoAction: 'Load the demo school',
  demoLoading: 'Loading the demo school…',
  restoreTitle: 'Restore from a backup',
  restoreText: 'A new device, or cleared browser data? Choose a backup you exported before to restore the whole school, unsaved drafts and timings included.',
  restoreAction: 'Restore from a backup',
  privacy: 'All data stays in this device’s browser; nothing is uploaded.',
}

export const welcomeMessages = { 'zh-CN': zhCN, en }
