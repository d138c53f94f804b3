import 'fake-indexeddb/auto'
// A backup made by the app must always restore (issue 8, "No lost work, ever"). Any sequence of what a
// teacher can do through the repositories — students pasted, moved and removed, layers, homework set,
// edited, copied, deleted and undeleted, drafts kept and discarded, 先做 timers on saved items and on
// items of drafts never saved, items removed under a running timer, calendar days — then export, the
// file's own check, and import into an empty database: every record comes back, equal.
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { countLiveRows, exportBackup, importBackup, readBackupForThisApp } from '@/db/backup'
import { META } from '@/db/constants'
import type { AppDB } from '@/db/database'
import { getAssignment } from '@/db/repos/assignments'
import { copyAssignment, createAssignments, formOf, removeAssignments, restoreAssignments, saveAssignmentChanges, type RemovedAssignments } from '@/db/repos/assignmentEdits'
import { clearTimersOfUnsavedItems, dropDraft, keepDraft, newDraftKey } from '@/db/repos/drafts'
import { setCalendarDay } from '@/db/repos/schoolSetup'
import { importBank, listBank, removeBankItem, restoreBankItem, saveToBank } from '@/db/repos/bank'
import { linkBankItem } from '@/db/repos/bankLinks'
import { setGrading, setItemMark, setSheetScale } from '@/db/repos/gradingEdits'
import { removeTimeReport, setSurvey, setTimeReport } from '@/db/repos/timeEdits'
import { addStudents, moveStudent, removeStudents, restoreStudents, setTiers, type RemovedStudents } from '@/db/repos/studentEdits'
import { clearItemTrial, finishItemTrial, pauseItemTrial, resumeItemTrial, startItemTrial } from '@/db/repos/trials'
import { BACKUP_TABLES, writeBackup } from '@hl/core/formats/backup'
import { uuidv7 } from '@hl/core/ids'
import { parsePoints, pointSet } from '@hl/core/domain/bank'
import type { ItemDraft } from '@hl/core/domain/assignmentDraft'
import type { Tier } from '@hl/core/domain/types'
import { freshDb } from './helpers'
import { item, seedSchool } from './seed'

const dbs: AppDB[] = []
const open = () => {
  const db = freshDb()
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

const T0 = 1_800_000_000_000
const TIERS: Tier[] = ['core', 'extend', 'challenge']
const SUBJECTS = ['语文', '数学', '英语']

const itemArb = fc.record({
  title: fc.oneof(fc.constant(''), fc.constantFrom('练习册 p23', '口算', '抄写生字', '__proto__', '<b>x</b>')),
  minutes: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 120 }), fc.constantFrom(0.5, 1440)),
  kind: fc.constantFrom('written', 'oral', 'reading') as fc.Arbitrary<ItemDraft['kind']>,
  extend: fc.boolean(),
})
const toItem = (x: { title: string; minutes: number | null; kind: ItemDraft['kind']; extend: boolean }, complete: boolean): ItemDraft =>
  item(complete && !x.title ? '练习' : x.title, complete && x.minutes === null ? 10 : (x.minutes ?? 0), { kind: x.kind, tiers: { core: true, extend: x.extend, challenge: true }, ...(complete || x.minutes !== null ? {} : { minutes: null }) })

