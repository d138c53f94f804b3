// A small school on a running server: the admin's device uploads its local school (classes, students,
// a term), then the admin makes accounts with roles. Ids are the device's own, as in the app.
import { naturalId } from '@hl/core/ids'
import type { Session } from '@hl/core/sync/protocol'
import type { RunningServer } from '../../server/src/server'
import { newSchool, newTeacher } from './harness'
import { SimClient } from './simClient'

let n = 0
export const uid = (prefix: string): string => `${prefix}-${(++n).toString(36)}-${Math.random().toString(36).slice(2, 8)}`

export interface School {
  schoolId: string
  admin: Session
  adminDevice: SimClient
  classes: { a: string; b: string; c: string }
  students: { a: string; b: string }
  sessions: Record<'mathA' | 'chineseA' | 'homeroomA' | 'leader4' | 'mathB' | 'leader5', Session>
}

export async function makeSchool(server: RunningServer, name = '实验小学'): Promise<School> {
  const { admin, schoolId } = await newSchool(server, name)
  const adminDevice = new SimClient(uid('admin'), admin)
  // Classes a and b in grade 4, c in grade 5.
  const classes = { a: uid('class'), b: uid('class'), c: uid('class') }
  adminDevice.put('classes', classes.a, { grade: 4, name: '4(1)' })
  adminDevice.put('classes', classes.b, { grade: 4, name: '4(2)' })
  adminDevice.put('classes', classes.c, { grade: 5, name: '5(1)' })
  adminDevice.put('terms', uid('term'), { name: '2026 秋', startDate: '2026-09-01', endDate: '2027-01-20' })
  adminDevice.put('gradeSubjects', naturalId(4, '数学'), { grade: 4, subject: '数学', position: 1 })
  const students = { a: uid('student'), b: uid('student') }
  adminDevice.put('students', students.a, { classId: classes.a, number: '01', name: '张三', position: 1 })
  adminDevice.put('students', students.b, { classId: classes.b, number: '01', name: '李四', position: 1 })
  await adminDevice.flush(server)
  const sessions = {
    mathA: await newTeacher(server, admin, '数学甲', [{ role: 'teacher', classId: classes.a, subject: '数学' }]),
    chineseA: await newTeacher(server, admin, '语文甲', [{ role: 'teacher', classId: classes.a, subject: '语文' }]),
    homeroomA: await newTeacher(server, admin, '班主任甲', [{ role: 'homeroomTeacher', classId: classes.a }]),
    leader4: await newTeacher(server, admin, '四年级组长', [{ role: 'gradeLeader', grade: 4 }]),
    mathB: await newTeacher(server, admin, '数学乙', [{ role: 'teacher', classId: classes.b, subject: '数学' }]),
    leader5: await newTeacher(server, admin, '五年级组长', [{ role: 'gradeLeader', grade: 5 }]),
  }
  return { schoolId, admin, adminDevice, classes, students, sessions }
}

/** Fields of a new assignment of `subject` in `classId`. */
export const assignment = (classId: string, subject: string, teacherId: string, date = '2026-11-23') => ({
  classId,
  subject,
  date,
  due: '',
  status: 'published' as const,
  teacherId,
  batchId: '',
})

export const item = (assignmentId: string, title = '练习册 p12') => ({
  assignmentId,
  position: 1,
  title,
  kind: 'written' as const,
  where: 'home' as const,
  tiers: { core: true, extend: true, challenge: true },
  minutes: 20,
  trialMinutes: null,
})
