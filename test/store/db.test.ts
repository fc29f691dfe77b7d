import { mkdtempSync, readFileSync, writeFileSync, statSync, copyFileSync, truncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, openDatabase, schemaVersion } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { LATEST_VERSION } from '../../src/store/migrations/index.js'
import { StorageError } from '../../src/errors.js'
import { aStaff, SHIFT_A, MON } from '../support/builders.js'

const dir = () => mkdtempSync(join(tmpdir(), 'roster-store-'))

function expectStorageError(fn: () => unknown, code: string): StorageError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(StorageError)
    expect((e as StorageError).code).toBe(code)
    expect((e as StorageError).exitCode).toBe(3)
    return e as StorageError
  }
  throw new Error('expected a StorageError')
}

describe('opening the store', () => {
  it('creates and migrates an in-memory database', () => {
    const db = openDatabase(':memory:', { create: true })
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('creates a file in WAL mode, owner and group only, and reopens it', () => {
    const path = join(dir(), 'roster.db')
    const db = openDatabase(path, { create: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    sqliteStore(db).staff.insert(aStaff({ id: 'ana', name: '李娜' }), '2027-01-01T00:00:00Z')
    db.close()
    expect(statSync(path).mode & 0o777).toBe(0o660)
    const again = openDatabase(path)
    expect(sqliteStore(again).staff.all().map((s) => s.name)).toEqual(['李娜'])
    again.close()
  })

  it('refuses to create a file unless asked', () => {
    expectStorageError(() => openDatabase(join(dir(), 'none.db')), 'no-database')
  })

  it('names a missing folder', () => {
    const e = expectStorageError(() => openDatabase(join(dir(), 'no', 'such', 'roster.db'), { create: true }), 'no-folder')
    expect(e.message).toContain('does not exist')
  })

  it('refuses a file that is not SQLite, leaving it byte-identical', () => {
    const path = join(dir(), 'notes.db')
    writeFileSync(path, 'these are my notes, not a database\n')
    const before = readFileSync(path)
    expectStorageError(() => openDatabase(path, { create: true }), 'not-a-roster-database')
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it("refuses another program's SQLite database, leaving it byte-identical", () => {
    const path = join(dir(), 'other.db')
    const other = new Database(path)
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)')
    other.close()
    const before = readFileSync(path)
    expectStorageError(() => openDatabase(path, { create: true }), 'not-a-roster-database')
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses a database from a newer version, leaving it byte-identical', () => {
    const path = join(dir(), 'newer.db')
    openDatabase(path, { create: true }).close()
    const raw = new Database(path)
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`)
    raw.pragma('journal_mode = DELETE')
    raw.close()
    const before = readFileSync(path)
    const e = expectStorageError(() => openDatabase(path), 'newer-schema')
    expect(e.message).toContain('newer version')
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses a truncated roster file', () => {
    const d = dir()
    const path = join(d, 'roster.db')
    const db = openDatabase(path, { create: true })
    for (let i = 0; i < 200; i++) sqliteStore(db).staff.insert(aStaff({ id: `p${i}`, name: `Person ${'x'.repeat(50)} ${i}` }), 'now')
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const cut = join(d, 'cut.db')
    copyFileSync(path, cut)
    truncateSync(cut, 6000)
    const before = readFileSync(cut)
    // Refused on open (quick_check), before any command reads or writes it.
    const e = expectStorageError(() => openDatabase(cut), 'corrupt')
    expect(e.message).toContain('is damaged')
    expect(readFileSync(cut).equals(before)).toBe(true)
  })
})

describe('repositories', () => {
  it('round-trip staff, shifts and assignments, with foreign keys enforced', () => {
    const db = openDatabase(':memory:', { create: true })
    sqliteStore(db).staff.insert(aStaff({ id: 'ana' }), 'now')
    sqliteStore(db).shifts.upsert(SHIFT_A)
    sqliteStore(db).assignments.insert({ date: MON, shift: 'A', staff: 'ana' })
    expect(sqliteStore(db).shifts.active()).toEqual([SHIFT_A])
    expect(sqliteStore(db).assignments.find(MON, MON)).toEqual([{ date: MON, shift: 'A', staff: 'ana' }])
    expect(() => sqliteStore(db).assignments.insert({ date: MON, shift: 'A', staff: 'nobody' })).toThrow(/FOREIGN KEY/)
    expect(() => sqliteStore(db).assignments.insert({ date: '2027-1-4', shift: 'A', staff: 'ana' })).toThrow(/CHECK/)
    db.close()
  })

  it('enforces CHECK constraints again after checking an existing file on open', () => {
    const path = join(dir(), 'roster.db')
    openDatabase(path, { create: true }).close()
    const db = openDatabase(path)
    expect(db.pragma('ignore_check_constraints', { simple: true })).toBe(0)
    expect(() => sqliteStore(db).staff.insert(aStaff({ id: 'Bad Id' }), 'now')).toThrow(/CHECK/)
    db.close()
  })

  it('rejects invalid staff rows at the schema level', () => {
    const db = openDatabase(':memory:', { create: true })
    expect(() => sqliteStore(db).staff.insert(aStaff({ id: 'Bad Id' }), 'now')).toThrow(/CHECK/)
    expect(() => sqliteStore(db).staff.insert(aStaff({ role: 'boss' as never }), 'now')).toThrow(/CHECK/)
    db.close()
  })

  it('keeps the audit log append-only', () => {
    const db = openDatabase(':memory:', { create: true })
    sqliteStore(db).audit.insert({ at: '2027-01-01T00:00:00Z', actor: 'mei', osUser: 'mei', action: 'test', subject: 'x', before: null, after: { a: 1 } })
    expect(sqliteStore(db).audit.list()).toMatchObject([{ actor: 'mei', action: 'test', after: { a: 1 } }])
    expect(() => db.prepare('UPDATE audit SET actor = ?').run('eve')).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/)
    db.close()
  })
})