const op = fc.oneof(
  fc.record({ kind: fc.constant('addStudents' as const), cls: fc.nat(), names: fc.array(fc.constantFrom('李明', '王芳', 'constructor', ''), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('removeStudent' as const), pick: fc.nat(), undo: fc.boolean() }),
  fc.record({ kind: fc.constant('moveStudent' as const), pick: fc.nat(), cls: fc.nat() }),
  fc.record({ kind: fc.constant('setTier' as const), pick: fc.nat(), subject: fc.constantFrom(...SUBJECTS), tier: fc.constantFrom(...TIERS) }),
  fc.record({
    kind: fc.constant('create' as const),
    classes: fc.uniqueArray(fc.nat({ max: 1 }), { minLength: 1, maxLength: 2 }),
    status: fc.constantFrom('draft' as const, 'published' as const),
    day: fc.integer({ min: 0, max: 6 }),
    due: fc.integer({ min: 0, max: 3 }),
    items: fc.array(itemArb, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), minutes: fc.integer({ min: 0, max: 90 }), drop: fc.boolean(), add: fc.option(itemArb, { nil: undefined }) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(), undo: fc.boolean() }),
  fc.record({ kind: fc.constant('copy' as const), pick: fc.nat(), day: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('timer' as const), pick: fc.nat(), onDraft: fc.boolean(), action: fc.constantFrom('start', 'pause', 'resume', 'finish', 'clear') }),
  fc.record({ kind: fc.constant('keepDraft' as const), items: fc.array(itemArb, { minLength: 0, maxLength: 3 }), day: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('dropDraft' as const), pick: fc.nat(), removeItemOnly: fc.boolean() }),
  fc.record({ kind: fc.constant('calendar' as const), day: fc.integer({ min: 0, max: 30 }), type: fc.constantFrom('school' as const, 'rest' as const, null) }),
  fc.record({
    kind: fc.constant('grade' as const),
    pick: fc.nat(),
    student: fc.nat(),
    level: fc.constantFrom('', 'a', 'b', 'c', 'd') as fc.Arbitrary<'' | 'a' | 'b' | 'c' | 'd'>,
    status: fc.constantFrom('', 'submitted', 'late', 'missing', 'excused') as fc.Arbitrary<'' | 'submitted' | 'late' | 'missing' | 'excused'>,
    score: fc.option(fc.constantFrom(0, 87.5, 100), { nil: null }),
    comment: fc.constantFrom('', '订正第 2 题', '<i>好</i>'),
    correction: fc.constantFrom('', 'handedIn', 'rechecked') as fc.Arbitrary<'' | 'handedIn' | 'rechecked'>,
    scale: fc.option(fc.constantFrom('levels' as const, 'letters' as const, 'score' as const), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('mark' as const), pick: fc.nat(), student: fc.nat(), wrong: fc.boolean(), fixed: fc.boolean() }),
  fc.record({ kind: fc.constant('report' as const), pick: fc.nat(), student: fc.nat(), minutes: fc.constantFrom(0, 25, 60.5, 1440), stopped: fc.boolean(), remove: fc.boolean() }),
  fc.record({ kind: fc.constant('survey' as const), pick: fc.nat(), counts: fc.tuple(fc.nat({ max: 45 }), fc.nat({ max: 45 }), fc.nat({ max: 45 }), fc.nat({ max: 45 })) }),
  fc.record({ kind: fc.constant('bank' as const), pick: fc.nat(), action: fc.constantFrom('save', 'remove', 'restore', 'link', 'reimport'), points: fc.array(fc.constantFrom('分数', '通分', '__proto__'), { maxLength: 2 }) }),
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

const day = (n: number) => `2026-11-${String(23 + (n % 7)).padStart(2, '0')}`
const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined)

async function run(db: AppDB, ops: readonly Op[]): Promise<void> {
  const seeded = await seedSchool(db)
  const teacherId = seeded.teacherId
  const classes = [seeded.c41.id, seeded.c42.id]
  const students: string[] = seeded.students.map((s) => s.id)
  const assignments: string[] = [seeded.maths.id]
  const drafts: { key: string; itemIds: string[] }[] = []
  let now = T0
  for (const o of ops) {
    now += 61_000
    switch (o.kind) {
      case 'addStudents':
        students.push(...(await addStudents(db, pick(classes, o.cls)!, o.names.map((name, i) => ({ number: name ? String(i + 10) : '', name })))).map((s) => s.id))
        break
      case 'removeStudent': {
        const id = pick(students, o.pick)
        if (!id) break
        const removed: RemovedStudents = await removeStudents(db, [id])
        if (o.undo) await restoreStudents(db, removed)
        break
      }
      case 'moveStudent': {
        const id = pick(students, o.pick)
        if (id && (await db.students.get(id))?.deletedAt === undefined) await moveStudent(db, id, pick(classes, o.pick + 1)!)
        break
      }
      case 'setTier': {
        const id = pick(students, o.pick)
        const s = id ? await db.students.get(id) : undefined
        if (s && s.deletedAt === undefined) await setTiers(db, s.classId, o.subject, [{ studentId: s.id, tier: o.tier }])
        break
      }
      case 'create': {
        const complete = o.status === 'published'
        const date = day(o.day)
        const due = o.due ? day(o.day + o.due) : ''
        const rows = await createAssignments(db, {
          classIds: o.classes.map((c) => classes[c]!),
          teacherId,
          status: o.status,
          draft: { subject: '数学', date, due: due > date ? due : '', items: o.items.map((x) => toItem(x, complete)) },
        })
        assignments.push(...rows.map((r) => r.id))
        break
      }
      case 'edit': {
        const id = pick(assignments, o.pick)
        const current = id ? await getAssignment(db, id) : undefined
        if (!id || !current) break
        const base = formOf(current)
        const mine = structuredClone(base)
        if (mine.items[0]) mine.items[0].minutes = o.minutes
        if (o.drop && mine.items.length > 1) mine.items.pop()
        if (o.add) mine.items.push({ id: uuidv7(), ...toItem(o.add, current.assignment.status === 'published') })
        await saveAssignmentChanges(db, id, base, mine, current.assignment.status)
        break
      }
      case 'remove': {
        const id = pick(assignments, o.pick)
        if (!id) break
        const removed: RemovedAssignments = await removeAssignments(db, [id])
        if (o.undo) await restoreAssignments(db, removed)
        break
      }
      case 'copy': {
        const id = pick(assignments, o.pick)
        if (id && (await getAssignment(db, id))) assignments.push(...(await copyAssignment(db, id, { date: day(o.day), due: '', classIds: [classes[0]!], teacherId })).map((r) => r.id))
        break
      }
      case 'timer': {
        let itemId: string | undefined
        if (o.onDraft) itemId = pick(drafts.flatMap((d) => d.itemIds), o.pick)
        else itemId = pick((await db.items.toArray()).map((i) => i.id), o.pick) // live or tombstoned: a timer of a removed item
        if (!itemId) break
        if (o.action === 'start') await startItemTrial(db, itemId, teacherId, now)
        else if (o.action === 'pause') await pauseItemTrial(db, itemId, teacherId, now)
        else if (o.action === 'resume') await resumeItemTrial(db, itemId, teacherId, now)
        else if (o.action === 'finish') await finishItemTrial(db, itemId, teacherId, now)
        else await clearItemTrial(db, itemId, teacherId)
        break
      }
      case 'keepDraft': {
        const key = newDraftKey(uuidv7())
        const items = o.items.map((x) => ({ id: uuidv7(), ...toItem(x, false) }))
        await keepDraft(db, { key, assignmentId: '', teacherId, savedAt: now, base: null, baseStatus: null, state: { classIds: [classes[1]!], subject: '', date: day(o.day), due: '', items } })
        drafts.push({ key, itemIds: items.map((i) => i.id) })
        break
      }
      case 'dropDraft': {
        const d = pick(drafts, o.pick)
        if (!d) break
        if (o.removeItemOnly && d.itemIds.length) {
          // The teacher removes one item of the draft: its timer goes with it; the draft stays.
          const [gone] = d.itemIds.splice(0, 1)
          const kept = (await db.drafts.get(d.key))!
          await keepDraft(db, { ...kept, state: { ...kept.state, items: kept.state.items.filter((i) => i.id !== gone) } })
          await clearTimersOfUnsavedItems(db, teacherId, [gone!])
        } else {
          await dropDraft(db, d.key, teacherId, d.itemIds)
          drafts.splice(drafts.indexOf(d), 1)
        }
        break
      }
      case 'calendar':
        await setCalendarDay(db, `2026-12-${String(1 + o.day).padStart(2, '0')}`, o.type, o.type ? '调休' : '')
        break
      case 'grade':
      case 'mark':
      case 'report':
      case 'survey': {
        // Grading and reports are recorded on live and deleted homework and students alike (a sync may
        // bring either): the backup must carry them all.
        const id = pick(assignments, o.pick)
        const a = id ? await db.assignments.get(id) : undefined
        if (!a) break
        const studentId = 'student' in o ? pick(students, o.student) : undefined
        if (o.kind === 'survey') {
          const [upTo30, upTo60, upTo90, over90] = o.counts
          await setSurvey(db, a.id, a.classId, { upTo30, upTo60, upTo90, over90 })
          break
        }
        if (!studentId) break
        const target = { assignmentId: a.id, studentId, classId: a.classId }
        if (o.kind === 'grade') {
          if (o.scale) await setSheetScale(db, a.id, o.scale, 100)
          await setGrading(db, target, { level: o.level, status: o.status, score: o.score, comment: o.comment, correction: o.correction })
        } else if (o.kind === 'mark') {
          const itemId = pick((await db.items.where('assignmentId').equals(a.id).toArray()).map((i) => i.id), o.pick)
          if (itemId) await setItemMark(db, { ...target, itemId }, { wrong: o.wrong, fixed: o.fixed })
        } else if (o.remove) await removeTimeReport(db, a.id, studentId)
        else await setTimeReport(db, target, { minutes: o.minutes, stopped: o.stopped, leftItemIds: o.stopped ? ['left-1'] : [], note: o.stopped ? '剩最后一题' : '' })
        break
      }
      case 'bank': {
        const bank = await db.bankItems.toArray()
        const chosen = pick(bank, o.pick)
        if (o.action === 'save' || !chosen) {
          const itemId = pick((await db.items.toArray()).map((i) => i.id), o.pick)
          await saveToBank(
            db,
            { teacherId, grade: 4, subject: '数学', title: '分数加法', book: '练习册', pages: 'p23', unit: '第二单元', points: pointSet(parsePoints(o.points.join('、'))), difficulty: 3, kind: 'written', where: 'home', tiers: { core: true, extend: false, challenge: true }, minutes: null, trialMinutes: 5 },
            itemId,
          )
        } else if (o.action === 'remove') await removeBankItem(db, chosen.id)
        else if (o.action === 'restore') await restoreBankItem(db, chosen.id)
        else if (o.action === 'link') await linkBankItem(db, chosen.id, pick(drafts.flatMap((d) => d.itemIds), o.pick) ?? 'an-item-never-saved')
        else await importBank(db, await listBank(db))
        break
      }
    }
  }
}

const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))

describe('a backup made by the app always restores', () => {
  it('any sequence of app operations → export → its own check → import into an empty database: every record back, equal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const source = open()
        await run(source, ops)
        const text = writeBackup(await exportBackup(source, new Date(T0)))
        const read = readBackupForThisApp(text)
        if (!read.ok) throw new Error(`the app's own backup was refused: ${JSON.stringify(read.problems.slice(0, 3))}`)

        const target = open()
        await importBackup(target, read.backup)
        for (const table of BACKUP_TABLES) expect(byId(await target.table(table).toArray()), table).toEqual(byId(await source.table(table).toArray()))
        expect(await target.drafts.toArray()).toEqual(await source.drafts.toArray())
        expect((await target.meta.get(META.schoolId))?.value).toBe((await source.meta.get(META.schoolId))?.value)
        expect((await target.meta.get(META.me))?.value).toBe((await source.meta.get(META.me))?.value)
        expect(await countLiveRows(target)).toEqual(await countLiveRows(source))
        for (const db of dbs.splice(0)) await db.delete()
      }),
      { numRuns: 40 },
    )
  }, 120_000)
})
