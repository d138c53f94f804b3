// A database written by an earlier version of the app opens in the current one with every record intact.
// The earlier versions' layouts are frozen here as literal copies (not imported from src), so a later
// change of the schema is tested against what real devices hold, not against itself.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { AppDB, CURRENT_VERSION, onUpgradedElsewhere, SCHEMA_V6 } from '@/db/database'
import { getSchoolContext } from '@/db/repos/school'
import { listClassAssignments } from '@/db/repos/assignments'
import { listStudents, listStudentTiers } from '@/db/repos/students'

/** Version 1 as first released (commit 7598798). */
const V1 = {
  schools: 'id',
  terms: 'id',
  calendarDays: 'id, date',
  gradeSubjects: 'id, grade',
  classes: 'id, grade',
  teachers: 'id',
  teachings: 'id, teacherId, classId',
  roles: 'id, teacherId',
  students: 'id, classId',
  studentTiers: 'id, classId, studentId',
  assignments: 'id, [classId+date], [classId+due], [teacherId+date], batchId',
  items: 'id, assignmentId',
  trials: 'id, itemId',
  outbox: '++seq, [table+recordId]',
  meta: 'key',
}

const m = (id: string) => ({ id, updatedAt: '001800000000000-000000-dev1', fieldClock: { name: '001800000000000-000000-dev1' }, version: 1 })
const V1_ROWS: Record<string, object[]> = {
  schools: [{ ...m('s1'), name: '旧版学校', regionId: 'national', rules: {} }],
  terms: [{ ...m('t1'), name: '第一学期', startDate: '2026-09-01', endDate: '2027-01-22' }],
  calendarDays: [{ ...m('2026-10-01'), date: '2026-10-01', type: 'rest', note: '国庆节' }],
  gradeSubjects: [{ ...m('5|数学'), grade: 5, subject: '数学', position: 0 }],
  classes: [{ ...m('c1'), grade: 5, name: '5(1)' }],
  teachers: [{ ...m('me'), name: '王老师' }],
  teachings: [{ ...m('me|c1|数学'), teacherId: 'me', classId: 'c1', subject: '数学' }],
  roles: [{ ...m('me|homeroomTeacher|c1'), teacherId: 'me', role: 'homeroomTeacher', classId: 'c1', grade: 5 }],
  students: [{ ...m('st1'), classId: 'c1', number: '01', name: '张三', position: 0 }],
  studentTiers: [{ ...m('st1|数学'), studentId: 'st1', classId: 'c1', subject: '数学', tier: 'challenge' }],
  assignments: [{ ...m('a1'), classId: 'c1', subject: '数学', date: '2026-11-23', due: '', status: 'published', teacherId: 'me', batchId: 'b1' }],
  items: [{ ...m('i1'), assignmentId: 'a1', position: 0, title: '练习册p23', kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 20, trialMinutes: null }],
  trials: [{ ...m('tr1'), itemId: 'i1', teacherId: 'me', state: 'paused', elapsedMs: 90_000, runningSince: null }],
  // Version 1 kept one entry per write: three writes of c1 and two of i1.
  outbox: [
    { table: 'classes', recordId: 'c1', op: 'put', fields: { grade: 5, name: '5(9)' }, hlc: '001800000000000-000000-dev1', baseVersion: 0 },
    { table: 'items', recordId: 'i1', op: 'put', fields: { title: '练习册p23', minutes: 15 }, hlc: '001800000000001-000000-dev1', baseVersion: 0 },
    { table: 'classes', recordId: 'c1', op: 'put', fields: { name: '5(1)' }, hlc: '001800000000002-000000-dev1', baseVersion: 1 },
    { table: 'items', recordId: 'i1', op: 'put', fields: { minutes: 20 }, hlc: '001800000000003-000000-dev1', baseVersion: 1 },
    { table: 'classes', recordId: 'c1', op: 'delete', fields: {}, hlc: '001800000000004-000000-dev1', baseVersion: 2 },
    { table: 'classes', recordId: 'c1', op: 'put', fields: { deletedAt: null }, hlc: '001800000000005-000000-dev1', baseVersion: 3 },
  ],
  // in primary-key order, as toArray() returns them
  meta: [
    { key: 'me', value: 'me' },
    { key: 'schoolId', value: 's1' },
  ],
}

/** Version 2 as released (commit 5db3c4f): version 1 plus the designer's drafts. */
const V2 = { ...V1, drafts: 'key, [teacherId+assignmentId], savedAt' }

const V2_ROWS: Record<string, object[]> = {
  ...Object.fromEntries(Object.entries(V1_ROWS).filter(([t]) => t !== 'outbox')),
  // Version 2 holds one waiting entry per record, with the clocks it began from.
  outbox: [
    { table: 'items', recordId: 'i1', op: 'put', fields: { minutes: 20 }, hlc: '001800000000003-000000-dev1', baseVersion: 1, baseClock: { minutes: '001800000000001-000000-dev1' } },
  ],
  drafts: [
    {
      key: 'edit:a1',
      assignmentId: 'a1',
      teacherId: 'me',
      savedAt: 1_800_000_000_000,
      base: { classIds: ['c1'], subject: '数学', date: '2026-11-23', due: '', items: [] },
      baseStatus: 'published',
      state: { classIds: ['c1'], subject: '数学', date: '2026-11-23', due: '', items: [{ id: 'i9', title: '新题', kind: 'written', where: 'home', tiers: { core: true, extend: false, challenge: false }, minutes: 5, trialMinutes: null }] },
    },
  ],
}

