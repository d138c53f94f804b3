import { describe, expect, it } from 'vitest'
import { officialCalendar } from '@hl/core/domain/officialCalendar'
import { checkSetupStep, classNamesFor, myTeaching, pruneMe, setupFromForm, TEXT_LIMITS, withHolidays, type SetupForm } from '@hl/core/domain/setupForm'

function form(patch: Partial<SetupForm> = {}): SetupForm {
  return {
    schoolName: '实验小学',
    regionId: 'national',
    term: { name: '2026—2027学年第一学期', startDate: '2026-09-01', endDate: '2027-01-20' },
    calendar: [],
    grades: [{ grade: 4, classNames: ['4(1)', '4(2)'], subjects: ['语文', '数学', '英语'] }],
    me: { name: '李老师', subjects: ['数学'], classes: ['4|4(1)'], homeroomOf: '4|4(1)', gradeLeaderOf: null },
    ...patch,
  }
}
const codes = (f: SetupForm, step: Parameters<typeof checkSetupStep>[1]) => checkSetupStep(f, step).map((p) => `${p.field} ${p.code}`)

describe('the setup form', () => {
  it.each([
    ['a complete form', form(), 'school', []],
    ['no school name', form({ schoolName: '  ' }), 'school', ['schoolName schoolNameMissing']],
    ['end before start', form({ term: { name: 'x', startDate: '2026-09-01', endDate: '2026-08-01' } }), 'term', ['term.endDate endNotAfterStart']],
    ['a bad date', form({ term: { name: '', startDate: '2026-02-30', endDate: '2026-08-01' } }), 'term', ['term.name termNameMissing', 'term.startDate dateInvalid']],
    [
      'calendar rows: empty, duplicate, outside the term',
      form({
        calendar: [
          { date: '', type: 'school', note: '' },
          { date: '2026-10-01', type: 'rest', note: '' },
          { date: '2026-10-01', type: 'rest', note: '' },
          { date: '2027-03-01', type: 'rest', note: '' },
        ],
      }),
      'term',
      ['calendar.0.date calendarDateInvalid', 'calendar.2.date calendarDateDuplicate', 'calendar.3.date calendarDateOutsideTerm'],
    ],
    ['no classes', form({ grades: [] }), 'classes', ['grades noClasses']],
    ['a class without a name and a duplicate', form({ grades: [{ grade: 4, classNames: ['4(1)', ' ', '4(1)'], subjects: ['数学'] }] }), 'classes', ['grades.4.classNames.1 classNameMissing', 'grades.4.classNames.2 classNameDuplicate']],
    ['a grade without subjects', form({ grades: [{ grade: 4, classNames: ['4(1)'], subjects: [] }] }), 'classes', ['grades.4.subjects noSubjects']],
    ['no name, no teaching', form({ me: { name: '', subjects: [], classes: [], homeroomOf: '', gradeLeaderOf: null } }), 'me', ['me.name myNameMissing', 'me.classes noTeaching']],
    ['a subject the class’s grade lacks', form({ me: { name: '李老师', subjects: ['物理'], classes: ['4|4(1)'], homeroomOf: '', gradeLeaderOf: null } }), 'me', ['me.classes noTeaching']],
    // A grade leader or an administrator may teach no class at all.
    ['a grade leader who teaches no class', form({ me: { name: '张主任', subjects: [], classes: [], homeroomOf: '', gradeLeaderOf: 4 } }), 'me', []],
    ['an administrator who teaches no class', form({ me: { name: '张主任', subjects: [], classes: [], homeroomOf: '', gradeLeaderOf: null, teachesNoClass: true } }), 'me', []],
    ['a grade leader half-way through choosing classes', form({ me: { name: '张主任', subjects: [], classes: ['4|4(1)'], homeroomOf: '', gradeLeaderOf: 4 } }), 'me', ['me.classes noTeaching']],
    ['every pair left out', form({ me: { name: '李老师', subjects: ['数学'], classes: ['4|4(1)'], homeroomOf: '', gradeLeaderOf: null, notTaught: ['4|4(1)|数学'] } }), 'me', ['me.classes noTeaching']],
    // Bounded text and a known region.
    ['a school name past the stored limit', form({ schoolName: '校'.repeat(TEXT_LIMITS.name + 1) }), 'school', ['schoolName textTooLong']],
    ['a school name at the limit', form({ schoolName: '校'.repeat(TEXT_LIMITS.name) }), 'school', []],
    ['an unknown region', form({ regionId: 'atlantis' }), 'school', ['regionId regionUnknown']],
    ['a long class name', form({ grades: [{ grade: 4, classNames: ['班'.repeat(TEXT_LIMITS.name + 1)], subjects: ['数学'] }] }), 'classes', ['grades.4.classNames.0 textTooLong']],
    ['a long note', form({ calendar: [{ date: '2026-10-01', type: 'rest', note: '注'.repeat(TEXT_LIMITS.note + 1) }] }), 'term', ['calendar.0.note textTooLong']],
  ] as const)('%s', (_name, f, step, expected) => {
    expect(codes(f, step)).toEqual(expected)
  })

  it('names classes 4(1), 4(2) …, keeping names already edited', () => {
    expect(classNamesFor(4, 3)).toEqual(['4(1)', '4(2)', '4(3)'])
    expect(classNamesFor(4, 3, ['四年级一班'])).toEqual(['四年级一班', '4(2)', '4(3)'])
    expect(classNamesFor(4, 1, ['a', 'b'])).toEqual(['a'])
  })

  it('refills the official days when the term moves, keeping the rows the user added', () => {
    const days = (from: string, to: string) => officialCalendar(from, to).days
    const first = withHolidays([{ date: '2026-09-27', type: 'school', note: '运动会补课' }], days('2026-09-01', '2026-10-08'))
    expect(first.map((r) => `${r.date} ${r.type} ${r.note}`)).toEqual([
      '2026-09-20 school 国庆节调休上课',
      '2026-09-25 rest 中秋节',
      '2026-09-27 school 运动会补课',
      '2026-10-01 rest 国庆节',
      '2026-10-02 rest 国庆节',
      '2026-10-05 rest 国庆节',
      '2026-10-06 rest 国庆节',
      '2026-10-07 rest 国庆节',
    ])
    expect(first.find((r) => r.date === '2026-10-07')).toMatchObject({ holiday: 'nationalDay', source: 'official' })
    // Moving the start: the official rows follow, the user's row stays, a date the user set is not overwritten.
    const own = first.map((r) => (r.date === '2026-10-05' ? { date: r.date, type: 'school' as const, note: '学校上课' } : r))
    const moved = withHolidays(own, days('2026-10-02', '2027-01-20'))
    expect(moved.map((r) => `${r.date} ${r.type} ${r.source ?? 'own'}`)).toEqual([
      '2026-09-27 school own',
      '2026-10-02 rest official',
      '2026-10-05 school own',
      '2026-10-06 rest official',
      '2026-10-07 rest official',
      '2026-10-10 school official',
      '2027-01-01 rest statutory',
    ])
  })

  it('teaches each chosen class in each chosen subject its grade has, less the pairs left out', () => {
    const f = form({
      grades: [{ grade: 4, classNames: ['4(1)', '4(2)'], subjects: ['语文', '数学', '道德与法治'] }],
      me: { name: '李老师', subjects: ['语文', '道德与法治'], classes: ['4|4(1)', '4|4(2)'], homeroomOf: '', gradeLeaderOf: null, notTaught: ['4|4(2)|道德与法治'] },
    })
    expect(myTeaching(f).map((t) => `${t.className} ${t.subject}`)).toEqual(['4(1) 语文', '4(1) 道德与法治', '4(2) 语文'])
    expect(myTeaching({ ...f, me: { ...f.me, teachesNoClass: true } })).toEqual([])
  })

  it('builds the school setup, dropping choices of classes that no longer exist', () => {
    const f = form({ grades: [{ grade: 4, classNames: [' 4(1) ', '4(3)'], subjects: ['数学'] }], me: { name: ' 李老师 ', subjects: ['数学', '英语'], classes: ['4| 4(1) ', '4|4(2)'], homeroomOf: '4|4(2)', gradeLeaderOf: 4 } })
    const me = pruneMe(f)
    expect(me).toEqual({ name: ' 李老师 ', subjects: ['数学'], classes: ['4| 4(1) '], homeroomOf: '', gradeLeaderOf: 4 })
    const setup = setupFromForm({ ...f, me })
    expect(setup.grades).toEqual([{ grade: 4, classNames: ['4(1)', '4(3)'], subjects: ['数学'] }])
    expect(setup.me).toEqual({ name: '李老师', teaching: [{ grade: 4, className: '4(1)', subject: '数学' }], homeroomOf: null, gradeLeaderOf: 4 })
  })
})
