import { describe, expect, it } from 'vitest'
import { TABLE_SCOPE } from '@hl/core/schema/scope'
import { TABLE_NAMES, TABLES, type TableName } from '@hl/core/schema/tables'

const fieldsOf = (t: TableName): string[] => Object.keys(TABLES[t].fields)

describe('the scope rules beside the registry', () => {
  it('cover every synced table', () => {
    expect(Object.keys(TABLE_SCOPE).sort()).toEqual([...TABLE_NAMES].sort())
  })

  it.each(TABLE_NAMES)('%s names only fields it has', (table) => {
    const def = TABLE_SCOPE[table]
    for (const field of [def.classField, def.subjectField, def.gradeField, def.ownerField, def.parent?.field]) if (field) expect(fieldsOf(table)).toContain(field)
  })

  it.each(TABLE_NAMES)('%s: a class-scoped table says where its class is; an owner-scoped one whose it is', (table) => {
    const def = TABLE_SCOPE[table]
    // The class may come through a chain of parents (a bank use → its item → the item's assignment).
    const classOf = (t: keyof typeof TABLE_SCOPE, depth = 0): string | undefined => {
      const d = TABLE_SCOPE[t]
      return d.classField ?? (d.parent && depth < 3 ? classOf(d.parent.table, depth + 1) : undefined)
    }
    if (def.read === 'class') expect(classOf(table)).toBeTruthy()
    if (def.read === 'owner' || def.write.includes('owner')) expect(def.ownerField).toBeTruthy()
    // A grade leader writes a grade's record (its budgets) or a record of a class of the grade (a decision).
    if (def.write.includes('gradeLeader')) expect(def.gradeField ?? classOf(table)).toBeTruthy()
    if (def.signedBy) expect(fieldsOf(table)).toContain(def.signedBy)
  })

  it('keeps a decision (审核) out of the teacher’s hands: only a class teacher or grade leader writes one, in their own name', () => {
    expect(TABLE_SCOPE.approvals.write).not.toContain('teacher')
    expect(TABLE_SCOPE.approvals.write).not.toContain('owner')
    expect(TABLE_SCOPE.approvals.signedBy).toBe('teacherId')
    expect(TABLE_SCOPE.gradeBudgets.write).toEqual(['admin', 'gradeLeader'])
  })

  it('keeps students’ names and layers to those who teach or lead the class', () => {
    for (const table of TABLE_NAMES) if (TABLE_SCOPE[table].personal) expect(TABLE_SCOPE[table].read).toBe('class')
    expect(TABLE_SCOPE.students.personal && TABLE_SCOPE.studentTiers.personal).toBe(true)
  })

  it('leaves accounts and roles to the admin (server-owned)', () => {
    for (const table of ['teachers', 'teachings', 'roles'] as const) expect(TABLE_SCOPE[table].write).toEqual(['admin'])
  })
})
