// The swap queries against a real (in-memory) database: every filter and
// window returns exactly the swaps it names, whatever index answers it, and
// migration 3 brings a schema-2 file to the indexed schema with its swaps kept.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { swapRuleWindow } from '../../src/domain/swaps/plan.js'
import { APPLICATION_ID, openDatabase, type Db } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/migrations/index.js'
import type { SwapStatus } from '../../src/domain/types.js'
import { aStaff } from '../support/builders.js'

/** [requester, counterpart, D1, D2, status] */
type Row = [string, string, string, string | null, SwapStatus]

const ROWS: Row[] = [
  /* 1 */ ['ana', 'bo', '2027-05-31', null, 'approved'],
  /* 2 */ ['bo', 'ana', '2027-06-01', null, 'pending'],
  /* 3 */ ['cy', 'ana', '2027-06-30', '2027-07-01', 'accepted'],
  /* 4 */ ['ana', 'cy', '2027-07-01', null, 'rejected'],
  /* 5 */ ['cy', 'dee', '2027-04-20', '2027-06-15', 'approved'],
  /* 6 */ ['dee', 'cy', '2027-06-15', null, 'cancelled'],
  /* 7 */ ['bo', 'dee', '2027-06-10', '2027-05-02', 'declined'],
  /* 8 */ ['dee', 'bo', '2026-06-10', null, 'approved'],
]

function withSwaps(): Db {
  const db = openDatabase(':memory:', { create: true })
  for (const id of ['ana', 'bo', 'cy', 'dee']) sqliteStore(db).staff.insert(aStaff({ id }), 'now')
  for (const [requester, counterpart, date, payback, status] of ROWS) {
    const s = sqliteStore(db).swaps.insert({ requester, counterpart, date, payback, reason: null, createdAt: '2027-01-01T00:00:00Z' })
    if (status === 'pending') continue
    if (status !== 'accepted') sqliteStore(db).swaps.updateStatus(s.id, 'pending', status, requester, null)
    else sqliteStore(db).swaps.updateStatus(s.id, 'pending', 'accepted', null, null)
  }
  return db
}

const ids = (list: { id: number }[]) => list.map((s) => s.id)

describe('findSwaps', () => {
  const db = withSwaps()

  it('lists every swap by D1, then id', () => {
    expect(ids(sqliteStore(db).swaps.list())).toEqual([8, 5, 1, 2, 7, 6, 3, 4])
  })

  it('takes a month to mean D1 or D2 in it, first and last day included, and no other year', () => {
    expect(ids(sqliteStore(db).swaps.list({ month: '2027-06' }))).toEqual([5, 2, 7, 6, 3])
    expect(ids(sqliteStore(db).swaps.list({ month: '2027-05' }))).toEqual([1, 7])
    expect(ids(sqliteStore(db).swaps.list({ month: '2027-07' }))).toEqual([3, 4])
    expect(ids(sqliteStore(db).swaps.list({ month: '2026-06' }))).toEqual([8])
    expect(ids(sqliteStore(db).swaps.list({ month: '2027-08' }))).toEqual([])
  })

  it('takes a person as requester or counterpart, and combines every filter', () => {
    expect(ids(sqliteStore(db).swaps.list({ staff: 'ana' }))).toEqual([1, 2, 3, 4])
    expect(ids(sqliteStore(db).swaps.list({ staff: 'dee', month: '2027-06' }))).toEqual([5, 7, 6])
    expect(ids(sqliteStore(db).swaps.list({ status: 'approved' }))).toEqual([8, 5, 1])
    expect(ids(sqliteStore(db).swaps.list({ status: 'approved', staff: 'cy', month: '2027-06' }))).toEqual([5])
    expect(ids(sqliteStore(db).swaps.list({ status: 'declined', staff: 'ana' }))).toEqual([])
  })
})

describe('findActiveSwapsOf', () => {
  const db = withSwaps()

  it('gives the pending, accepted and approved swaps of any of the people, once each', () => {
    expect(ids(sqliteStore(db).swaps.activeOf(['ana']))).toEqual([1, 2, 3])
    expect(ids(sqliteStore(db).swaps.activeOf(['ana', 'bo', 'ana']))).toEqual([8, 1, 2, 3])
    expect(ids(sqliteStore(db).swaps.activeOf([]))).toEqual([])
  })

  it('within a window, keeps those with D1 or D2 in it, edges included', () => {
    expect(ids(sqliteStore(db).swaps.activeOf(['cy'], { from: '2027-06-15', to: '2027-06-15' }))).toEqual([5])
    expect(ids(sqliteStore(db).swaps.activeOf(['cy'], { from: '2027-07-01', to: '2027-07-31' }))).toEqual([3])
    expect(ids(sqliteStore(db).swaps.activeOf(['ana', 'bo'], { from: '2027-05-31', to: '2027-06-01' }))).toEqual([1, 2])
    expect(ids(sqliteStore(db).swaps.activeOf(['dee'], { from: '2027-05-01', to: '2027-05-31' }))).toEqual([])
  })
})

describe('swapRuleWindow', () => {
  it('spans the month of D1 and a day either side of every date', () => {
    expect(swapRuleWindow('2027-06-10', [])).toEqual({ from: '2027-06-01', to: '2027-06-30' })
    expect(swapRuleWindow('2027-06-01', [])).toEqual({ from: '2027-05-31', to: '2027-06-30' })
    expect(swapRuleWindow('2027-06-30', ['2027-07-04'])).toEqual({ from: '2027-06-01', to: '2027-07-05' })
    expect(swapRuleWindow('2027-06-10', ['2027-05-20'])).toEqual({ from: '2027-05-19', to: '2027-06-30' })
  })
})

describe('migration 3', () => {
  it('brings a schema-2 file to the latest schema with its swaps, indexed by date and payback', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'roster-store-')), 'roster.db')
    const raw = new Database(path)
    for (const m of MIGRATIONS.filter((m) => m.version <= 2)) raw.exec(m.sql)
    raw.pragma(`application_id = ${APPLICATION_ID}`)
    raw.pragma('user_version = 2')
    raw.prepare(`INSERT INTO staff (id, name, role, created_at) VALUES ('ana', 'Ana', 'agent', 'now'), ('bo', 'Bo', 'agent', 'now')`).run()
    raw.prepare(`INSERT INTO swap (requester, counterpart, date, payback, created_at) VALUES ('ana', 'bo', '2027-06-10', '2027-06-20', 'now')`).run()
    raw.close()

    const db = openDatabase(path)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    const indexes = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'swap' ORDER BY name`).all() as { name: string }[]).map((r) => r.name)
    expect(indexes).toEqual(expect.arrayContaining(['swap_by_counterpart', 'swap_by_date', 'swap_by_payback', 'swap_by_requester']))
    expect(ids(sqliteStore(db).swaps.list({ month: '2027-06' }))).toEqual([1])
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM swap WHERE (date >= ? AND date < ?) OR (payback >= ? AND payback < ?)`).all('2027-06-', '2027-06.', '2027-06-', '2027-06.') as { detail: string }[]).map((r) => r.detail).join('; ')
    expect(plan).toMatch(/swap_by_date/)
    expect(plan).toMatch(/swap_by_payback/)
    db.close()
  })
})
