// Every path that puts a school on the device asks the browser to keep its data
// (navigator.storage.persist): setting one up, loading the demo school, restoring a backup.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { appDb } from '@/db/database'
import { exportBackup } from '@/db/backup'
import { writeBackup } from '@hl/core/formats/backup'
import { useBackupRestore } from '@/composables/useBackup'
import { useSetupActions } from '@/composables/useSetupActions'
import { mountWithApp } from './mount'

let persist: ReturnType<typeof vi.fn>
let wrapper: VueWrapper | undefined
const original = Object.getOwnPropertyDescriptor(navigator, 'storage')

beforeEach(async () => {
  persist = vi.fn(async () => true)
  Object.defineProperty(navigator, 'storage', { configurable: true, value: { persist, persisted: async () => false, estimate: async () => ({}) } })
  await appDb().delete()
  await appDb().open()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  if (original) Object.defineProperty(navigator, 'storage', original)
})

/** Mounts a component that hands its composables out, with the app's plugins. */
async function withComposables<T>(use: () => T): Promise<T> {
  let out: T | undefined
  const Probe = defineComponent({
    setup() {
      out = use()
      return () => h('div')
    },
  })
  ;({ wrapper } = await mountWithApp(Probe, { path: '/welcome' }))
  return out!
}

describe('keeping the school on the device', () => {
  it('asks after the demo school is loaded', async () => {
    const setup = await withComposables(() => useSetupActions())
    await setup.loadDemo()
    expect(persist).toHaveBeenCalledTimes(1)
  }, 20_000)

  it('asks after a backup is restored onto an empty device', async () => {
    const setup = await withComposables(() => useSetupActions())
    await setup.loadDemo()
    const text = writeBackup(await exportBackup(appDb()))
    wrapper?.unmount()
    await appDb().delete()
    await appDb().open()
    persist.mockClear()

    const restore = await withComposables(() => useBackupRestore())
    await restore.chooseFile(new File([text], 'backup.json', { type: 'application/json' }))
    expect(restore.state.value.step).toBe('ready')
    await restore.confirmImport()
    await flushPromises()
    expect(restore.state.value.step).toBe('done')
    expect(persist).toHaveBeenCalledTimes(1)
  }, 20_000)

  it('goes back to choosing a file, and keeps nothing asked, when the chosen file cannot be read', async () => {
    const restore = await withComposables(() => useBackupRestore())
    const unreadable = new File(['{}'], 'backup.json', { type: 'application/json' })
    Object.defineProperty(unreadable, 'arrayBuffer', { value: () => Promise.reject(new DOMException('The file could not be read', 'NotReadableError')) })
    await expect(restore.chooseFile(unreadable)).rejects.toThrow(/could not be read/)
    expect(restore.state.value.step).toBe('idle')
    expect(persist).not.toHaveBeenCalled()
  })
})
