// What the shell knows of the database without Dexie: a new device says "none" for certain, so the
// welcome screen never loads the database code; the app opening it is an event the sync service follows.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { DB_NAME } from '@/db/constants'
import { databaseMayExist, notifyDatabaseOpened, onDatabaseOpened, whenDatabaseMayOpen } from '@/db/presence'

describe('databaseMayExist', () => {
  it('is false on a device with no database of ours, true once there is one', async () => {
    const factory = new IDBFactory()
    expect(await databaseMayExist(factory)).toBe(false)
    const other = new Dexie('someone-else', { indexedDB: factory, IDBKeyRange })
    other.version(1).stores({ t: 'id' })
    await other.open()
    expect(await databaseMayExist(factory)).toBe(false)
    const ours = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange })
    ours.version(1).stores({ t: 'id' })
    await ours.open()
    expect(await databaseMayExist(factory)).toBe(true)
    ours.close()
    other.close()
  })

  it.each([
    ['no IndexedDB at all', undefined],
    ['a browser without indexedDB.databases()', { open: () => null } as unknown as IDBFactory],
    ['databases() failing', { databases: () => Promise.reject(new Error('denied')) } as unknown as IDBFactory],
  ])('cannot say for %s, so the caller asks the database itself', async (_, factory) => {
    expect(await databaseMayExist(factory)).toBe(true)
  })
})

describe('onDatabaseOpened', () => {
  it('calls each listener until it is removed', () => {
    const heard: string[] = []
    const stop = onDatabaseOpened(() => heard.push('a'))
    onDatabaseOpened(() => heard.push('b'))()
    notifyDatabaseOpened()
    stop()
    notifyDatabaseOpened()
    expect(heard).toEqual(['a'])
  })
})

describe('whenDatabaseMayOpen', () => {
  it('on a device without a database, starts once the app opens it, and only once', async () => {
    const empty = { databases: () => Promise.resolve([]) } as unknown as IDBFactory
    const original = globalThis.indexedDB
    Object.defineProperty(globalThis, 'indexedDB', { value: empty, configurable: true })
    try {
      let started = 0
      whenDatabaseMayOpen(() => started++)
      await new Promise((r) => setTimeout(r, 0))
      expect(started).toBe(0)
      notifyDatabaseOpened()
      notifyDatabaseOpened()
      expect(started).toBe(1)
      const stop = whenDatabaseMayOpen(() => started++)
      await new Promise((r) => setTimeout(r, 0))
      stop()
      notifyDatabaseOpened()
      expect(started).toBe(1)
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: original, configurable: true })
    }
  })
})
