// Many assignments in one statement: what generate writes.

import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { aStaff, SHIFT_A, SHIFT_B, SHIFT_C } from '../support/builders.js'

function store() {
  const db = openDatabase(':memory:', { create: true })
  for (const id of ['ana', 'bo']) sqliteStore(db).staff.insert(aStaff({ id }), 'now')
  sqliteStore(db).shifts.upsert(SHIFT_A)
  return db
}

describe('insertAssignments', () => {
  it('stores every row as given, and nothing for an empty list', () => {
    const db = store()
    sqliteStore(db).assignments.insertMany([])
    expect(sqliteStore(db).assignments.count('2027-01-01', '2027-12-31')).toBe(0)
    const rows = [
      { date: '2027-01-04', shift: 'A', staff: 'bo' },
      { date: '2027-01-04', shift: 'A', staff: 'ana' },
      { date: '2027-01-05', shift: 'A', staff: 'ana' },
    ]
    sqliteStore(db).assignments.insertMany(rows)
    expect(sqliteStore(db).assignments.find('2027-01-04', '2027-01-05')).toEqual([rows[1], rows[0], rows[2]])
  })

  it('stores none when one row breaks the schema (an unknown person, a bad date, a duplicate)', () => {
    const db = store()
    const good = { date: '2027-01-04', shift: 'A', staff: 'ana' }
    for (const bad of [{ ...good, staff: 'nobody' }, { ...good, date: '2027-1-5' }, good]) {
      expect(() => sqliteStore(db).assignments.insertMany([good, bad])).toThrow(/FOREIGN KEY|CHECK|UNIQUE/)
      expect(sqliteStore(db).assignments.count('2027-01-01', '2027-12-31')).toBe(0)
    }
  })
})

describe('findFirstShifts', () => {
  it('gives, per asked (date, person), the shift that starts first that day, and nothing where they are off', () => {
    const db = store()
    sqliteStore(db).shifts.upsert(SHIFT_C)
    sqliteStore(db).shifts.upsert(SHIFT_B)
    sqliteStore(db).assignments.insertMany([
      { date: '2027-01-04', shift: 'C', staff: 'ana' },
      { date: '2027-01-04', shift: 'B', staff: 'ana' },
      { date: '2027-01-05', shift: 'C', staff: 'ana' },
      { date: '2027-01-04', shift: 'A', staff: 'bo' },
    ])
    const asked = [
      { date: '2027-01-04', staff: 'ana' },
      { date: '2027-01-05', staff: 'ana' },
      { date: '2027-01-05', staff: 'bo' },
      { date: '2027-01-04', staff: 'bo' },
      { date: '2027-01-04', staff: 'ana' },
    ]
    expect([...sqliteStore(db).assignments.firstShifts(asked)].sort((a, b) => a[0] - b[0])).toEqual([[0, 'B'], [1, 'C'], [3, 'A'], [4, 'B']])
    expect(sqliteStore(db).assignments.firstShifts([])).toEqual(new Map())
  })
})
