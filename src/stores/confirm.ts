// A question the app asks before a step that is hard to take back or breaks a rule (publishing over
// the cap, leaving with unsaved changes). UI state only: the text is already in the user's language.
// One question at a time: asking while one is open answers the first with "no".
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'

export interface ConfirmQuestion {
  title: string
  /** One paragraph or list entry each. */
  lines: readonly string[]
  confirm: string
  cancel: string
  /** The confirm button looks like a warning (it breaks a rule or drops something). */
  danger?: boolean
}

interface Open extends ConfirmQuestion {
  answer: (yes: boolean) => void
}

export const useConfirmStore = defineStore('confirm', () => {
  const open = shallowRef<Open | null>(null)

  function ask(question: ConfirmQuestion): Promise<boolean> {
    open.value?.answer(false)
    return new Promise<boolean>((resolve) => {
      open.value = {
        ...question,
        answer: (yes) => {
          open.value = null
          resolve(yes)
        },
      }
    })
  }

  return { open, ask }
})
