// Short messages to the user (saved, deleted with undo, errors). UI state only: the text is already in
// the user's language when it gets here.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface Notice {
  id: number
  kind: 'info' | 'error'
  text: string
  /** An action the notice offers, e.g. 撤销 after a delete. */
  action?: { label: string; run: () => void | Promise<void> }
}

const INFO_MS = 8000

export const useNoticesStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  let next = 0

  function dismiss(id: number): void {
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  function push(notice: Omit<Notice, 'id'>): number {
    const id = ++next
    notices.value = [...notices.value.slice(-3), { ...notice, id }]
    // Errors stay until dismissed: a teacher must not miss that something was not saved.
    if (notice.kind === 'info') setTimeout(() => dismiss(id), notice.action ? INFO_MS * 2 : INFO_MS)
    return id
  }

  return {
    notices,
    dismiss,
    info: (text: string, action?: Notice['action']) => push({ kind: 'info', text, ...(action ? { action } : {}) }),
    error: (text: string, action?: Notice['action']) => push({ kind: 'error', text, ...(action ? { action } : {}) }),
  }
})
