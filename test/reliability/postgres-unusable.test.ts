// PostgreSQL's counterpart of damaged-files.test.ts: a --db URL roster cannot
// use (no server there, a host that does not resolve, a wrong password, a
// database that does not exist, one of another program, one newer than this
// code) stops every command, reading or writing, with exit 3 and one
// sentence, never the password, and writes nothing.

import { readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import { BACKEND, rosterAsync, tempDb, tempDir } from '../support/cli.js'
import { adminQuery, freshDatabase, postgresServer } from '../support/postgres.js'
import { databaseContents } from '../support/test-db.js'
import { NOW } from '../e2e/swap-support.js'
import { COMMANDS, expectOneLineError, explain, inLanes } from './support.js'

const SECRET = 'Pw-n3ver-Shown-anywhere'


const closedPort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => done(port))
    })
  })

const dbName = (url: string) => new URL(url).pathname.slice(1)

interface Unusable {
  kind: string
  url: string
  code: string
  says: RegExp
  /** What must not change (the database's rows), where there is a database. */
  contents?: () => unknown
}

// SQLite's files have their own (damaged-files.test.ts); these are PostgreSQL's.
describe.runIf(BACKEND === 'postgres')('a --db URL roster cannot use', () => {
  const cases: Unusable[] = []

  beforeAll(async () => {
    const s = postgresServer()
    const admin = (db: string, password = s.password) => `postgres://${s.user}:${encodeURIComponent(password)}@${s.host}:${s.port}/${db}`
    cases.push({ kind: 'no server on the port', url: `postgres://roster_admin:${SECRET}@127.0.0.1:${await closedPort()}/team`, code: 'postgres-unreachable', says: /Cannot reach the PostgreSQL server of .*127\.0\.0\.1/ })
    cases.push({ kind: 'a host that does not resolve', url: `postgres://roster_admin:${SECRET}@no-such-host.invalid:5432/team`, code: 'postgres-unreachable', says: /Cannot reach the PostgreSQL server of .*no-such-host\.invalid/ })
    cases.push({ kind: 'a wrong password', url: admin('postgres', SECRET), code: 'postgres-login', says: /refused the login of role "roster_admin"/ })
    cases.push({ kind: 'a database that does not exist', url: admin('no_such_roster'), code: 'no-database', says: /no database "no_such_roster"/ })
    const foreign = await freshDatabase('foreign')
    await adminQuery('CREATE TABLE photos (id integer PRIMARY KEY, secret text)', [], dbName(foreign))
    await adminQuery(`INSERT INTO photos VALUES (1, '${SECRET}')`, [], dbName(foreign))
    cases.push({
      kind: 'a database of another program',
      url: foreign,
      code: 'not-a-roster-database',
      says: /not a roster database/,
      contents: () => adminQuery('SELECT * FROM photos ORDER BY id', [], dbName(foreign)),
    })
    const newer = tempDb('newer')
    await adminQuery(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from a later roster', '2030-01-01T00:00:00.000Z')`, [], dbName(newer))
    cases.push({ kind: 'a roster database newer than this code', url: newer, code: 'newer-schema', says: /written by a newer version of roster \(schema 999/, contents: () => databaseContents(newer) })
  })

  it('exits 3 with one sentence and no password for every command, in English and Chinese, and writes nothing', async () => {
    expect(cases).toHaveLength(6)
    const before = await Promise.all(cases.map((c) => c.contents?.()))
    const cwd = tempDir('pg-unusable')
    const runs = cases.flatMap((c) => COMMANDS.flatMap((cmd) => [false, true].map((zh) => ({ c, cmd, zh }))))
    const results = await inLanes(runs, 4, async ({ c, cmd, zh }) => ({
      c, cmd, zh,
      r: await rosterAsync(cmd.args, { db: c.url, as: cmd.as, now: NOW, cwd, env: zh ? { LANG: 'zh_CN.UTF-8' } : {} }),
    }))
    for (const { c, cmd, zh, r } of results) {
      const what = `${c.kind}, ${cmd.args.join(' ')}${zh ? ' (zh-CN)' : ''}: ${explain(r)}`
      expect(r.code, what).toBe(3)
      expectOneLineError(r, what)
      expect(r.out, what).toBe('')
      expect(r.err, what).not.toContain(SECRET)
      expect(r.err, what).not.toContain(postgresServer().password)
      if (zh) expect(r.err, what).toMatch(/[\u4e00-\u9fff]/)
      else expect(r.err, what).toMatch(c.says)
    }
    // Under --json the error names its code, still without the password.
    for (const c of cases) {
      const j = await rosterAsync(['staff', 'list'], { db: c.url, json: true, now: NOW, cwd })
      expect(j.code, c.kind).toBe(3)
      const err = JSON.parse(j.err.trim().split('\n').pop() ?? '{}')
      expect(err.error?.code, `${c.kind}: ${j.err}`).toBe(c.code)
      expect(j.err).not.toContain(SECRET)
    }
    // Nothing written: the other program's table and the newer database are as they were, and no backup file was made.
    expect(await Promise.all(cases.map((c) => c.contents?.()))).toEqual(before)
    expect(readdirSync(cwd)).toEqual([])
  }, 300_000)
})
