// 导入作业计划: choose a plan CSV, see what it would add (per class and evening) and every error in it,
// and only then import it — all of it, in one transaction, as the signed-in teacher's homework.
import { computed, shallowRef, type ComputedRef, type ShallowRef } from 'vue'
import type { FormatError } from '@hl/core/formats/errors'
import { decodeCsvBytes, planPreview, readPlanForSchool, type PlanPreviewGroup, type PlannedAssignment } from '@hl/core/formats/planImport'
import { appDb } from '@/db/database'
import { importPlan } from '@/db/importPlan'
import { listClasses } from '@/db/repos/classes'
import { useLiveQuery } from './useLiveQuery'
import { useSchool } from './useSchool'

export type { FormatError, PlanPreviewGroup }

export type PlanImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'notText'; fileName: string }
  | { step: 'empty'; fileName: string }
  | { step: 'invalid'; fileName: string; errors: FormatError[]; rowCount: number }
  | { step: 'ready'; fileName: string; planned: PlannedAssignment[]; preview: PlanPreviewGroup[]; rowCount: number; itemCount: number }
  | { step: 'importing'; fileName: string; rowCount: number; itemCount: number }
  | { step: 'done'; fileName: string; assignmentCount: number; itemCount: number }

export function usePlanImport(): {
  state: ShallowRef<PlanImportState>
  chooseFile: (file: File) => Promise<void>
  importAll: (status: 'draft' | 'published') => Promise<void>
  reset: () => void
  canImport: ComputedRef<boolean>
  /** Whether this device knows its teacher (imports are theirs). */
  hasTeacher: ComputedRef<boolean>
  classesLoaded: ComputedRef<boolean>
} {
  const db = appDb()
  const { context } = useSchool()
  const classes = useLiveQuery(() => listClasses(db))
  const state = shallowRef<PlanImportState>({ step: 'idle' })

  async function chooseFile(file: File): Promise<void> {
    state.value = { step: 'reading', fileName: file.name }
    const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
    if (text === undefined) {
      state.value = { step: 'notText', fileName: file.name }
      return
    }
    if (text.trim() === '') {
      state.value = { step: 'empty', fileName: file.name }
      return
    }
    const result = readPlanForSchool(text, file.name, classes.data.value ?? (await listClasses(db)))
    if (!result.ok) {
      state.value = { step: 'invalid', fileName: file.name, errors: result.errors, rowCount: result.rowCount }
      return
    }
    state.value = {
      step: 'ready',
      fileName: file.name,
      planned: result.planned,
      preview: planPreview(result.planned),
      rowCount: result.rowCount,
      itemCount: result.planned.reduce((n, p) => n + p.assignment.items.length, 0),
    }
  }

  async function importAll(status: 'draft' | 'published'): Promise<void> {
    const current = state.value
    const me = context.value?.me
    if (current.step !== 'ready' || !me) return
    state.value = { step: 'importing', fileName: current.fileName, rowCount: current.rowCount, itemCount: current.itemCount }
    try {
      const outcome = await importPlan(db, { planned: current.planned, teacherId: me.id, status })
      state.value = { step: 'done', fileName: current.fileName, assignmentCount: outcome.assignmentIds.length, itemCount: outcome.itemCount }
    } catch (error) {
      state.value = current
      throw error
    }
  }

  return {
    state,
    chooseFile,
    importAll,
    reset: () => (state.value = { step: 'idle' }),
    canImport: computed(() => state.value.step === 'ready' && !!context.value?.me),
    hasTeacher: computed(() => !!context.value?.me),
    classesLoaded: computed(() => classes.data.value !== undefined),
  }
}
