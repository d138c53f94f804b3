import { describe, expect, it } from 'vitest'
import { benchmarkSchoolOptions, generateSchool } from '@/demo/generateSchool'
import { subjectsOfGrade } from '@/demo/subjects'

describe('generated school', () => {
  const options = { ...benchmarkSchoolOptions(), classesPerGrade: { 2: 1, 5: 2, 9: 1 }, weeks: 2 }
  const school = generateSchool(options)

  it('is the same for the same seed', () => {
    expect(generateSchool(options).assignments).toEqual(school.assignments)
    expect(generateSchool({ ...options, seed: 7 }).assignments).not.toEqual(school.assignments)
  })

  it.each([
    [1, ['语文', '数学', '道德与法治', '科学', '体育与健康', '艺术', '劳动']],
    [3, ['语文', '数学', '英语', '道德与法治', '科学', '信息科技', '综合实践', '体育与健康', '艺术', '劳动']],
    [9, ['语文', '数学', '英语', '道德与法治', '科学', '历史', '地理', '生物学', '物理', '化学', '信息科技', '综合实践', '体育与健康', '艺术', '劳动']],
  ])('grade %i learns %o', (grade, subjects) => {
    expect(subjectsOfGrade(grade)).toEqual(subjects)
  })

  it('gives grades 1–2 no written work to take home, and classes of 40–50 students', () => {
    const grade2 = school.assignments.filter((a) => a.classRef.grade === 2)
    expect(grade2.length).toBeGreaterThan(0)
    expect(grade2.flatMap((a) => a.items).some((i) => i.kind === 'written' && i.where === 'home')).toBe(false)
    for (const r of school.rosters) {
      expect(r.students.length).toBeGreaterThanOrEqual(40)
      expect(r.students.length).toBeLessThanOrEqual(50)
    }
  })

  it('sets homework on school days only, five items a subject', () => {
    // 2026-08-31 is a Monday: two weeks hold ten school days.
    const dates = new Set(school.assignments.map((a) => a.date))
    expect(dates.size).toBe(10)
    expect(school.assignments.every((a) => a.items.length === 5)).toBe(true)
    expect(school.itemCount).toBe(school.assignments.length * 5)
  })
})
