// The documents the rules come from (../shared/policy.md). A finding names its rule, and its rule names
// its source, so a grade leader can see why a day is red.

export type SourceId = 'opinion2021' | 'notice2021' | 'sleep2021' | 'practice' | 'appDefault'

export interface PolicySource {
  id: SourceId
  /** Full title of the document, as published (Chinese: these are proper names). */
  title: string
  issuer: string
  date: string
}

export const SOURCES: Readonly<Record<SourceId, PolicySource>> = {
  opinion2021: {
    id: 'opinion2021',
    title: '《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》',
    issuer: '中共中央办公厅、国务院办公厅',
    date: '2021-07-24',
  },
  notice2021: {
    id: 'notice2021',
    title: '《教育部办公厅关于加强义务教育学校作业管理的通知》',
    issuer: '教育部办公厅',
    date: '2021-04',
  },
  sleep2021: {
    id: 'sleep2021',
    title: '《教育部办公厅关于进一步加强中小学生睡眠管理工作的通知》（教基厅函〔2021〕11号）',
    issuer: '教育部办公厅',
    date: '2021-03-30',
  },
  practice: {
    id: 'practice',
    title: '一线经验（无正式文件）',
    issuer: '',
    date: '',
  },
  appDefault: {
    id: 'appDefault',
    title: '本应用默认值（学校可修改）',
    issuer: '',
    date: '',
  },
}

/** Sources that are no document: a value resting on them is a default, not a rule anyone issued. */
export function isDocument(source: SourceId): boolean {
  return source !== 'practice' && source !== 'appDefault'
}

/** Where a rule comes from: a document and the clause in it. */
export interface SourceRef {
  source: SourceId
  /** The clause, as the document numbers it, e.g. '二.5' or '措施2'; '' when there is no document. */
  clause: string
  /**
   * The words of the clause the rule implements, quoted. For a 'practice' or 'appDefault' source there is
   * no document to quote: what the value rests on, in the app's own words.
   */
  quote: string
}
