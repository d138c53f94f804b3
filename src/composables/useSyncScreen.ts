// The 同步 screen's reads and actions: the session, the sync state and conflicts (live), joining a
// school, the sign-out that warns about unsent changes, devices, and the admin's accounts. Errors
// from the server come back as codes the screen words (errors.* in src/i18n/messages/sync.ts).
import { computed, ref, shallowRef } from 'vue'
import type { ConflictRow, RoleAssignment } from '@hl/core/sync/protocol'
import { appDb } from '@/db/database'
import { countWaiting, dismissRejection, getSyncState, listConflicts, markConflictsDismissed, restoreConflictValue } from '@/db/sync'
import { getSession, clearSession, type SyncSession } from '@/db/session'
import { NetworkError, ServerError, SignedOutError, publicApi, type AccountListEntry, type DeviceEntry, type InviteLink } from '@/sync/api'
import { apiFor } from '@/sync/engine'
import { createSchoolOnServer, replaceWithServerSchool, signInWithInvite, signInWithPassword, type JoinOutcome } from '@/sync/join'
import { useSyncStore } from '@/stores/sync'
import { exportBackupFile } from './useBackup'
import { useLiveQuery } from './useLiveQuery'

export interface CodedError {
  code: string
  params: Record<string, unknown>
}

/** Any failure as a code and parameters for the messages. */
export function codedError(error: unknown): CodedError {
  if (error instanceof ServerError) return { code: error.code, params: error.params }
  if (error instanceof NetworkError) return { code: 'offline', params: {} }
  if (error instanceof SignedOutError) return { code: 'signedOut', params: {} }
  return { code: 'internal', params: { message: error instanceof Error ? error.message : String(error) } }
}

export function defaultServer(): string {
  return typeof location === 'undefined' ? '' : location.origin
}

export function useSyncScreen() {
  const db = appDb()
  const sync = useSyncStore()
  const session = useLiveQuery(() => getSession(db))
  const state = useLiveQuery(() => getSyncState(db))
  const waiting = useLiveQuery(() => countWaiting(db))
  const conflicts = useLiveQuery(() => listConflicts(db))
  const busy = ref(false)
  const error = shallowRef<CodedError | null>(null)
  const pendingOther = shallowRef<Extract<JoinOutcome, { kind: 'otherSchool' }> | null>(null)
  const outcome = shallowRef<JoinOutcome | { kind: 'replaced'; moved: number; unmatched: number; school: string } | null>(null)

  async function attempt<T>(fn: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    error.value = null
    try {
      return await fn()
    } catch (e) {
      error.value = codedError(e)
      return undefined
    } finally {
      busy.value = false
    }
  }

  async function afterJoin(result: JoinOutcome | undefined): Promise<void> {
    if (!result) return
    if (result.kind === 'otherSchool') {
      pendingOther.value = result
      return
    }
    outcome.value = result
    void sync.syncNow()
  }

  const api = () => {
    const s = session.data.value
    return s ? apiFor(db, s) : null
  }

  async function dismissConflict(conflict: ConflictRow): Promise<void> {
    await markConflictsDismissed(db, [conflict.id], Date.now())
    // The server learns it when it can; a dismissal offline is kept here meanwhile.
    await api()
      ?.dismissConflicts([conflict.id])
      .catch(() => undefined)
  }

  return {
    session: computed<SyncSession | null>(() => session.data.value ?? null),
    sessionLoading: computed(() => session.isLoading.value),
    state: computed(() => state.data.value),
    waiting: computed(() => waiting.data.value ?? 0),
    conflicts: computed<ConflictRow[]>(() => conflicts.data.value ?? []),
    status: computed(() => sync.status),
    busy,
    error,
    pendingOther,
    outcome,
    serverInfo: (server: string) => publicApi(server).info(),

    signInWithPassword: (server: string, login: string, password: string, deviceName: string, school?: string) =>
      attempt(() => signInWithPassword(db, server, { login, password, ...(school ? { school } : {}) }, deviceName)).then(afterJoin),
    signInWithInvite: (server: string, code: string, password: string, deviceName: string) => attempt(() => signInWithInvite(db, server, { code, password }, deviceName)).then(afterJoin),
    createSchool: (server: string, input: { code: string; adminName: string; schoolName: string; login: string; password: string }, deviceName: string) =>
      attempt(() => createSchoolOnServer(db, server, input, deviceName)).then(afterJoin),

    /** The teacher agreed to take the server's school: her data is exported first, then her homework moves over. */
    async confirmOtherSchool(): Promise<void> {
      const pending = pendingOther.value
      if (!pending) return
      await attempt(async () => {
        await exportBackupFile()
        const result = await replaceWithServerSchool(db, pending.session)
        pendingOther.value = null
        outcome.value = { kind: 'replaced', ...result, school: pending.serverSchool }
      })
    },
    cancelOtherSchool(): void {
      pendingOther.value = null
    },

    syncNow: () => attempt(() => sync.syncNow()),

    /** Signs the device out (the server forgets this device); what waits to be sent stays here. */
    async signOut(): Promise<void> {
      await attempt(async () => {
        try {
          await api()?.logout()
        } catch (e) {
          // Offline or already signed out: this device forgets its session anyway; its data and outbox stay.
          if (!(e instanceof NetworkError || e instanceof SignedOutError || (e instanceof ServerError && e.status === 401))) throw e
        }
        await clearSession(db)
      })
    },

    async restoreConflict(conflict: ConflictRow): Promise<boolean> {
      const done = await attempt(() => restoreConflictValue(db, conflict))
      if (done) await dismissConflict(conflict)
      return done === true
    },
    dismissConflict,
    dismissRejection: (index: number) => dismissRejection(db, index),

    devices: () => attempt(async () => (await api()?.myDevices()) ?? []) as Promise<(DeviceEntry & { current: boolean })[] | undefined>,
    revokeDevice: (id: string) => attempt(async () => api()?.revokeMyDevice(id)),

    accounts: () => attempt(async () => (await api()?.admin.accounts()) ?? []) as Promise<AccountListEntry[] | undefined>,
    createAccount: (body: { name: string; login: string; roles: RoleAssignment[] }) => attempt(async () => api()?.admin.createAccount(body)) as Promise<{ invite: InviteLink } | undefined>,
    reinvite: (id: string) => attempt(async () => api()?.admin.invite(id)) as Promise<InviteLink | undefined>,
    unlock: (id: string) => attempt(async () => api()?.admin.unlock(id)),
  }
}

export type SyncScreen = ReturnType<typeof useSyncScreen>
