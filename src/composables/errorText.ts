// Turns an error from the data layer into words for the user (house-style habit 6: the data layer
// throws; one global handler shows it). Known errors get their own message; anything else says so plainly.
import { InvalidDraftError } from '@/db/repos/assignments'
import { DuplicateClassError } from '@/db/repos/classes'
import { SchoolExistsError } from '@/db/repos/school'
import { RecordExistsError, RecordNotFoundError } from '@/db/write'

/** `t` is any translate function over the app's messages (useI18n's, or i18n.global.t). */
export type Translate = (key: string, params?: Record<string, unknown>) => string

export function errorText(error: unknown, t: Translate): string {
  if (error instanceof DuplicateClassError) return t('errors.duplicateClass', { grade: error.grade, name: error.className })
  if (error instanceof InvalidDraftError) return t('errors.invalidDraft')
  if (error instanceof SchoolExistsError) return t('errors.schoolExists')
  if (error instanceof RecordNotFoundError) return t('errors.notFound')
  if (error instanceof RecordExistsError) return t('errors.exists')
  const name = (error as { name?: string } | null)?.name
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return t('errors.quota')
  if (name === 'MissingAPIError' || name === 'InvalidStateError') return t('errors.storageBlocked')
  const detail = error instanceof Error ? error.message : String(error)
  return t('errors.unexpected', { detail })
}
