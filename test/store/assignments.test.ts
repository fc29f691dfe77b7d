// Many assignments in one statement: what generate writes.

import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/db.js'
import { countAssignments, findAssignments, insertAssignments } from '../../src/store/assignments.js'
import { upsertShiftType } from '../../src/store/shifts.js'
import { insertStaff } from '../../src/store/staff.js'
import { aStaff, SHIFT_A } from '../support/builders.js'

function store() {
  const db = openDatabase(':memory:', { create: true })
  for (const id of ['ana', 'bo']) insertStaff(db, aStaff({ id }), 'now')
  upsertShiftType(db, SHIFT_A)
  return db
}

describe('insertAssignments', () => {
  it('stores every row as given, and nothing for an empty list', () => {
    const db = store()
    insertAssignments(db, [])
    expect(countAssignments(db, '2027-01-01', '2027-12-31')).toBe(0)
    const rows = [
      { date: '2027-01-04', shift: 'A', staff: 'bo' },
      { date: '2027-01-04', shift: 'A', staff: 'ana' },
      { date: '2027-01-05', shift: 'A', staff: 'ana' },
    ]
    insertAssignments(db, rows)
    expect(findAssignments(db, '2027-01-04', '2027-01-05')).toEqual([rows[1], rows[0], rows[2]])
  })

  it('stores none when one row breaks the schema (an unknown person, a bad date, a duplicate)', () => {
    const db = store()
    const good = { date: '2027-01-04', shift: 'A', staff: 'ana' }
    for (const bad of [{ ...good, staff: 'nobody' }, { ...good, date: '2027-1-5' }, good]) {
      expect(() => insertAssignments(db, [good, bad])).toThrow(/FOREIGN KEY|CHECK|UNIQUE/)
      expect(countAssignments(db, '2027-01-01', '2027-12-31')).toBe(0)
    }
  })
})
