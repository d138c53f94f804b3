// The school's teachers with what they teach, read live (the admin's accounts form).
import { appDb } from '@/db/database'
import { listTeachersWithRoles } from '@/db/repos/teaching'
import { useLiveQuery } from './useLiveQuery'

export function useSchoolTeachers() {
  return useLiveQuery(() => listTeachersWithRoles(appDb()))
}
