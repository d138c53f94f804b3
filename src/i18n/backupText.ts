// Words for a backup's problems and warnings (codes and parameters from @hl/core/formats/backup), in
// the user's language. `tr` translates a key of the `backup` message namespace: the app passes vue-i18n's
// t, tests and scripts pass `translate` over src/i18n/messages/backup.ts, so both say the same thing.
import type { BackupProblem, BackupWarning } from '@hl/core/formats/backup'
import type { Params } from './format'

export type BackupTr = (key: string, params?: Params) => string

const TYPE_KEYS: Readonly<Record<string, string>> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  Object: 'object',
  object: 'object',
  Array: 'array',
  array: 'array',
  null: 'null',
}

function place(p: BackupProblem, tr: BackupTr): string {
  const parts: string[] = []
  if (p.table) parts.push(tr('place.table', { table: tr(`tables.${p.table}`) }))
  if (p.row) parts.push(tr('place.row', { row: p.row }))
  if (p.field) parts.push(tr('place.field', { field: p.field }))
  return parts.length ? parts.join(' ') : tr('place.file')
}

function expectedText(expected: string, tr: BackupTr): string {
  const words = expected.split(' | ').map((e) => {
    const key = Object.hasOwn(TYPE_KEYS, e) ? TYPE_KEYS[e] : undefined
    return key ? tr(`types.${key}`) : null
  })
  return words.every((w) => w !== null) ? words.join(' / ') : tr('types.other', { expected })
}

export function backupProblemText(p: BackupProblem, tr: BackupTr): string {
  const params = p.params
  switch (p.code) {
    case 'notBackup':
      return typeof params.format === 'string' ? tr('problems.notBackupMarked', params) : tr('problems.notBackup')
    case 'missing':
    case 'duplicateId':
      return tr(`problems.${p.code}`, { ...params, place: place(p, tr) })
    case 'wrongType':
      return tr('problems.wrongType', { ...params, place: place(p, tr), expected: expectedText(String(params.expected ?? ''), tr) })
    case 'badValue':
      return tr('problems.badValue', { ...params, place: place(p, tr), rule: tr(`rules.${String(params.rule)}`, params) })
    default:
      return tr(`problems.${p.code}`, params)
  }
}

export function backupWarningText(w: BackupWarning, tr: BackupTr): string {
  return tr('warnings.danglingRefs', { count: w.count, table: tr(`tables.${w.table}`), target: tr(`tables.${w.target}`), field: w.field })
}
