import { describe, expect, it } from 'vitest'
import { checkSetupStep, classNamesFor, pruneMe, setupFromForm, withHolidays, type SetupForm } from '@hl/core/domain/setupForm'

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
  ] as const)('%s', (_name, f, step, expected) => {
    expect(codes(f, step)).toEqual(expected)
  })

  it('names classes 4(1), 4(2) …, keeping names already edited', () => {
    expect(classNamesFor(4, 3)).toEqual(['4(1)', '4(2)', '4(3)'])
    expect(classNamesFor(4, 3, ['四年级一班'])).toEqual(['四年级一班', '4(2)', '4(3)'])
    expect(classNamesFor(4, 1, ['a', 'b'])).toEqual(['a'])
  })

  it('refills the holidays when the term moves, keeping the rows the user added', () => {
    const note = (h: string) => h
    const first = withHolidays([{ date: '2026-09-27', type: 'school', note: '调休' }], '2026-09-01', '2026-10-31', note)
    expect(first.map((r) => `${r.date} ${r.type} ${r.note}`)).toEqual(['2026-09-25 rest midAutumn', '2026-09-27 school 调休', '2026-10-01 rest nationalDay', '2026-10-02 rest nationalDay', '2026-10-03 rest nationalDay'])
    const moved = withHolidays(first, '2026-10-02', '2027-01-20', note)
    expect(moved.map((r) => r.date)).toEqual(['2026-09-27', '2026-10-02', '2026-10-03', '2027-01-01'])
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
