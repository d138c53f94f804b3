// Benchmark only (built with `vite build --mode bench`, never shipped): the app's own sync engine and
// repositories on this origin's IndexedDB, driven by scripts/bench/sync.ts to time what a teacher waits
// for: a day's edits from the outbox to the server and into another device, and a new grade leader's
// first sync of a whole grade.
import { appDb } from '../src/db/database'
import { META } from '../src/db/constants'
import { createAssignments } from '../src/db/repos/assignmentEdits'
import { setTiers } from '../src/db/repos/studentEdits'
import { countWaiting } from '../src/db/sync'
import { syncOnce } from '../src/sync/engine'
import { signInWithPassword } from '../src/sync/join'
import type { Tier } from '@hl/core/domain/types'

declare global {
  interface Window {
    benchSync: typeof api
  }
}

const item = (title: string, tiers: Record<Tier, boolean>) => ({ title, kind: 'written' as const, where: 'home' as const, tiers, minutes: 10, trialMinutes: null })

const api = {
  /** Signs this device in and runs its first sync; the ms of the sync (a whole pull) and the records it holds then. */
  async signIn(server: string, login: string, password: string): Promise<{ ms: number; records: number }> {
    const db = appDb()
    await signInWithPassword(db, server, { login, password }, 'bench')
    const t0 = performance.now()
    await syncOnce({ db })
    const ms = performance.now() - t0
    let records = 0
    for (const t of ['students', 'studentTiers', 'assignments', 'items']) records += await db.table(t).count()
    return { ms, records }
  },
  /** A teacher's day of edits written as the app writes them (into the outbox, not timed). */
  async dayOfEdits(date: string, n: number): Promise<number> {
    const db = appDb()
    const me = (await db.meta.get(META.me))?.value as string
    const teaching = (await db.teachings.where('teacherId').equals(me).toArray())[0]!
    for (let a = 0; a < 2; a++) {
      await createAssignments(db, {
        classIds: [teaching.classId],
        teacherId: me,
        status: 'published',
        draft: { subject: teaching.subject, date, due: '', items: [0, 1, 2, 3].map((p) => item(`练习册 p${n}-${a}-${p}`, { core: true, extend: p > 0, challenge: p > 1 })) },
      })
    }
    const students = await db.students.where('classId').equals(teaching.classId).limit(20).toArray()
    const tiers: Tier[] = ['core', 'extend', 'challenge']
    await setTiers(db, teaching.classId, teaching.subject, students.map((s, i) => ({ studentId: s.id, tier: tiers[(n + i) % 3]! })))
    return countWaiting(db)
  },
  /** One sync run; its ms. */
  async sync(): Promise<number> {
    const t0 = performance.now()
    await syncOnce({ db: appDb() })
    return performance.now() - t0
  },
  async hasTitle(title: string): Promise<boolean> {
    return (await appDb().items.filter((i) => i.title === title).count()) > 0
  },
}

window.benchSync = api
