// No one where they do not belong: the database file is private to its owner
// and group, a world-writable one is pointed out, and --as for someone else is
// "acting on their behalf", which only a lead or manager may do, and which the
// audit log records with the real login. The logins here are real users
// (created with useradd; see test/support/login.ts) running the CLI.

import { chmodSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BACKEND, fileHash, roster, tempDir, type RunOptions } from '../support/cli.js'
import { NOW, rosterDb, sql } from '../e2e/swap-support.js'

const mode = (p: string) => statSync(p).mode & 0o777

// SQLite only: the permissions of the database file (a PostgreSQL database has no file of ours; its roles protect it).
describe.runIf(BACKEND === 'sqlite')('the database file', () => {
  const umask = process.umask()
  afterEach(() => void process.umask(umask))

  it('is created 0660 (owner and group) whatever the umask, by init and by generate --demo', () => {
    for (const mask of [0o000, 0o022, 0o077]) {
      process.umask(mask)
      const dir = tempDir('access')
      const a = join(dir, 'init.db')
      expect(roster(['init', '--demo'], { db: a }).code).toBe(0)
      expect(mode(a), `init under umask ${mask.toString(8)}`).toBe(0o660)
      const b = join(dir, 'demo.db')
      expect(roster(['generate', '--demo', '--start', '2027-01-04'], { db: b, now: NOW }).code).toBe(0)
      expect(mode(b), `generate --demo under umask ${mask.toString(8)}`).toBe(0o660)
    }
  })

  it('is pointed out on stderr when anyone on the host may write it, without failing the command', () => {
    const db = rosterDb()
    chmodSync(db, 0o666)
    const r = roster(['staff', 'list'], { db, json: true })
    expect(r.code).toBe(0)
    expect(r.json.staff).toHaveLength(5)
    const lines = r.err.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^roster: warning: .*roster\.db can be changed by anyone on this host \(mode 0666\): run "chmod 660 /)
    // Once per command, and gone when the file is private again.
    const write = roster(['handover', 'add', '--shift', 'A', '--note', 'quiet'], { db, as: 'ana', now: NOW })
    expect(write.code).toBe(0)
    expect(write.err.match(/warning/g)).toHaveLength(1)
    chmodSync(db, 0o660)
    expect(roster(['staff', 'list'], { db }).err).toBe('')
    chmodSync(db, 0o664)
    expect(roster(['staff', 'list'], { db }).err).toBe('')
  })
})

// SQLite only: the OS login is who acts there; on PostgreSQL it is the database role (test/e2e/postgres.test.ts).
describe.runIf(BACKEND === 'sqlite')('--as and the login', () => {
  const as = (login: string, o: RunOptions = {}): RunOptions => ({ now: NOW, json: true, ...o, login })
  const lastAudit = (db: string) =>
    sql(db, (d) => d.prepare('SELECT actor, os_user, on_behalf, action FROM audit ORDER BY id DESC LIMIT 1').get() as { actor: string; os_user: string; on_behalf: number; action: string })

  it('refuses an agent acting as someone else (--as or ROSTER_USER), and a removed person too, changing nothing', () => {
    const db = rosterDb()
    sql(db, (d) => d.prepare(`UPDATE staff SET active = 0 WHERE id = 'dev'`).run())
    const before = fileHash(db)
    const note = ['handover', 'add', '--shift', 'A', '--note', 'hello']
    for (const [login, o] of [
      ['ana', { db, as: 'ben' }],
      ['ana', { db, env: { ROSTER_USER: 'ben' } }],
      ['ana', { db, as: 'mei' }],
      ['dev', { db, as: 'ben' }],
    ] as [string, RunOptions][]) {
      const r = roster(note, as(login, o))
      expect(r.code, `${login} as ${o.as ?? o.env?.ROSTER_USER}: ${r.err}`).toBe(1)
      expect(r.errJson.error.code).toBe('permission')
      expect(r.errJson.error.message).toMatch(new RegExp(`Your login ${login} is (an agent|no longer on the team), so it may not act as \\w+: only a lead or manager acts on behalf of someone else\\.`))
    }
    // A swap request made for someone else by an agent is refused just the same.
    const swap = roster(['swap', 'request', '--date', '2027-01-05', '--with', 'dev'], as('ben', { db, as: 'ana' }))
    expect(swap.code).toBe(1)
    expect(fileHash(db)).toBe(before)
    // Reading needs no identity, so naming someone else there is harmless.
    expect(roster(['show', '--from', '2027-01-04', '--to', '2027-01-10'], as('ana', { db, as: 'ben' })).code).toBe(0)
  })

  it('lets a person act as themselves, by login or by --as, audited as not on behalf', () => {
    const db = rosterDb()
    expect(roster(['handover', 'add', '--shift', 'A', '--note', 'by login'], as('ana', { db })).code).toBe(0)
    expect(lastAudit(db)).toEqual({ actor: 'ana', os_user: 'ana', on_behalf: 0, action: 'handover.add' })
    expect(roster(['handover', 'add', '--shift', 'A', '--note', 'by --as'], as('ana', { db, as: 'ana' })).code).toBe(0)
    expect(lastAudit(db)).toEqual({ actor: 'ana', os_user: 'ana', on_behalf: 0, action: 'handover.add' })
  })

  it('lets a lead or manager act on behalf of someone, audited with on_behalf and their login', () => {
    const db = rosterDb()
    sql(db, (d) => d.prepare(`INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES ('max', 'Max Roth', 'manager', 0, 1, '2027-01-01T00:00:00Z')`).run())
    const r = roster(['swap', 'request', '--date', '2027-01-05', '--with', 'dev'], as('mei', { db, as: 'ana' }))
    expect(r.code, r.err).toBe(0)
    expect(r.json.swap.requester).toBe('ana')
    expect(lastAudit(db)).toEqual({ actor: 'ana', os_user: 'mei', on_behalf: 1, action: 'swap.request' })
    expect(roster(['swap', 'accept', '1'], as('max', { db, as: 'dev' })).code).toBe(0)
    expect(lastAudit(db)).toEqual({ actor: 'dev', os_user: 'max', on_behalf: 1, action: 'swap.accept' })
    // The audit trail says so.
    const log = roster(['log'], { db, now: NOW, env: { COLUMNS: '200' } })
    expect(log.out).toContain('ana (by mei)')
    expect(log.out).toContain('dev (by max)')
  })

  it('takes --as as the identity when the login is no staff id (a shared service account, CI), recording the login', () => {
    const db = rosterDb()
    const r = roster(['generate', '--start', '2027-02-01', '--weeks', '1'], as('ci-runner', { db, as: 'mei' }))
    expect(r.code, r.err).toBe(0)
    expect(lastAudit(db)).toEqual({ actor: 'mei', os_user: 'ci-runner', on_behalf: 0, action: 'roster.generate' })
    // Without --as such a login is nobody.
    const nobody = roster(['handover', 'add', '--shift', 'A', '--note', 'x'], as('ci-runner', { db }))
    expect(nobody.code).toBe(2)
    expect(nobody.err).toContain('Who is acting?')
  })
})
