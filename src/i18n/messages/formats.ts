// What a reader's error says (packages/core/src/formats/errors.ts: one message per code), in both
// locales. The app merges this under `formats` (PlanImportErrors); the CLI renders it through
// ../format.ts (formatErrorLine), in `--lang`. Parameters from the file ({value}, {subjects}) arrive
// cleaned and shortened by the readers.
// vue-i18n message syntax: `{`, `}`, `@`, `$` and `|` are special, so a literal | is written {'|'}.
// The accepted words of each vocabulary are listed in full: tests/i18n checks them against vocab.ts.

import type { FormatErrorCode } from '@hl/core/formats/errors'

/** Every code has its message: a code added to the readers without one fails the type-check. */
type ErrorMessages = Readonly<Record<FormatErrorCode, string>>

const zhErrors: ErrorMessages = {
  emptyFile: '文件是空的：第一行须为表头（列名）',
  notText: '文件不是文本（既不是 UTF-8 也不是 GBK 编码），请在 Excel 或 WPS 中另存为“CSV UTF-8”',
  tooLarge: '文件超过 {max} MB，请分成几个文件导入',
  unclosedQuote: '引号未闭合：从这一行开始的带引号字段直到文件末尾都没有结束的引号',
  duplicateColumn: '与「{other}」是同一列，表头重复',
  missingColumn: '缺少必需的列「{name}」（也可写作 {others}）',
  missingMinutesColumn: '缺少列「时长」（minutes）或「先做时长」（trial_minutes），至少要有一列',
  headerOnly: '文件只有表头，没有作业行',
  dateMissing: '日期不能为空',
  gradeMissing: '年级不能为空',
  classMissing: '班级不能为空',
  subjectMissing: '学科不能为空',
  titleMissing: '内容不能为空',
  studentMissing: '学生姓名不能为空',
  typeMissing: '类型不能为空',
  minutesMissing: '时长和先做时长至少填一个',
  dateInvalid: '「{value}」不是有效的日期（格式为 2026-03-02）',
  dateNotReal: '「{value}」不是存在的日期',
  dateOutOfRange: '日期 {value} 不在 {min} 至 {max} 之间，请检查年份',
  dueNotAfterDate: '截止日期 {due} 须晚于布置日期 {date}',
  dueTooLate: '截止日期 {due} 离布置日期 {date} 太远：最多 {max} 天',
  gradeInvalid: '「{value}」不是有效的年级（可写 5、五年级、初一、高二，须在 1 到 12 年级之间）',
  classGradeMismatch: '班级「{value}」是 {classGrade} 年级的班，与年级 {grade} 不符',
  minutesInvalid: '「{value}」不是有效的分钟数（须为不小于 0 的数字）',
  minutesTooLarge: '「{value}」分钟超过一天（{max} 分钟），请检查',
  kindUnknown: '「{value}」不是有效的类型，可填 书面、口头、阅读、实践、体育、劳动（或 written、oral、reading、practice、exercise、chores）',
  whereUnknown: '「{value}」不是有效的地点，可填 家庭、校内（或 home、school）',
  tiersUnknown:
    "「{value}」中的「{unknown}」不是有效的分层，可填 基础、基础层、必做、提高、提高层、选做、拓展、拓展层、挑战（或 core、extend、challenge），多个用 {'|'} 分隔",
  tiersEmpty: "「{value}」不是有效的分层，可填 基础、基础层、必做、提高、提高层、选做、拓展、拓展层、挑战（或 core、extend、challenge），多个用 {'|'} 分隔",
  rosterTierUnknown: '「{value}」不是有效的分层，可填 基础、基础层、必做、提高、提高层、选做、拓展、拓展层、挑战（或 core、extend、challenge），空着表示基础',
  dayTypeUnknown: '「{value}」不是有效的类型，可填 上课、上学、休息、放假（或 school、rest）',
  dayTypeConflict: '日期 {date} 在第 {line} 行已写为另一种类型，前后矛盾',
  textTooLong: '内容太长：{length} 个字，最多 {max} 个字',
  rosterClassNotInPlan: '计划里没有 {grade} 年级「{className}」班的作业，请检查年级和班级是否写错',
  classUnknown: '班级「{value}」在本校不存在（{grade} 年级没有这个班）',
  subjectNotTaught: '本校 {grade} 年级没有学科「{value}」；本校 {grade} 年级的学科：{subjects}',
  stoppedUnknown: '「{value}」不是有效的熔断标记，可填 是、1、yes（熔断）或 否、0、no、空着（完成）',
  timesNoHomework: '计划里 {date} {grade} 年级「{className}」班没有「{value}」作业，这条用时无从对照',
  timesStudentUnknown: '名单里「{className}」班没有学生「{value}」',
  timesDuplicate: '学生「{value}」这天这科的用时已在第 {line} 行写过',
}