/** Version 3 as released: version 2 plus grading, real times and the item bank. */
const V3 = {
  ...V2,
  gradingSheets: 'id',
  gradings: 'id, assignmentId, studentId, classId',
  itemMarks: 'id, assignmentId, studentId, itemId',
  timeReports: 'id, assignmentId, classId, studentId',
  timeSurveys: 'id, classId',
  bankItems: 'id, subject, teacherId',
  bankUses: 'id, bankItemId, itemId',
}

/** Version 4 as released (sync): version 3's grading, times and bank, plus the server's conflict notices. */
const V4 = { ...V3, syncConflicts: 'id, recordId, at' }

const V4_ROWS: Record<string, object[]> = {
  ...V2_ROWS,
  gradings: [{ ...m('a1|st1'), assignmentId: 'a1', studentId: 'st1', classId: 'c1', status: 'submitted', level: 'a', score: null, comment: '', correction: '' }],
  bankItems: [{ ...m('b1'), teacherId: 'me', grade: 5, subject: '数学', title: '练习册p23', book: '', pages: '', unit: '', points: {}, difficulty: 2, kind: 'written', where: 'home', tiers: { core: true, extend: true, challenge: true }, minutes: 20, trialMinutes: null }],
  syncConflicts: [{ id: 'k1', table: 'items', recordId: 'i1', field: 'minutes', kind: 'field', kept: 20, keptClock: '001800000000003-000000-dev1', keptBy: 'me', lost: 15, lostClock: '001800000000001-000000-dev2', lostBy: null, at: 1_800_000_000_000, dismissedAt: null }],
}

/** Version 5 as released (commit c56011a): version 4 plus the grade leader's budgets and approvals. */
const V5 = { ...V4, gradeBudgets: 'id, grade', approvals: 'id, assignmentId' }

let name = ''
afterEach(async () => {
  await Dexie.delete(name)
})

/** The database as version `version` of the app left it, holding `rows`. */
async function storedBy(version: number, stores: Record<string, string>, rows: Record<string, object[]>): Promise<void> {
  const old = new Dexie(name)
  old.version(version).stores(stores)
  await old.transaction('rw', old.tables, async () => {
    for (const [table, stored] of Object.entries(rows)) await old.table(table).bulkAdd(stored)
  })
  old.close()
}

/** The database opened by this app at its version, with every one of `rows` read back as it was (outbox entries apart from their seq). */
async function openedWith(rows: Record<string, object[]>): Promise<AppDB> {
  const db = new AppDB(name)
  await db.open()
  expect(db.verno).toBe(CURRENT_VERSION)
  for (const [table, expected] of Object.entries(rows)) {
    const stored = await db.table(table).toArray()
    expect(table === 'outbox' ? stored.map(({ seq: _seq, ...e }) => e) : stored, table).toEqual(expected)
  }
  return db
}

