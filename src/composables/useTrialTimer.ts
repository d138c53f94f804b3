// 先做 timers of the items on screen: read live from the trials table (so a reload, or another tab,
// shows the same timer), ticking once a second only while one runs. The arithmetic is domain/trial.ts.
import { computed, onScopeDispose, ref, watch } from 'vue'
import { trialElapsedMs } from '@hl/core/domain/trial'
import { appDb } from '@/db/database'
import type { TrialRow } from '@hl/core/records'
import { clearItemTrial, finishItemTrial, listTrials, pauseItemTrial, resumeItemTrial, startItemTrial } from '@/db/repos/trials'
import { useLiveQuery } from './useLiveQuery'

const TICK_MS = 1000

export function useTrialTimer(itemIds: () => readonly string[], teacherId: () => string | undefined) {
  const db = appDb()
  const trials = useLiveQuery(
    () => {
      const tid = teacherId()
      return tid ? listTrials(db, itemIds(), tid) : []
    },
    [() => itemIds().join(','), teacherId],
  )
  const byItem = computed(() => new Map((trials.data.value ?? []).map((t) => [t.itemId, t] as const)))
  const anyRunning = computed(() => (trials.data.value ?? []).some((t) => t.state === 'running'))

  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  const stop = () => {
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }
  watch(
    anyRunning,
    (running) => {
      now.value = Date.now()
      if (running && timer === undefined) timer = setInterval(() => (now.value = Date.now()), TICK_MS)
      else if (!running) stop()
    },
    { immediate: true },
  )
  onScopeDispose(stop)

  function trialOf(itemId: string): TrialRow | undefined {
    return byItem.value.get(itemId)
  }
  function elapsedOf(itemId: string): number {
    const t = byItem.value.get(itemId)
    return t ? trialElapsedMs(t, now.value) : 0
  }
  const need = (): string => {
    const tid = teacherId()
    if (!tid) throw new Error('No teacher is signed in on this device')
    return tid
  }

  return {
    trialOf,
    elapsedOf,
    start: (itemId: string) => startItemTrial(db, itemId, need(), Date.now()),
    pause: (itemId: string) => pauseItemTrial(db, itemId, need(), Date.now()),
    resume: (itemId: string) => resumeItemTrial(db, itemId, need(), Date.now()),
    finish: (itemId: string) => finishItemTrial(db, itemId, need(), Date.now()),
    clear: (itemId: string) => clearItemTrial(db, itemId, need()),
  }
}
