import { describe, expect, it } from 'vitest'
import { errorText } from '@/composables/errorText'
import { InvalidDraftError } from '@/db/repos/assignmentEdits'
import { DuplicateClassError } from '@/db/repos/classEdits'
import { RecordNotFoundError } from '@/db/write'
import { createAppI18n } from '@/i18n'

const { t } = createAppI18n('zh-CN').global
const tr = (key: string, params?: Record<string, unknown>) => t(key, params ?? {})

describe('errorText', () => {
  it.each([
    [new DuplicateClassError(5, '5(1)'), '5 年级已有「5(1)」班。'],
    [new InvalidDraftError([]), '作业还有未填好的地方，请检查标红的项目。'],
    [new RecordNotFoundError('classes', 'x'), '要修改的记录已不存在（可能已在别处删除）。'],
    [Object.assign(new Error('quota'), { name: 'QuotaExceededError' }), '设备存储空间不足，无法保存。请清理浏览器空间或导出备份。'],
    [{ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, '设备存储空间不足，无法保存。请清理浏览器空间或导出备份。'],
  ])('%o', (error, text) => {
    expect(errorText(error, tr)).toBe(text)
  })

  it('says plainly what went wrong otherwise, and that nothing was lost', () => {
    expect(errorText(new Error('disk on fire'), tr)).toContain('disk on fire')
    expect(errorText(new Error('disk on fire'), tr)).toContain('数据没有丢失')
  })
})