describe('schema versions', () => {
  it('opens a version 1 database and finds every record intact', async () => {
    name = `upgrade-v1-${Date.now()}`
    await storedBy(1, V1, V1_ROWS)

    const db = new AppDB(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    for (const [table, rows] of Object.entries(V1_ROWS)) {
      if (table === 'outbox') continue
      expect(await db.table(table).toArray()).toEqual(rows)
    }
    // The upgrade folded the outbox into one waiting entry per record, in order, nothing lost.
    expect(await db.outbox.toArray()).toEqual([
      {
        seq: 1,
        table: 'classes',
        recordId: 'c1',
        op: 'put',
        fields: { grade: 5, name: '5(1)', deletedAt: null },
        fieldClock: { grade: '001800000000000-000000-dev1', name: '001800000000002-000000-dev1', deletedAt: '001800000000005-000000-dev1' },
        hlc: '001800000000005-000000-dev1',
        baseVersion: 0,
        baseClock: {},
      },
      {
        seq: 2,
        table: 'items',
        recordId: 'i1',
        op: 'put',
        fields: { title: '练习册p23', minutes: 20 },
        fieldClock: { title: '001800000000001-000000-dev1', minutes: '001800000000003-000000-dev1' },
        hlc: '001800000000003-000000-dev1',
        baseVersion: 0,
        baseClock: {},
      },
    ])
    expect(await db.drafts.count()).toBe(0)
    // and the app reads them through its repositories
    expect((await getSchoolContext(db))?.me?.name).toBe('王老师')
    expect((await listStudents(db, 'c1')).map((s) => s.name)).toEqual(['张三'])
    expect((await listStudentTiers(db, 'c1')).map((t) => t.tier)).toEqual(['challenge'])
    expect((await listClassAssignments(db, 'c1', '2026-11-23', '2026-11-29'))[0]?.items[0]?.title).toBe('练习册p23')
    db.close()
  })

  it('opens a version 2 database in version 3 with every record, the outbox and the drafts intact, and the new tables empty', async () => {
    name = `upgrade-v2-${Date.now()}`
    await storedBy(2, V2, V2_ROWS)

    const db = await openedWith(V2_ROWS)
    for (const table of ['gradingSheets', 'gradings', 'itemMarks', 'timeReports', 'timeSurveys', 'bankItems', 'bankUses']) expect(await db.table(table).count(), table).toBe(0)
    expect((await listClassAssignments(db, 'c1', '2026-11-23', '2026-11-29'))[0]?.items[0]?.title).toBe('练习册p23')
    // The new tables take records at once (their indexes exist).
    await db.gradings.put({ id: 'a1|st1', updatedAt: '001800000000009-000000-dev1', fieldClock: {}, version: 1, assignmentId: 'a1', studentId: 'st1', classId: 'c1', status: 'submitted', level: 'a', score: null, comment: '', correction: '' })
    expect(await db.gradings.where('assignmentId').equals('a1').count()).toBe(1)
    db.close()
  })
})

describe('version 5', () => {
  it('opens a version 4 database with every record, the outbox, the drafts and the conflict notices intact, and the desk’s tables empty', async () => {
    name = `upgrade-v4-${Date.now()}`
    await storedBy(4, V4, V4_ROWS)

    const db = await openedWith(V4_ROWS)
    expect(await db.gradeBudgets.count()).toBe(0)
    expect(await db.approvals.count()).toBe(0)
    // A school stored before approval existed reads as approval off.
    expect((await getSchoolContext(db))?.school.approval).toBeUndefined()
    // The new tables take records at once (their indexes exist).
    await db.gradeBudgets.put({ ...m('5|数学'), grade: 5, subject: '数学', schoolDay: 20, mon: null, tue: null, wed: null, thu: null, fri: null, restDay: null })
    await db.approvals.put({ ...m('d1'), assignmentId: 'a1', decision: 'returned', reason: '时间过长', minutes: {}, basis: '001800000000003-000000-dev1', teacherId: 'me', decidedAt: 1_800_000_000_000 })
    expect(await db.gradeBudgets.where('grade').equals(5).count()).toBe(1)
    expect(await db.approvals.where('assignmentId').equals('a1').count()).toBe(1)
    db.close()
  })
})

describe('version 6', () => {
  it('opens a version 5 database with every record intact, reads its unpacked clocks as stored, and drops the unused batchId index', async () => {
    name = `upgrade-v5-${Date.now()}`
    await storedBy(5, V5, V4_ROWS)

    const db = await openedWith(V4_ROWS)
    expect(db.assignments.schema.indexes.map((i) => i.name).sort()).toEqual(['[classId+date]', '[classId+due]', '[teacherId+date]'])
    expect((await listClassAssignments(db, 'c1', '2026-11-23', '2026-11-29'))[0]?.items[0]?.title).toBe('练习册p23')
    db.close()
  })
})

/** The stores and indexes IndexedDB itself holds under `dbName` (not Dexie's declaration of them). */
async function storedLayout(dbName: string): Promise<unknown> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  const names = [...idb.objectStoreNames].sort()
  const tx = idb.transaction(names, 'readonly')
  const layout = names.map((store) => {
    const s = tx.objectStore(store)
    const indexes = [...s.indexNames].sort().map((i) => {
      const index = s.index(i)
      return { name: i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry }
    })
    return { store, keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes }
  })
  idb.close()
  return { version: idb.version, layout }
}

describe('every older version', () => {
  it.each([
    [1, V1],
    [2, V2],
    [3, V3],
    [4, V4],
    [5, V5],
  ] as const)('brings a version %i database to exactly the stores and indexes of a new one', async (version, stores) => {
    name = `upgrade-layout-v${version}-${Date.now()}`
    const fresh = `${name}-fresh`
    await storedBy(version, stores, {})
    const upgraded = new AppDB(name)
    await upgraded.open()
    upgraded.close()
    const made = new AppDB(fresh)
    await made.open()
    made.close()
    try {
      expect(await storedLayout(name)).toEqual(await storedLayout(fresh))
    } finally {
      await Dexie.delete(fresh)
    }
  })
})

describe('an upgrade in another tab', () => {
  it('closes this tab’s connection at once, says so, and the other tab’s upgrade is not blocked', async () => {
    name = `upgrade-elsewhere-${Date.now()}`
    const mine = new AppDB(name)
    await mine.open()
    let told = 0
    const stop = onUpgradedElsewhere(() => told++)
    // A newer app in another tab: the same database at the next version.
    const newer = new Dexie(name)
    newer.version(CURRENT_VERSION + 1).stores({ ...SCHEMA_V6, later: 'id' })
    await newer.open()
    expect(told).toBe(1)
    expect(mine.isOpen()).toBe(false)
    expect(newer.verno).toBe(CURRENT_VERSION + 1)
    newer.close()
    stop()
  })
})
