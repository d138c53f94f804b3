// A simulated device for the protocol and convergence tests: its own local store and outbox, written
// with the same pure functions as the app's write() (applyLocalPut/Delete/Restore, foldIntoEntry) and
// merging pulled records with the same mergeRecord, speaking the protocol over real HTTP.
import { encodeHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '@hl/core/domain/hlc'
import type { OutboxEntry, SyncedTableName } from '@hl/core/records'
import { applyLocalDelete, applyLocalPut, applyLocalRestore, mergeRecord, recordAsChange, type LocalResult, type StoredRecord } from '@hl/core/sync/merge'
import { LIMITS, SCHEMA_VERSION, type ConflictRow, type Mutation, type PullResponse, type PushResponse, type Session } from '@hl/core/sync/protocol'
import { foldIntoEntry } from '@/db/write'
import { post } from './harness'

type Entry = OutboxEntry & { seq: number; sent?: Mutation }

export class SimClient {
  readonly records = new Map<string, StoredRecord>()
  outbox: Entry[] = []
  cursor: string | null = null
  private clock: Hlc
  private nextSeq = 1
  /** Mutations the server confirmed (their response arrived), for the no-lost-edit check. */
  readonly acknowledged: Mutation[] = []
  /** Every mutation this device sent, answered or not. */
  readonly sentLog: Mutation[] = []
  readonly resets: string[] = []
  /** Conflict notices pulled, by id (a later copy, e.g. dismissed, replaces the earlier). */
  readonly conflicts = new Map<string, ConflictRow>()

  constructor(
    readonly clientId: string,
    public session: Session,
    private readonly now: () => number = Date.now,
  ) {
    this.clock = { wall: now(), counter: 0, deviceId: clientId }
  }

  private stamp(): string {
    this.clock = tickHlc(this.clock, this.now())
    return encodeHlc(this.clock)
  }

  private record(table: SyncedTableName, before: StoredRecord | undefined, change: LocalResult | null): void {
    if (!change) return
    this.records.set(`${table}/${change.record.id}`, change.record)
    const waiting = this.outbox.find((e) => e.table === table && e.recordId === change.record.id && e.sent === undefined)
    const next = foldIntoEntry(waiting, table, before, change) as Entry
    if (waiting) Object.assign(waiting, next, { seq: waiting.seq })
    else this.outbox.push({ ...next, seq: this.nextSeq++ })
  }

  put(table: SyncedTableName, id: string, fields: Record<string, unknown>): void {
    const before = this.records.get(`${table}/${id}`)
    this.record(table, before, applyLocalPut(before, id, fields, this.stamp()))
  }

  remove(table: SyncedTableName, id: string): void {
    const before = this.records.get(`${table}/${id}`)
    if (before) this.record(table, before, applyLocalDelete(before, this.stamp()))
  }

  restore(table: SyncedTableName, id: string): void {
    const before = this.records.get(`${table}/${id}`)
    if (before) this.record(table, before, applyLocalRestore(before, this.stamp()))
  }

  /** The mutation of an entry: built once, when first sent, so a resend is identical. */
  private mutationOf(e: Entry): Mutation {
    if (!e.sent) {
      const local = this.records.get(`${e.table}/${e.recordId}`)!
      e.sentAt = this.now()
      e.sent = {
        seq: e.seq,
        table: e.table,
        id: e.recordId,
        op: e.op,
        baseVersion: e.baseVersion,
        hlc: e.hlc,
        fields: e.fields,
        fieldClock: Object.fromEntries(Object.keys(e.fields).map((f) => [f, local.fieldClock[f]!])),
        baseClock: e.baseClock,
      }
      this.sentLog.push(e.sent)
    }
    return e.sent
  }

  pendingFields(table: string, id: string): Set<string> {
    const out = new Set<string>()
    for (const e of this.outbox) if (e.table === table && e.recordId === id) for (const f of Object.keys(e.fields)) out.add(f)
    return out
  }

  /** One push of up to 100 waiting entries. `drop`: the server gets it, the response is lost. */
  async push(server: { url: string }, { drop = false } = {}): Promise<PushResponse | null> {
    const batch = this.outbox.slice(0, LIMITS.pushMutations).map((e) => this.mutationOf(e))
    if (batch.length === 0) return null
    const res = await post<PushResponse>(server, '/push', { clientId: this.clientId, schemaVersion: SCHEMA_VERSION, mutations: batch }, this.session.accessToken)
    if (res.status !== 200) throw new Error(`push ${res.status}: ${JSON.stringify(res.body)}`)
    if (drop) return null
    this.takeResponse(batch, res.body)
    return res.body
  }

  takeResponse(batch: Mutation[], body: PushResponse): void {
    const applied = new Set(body.applied)
    for (const m of batch) if (applied.has(m.seq)) this.acknowledged.push(m)
    for (const c of body.clamped) {
      // The server stored earlier clocks than ours: take them, or our copy would keep a clock it never will.
      const m = batch.find((x) => x.seq === c.seq)!
      const local = this.records.get(`${m.table}/${m.id}`)
      if (local) for (const [f, clock] of Object.entries(c.fieldClock)) if (local.fieldClock[f] === m.fieldClock[f]) local.fieldClock[f] = clock
    }
    this.outbox = this.outbox.filter((e) => e.seq > body.lastSeq)
  }

  /** Pulls every page; a reset starts over from the beginning, keeping the outbox. */
  async pullAll(server: { url: string }, limit: number = LIMITS.pullRecords): Promise<void> {
    for (let pages = 0; pages < 10_000; pages++) {
      const res = await post<PullResponse>(server, '/pull', { clientId: this.clientId, cursor: this.cursor, limit }, this.session.accessToken)
      if (res.status !== 200) throw new Error(`pull ${res.status}: ${JSON.stringify(res.body)}`)
      const body = res.body
      if ('reset' in body) {
        this.resets.push(body.reason)
        this.cursor = null
        continue
      }
      for (const { table, row } of body.records) this.receive(table, row as unknown as StoredRecord)
      for (const c of body.conflicts) this.conflicts.set(c.id, c)
      this.cursor = body.cursor
      if (!body.more) return
    }
    throw new Error('pull did not end')
  }

  receive(table: string, row: StoredRecord): void {
    const key = `${table}/${row.id}`
    const pending = this.pendingFields(table, row.id)
    const merged = mergeRecord(this.records.get(key), row.id, recordAsChange(row), (f) => pending.has(f))
    this.records.set(key, merged.record)
    for (const clock of Object.values(row.fieldClock)) {
      const remote = parseHlc(clock)
      if (remote) this.clock = receiveHlc(this.clock, remote, this.now())
    }
  }

  /** Pushes until the outbox is empty. */
  async flush(server: { url: string }): Promise<void> {
    while (this.outbox.length > 0) await this.push(server)
  }
}

/** A record's content for comparing copies: fields, tombstone and clocks, not the copy's local version. */
export function content(r: StoredRecord): Record<string, unknown> {
  const { version: _v, ...rest } = r
  return rest
}
