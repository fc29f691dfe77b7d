// Schema 2 (swap, leave, handover): the CHECK constraints refuse what the
// code must never write, whatever the code does.

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'

function fresh(): Database.Database {
  const db = openDatabase(':memory:')
  db.prepare(`INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES ('ana', 'Ana', 'agent', 1, 1, 'x'), ('ben', 'Ben', 'agent', 1, 1, 'x'), ('mei', 'Mei', 'lead', 0, 1, 'x')`).run()
  return db
}

const swapSql = `INSERT INTO swap (requester, counterpart, date, payback, status, created_at, decided_by) VALUES (?, ?, ?, ?, ?, 'x', ?)`
const leaveSql = `INSERT INTO leave (staff, from_date, to_date, status, created_at, decided_by) VALUES (?, ?, ?, ?, 'x', ?)`

describe('schema 2', () => {
  it('has the swap, leave and handover tables with their indexes', () => {
    const db = fresh()
    const names = (db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['swap', 'leave', 'handover', 'swap_by_requester', 'swap_by_counterpart', 'leave_by_staff']))
  })

  it('accepts a well-formed swap and leave', () => {
    const db = fresh()
    db.prepare(swapSql).run('ana', 'ben', '2027-01-05', '2027-01-08', 'pending', null)
    db.prepare(swapSql).run('ana', 'ben', '2027-01-12', null, 'approved', 'mei')
    db.prepare(leaveSql).run('ana', '2027-01-05', '2027-01-05', 'pending', null)
    db.prepare(leaveSql).run('ana', '2027-01-06', '2027-01-09', 'approved', 'mei')
  })

  it.each([
    ['a swap with oneself', ['ana', 'ana', '2027-01-05', null, 'pending', null]],
    ['an unknown person', ['ana', 'ghost', '2027-01-05', null, 'pending', null]],
    ['a malformed date', ['ana', 'ben', '5 Jan 2027', null, 'pending', null]],
    ['a payback on D1', ['ana', 'ben', '2027-01-05', '2027-01-05', 'pending', null]],
    ['an unknown status', ['ana', 'ben', '2027-01-05', null, 'maybe', null]],
    ['a decision on a pending swap', ['ana', 'ben', '2027-01-05', null, 'pending', 'mei']],
  ])('refuses %s', (_what, row) => {
    expect(() => fresh().prepare(swapSql).run(...row)).toThrow(/constraint/i)
  })

  it.each([
    ['a reversed range', ['ana', '2027-01-09', '2027-01-05', 'pending', null]],
    ['an unknown status', ['ana', '2027-01-05', '2027-01-05', 'cancelled', null]],
    ['a decision without a decider', ['ana', '2027-01-05', '2027-01-05', 'approved', null]],
    ['a decider on pending leave', ['ana', '2027-01-05', '2027-01-05', 'pending', 'mei']],
  ])('refuses leave with %s', (_what, row) => {
    expect(() => fresh().prepare(leaveSql).run(...row)).toThrow(/constraint/i)
  })
})

describe('swap and leave stores', () => {
  it('store, find, filter and move swaps only from the expected state', () => {
    const db = fresh()
    const s = sqliteStore(db).swaps.insert({ requester: 'ana', counterpart: 'ben', date: '2027-01-05', payback: null, reason: null, createdAt: 'x' })
    sqliteStore(db).swaps.insert({ requester: 'ben', counterpart: 'ana', date: '2027-02-03', payback: '2027-01-30', reason: 'r', createdAt: 'x' })
    expect(sqliteStore(db).swaps.list({ month: '2027-01' }).map((x) => x.id)).toEqual([1, 2])
    expect(sqliteStore(db).swaps.list({ month: '2027-02', staff: 'ana' }).map((x) => x.id)).toEqual([2])
    expect(sqliteStore(db).swaps.updateStatus(s.id, 'accepted', 'approved', 'mei', null)).toBe(false)
    expect(sqliteStore(db).swaps.updateStatus(s.id, 'pending', 'cancelled', 'ana', null)).toBe(true)
    expect(sqliteStore(db).swaps.activeOf(['ana']).map((x) => x.id)).toEqual([2])
  })

  it('finds leave overlapping a range and decides it once', () => {
    const db = fresh()
    const l = sqliteStore(db).leaves.insert({ staff: 'ana', from: '2027-01-05', to: '2027-01-09', reason: null, createdAt: 'x' })
    expect(sqliteStore(db).leaves.list({ from: '2027-01-09', to: '2027-01-20' }).map((x) => x.id)).toEqual([l.id])
    expect(sqliteStore(db).leaves.list({ from: '2027-01-10', to: '2027-01-20' })).toEqual([])
    expect(sqliteStore(db).leaves.decide(l.id, 'approved', 'mei')).toBe(true)
    expect(sqliteStore(db).leaves.decide(l.id, 'rejected', 'mei')).toBe(false)
  })
})
