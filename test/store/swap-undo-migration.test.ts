// The migration that lets approved swaps be undone: swaps stored before it
// keep every field, and the new states and the reversal link hold.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, openDatabase } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { MIGRATIONS } from '../../src/store/migrations/index.js'

const UNDO = MIGRATIONS.find((m) => m.name.startsWith('undoing approved swaps'))!

/** A database at the schema just before the undo migration, with one approved swap. */
function databaseBeforeUndo(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'roster-undo-mig-')), 'roster.db')
  const d = new Database(path)
  d.pragma(`application_id = ${APPLICATION_ID}`)
  for (const m of MIGRATIONS.filter((x) => x.version < UNDO.version)) d.exec(m.sql)
  d.pragma(`user_version = ${UNDO.version - 1}`)
  d.exec(`INSERT INTO staff (id, name, role, created_at) VALUES ('ana', 'Ana', 'agent', 'x'), ('ben', 'Ben', 'agent', 'x'), ('mei', 'Mei', 'lead', 'x');
    INSERT INTO swap (requester, counterpart, date, payback, status, reason, created_at, decided_by, decision_reason)
      VALUES ('ana', 'ben', '2027-01-05', '2027-01-08', 'approved', '看医生', '2027-01-01T00:00:00Z', 'mei', 'ok')`)
  d.close()
  return path
}

describe('migration: undoing approved swaps', () => {
  it('keeps every swap stored before it, with no reversal link', () => {
    const db = openDatabase(databaseBeforeUndo())
    expect(sqliteStore(db).swaps.find(1)).toEqual({
      id: 1, requester: 'ana', counterpart: 'ben', date: '2027-01-05', payback: '2027-01-08', status: 'approved',
      reason: '看医生', createdAt: '2027-01-01T00:00:00Z', decidedBy: 'mei', decisionReason: 'ok', reverses: null,
    })
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })

  it('stores a reversal and marks the swap it undoes, keeping who approved that one', () => {
    const db = openDatabase(databaseBeforeUndo())
    const r = sqliteStore(db).swaps.insert({ requester: 'ben', counterpart: 'ana', date: '2027-01-05', payback: '2027-01-08', reason: null, createdAt: 'y', reverses: 1 })
    expect(sqliteStore(db).swaps.openReversal(1)?.id).toBe(r.id)
    sqliteStore(db).swaps.updateStatus(r.id, 'pending', 'accepted', null, null)
    sqliteStore(db).swaps.updateStatus(r.id, 'accepted', 'approved', 'mei', null)
    expect(sqliteStore(db).swaps.openReversal(1)).toBeUndefined()
    expect(sqliteStore(db).swaps.markUndone(1)).toBe(true)
    expect(sqliteStore(db).swaps.markUndone(1)).toBe(false)
    expect(sqliteStore(db).swaps.find(1)).toMatchObject({ status: 'undone', decidedBy: 'mei' })
    // A reversal is never undone itself.
    expect(sqliteStore(db).swaps.markUndone(r.id)).toBe(false)
    expect(() => db.prepare(`UPDATE swap SET status = 'undone' WHERE id = ?`).run(r.id)).toThrow(/CHECK/)
    db.close()
  })
})
