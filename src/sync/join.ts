// Joining a school server (issue 7, "Join the school"): the admin's first sign-in with the setup code
// creates the school on the server from this device's data; a teacher signs in with a login and
// password, or with the one-time invite code. Whatever the device already holds is never lost to the
// server's copy:
// - the same school (set up from it, or restored from its backup): everything this teacher may write
//   is sent, and the server keeps what it does not have;
// - no school yet: the school arrives from the server;
// - another school (set up on the device before the teacher joined): the teacher is asked first; then
//   her homework moves to the server school's classes of the same grade and name, and the rest of the
//   device's school (kept in a backup file she downloads first) gives way to the server's.
import { uuidv7 } from '@hl/core/ids'
import { accessScopeOf } from '@hl/core/sync/access'
import type { Session } from '@hl/core/sync/protocol'
import { META } from '@/db/constants'
import type { AppDB } from '@/db/database'
import { adoptServerSchool, collectMyHomework, rehomeHomework, type MyHomework } from '@/db/adopt'
import { countWaiting, enqueueEverything, setCursor } from '@/db/sync'
import { saveSession, type SyncSession } from '@/db/session'
import { publicApi, type Fetch } from './api'
import { syncOnce } from './engine'

export type JoinOutcome =
  /** The device's school is the server's: its data was queued to send (`queued`: every record waiting, those queued as they were written included). */
  | { kind: 'same'; queued: number }
  /** The device had no school: the server's arrives with the first sync. */
  | { kind: 'fresh' }
  /** The device holds another school: nothing is changed until the teacher agrees (`replaceWithServerSchool`). */
  | { kind: 'otherSchool'; session: SyncSession; localSchool: string; serverSchool: string }

async function localSchool(db: AppDB): Promise<{ id: string; name: string } | null> {
  const id = (await db.meta.get(META.schoolId))?.value
  if (typeof id !== 'string') return null
  const row = await db.schools.get(id)
  return { id, name: row?.name ?? '' }
}

function toSession(server: string, session: Session): SyncSession {
  return { server, clientId: `c-${uuidv7().replaceAll('-', '').slice(0, 24)}`, ...session }
}

/** After any sign-in: take the session in, according to what the device holds. */
export async function adoptSession(db: AppDB, server: string, session: Session): Promise<JoinOutcome> {
  const sync = toSession(server, session)
  const local = await localSchool(db)
  if (local && local.id !== session.school.id) return { kind: 'otherSchool', session: sync, localSchool: local.name, serverSchool: session.school.name }
  await saveSession(db, sync)
  await setCursor(db, null)
  if (!local) {
    await db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: META.schoolId, value: session.school.id })
      await db.meta.put({ key: META.me, value: session.account.teacherId })
    })
    return { kind: 'fresh' }
  }
  await db.meta.put({ key: META.me, value: session.account.teacherId })
  const classes = await db.classes.toArray()
  await enqueueEverything(db, accessScopeOf(session.account, classes))
  // What the notice counts is what goes: the records queued now and those already waiting (a device
  // whose every write was queued as it was made, the demo school's for one, queues nothing more now;
  // the notice had said 0 records).
  return { kind: 'same', queued: await countWaiting(db) }
}

export interface ReplaceOutcome {
  /** Assignments moved to the server school's classes. */
  moved: number
  /** Assignments whose class the server school does not have (they stay in the downloaded backup). */
  unmatched: number
}

/**
 * The teacher agreed: the device's other school gives way to the server's, and her homework (with its
 * items and 先做 timers) moves to the server's classes of the same grade and name and is sent.
 */
export async function replaceWithServerSchool(db: AppDB, session: SyncSession, options: { now?: () => number; fetch?: Fetch } = {}): Promise<ReplaceOutcome> {
  const mine: MyHomework = await collectMyHomework(db)
  await adoptServerSchool(db, session.school.id, session.account.teacherId)
  await saveSession(db, session)
  await syncOnce({ db, ...options })
  const outcome = await rehomeHomework(db, mine, session.account.teacherId)
  if (outcome.moved > 0) await syncOnce({ db, ...options })
  return outcome
}

export interface Credentials {
  login: string
  password: string
  /** The school's code, on a server that holds several. */
  school?: string
}

export async function signInWithPassword(db: AppDB, server: string, credentials: Credentials, deviceName: string, fetchImpl?: Fetch): Promise<JoinOutcome> {
  const session = await publicApi(server, fetchImpl).login({ ...credentials, device: { name: deviceName } })
  return adoptSession(db, server, session)
}

export async function signInWithInvite(db: AppDB, server: string, invite: { code: string; password: string }, deviceName: string, fetchImpl?: Fetch): Promise<JoinOutcome> {
  const session = await publicApi(server, fetchImpl).acceptInvite({ ...invite, device: { name: deviceName } })
  return adoptSession(db, server, session)
}

/**
 * The admin's first sign-in with the setup code printed by the server: the school is created on the
 * server with this device's school (same id) and "me" as its admin, then everything is sent.
 */
export async function createSchoolOnServer(
  db: AppDB,
  server: string,
  input: { code: string; adminName: string; schoolName: string; login: string; password: string },
  deviceName: string,
  fetchImpl?: Fetch,
): Promise<JoinOutcome> {
  const local = await localSchool(db)
  const me = (await db.meta.get(META.me))?.value
  const session = await publicApi(server, fetchImpl).setup({
    code: input.code,
    school: local ? { id: local.id, name: local.name || input.schoolName } : { name: input.schoolName },
    admin: { name: input.adminName, login: input.login, password: input.password, ...(typeof me === 'string' ? { teacherId: me } : {}) },
    device: { name: deviceName },
  })
  return adoptSession(db, server, session)
}
