// Names that are stored or shipped in Chinese (subjects, regions, rule layers, holidays, term names,
// policy documents and clauses) and the words each locale shows for them. The stored value never
// changes: 语文 stays 语文 in the database, the backup and the CLI; English screens show "Chinese".
// Read through ../displayNames.ts (Maps, so a subject called `__proto__` is just a name).
// vue-i18n message syntax is not used here: these are plain tables.

/** The usual subjects of the national curriculum (policy.md) and a few other common ones. */
const SUBJECTS_EN: Readonly<Record<string, string>> = {
  语文: 'Chinese',
  数学: 'Mathematics',
  英语: 'English',
  道德与法治: 'Morality and Law',
  科学: 'Science',
  历史: 'History',
  地理: 'Geography',
  生物学: 'Biology',
  生物: 'Biology',
  物理: 'Physics',
  化学: 'Chemistry',
  信息科技: 'Information Technology',
  信息技术: 'Information Technology',
  综合实践: 'Integrated Practice',
  体育与健康: 'PE and Health',
  体育: 'PE',
  艺术: 'Arts',
  音乐: 'Music',
  美术: 'Fine Arts',
  劳动: 'Labour',
  思想政治: 'Politics',
  政治: 'Politics',
  日语: 'Japanese',
  俄语: 'Russian',
  书法: 'Calligraphy',
  心理健康: 'Mental Health',
}

// In Chinese the stored or shipped name is the name shown: the tables below are empty, and a name not
// in a table is shown as it is (a school's own subject, a region added later).
const zhCN = {
  subjects: {} as Readonly<Record<string, string>>,
  regions: {} as Readonly<Record<string, string>>,
  layers: {} as Readonly<Record<string, string>>,
  holidays: {} as Readonly<Record<string, string>>,
  documents: {} as Readonly<Record<string, string>>,
  makeUpDay: '{holiday}调休上课',
  term: {
    name: '{from}—{to}学年{half}',
    half1: '第一学期',
    half2: '第二学期',
  },
  /** Clause numbering as the documents write it. */
  clause: {
    section: '{n}',
    measure: '措施{n}',
  },
}

type NamesMessages = typeof zhCN

const en: NamesMessages = {
  subjects: SUBJECTS_EN,
  regions: {
    national: 'National standard',
    anshan: 'Anshan, Liaoning',
  },
  layers: {
    'national-2021': 'National (2021)',
    anshan: 'Anshan',
  },
  holidays: {
    newYear: 'New Year’s Day',
    springFestival: 'Spring Festival',
    qingming: 'Qingming Festival',
    labourDay: 'Labour Day',
    dragonBoat: 'Dragon Boat Festival',
    midAutumn: 'Mid-Autumn Festival',
    nationalDay: 'National Day',
    victoryDay: 'Victory Day (70th anniversary)',
  },
  makeUpDay: '{holiday} make-up school day',
  term: {
    name: '{from}–{to} school year, {half}',
    half1: 'first term',
    half2: 'second term',
  },
  clause: {
    section: 'Section {n}',
    measure: 'Measure {n}',
  },
  documents: {
    opinion2021: 'Opinions on Further Reducing the Burden of Homework and Off-Campus Tutoring for Students in Compulsory Education (2021)',
    notice2021: 'Notice on Strengthening Homework Management in Compulsory Education Schools (Ministry of Education, 2021)',
    sleep2021: 'Notice on Further Strengthening the Sleep Management of Primary and Secondary School Students (Ministry of Education, 2021)',
    practice: 'Practitioners’ experience (no official document)',
    appDefault: 'This app’s default (the school may change it)',
  },
}

export const namesMessages = { 'zh-CN': zhCN, en }
