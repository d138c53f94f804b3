// 导入作业计划: choose a plan CSV (or paste cells from a spreadsheet), see what it would add per class
// and evening, what the school already has, the evenings it would put over the cap, and every error in
// it; only then import it — all of it, in one transaction, as the signed-in teacher's homework.
import { computed, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { chinaDate } from '@hl/core/domain/dates'
import type { Encoding, EncodingChoice } from '@hl/core/formats/encoding'
import type { FormatError } from '@hl/core/formats/errors'
import {
  planOverCap,
  planPreview,
  planTemplate,
  splitExisting,
  type OverCapEvening,
  type PlanPreviewGroup,
  type PlannedAssignment,
} from '@hl/core/formats/planImport'
import { appDb } from '@/db/database'
import { importPlan, loadPlanClasses, loadPlanSchool } from '@/db/importPlan'
import { downloadText } from './download'
import { nextTask } from './nextTask'
import { readPlanOffThread } from './planRead'
import { useSchool } from './useSchool'

export type { FormatError, OverCapEvening, PlanPreviewGroup }

/** Larger files are refused before they are read: a term of a whole school's plan is a few MB. */
export const MAX_FILE_MB = 32

interface Source {
  fileName: string
  /** Text in the file's encoding, or pasted text (already text). */
  bytes?: Uint8Array
  text?: string
}

export type PlanImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'notText'; fileName: string }
  | { step: 'tooLarge'; fileName: string; maxMb: number }
  | { step: 'empty'; fileName: string }
  | { step: 'invalid'; fileName: string; errors: FormatError[]; rowCount: number; encoding?: Encoding }
  | {
      step: 'ready'
      fileName: string
      encoding?: Encoding
      /** Only what the school does not have yet. */
      planned: PlannedAssignment[]
      preview: PlanPreviewGroup[]
      rowCount: number
      itemCount: number
      /** Items of the file the school already has (same class, subject, date and content). */
      existingItems: number
      overCap: OverCapEvening[]
    }
  | { step: 'importing'; fileName: string; rowCount: number; assignmentCount: number; itemCount: number; written: number }
  | { step: 'done'; fileName: string; assignmentCount: number; itemCount: number; existingItems: number }

export interface UsePlanImport {
  state: ShallowRef<PlanImportState>
  /** The encoding files are read in; 'auto' detects UTF-8 or GBK. */
  encoding: Ref<EncodingChoice>
  chooseFile: (file: File) => Promise<void>
  /** Reads text pasted from a spreadsheet (tab-separated) or typed as CSV. */
  readPasted: (text: string, name: string) => Promise<void>
  /** Reads the last file again in another encoding. */
  reread: (encoding: EncodingChoice) => Promise<void>
  importAll: (status: 'draft' | 'published') => Promise<void>
  reset: () => void
  downloadTemplate: () => Promise<void>
  canImport: ComputedRef<boolean>
  /** Whether this device knows its teacher (imports are theirs). */
  hasTeacher: ComputedRef<boolean>
}

export function usePlanImport(): UsePlanImport {
  const db = appDb()
  const { context, rules, calendar } = useSchool()
  const state = shallowRef<PlanImportState>({ step: 'idle' })
  const encoding = ref<EncodingChoice>('auto')
  let last: Source | undefined
  let run = 0

  async function read(source: Source): Promise<void> {
    last = source
    const mine = ++run
    const { fileName } = source
    state.value = { step: 'reading', fileName }
    const school = await loadPlanSchool(db)
    if (mine !== run) return
    const outcome = await readPlanOffThread({ fileName, encoding: encoding.value, school, ...(source.bytes ? { bytes: source.bytes } : { text: source.text ?? '' }) })
    if (mine !== run) return
    if (outcome.kind !== 'read') {
      state.value = { step: outcome.kind, fileName }
      return
    }
    const { result, encoding: used } = outcome
    if (!result.ok) {
      state.value = { step: 'invalid', fileName, errors: result.errors, rowCount: result.rowCount, ...(used ? { encoding: used } : {}) }
      return
    }
    const { classes, existing } = await loadPlanClasses(db, result.planned)
    if (mine !== run) return
    // Each step of a big file is a few hundred ms: between them the browser paints and answers clicks.
    const split = splitExisting(result.planned, existing)
    await nextTask()
    const preview = planPreview(split.toAdd)
    await nextTask()
    const overCap = planOverCap(split.toAdd, classes, rules.value, calendar.value)
    if (mine !== run) return
    state.value = {
      step: 'ready',
      fileName,
      ...(used ? { encoding: used } : {}),
      planned: split.toAdd,
      preview,
      rowCount: result.rowCount,
      itemCount: split.toAdd.reduce((n, p) => n + p.assignment.items.length, 0),
      existingItems: split.existingItems,
      overCap,
    }
  }

  async function chooseFile(file: File): Promise<void> {
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      last = undefined
      state.value = { step: 'tooLarge', fileName: file.name, maxMb: MAX_FILE_MB }
      return
    }
    state.value = { step: 'reading', fileName: file.name }
    await read({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
  }

  async function importAll(status: 'draft' | 'published'): Promise<void> {
    const current = state.value
    const me = context.value?.me
    if (current.step !== 'ready' || !me || current.planned.length === 0) return
    const importing = { step: 'importing' as const, fileName: current.fileName, rowCount: current.rowCount, assignmentCount: current.planned.length, itemCount: current.itemCount }
    state.value = { ...importing, written: 0 }
    try {
      // Items written so far, for the progress bar (the transaction commits them all at the end, or none).
      const outcome = await importPlan(db, { planned: current.planned, teacherId: me.id, status }, (written) => {
        state.value = { ...importing, written }
      })
      state.value = {
        step: 'done',
        fileName: current.fileName,
        assignmentCount: outcome.assignmentIds.length,
        itemCount: outcome.itemCount,
        existingItems: current.existingItems + outcome.existingItems,
      }
    } catch (error) {
      state.value = current
      throw error
    }
  }

  async function downloadTemplate(): Promise<void> {
    const school = await loadPlanSchool(db)
    const cls = school.classes.find((c) => (school.subjectsByGrade.get(c.grade) ?? []).length > 0) ?? school.classes[0]
    const example = {
      date: chinaDate(Date.now()),
      grade: cls?.grade ?? 5,
      className: cls?.name ?? '5(1)',
      subject: (cls && school.subjectsByGrade.get(cls.grade)?.[0]) ?? '数学',
    }
    downloadText('作业计划模板.csv', planTemplate(example), 'text/csv;charset=utf-8')
  }

  return {
    state,
    encoding,
    chooseFile,
    readPasted: (text, name) => read({ fileName: name, text }),
    reread: async (choice) => {
      encoding.value = choice
      if (last?.bytes) await read(last)
    },
    importAll,
    reset: () => {
      run++
      last = undefined
      state.value = { step: 'idle' }
    },
    downloadTemplate,
    canImport: computed(() => state.value.step === 'ready' && state.value.planned.length > 0 && !!context.value?.me),
    hasTeacher: computed(() => !!context.value?.me),
  }
}
