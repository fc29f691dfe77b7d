// Backups: roster backup takes a consistent copy while others write; roster
// restore checks the copy first and keeps a safety copy; a migration copies
// the database before it changes the schema.

import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { BACKEND, fileHash, roster, rosterAsync, tempDir, type RunResult } from '../support/cli.js'
import { NOW, rosterDb } from '../e2e/swap-support.js'
import { APPLICATION_ID } from '../../src/store/db.js'
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/migrations/index.js'
import { copyDb, count, damagePageMiddles, expectOneLineError, explain, integrity, withDb } from './support.js'

const mode = (p: string) => statSync(p).mode & 0o777

describe('roster backup', () => {
  it('takes consistent copies while four other processes keep writing', async () => {
    const db = rosterDb()
    const dir = tempDir('backup')
    let writing = true
    const writers = [
      ...['ana', 'ben', 'chen', 'dev'].map(async (as) => {
        const out: RunResult[] = []
        for (let i = 0; writing || i < 3; i++) out.push(await rosterAsync(['handover', 'add', '--shift', 'A', '--date', '2027-01-05', '--note', `${as} ${i}`], { db, as, now: NOW }))
        return out
      }),
      (async () => {
        const out: RunResult[] = []
        for (let seed = 1; writing || seed < 3; seed++) out.push(await rosterAsync(['generate', '--start', '2027-01-04', '--replace', '--seed', String(seed)], { db, as: 'mei', now: NOW }))
        return out
      })(),
    ]
    const backups: { path: string; r: RunResult }[] = []
    for (let i = 0; i < 6; i++) {
      const path = join(dir, `copy-${i}.db`)
      backups.push({ path, r: await rosterAsync(['backup', '-o', path], { db, now: NOW }) })
    }
    writing = false
    const written = (await Promise.all(writers)).flat()
    for (const r of written) expect(r.code, explain(r)).toBe(0)

    for (const { path, r } of backups) {
      expect(r.code, explain(r)).toBe(0)
      // One self-contained file, private like the database, whole and consistent:
      expect(existsSync(`${path}-wal`)).toBe(false)
      expect(mode(path)).toBe(0o660)
      expect(integrity(path)).toBe('ok')
      withDb(path, (d) => expect(d.pragma('journal_mode', { simple: true })).toBe('delete'), true)
      // every handover with its audit entry, and a whole roster (never half of one generate and half of another).
      expect(count(path, 'SELECT count(*) AS n FROM handover')).toBe(count(path, `SELECT count(*) AS n FROM audit WHERE action = 'handover.add'`))
      expect(count(path, `SELECT count(*) AS n FROM assignment WHERE date BETWEEN '2027-01-04' AND '2027-01-24'`)).toBe(63)
      // And roster itself opens it.
      const list = roster(['staff', 'list'], { db: path, json: true })
      expect(list.code, list.err).toBe(0)
    }
    expect(readdirSync(dir).sort()).toEqual(backups.map((b) => b.path.slice(dir.length + 1)).sort())
  })

  // SQLite only: the copy goes beside the database file (on PostgreSQL into the working folder: test/e2e/postgres.test.ts).
  it.runIf(BACKEND === 'sqlite')('names the copy after the time beside the database, and never overwrites a file', () => {
    const db = rosterDb()
    const first = roster(['backup'], { db, now: NOW, json: true })
    expect(first.code, first.err).toBe(0)
    // The time is the clock's, in UTC, as the audit log writes it.
    const stamp = new Date(NOW).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
    expect(first.json.backup).toBe(join(dirname(db), `roster-${stamp}.db`))
    expect(mode(first.json.backup)).toBe(0o660)
    const hash = fileHash(first.json.backup)
    const again = roster(['backup', '-o', first.json.backup], { db, now: NOW })
    expect(again.code).toBe(2)
    expect(again.err).toContain('already exists')
    expect(fileHash(first.json.backup)).toBe(hash)
  })
})

