// The CLI on a PostgreSQL database (SPEC 13), whatever backend the rest of the
// e2e suite runs on: eight parallel swap requests for one person let three
// through; the database role is the login and goes into the audit log; a
// team moves from PostgreSQL to a SQLite file and back with its history;
// a database that cannot be opened is exit 3, one sentence, no password.

import { describe, expect, it } from 'vitest'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { roster, rosterAsync, tempDir } from '../support/cli.js'
import { adminQuery, freshDatabase, postgresServer, postgresUrl } from '../support/postgres.js'
import { databaseContents } from '../support/test-db.js'
import { NOW, rosterDb, approvedSwap } from './swap-support.js'

const SECRET = 'Pw-s3cret-never-shown'

async function teamOnPostgres(): Promise<string> {
  return rosterDb({ db: await freshDatabase('cli') })
}

const dbName = (url: string) => new URL(url).pathname.slice(1)

describe('roster on PostgreSQL', () => {
  it('eight parallel swap requests for one person in one month let exactly three through', async () => {
    const db = await teamOnPostgres()
    const requests: [string, string][] = [
      ['2027-01-05', 'dev'], ['2027-01-07', 'ben'], ['2027-01-09', 'dev'], ['2027-01-11', 'ben'],
      ['2027-01-13', 'dev'], ['2027-01-15', 'ben'], ['2027-01-17', 'dev'], ['2027-01-19', 'ben'],
    ]
    const results = await Promise.all(requests.map(([date, other]) => rosterAsync(['swap', 'request', '--date', date, '--with', other], { db, as: 'ana', now: NOW })))
    expect(results.filter((r) => r.code === 0), results.map((r) => `${r.code} ${r.err}`).join('\n')).toHaveLength(3)
    for (const r of results.filter((x) => x.code !== 0)) {
      expect(r.code, r.err).toBe(1)
      expect(r.err).toContain('swap.monthly-limit')
    }
    const rows = await adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM swap WHERE requester = 'ana'`, [], dbName(db))
    expect(rows[0]!.n).toBe(3)
  })

  it('records the database role beside the acting staff id, and shows it in roster log', async () => {
    const db = await teamOnPostgres()
    expect(roster(['swap', 'request', '--date', '2027-01-05', '--with', 'chen'], { db, as: 'ana', now: NOW }).code).toBe(0)
    const log = roster(['log', '--json'], { db, json: true })
    const last = log.json.entries.at(-1)
    expect(last).toMatchObject({ actor: 'ana', action: 'swap.request', dbRole: 'roster_admin' })
    expect(roster(['log'], { db, env: { COLUMNS: '200' } }).out).toContain('ana [role roster_admin]')
    expect(roster(['log'], { db, env: { COLUMNS: '200', LANG: 'zh_CN.UTF-8' } }).out).toContain('［数据库角色 roster_admin］')
  })

  it('takes a database role that is a staff id as that person: no --as needed, and an agent may not act for another', async () => {
    const db = await teamOnPostgres()
    const id = `p${Date.now().toString(36)}${process.pid}`.slice(0, 30)
    const password = 'pw-for-the-role'
    await adminQuery(`CREATE ROLE ${id} LOGIN PASSWORD '${password}'`)
    await adminQuery(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${id}`, [], dbName(db))
    await adminQuery(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${id}`, [], dbName(db))
    expect(roster(['staff', 'add', id, '--name', 'Pat', '--role', 'agent'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const asRole = postgresUrl(dbName(db), { user: id, password })
    const mine = roster(['swap', 'list', '--json'], { db: asRole, now: NOW, json: true })
    expect(mine.code, mine.err).toBe(0)
    const other = roster(['swap', 'request', '--date', '2027-01-05', '--with', 'chen'], { db: asRole, as: 'ana', now: NOW })
    expect(other.code).toBe(1)
    expect(other.err).toContain(`Your login ${id} is an agent`)
    expect(other.err).not.toContain(password)
  })

  it('backs up into a SQLite roster file and restores it into another PostgreSQL database, history and audit log kept', async () => {
    const db = await teamOnPostgres()
    approvedSwap(db, 'ana', '2027-01-05', 'chen')
    const dir = tempDir('pgmove')
    const file = join(dir, 'team.db')
    const b = roster(['backup', '-o', file], { db, json: true })
    expect(b.code, b.err).toBe(0)
    expect(b.json).toEqual({ backup: file })
    // The SQLite file is a roster database of its own.
    const shown = roster(['swap', 'list', '--json'], { db: file, as: 'mei', json: true, now: NOW })
    expect(shown.json.swaps).toHaveLength(1)
    // Into another PostgreSQL database, which had a team of its own.
    const target = await teamOnPostgres()
    const r = roster(['restore', file], { db: target, as: 'mei', json: true, now: NOW, cwd: dir })
    expect(r.code, r.err).toBe(0)
    expect(existsSync(r.json.safetyCopy)).toBe(true)
    expect(r.json.safetyCopy).toMatch(/roster-roster_cli_.*-before-restore-.*\.db$/)
    const before = databaseContents(db)
    const after = databaseContents(target)
    for (const table of Object.keys(before).filter((t) => t !== 'audit' && t !== 'schema_migrations')) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] })
    // The audit log: every entry of the source, then the restore itself.
    expect(after.audit!.slice(0, before.audit!.length)).toEqual(before.audit)
    expect(after.audit!.at(-1)).toMatchObject({ action: 'restore', actor: 'mei', db_role: 'roster_admin' })
    // An agent may not restore.
    expect(roster(['restore', file], { db: target, as: 'ana', now: NOW, cwd: dir }).code).toBe(1)
  })

  it('writes a default backup as roster-<database>-<time>.db in the working folder', async () => {
    const db = await teamOnPostgres()
    const dir = tempDir('pgdefault')
    const b = roster(['backup'], { db, json: true, now: NOW, cwd: dir })
    expect(b.code, b.err).toBe(0)
    expect(b.json.backup).toBe(join(dir, `roster-${dbName(db)}-20270101-120000.db`))
  })
})

describe('roster on a PostgreSQL database it cannot use: exit 3, one sentence, no password', () => {
  const closedPort = () =>
    new Promise<number>((done) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port
        s.close(() => done(port))
      })
    })

  async function refused(url: string, code: string): Promise<void> {
    for (const lang of ['C', 'zh_CN.UTF-8']) {
      const r = roster(['show'], { db: url, env: { LANG: lang } })
      expect(r.code, r.err).toBe(3)
      expect(r.err.trim().split('\n')).toHaveLength(1)
      expect(r.err).not.toContain(SECRET)
      expect(r.err).not.toMatch(/\n\s+at /)
      if (lang !== 'C') expect(r.err).toMatch(/[\u4e00-\u9fff]/)
    }
    const j = roster(['show'], { db: url, json: true })
    expect(j.errJson?.error?.code).toBe(code)
    expect(j.err).not.toContain(SECRET)
    // ROSTER_DB says the same.
    const e = roster(['show'], { env: { ROSTER_DB: url } })
    expect(e.code).toBe(3)
    expect(e.err).not.toContain(SECRET)
  }

  it('an unreachable server', async () => {
    await refused(`postgres://roster_admin:${SECRET}@127.0.0.1:${await closedPort()}/team`, 'postgres-unreachable')
  })

  it('a wrong password', async () => {
    const s = postgresServer()
    await refused(`postgres://roster_admin:${SECRET}@${s.host}:${s.port}/postgres`, 'postgres-login')
  })

  it('a missing database', async () => {
    const s = postgresServer()
    await refused(`postgres://roster_admin:${encodeURIComponent(s.password)}@${s.host}:${s.port}/no_such_db?x=${SECRET}`, 'no-database')
  })

  it('a newer database, and one of another program, are left as they were', async () => {
    const newer = await teamOnPostgres()
    await adminQuery(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'later', 'x')`, [], dbName(newer))
    const before = databaseContents(newer)
    await refused(newer, 'newer-schema')
    expect(databaseContents(newer)).toEqual(before)
    const foreign = await freshDatabase('foreign')
    await adminQuery('CREATE TABLE photos (id integer)', [], dbName(foreign))
    await refused(foreign, 'not-a-roster-database')
    expect((await adminQuery(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`, [], dbName(foreign)))[0]).toEqual({ n: 1 })
  })

  it('bad input exits 2 and changes nothing', async () => {
    const db = await teamOnPostgres()
    const before = databaseContents(db)
    const r = roster(['swap', 'request', '--date', '2027-02-30', '--with', 'chen'], { db, as: 'ana', now: NOW })
    expect(r.code).toBe(2)
    expect(databaseContents(db)).toEqual(before)
  })
})