const zhCN = {
  at: '{file}:{line}:',
  atColumn: '{file}:{line}: 列「{column}」:',
  errors: zhErrors,
}

type FormatsMessages = typeof zhCN

const enErrors: ErrorMessages = {
  emptyFile: 'The file is empty: its first line must be the header (the column names)',
  notText: 'The file is not text (neither UTF-8 nor GBK); save it as “CSV UTF-8” in Excel or WPS',
  tooLarge: 'The file is larger than {max} MB; import it in several parts',
  unclosedQuote: 'Unclosed quote: the quoted field starting on this line has no closing quote before the end of the file',
  duplicateColumn: 'The same column as “{other}”: a header is repeated',
  missingColumn: 'The required column “{name}” is missing (also written {others})',
  missingMinutesColumn: 'Neither “minutes” (时长) nor “trial_minutes” (先做时长) is a column: at least one is needed',
  headerOnly: 'The file has a header but no homework rows',
  dateMissing: 'The date is empty',
  gradeMissing: 'The grade is empty',
  classMissing: 'The class is empty',
  subjectMissing: 'The subject is empty',
  titleMissing: 'The content (title) is empty',
  studentMissing: 'The student’s name is empty',
  typeMissing: 'The type is empty',
  minutesMissing: 'Give minutes, trial minutes or both',
  dateInvalid: '“{value}” is not a valid date (write it as 2026-03-02)',
  dateNotReal: '“{value}” is not a real date',
  dateOutOfRange: 'The date {value} is not between {min} and {max}: check the year',
  dueNotAfterDate: 'The due date {due} must be after the date {date}',
  dueTooLate: 'The due date {due} is too far from the date {date}: at most {max} days',
  gradeInvalid: '“{value}” is not a grade (write 5, 五年级, 初一 or 高二; grades 1 to 12)',
  classGradeMismatch: 'The class “{value}” is a class of grade {classGrade}, not of grade {grade}',
  minutesInvalid: '“{value}” is not a number of minutes (a number, 0 or more)',
  minutesTooLarge: '“{value}” minutes is more than a day ({max} minutes): please check',
  kindUnknown: '“{value}” is not a kind: use written, oral, reading, practice, exercise or chores (or 书面、口头、阅读、实践、体育、劳动)',
  whereUnknown: '“{value}” is not a place: use home or school (or 家庭、校内)',
  tiersUnknown: "“{unknown}” in “{value}” is not a layer: use core, extend or challenge (or 基础、基础层、必做、提高、提高层、选做、拓展、拓展层、挑战), several separated by {'|'}",
  tiersEmpty: "“{value}” is not a layer: use core, extend or challenge (or 基础、基础层、必做、提高、提高层、选做、拓展、拓展层、挑战), several separated by {'|'}",
  rosterTierUnknown: '“{value}” is not a layer: use core, extend or challenge (or 基础、基础层、必做、提高、提高层、选做、拓展、拓展层、挑战); empty means core',
  dayTypeUnknown: '“{value}” is not a type of day: use school or rest (or 上课、上学、休息、放假)',
  dayTypeConflict: 'The date {date} is already given the other type on line {line}',
  textTooLong: 'Too long: {length} characters, at most {max}',
  rosterClassNotInPlan: 'The plan has no homework for class “{className}” of grade {grade}: check the grade and class',
  classUnknown: 'The school has no class “{value}” in grade {grade}',
  subjectNotTaught: 'Grade {grade} is not taught “{value}” at this school; its subjects are: {subjects}',
  stoppedUnknown: '“{value}” is not a stop mark: use 1, yes or 是 (stopped), or 0, no, 否 or nothing (finished)',
  timesNoHomework: 'The plan has no “{value}” homework for class “{className}” of grade {grade} on {date}: this time has no estimate to be read against',
  timesStudentUnknown: 'The roster of class “{className}” has no student “{value}”',
  timesDuplicate: 'Student “{value}” already has a time for this day and subject on line {line}',
}

const en: FormatsMessages = {
  at: '{file}:{line}:',
  atColumn: '{file}:{line}: column “{column}”:',
  errors: enErrors,
}

export const formatsMessages = { 'zh-CN': zhCN, en }