describe('roster restore', () => {
  /** A good backup of a demo roster (5 staff, 63 assignments). */
  function withBackup(): { live: string; backup: string } {
    const live = rosterDb()
    const backup = join(tempDir('restore'), 'good.db')
    expect(roster(['backup', '-o', backup], { db: live, now: NOW }).code).toBe(0)
    return { live, backup }
  }

  /** Where restore keeps its safety copy: beside the database file, or (PostgreSQL) in the working folder. */
  const working = (live: string) => (BACKEND === 'postgres' ? tempDir('restore-cwd') : dirname(live))

  it('refuses a damaged, foreign, newer or missing file and leaves the live database untouched', async () => {
    const { live, backup } = withBackup()
    const dir = tempDir('restore-bad')
    const bad: Record<string, string> = {}
    bad.damaged = copyDb(backup, 'restore-bad')
    damagePageMiddles(bad.damaged)
    bad.text = join(dir, 'notes.db')
    writeFileSync(bad.text, 'not a database\n')
    bad.foreign = join(dir, 'photos.db')
    const photos = new Database(bad.foreign)
    photos.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)')
    photos.close()
    bad.newer = copyDb(backup, 'restore-bad')
    withDb(bad.newer, (d) => d.pragma(`user_version = ${LATEST_VERSION + 1}`))
    bad.missing = join(dir, 'missing.db')
    const before = fileHash(live)
    const cwd = working(live)
    const beside = readdirSync(cwd)
    for (const [kind, file] of Object.entries(bad)) {
      const r = await rosterAsync(['restore', file], { db: live, as: 'mei', now: NOW, cwd })
      expect([2, 3], `${kind}: ${explain(r)}`).toContain(r.code)
      expectOneLineError(r, kind)
      expect(r.err, kind).toMatch(kind === 'newer' ? /newer version/ : kind === 'missing' ? /no file/ : /nothing was restored/)
      expect(fileHash(live), kind).toBe(before)
      // No safety copy either: nothing was begun.
      expect(readdirSync(cwd), kind).toEqual(beside)
    }
  })

  it('restores a good backup for a lead, keeps the database as it was in a safety copy, and audits it', () => {
    const { live, backup } = withBackup()
    const cwd = working(live)
    expect(roster(['staff', 'add', 'zed', '--name', 'Zed Later'], { db: live, as: 'mei', now: NOW }).code).toBe(0)
    const changed = fileHash(live)
    const agent = roster(['restore', backup], { db: live, as: 'ana', now: NOW, cwd })
    expect(agent.code).toBe(1)
    expect(fileHash(live)).toBe(changed)

    const r = roster(['restore', backup], { db: live, as: 'mei', now: NOW, json: true, cwd })
    expect(r.code, r.err).toBe(0)
    expect(r.json).toMatchObject({ restored: backup, staff: 5, assignments: 63 })
    expect(count(live, `SELECT count(*) AS n FROM staff WHERE id = 'zed'`)).toBe(0)
    expect(count(live, `SELECT count(*) AS n FROM audit WHERE action = 'restore' AND actor = 'mei'`)).toBe(1)
    const safety = r.json.safetyCopy as string
    expect(mode(safety)).toBe(0o660)
    expect(integrity(safety)).toBe('ok')
    expect(count(safety, `SELECT count(*) AS n FROM staff WHERE id = 'zed'`)).toBe(1)
    // A second restore in the same second keeps its own safety copy.
    const again = roster(['restore', backup], { db: live, as: 'mei', now: NOW, json: true, cwd })
    expect(again.code, again.err).toBe(0)
    expect(again.json.safetyCopy).not.toBe(safety)
    expect(existsSync(safety)).toBe(true)
  })

  // SQLite only: a damaged database file (PostgreSQL keeps its own files whole).
  it.runIf(BACKEND === 'sqlite')('restores over a damaged live file, which it keeps byte for byte; who may restore is judged by the backup', () => {
    const { live, backup } = withBackup()
    damagePageMiddles(live)
    const damaged = fileHash(live)
    expect(roster(['staff', 'list'], { db: live }).code).toBe(3)
    const agent = roster(['restore', backup], { db: live, as: 'ana', now: NOW })
    expect(agent.code, agent.err).toBe(1)
    expect(fileHash(live)).toBe(damaged)

    const r = roster(['restore', backup], { db: live, as: 'mei', now: NOW, json: true })
    expect(r.code, r.err).toBe(0)
    expect(fileHash(r.json.safetyCopy)).toBe(damaged)
    expect(mode(r.json.safetyCopy)).toBe(0o660)
    expect(integrity(live)).toBe('ok')
    expect(mode(live)).toBe(0o660)
    const shown = roster(['show', '--from', '2027-01-04', '--to', '2027-01-24'], { db: live, json: true })
    expect(shown.code, shown.err).toBe(0)
    expect(shown.json.assignments).toHaveLength(63)
  })
})

