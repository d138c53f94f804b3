// Convergence, as a property (fast-check): several devices (two teachers of the class, one of them on
// two devices) edit, delete and restore the same records offline, push and pull in random order, with
// pushes duplicated and responses dropped, and the server restarted in the middle. Afterwards every
// device holds exactly the server's records, and no acknowledged edit is lost: each value a device
// was told was applied is either the value the record holds, or a conflict record keeps it, or a
// later change was made by someone who had seen it.
import fc from 'fast-check'
import type { StoredRecord } from '@hl/core/sync/merge'
import type { Mutation, PushResponse, Session } from '@hl/core/sync/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/src/server'
import { assignment, uid } from './fixture'
import { makeStore, newSchool, newTeacher, post, start, STORES, type StoreHandle } from './harness'
import { content, SimClient } from './simClient'

const RECORDS = 3
const FIELDS = ['date', 'due', 'status'] as const
const DATES = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']

type Step =
  | { kind: 'edit'; client: number; record: number; field: number; value: number }
  | { kind: 'delete' | 'restore'; client: number; record: number }
  | { kind: 'push' | 'pushDropped' | 'pushTwice' | 'pull'; client: number }
  | { kind: 'restart' }

const CLIENTS = 3
const client = fc.integer({ min: 0, max: CLIENTS - 1 })
const record = fc.integer({ min: 0, max: RECORDS - 1 })
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), client, record, field: fc.integer({ min: 0, max: FIELDS.length - 1 }), value: fc.integer({ min: 0, max: 1_000_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), client, record }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('push' as const, 'pushDropped' as const, 'pushTwice' as const, 'pull' as const), client }) },
)

describe.each(STORES)('convergence on %s', (kind) => {
  let handle: StoreHandle
  let server: RunningServer
  beforeAll(async () => {
    handle = await makeStore(kind, { persistent: true })
    server = await start(handle)
  })
  afterAll(async () => {
    await server.stop()
    handle.cleanup()
  })

  it('every device ends with the server’s records, and no acknowledged edit is lost', async () => {
    let runs = 0
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), fc.integer({ min: 0, max: 40 }), async (steps, restartAt) => {
        runs++
        const { admin } = await newSchool(server, `学校${runs}`)
        const classId = uid('class')
        const adminDevice = new SimClient(uid('admin'), admin)
        adminDevice.put('classes', classId, { grade: 4, name: '4(1)' })
        await adminDevice.flush(server)
        const t1 = await newTeacher(server, admin, '数学甲', [{ role: 'teacher', classId, subject: '数学' }])
        const t2 = await newTeacher(server, admin, '数学乙', [{ role: 'teacher', classId, subject: '数学' }])
        const sessions: Session[] = [t1, t2, t1]
        const devices = sessions.map((s) => new SimClient(uid('dev'), s))
        const ids = Array.from({ length: RECORDS }, () => uid('asg'))
        // Every device starts from the same records (made by the first, pulled by the others).
        for (const id of ids) devices[0]!.put('assignments', id, assignment(classId, '数学', t1.account.teacherId))
        await devices[0]!.flush(server)
        for (const d of devices) await d.pullAll(server)

        const all = [...steps.slice(0, restartAt), { kind: 'restart' } as Step, ...steps.slice(restartAt)]
        for (const s of all) {
          if (s.kind === 'restart') {
            await server.stop()
            server = await start(handle)
            continue
          }
          const d = devices[s.client]!
          const id = ids['record' in s ? s.record : 0]!
          const recordId = `assignments/${id}`
          if (s.kind === 'edit') {
            const field = FIELDS[s.field]!
            // As the app's update(): only a live record is edited (a deleted one comes back by restore).
            if (!d.records.has(recordId) || d.records.get(recordId)!.deletedAt !== undefined) continue
            // Unique values (a date and a due date, or a status), so an edit is recognisable wherever it ends up.
            const value = field === 'status' ? (s.value % 2 ? 'draft' : 'published') : field === 'date' ? DATES[s.value % DATES.length]! : `2027-${String(1 + (s.value % 12)).padStart(2, '0')}-${String(1 + (s.value % 28)).padStart(2, '0')}`
            d.put('assignments', id, { [field]: value })
          } else if (s.kind === 'delete') d.remove('assignments', id)
          else if (s.kind === 'restore') d.restore('assignments', id)
          else if (s.kind === 'pull') await d.pullAll(server)
          else {
            const batch = d.outbox.slice(0, 100)
            const body = await d.push(server, { drop: s.kind === 'pushDropped' })
            if (s.kind === 'pushTwice' && body) {
              // The same push again, as a retry would send it: all skipped.
              const again = await post<PushResponse>(server, '/push', { clientId: d.clientId, schemaVersion: 1, mutations: batch.map((e) => (e as { sent: Mutation }).sent) }, d.session.accessToken)
              expect(again.body.applied).toEqual([])
            }
          }
        }
        // Settle: everyone sends what is waiting, then everyone pulls.
        for (const d of devices) await d.flush(server)
        for (const d of devices) await d.pullAll(server)

        const rows = await server.ctx.db.selectFrom('records').select(['id', 'data']).where('tbl', '=', 'assignments').where('id', 'in', ids).execute()
        const onServer = new Map(rows.map((r) => [r.id, r.data as StoredRecord]))
        for (const d of devices) {
          expect(d.outbox).toEqual([])
          for (const id of ids) expect(content(d.records.get(`assignments/${id}`)!)).toEqual(content(onServer.get(id)!))
        }

        // No acknowledged edit lost.
        const conflicts = await server.ctx.db.selectFrom('conflicts').select(['record_id', 'field', 'kind', 'lost', 'lost_clock']).where('record_id', 'in', ids).execute()
        // A change of a field made by a device that had seen clock c of it replaces that value knowingly.
        const seen = new Set(devices.flatMap((d) => d.sentLog).flatMap((m) => Object.keys(m.fields).map((f) => `${m.id}|${f}|${m.baseClock[f] ?? ''}`)))
        const allSent = devices.flatMap((d) => d.sentLog)
        const covered = (id: string, field: string, value: unknown, clock: string, depth = 0): boolean => {
          const stored = onServer.get(id)!
          if (stored.fieldClock[field] === clock) return true
          const same = (x: unknown) => JSON.stringify(x) === JSON.stringify(value)
          if (conflicts.some((c) => c.record_id === id && ((c.kind === 'field' && c.field === field && c.lost_clock === clock && same(c.lost)) || (c.kind === 'deleted' && same((c.lost as Record<string, unknown>)[field]))))) return true
          if (seen.has(`${id}|${field}|${clock}`)) return true
          // The same value written again later, concurrently (so no conflict was due): covered if that one is.
          return depth < 20 && allSent.some((m) => m.id === id && m.fieldClock[field] !== undefined && m.fieldClock[field]! > clock && same(m.fields[field]) && covered(id, field, value, m.fieldClock[field]!, depth + 1))
        }
        for (const d of devices) {
          for (const m of d.acknowledged) {
            for (const [field, value] of Object.entries(m.fields)) {
              if (field === 'deletedAt') continue
              expect(covered(m.id, field, value, m.fieldClock[field]!), `${field}=${JSON.stringify(value)} of ${m.id} lost`).toBe(true)
            }
          }
        }
      }),
      { numRuns: kind === 'pglite' ? 12 : 20, endOnFailure: true },
    )
  })
})
