// Turns an error from the data layer into words for the user (house-style habit 6: the data layer
// throws; one global handler shows it). Known errors get their own message; anything else says so plainly.
// Errors are told apart by name, so this module (loaded at start-up) does not pull in every repository.
import type { DuplicateClassError } from '@/db/repos/classEdits'

/** `t` is any translate function over the app's messages (useI18n's, or i18n.global.t). */
export type Translate = (key: string, params?: Record<string, unknown>) => string

const BY_NAME: Readonly<Record<string, string>> = {
  InvalidDraftError: 'errors.invalidDraft',
  InvalidSettingsError: 'errors.invalidSettings',
  InvalidRulesError: 'errors.invalidRules',
  SchoolExistsError: 'errors.schoolExists',
  RecordNotFoundError: 'errors.notFound',
  RecordExistsError: 'errors.exists',
  QuotaExceededError: 'errors.quota',
  MissingAPIError: 'errors.storageBlocked',
  InvalidStateError: 'errors.storageBlocked',
}

export function errorText(error: unknown, t: Translate): string {
  const e = error as { name?: string; inner?: { name?: string } } | null
  if (e?.name === 'DuplicateClassError') {
    const d = error as DuplicateClassError
    return t('errors.duplicateClass', { grade: d.grade, name: d.className })
  }
  const key = BY_NAME[e?.name ?? ''] ?? BY_NAME[e?.inner?.name ?? '']
  if (key) return t(key)
  const detail = error instanceof Error ? error.message : String(error)
  return t('errors.unexpected', { detail })
}