// SQLite only: a SQLite file of the first schema (PostgreSQL's migrations: test/store/postgres/migrations.test.ts).
describe.runIf(BACKEND === 'sqlite')('migrations', () => {
  /** A schema-1 database as the first release wrote it, built by hand from MIGRATIONS[0]. */
  function schemaOne(path: string): void {
    const d = new Database(path)
    d.exec(MIGRATIONS[0]!.sql)
    d.pragma(`application_id = ${APPLICATION_ID}`)
    d.pragma('user_version = 1')
    const staff = d.prepare(`INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES (?, ?, ?, ?, 1, '2026-12-01T00:00:00Z')`)
    staff.run('mei', 'Mei Lin', 'lead', 0)
    staff.run('ana', "Ana O'Brien", 'agent', 1)
    d.prepare(`INSERT INTO shift_type (code, name, start_min, end_min) VALUES ('A', 'Early', 540, 1020)`).run()
    d.prepare(`INSERT INTO assignment (date, shift, staff) VALUES ('2027-01-04', 'A', 'ana')`).run()
    d.prepare(`INSERT INTO audit (at, actor, action) VALUES ('2026-12-01T00:00:00Z', 'mei', 'init')`).run()
    d.close()
  }

  it('copies a schema-1 database to <path>.schema-1.bak before migrating it, and keeps its data (even in a folder named like SQL)', () => {
    const dir = join(tempDir('migrate'), "it's; DROP TABLE staff; --")
    mkdirSync(dir)
    const path = join(dir, 'roster.db')
    schemaOne(path)
    const original = fileHash(path)

    const r = roster(['staff', 'list'], { db: path, json: true })
    expect(r.code, r.err).toBe(0)
    expect(r.json.staff.map((s: { id: string; name: string }) => `${s.id} ${s.name}`)).toEqual(['ana Ana O\'Brien', 'mei Mei Lin'])
    const bak = `${path}.schema-1.bak`
    expect(existsSync(bak)).toBe(true)
    expect(mode(bak)).toBe(0o660)
    expect(integrity(bak)).toBe('ok')
    withDb(bak, (d) => {
      expect(d.pragma('user_version', { simple: true })).toBe(1)
      expect(d.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 2 })
    }, true)
    // The live file is migrated; its data survived; the new tables work.
    withDb(path, (d) => expect(d.pragma('user_version', { simple: true })).toBe(LATEST_VERSION))
    expect(count(path, 'SELECT count(*) AS n FROM assignment')).toBe(1)
    expect(roster(['swap', 'list'], { db: path }).code).toBe(0)
    expect(fileHash(path)).not.toBe(original)
    // Opening it again migrates nothing and copies nothing more.
    expect(roster(['staff', 'list'], { db: path }).code).toBe(0)
    expect(readdirSync(dir).filter((f) => f.includes('.bak'))).toEqual(['roster.db.schema-1.bak'])
  })
})
