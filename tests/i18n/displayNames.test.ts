import { describe, expect, it } from 'vitest'
import { calendarNoteText, clauseLabel, documentTitle, formatTermName, layerName, regionName, subjectName, termDisplayName } from '@/i18n/displayNames'
import { SOURCES } from '@hl/core/domain/rules/sources'

describe('display names of stored Chinese names', () => {
  it.each([
    ['语文', 'en', 'Chinese'],
    ['数学', 'en', 'Mathematics'],
    ['道德与法治', 'en', 'Morality and Law'],
    ['体育与健康', 'en', 'PE and Health'],
    ['数学', 'zh-CN', '数学'],
    // A school's own subject, and names Object has: shown as the school wrote them.
    ['书法兴趣', 'en', '书法兴趣'],
    ['__proto__', 'en', '__proto__'],
    ['constructor', 'en', 'constructor'],
  ] as const)('subject %s in %s is %s', (subject, locale, shown) => {
    expect(subjectName(subject, locale)).toBe(shown)
  })

  it.each([
    ['national', 'en', 'National standard'],
    ['anshan', 'en', 'Anshan, Liaoning'],
    ['anshan', 'zh-CN', '辽宁省鞍山市'],
    ['somewhere', 'en', 'somewhere'],
  ] as const)('region %s in %s is %s', (id, locale, shown) => {
    expect(regionName(id, locale)).toBe(shown)
  })

  it('names the rule layers: 全国（2021） in English, a school’s layer by its name', () => {
    expect(layerName({ id: 'national-2021', name: '全国（2021）' }, 'en')).toBe('National (2021)')
    expect(layerName({ id: 'national-2021', name: '全国（2021）' }, 'zh-CN')).toBe('全国（2021）')
    expect(layerName({ id: 'school-1', name: '实验小学' }, 'en')).toBe('实验小学')
  })

  it.each([
    ['国庆节', 'en', 'National Day'],
    ['国庆节调休上课', 'en', 'National Day make-up school day'],
    ['春节', 'en', 'Spring Festival'],
    ['国庆节调休上课', 'zh-CN', '国庆节调休上课'],
    ['运动会', 'en', '运动会'],
  ] as const)('calendar note %s in %s is %s', (note, locale, shown) => {
    expect(calendarNoteText(note, locale)).toBe(shown)
  })

  it.each([
    ['2026—2027学年第一学期', 'en', '2026–2027 school year, first term'],
    ['2026—2027 学年第二学期', 'en', '2026–2027 school year, second term'],
    ['2026-2027学年第一学期', 'en', '2026–2027 school year, first term'],
    ['2026–2027 school year, first term', 'zh-CN', '2026—2027学年第一学期'],
    ['2026—2027学年第一学期', 'zh-CN', '2026—2027学年第一学期'],
    // Not the usual form (or years that do not follow): as written.
    ['2026 秋季学期', 'en', '2026 秋季学期'],
    ['2026—2028学年第一学期', 'en', '2026—2028学年第一学期'],
  ] as const)('term %s in %s is %s', (name, locale, shown) => {
    expect(termDisplayName(name, locale)).toBe(shown)
  })

  it('formats the usual term name in each language', () => {
    expect(formatTermName({ schoolYear: 2026, half: 2 }, 'zh-CN')).toBe('2026—2027学年第二学期')
    expect(formatTermName({ schoolYear: 2026, half: 2 }, 'en')).toBe('2026–2027 school year, second term')
  })

  it.each([
    ['二.5', 'en', 'Section II.5'],
    ['三', 'en', 'Section III'],
    ['措施2', 'en', 'Measure 2'],
    ['二.5', 'zh-CN', '二.5'],
    ['', 'en', ''],
    ['附件', 'en', '附件'],
  ] as const)('clause %s in %s is %s', (clause, locale, shown) => {
    expect(clauseLabel(clause, locale)).toBe(shown)
  })

  it('gives the documents an English title, and keeps the published one in Chinese', () => {
    expect(documentTitle('opinion2021', 'en')).toContain('Reducing the Burden of Homework')
    expect(documentTitle('opinion2021', 'zh-CN')).toBe(SOURCES.opinion2021.title)
    expect(documentTitle('practice', 'en')).toContain('no official document')
  })
})
