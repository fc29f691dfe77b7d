import { existsSync, writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { demoDb, fileHash, roster, STACK_TRACE, tempDb, tempDir } from '../support/cli.js'

describe('roster init', () => {
  it('creates the demo team: four agents on the rotation and one lead off it', () => {
    const db = tempDb()
    const r = roster(['init', '--demo'], { db })
    expect(r.code).toBe(0)
    expect(r.out).toContain('Created the roster database')
    const staff = roster(['staff', 'list'], { db, json: true }).json.staff
    expect(staff.filter((s: any) => s.rotation).map((s: any) => s.id)).toEqual(['ana', 'ben', 'chen', 'dev'])
    expect(staff.find((s: any) => s.id === 'mei')).toEqual({ id: 'mei', name: 'Mei Lin 林梅', role: 'lead', rotation: false, active: true })
    const shifts = roster(['shift', 'list'], { db, json: true }).json.shifts
    expect(shifts).toEqual([
      { code: 'A', name: 'Day (office)', start: '09:00', end: '17:00', remote: false, headcount: 1 },
      { code: 'B', name: 'Late (office)', start: '12:00', end: '20:00', remote: false, headcount: 1 },
      { code: 'C', name: 'Evening (on duty from home)', start: '20:00', end: '22:00', remote: true, headcount: 1 },
    ])
  })

  it('creates a team with a named lead', () => {
    const db = tempDb()
    expect(roster(['init', '--lead', 'zhang', '--name', '张伟'], { db }).code).toBe(0)
    expect(roster(['staff', 'list'], { db, json: true }).json.staff).toEqual([{ id: 'zhang', name: '张伟', role: 'lead', rotation: false, active: true }])
  })

  it('refuses to initialise twice and leaves the file alone', () => {
    const db = demoDb()
    const h = fileHash(db)
    const r = roster(['init', '--demo'], { db })
    expect(r.code).toBe(1)
    expect(r.err).toContain('already holds a roster')
    expect(fileHash(db)).toBe(h)
  })

  it('refuses a bad lead id with exit 2 and creates nothing', () => {
    const dir = tempDir()
    const db = join(dir, 'roster.db')
    const r = roster(['init', '--lead', 'Not Valid', '--name', 'X'], { db })
    expect(r.code).toBe(2)
    expect(existsSync(db)).toBe(false)
  })
})

describe('staff', () => {
  it('a lead adds and removes people; removal keeps them in the history', () => {
    const db = demoDb()
    expect(roster(['staff', 'add', 'li', '--name', '李娜'], { db, as: 'mei' }).code).toBe(0)
    expect(roster(['staff', 'remove', 'li'], { db, as: 'mei' }).code).toBe(0)
    const all = roster(['staff', 'list', '--all'], { db, json: true }).json.staff
    expect(all.find((s: any) => s.id === 'li')).toEqual({ id: 'li', name: '李娜', role: 'agent', rotation: true, active: false })
    expect(roster(['staff', 'list'], { db, json: true }).json.staff.some((s: any) => s.id === 'li')).toBe(false)
  })

  it('an agent may not manage staff (exit 1), and nothing changes', () => {
    const db = demoDb()
    const h = fileHash(db)
    const r = roster(['staff', 'add', 'zed', '--name', 'Zed'], { db, as: 'ana', json: true })
    expect(r.code).toBe(1)
    expect(r.errJson.error.code).toBe('permission')
    expect(fileHash(db)).toBe(h)
  })

  it('bad ids, names and roles are usage errors (exit 2)', () => {
    const db = demoDb()
    const h = fileHash(db)
    for (const args of [
      ['staff', 'add', 'Bad Id', '--name', 'X'],
      ['staff', 'add', 'ok', '--name', 'bell\u0007name'],
      ['staff', 'add', 'ok', '--name', 'x'.repeat(101)],
      ['staff', 'add', 'ok', '--name', 'Ok', '--role', 'boss'],
      ['staff', 'add', 'ok'],
      ['staff', 'remove', 'nobody'],
    ]) {
      const r = roster(args, { db, as: 'mei' })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).toMatch(/^roster: .+/)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
    expect(fileHash(db)).toBe(h)
  })

  it('an unknown acting person is a usage error', () => {
    const db = demoDb()
    const r = roster(['staff', 'add', 'zed', '--name', 'Zed'], { db, as: 'ghost', json: true })
    expect(r.code).toBe(2)
    expect(r.errJson.error.code).toBe('unknown-actor')
  })
})

describe('shift and config', () => {
  it('adds a shift crossing midnight and refuses nonsense times', () => {
    const db = demoDb()
    expect(roster(['shift', 'add', 'N', '--start', '22:00', '--end', '06:00', '--name', 'Night'], { db, as: 'mei' }).code).toBe(0)
    const n = roster(['shift', 'list'], { db, json: true }).json.shifts.find((s: any) => s.code === 'N')
    expect(n).toEqual({ code: 'N', name: 'Night', start: '22:00', end: '06:00', remote: false, headcount: 1 })
    const h = fileHash(db)
    for (const args of [
      ['shift', 'add', 'X', '--start', '25:00', '--end', '06:00'],
      ['shift', 'add', 'X', '--start', '08:00', '--end', 'noon'],
      ['shift', 'add', 'X', '--start', '08:00', '--end', '10:00', '--headcount', '-1'],
      ['shift', 'add', 'bad code!', '--start', '08:00', '--end', '10:00'],
      ['shift', 'remove', 'Q'],
    ]) expect(roster(args, { db, as: 'mei' }).code, args.join(' ')).toBe(2)
    expect(fileHash(db)).toBe(h)
  })

  it('gets and sets settings with validation', () => {
    const db = demoDb()
    expect(roster(['config', 'get', 'swap.max-per-month'], { db }).out.trim()).toBe('3')
    expect(roster(['config', 'set', 'swap.max-per-month', '2'], { db, as: 'mei' }).code).toBe(0)
    expect(roster(['config', 'get'], { db, json: true }).json.config).toEqual({
      'swap.max-per-month': '2', 'roster.min-rest-hours': '11', 'roster.max-consecutive-days': '6', 'service.hours': '09:00-24:00', 'cycle.weeks': '3', timezone: 'system',
      'open.auto-approve': 'false', 'notify.hint': 'true', 'notify.webhook': 'none', 'notify.format': 'json', 'notify.timeout-ms': '2000', 'notify.lang': 'auto',
    })
    expect(roster(['config', 'set', 'timezone', 'asia/shanghai'], { db, as: 'mei' }).out).toContain('timezone = Asia/Shanghai')
    const h = fileHash(db)
    expect(roster(['config', 'set', 'swap.max-per-month', 'lots'], { db, as: 'mei' }).code).toBe(2)
    expect(roster(['config', 'set', 'service.hours', '22:00-09:00'], { db, as: 'mei' }).code).toBe(2)
    expect(roster(['config', 'set', 'no.such.key', '1'], { db, as: 'mei' }).code).toBe(2)
    expect(roster(['config', 'set', 'timezone', 'Mars/Olympus_Mons'], { db, as: 'mei' }).code).toBe(2)
    expect(roster(['config', 'set', 'cycle.weeks', '4'], { db, as: 'ana' }).code).toBe(1)
    expect(fileHash(db)).toBe(h)
  })
})

describe('storage trouble (exit 3, file untouched)', () => {
  it('a file that is not a database', () => {
    const dir = tempDir()
    const db = join(dir, 'roster.db')
    writeFileSync(db, 'name,shift\nana,A\n')
    const before = readFileSync(db)
    const r = roster(['staff', 'list'], { db, json: true })
    expect(r.code).toBe(3)
    expect(r.errJson.error.code).toBe('not-a-roster-database')
    expect(readFileSync(db).equals(before)).toBe(true)
  })

  it("another program's SQLite file", () => {
    // A file whatever the test backend: this is about SQLite files.
    const db = join(tempDir(), 'roster.db')
    const other = new Database(db)
    other.exec('CREATE TABLE t (x)')
    other.close()
    const h = fileHash(db)
    const r = roster(['init', '--demo'], { db })
    expect(r.code).toBe(3)
    expect(r.err).toContain('another program')
    expect(fileHash(db)).toBe(h)
  })

  it('a missing database and a missing folder', () => {
    const dir = tempDir()
    const missing = roster(['staff', 'list'], { db: join(dir, 'roster.db') })
    expect(missing.code).toBe(3)
    expect(missing.err).toContain('roster init')
    expect(existsSync(join(dir, 'roster.db'))).toBe(false)
    const folder = roster(['init', '--demo'], { db: join(dir, 'nope', 'roster.db') })
    expect(folder.code).toBe(3)
    expect(folder.err).toContain('does not exist')
  })

  it('uses $ROSTER_DB when --db is absent', () => {
    const db = demoDb()
    const r = roster(['staff', 'list'], { json: true, env: { ROSTER_DB: db }, cwd: tempDir() })
    expect(r.code).toBe(0)
    expect(r.json.staff).toHaveLength(5)
  })
})

describe('usage', () => {
  it('unknown commands and options exit 2 with one sentence; --json errors are JSON', () => {
    const db = demoDb()
    const r = roster(['frobnicate'], { db })
    expect(r.code).toBe(2)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    const j = roster(['staff', 'list', '--bogus'], { db, json: true })
    expect(j.code).toBe(2)
    expect(j.errJson.error.code).toBe('usage')
    expect(j.out).toBe('')
  })

  it('--help and --version exit 0', () => {
    expect(roster(['--help']).code).toBe(0)
    expect(roster(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
