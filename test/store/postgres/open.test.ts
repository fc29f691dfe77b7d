// Opening a PostgreSQL roster database that cannot be opened: an unreachable
// server, a wrong password, a missing database, a database newer than the
// code, one of another program. Each is a StorageError (exit 3) with one
// sentence in English and Chinese that never holds the password, and nothing
// is written to a database that is refused.

import { describe, expect, it } from 'vitest'
import { createServer } from 'node:net'
import { StorageError } from '../../../src/errors.js'
import { en } from '../../../src/i18n/en.js'
import { zhCN } from '../../../src/i18n/zh-cn.js'
import { openPostgres } from '../../../src/store/postgres/open.js'
import { maskUrl } from '../../../src/store/postgres/url.js'
import { LATEST_VERSION, MIGRATIONS } from '../../../src/store/migrations/index.js'
import { adminQuery, freshDatabase, postgresServer } from '../../support/postgres.js'

const SECRET = 'Pw-s3cret-never-shown'

function refusal(url: string): StorageError {
  try {
    openPostgres(url, { connectTimeoutMs: 3000 }).close()
  } catch (e) {
    expect(e).toBeInstanceOf(StorageError)
    const err = e as StorageError
    expect(err.exitCode).toBe(3)
    for (const text of [err.message, err.say(en), err.say(zhCN), err.stack ?? '']) expect(text).not.toContain(SECRET)
    // One sentence, one line, in both languages.
    expect(err.say(en)).not.toContain('\n')
    expect(err.say(zhCN)).toMatch(/[\u4e00-\u9fff]/)
    return err
  }
  throw new Error(`${maskUrl(url)} opened`)
}

function closedPort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => done(port))
    })
  })
}

const tables = async (db: string) => (await adminQuery<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`, [], db)).map((r) => r.t)

describe('opening PostgreSQL: what is refused', () => {
  it('a server that is not there', async () => {
    const err = refusal(`postgres://roster_admin:${SECRET}@127.0.0.1:${await closedPort()}/team`)
    expect(err.code).toBe('postgres-unreachable')
    expect(err.message).toMatch(/^Cannot reach the PostgreSQL server of postgres:\/\/roster_admin:\*\*\*@127\.0\.0\.1:\d+\/team \(.*ECONNREFUSED.*\): check the host/)
    expect(err.say(zhCN)).toMatch(/^无法连接 postgres:\/\/roster_admin:\*\*\*@127\.0\.0\.1:\d+\/team 的 PostgreSQL 服务器/)
  })

  it('a wrong password', async () => {
    const s = postgresServer()
    const err = refusal(`postgres://roster_admin:${SECRET}@${s.host}:${s.port}/postgres`)
    expect(err.code).toBe('postgres-login')
    expect(err.message).toBe(`PostgreSQL refused the login of role "roster_admin" at postgres://roster_admin:***@${s.host}:${s.port}/postgres: check the user name and password (PGPASSWORD or ~/.pgpass, not the URL, is the place for a password).`)
    expect(err.say(zhCN)).toContain('PostgreSQL 拒绝了角色 "roster_admin"')
  })

  it('a password in the query string is masked too', async () => {
    const s = postgresServer()
    const err = refusal(`postgres://roster_admin@${s.host}:${s.port}/postgres?password=${SECRET}`)
    expect(err.code).toBe('postgres-login')
  })

  it('a database that does not exist', async () => {
    const s = postgresServer()
    const err = refusal(`postgres://roster_admin:${encodeURIComponent(s.password)}@${s.host}:${s.port}/no_such_team`)
    expect(err.code).toBe('no-database')
    expect(err.message).toContain('There is no database "no_such_team" on the PostgreSQL server of')
    expect(err.message).not.toContain(s.password)
  })

  it('a database written by a newer roster, left as it was', async () => {
    const url = await freshDatabase('newer')
    openPostgres(url).close()
    const db = new URL(url).pathname.slice(1)
    await adminQuery(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 'x')`, [], db)
    const before = await adminQuery('SELECT version FROM schema_migrations ORDER BY version', [], db)
    const err = refusal(url)
    expect(err.code).toBe('newer-schema')
    expect(err.message).toContain(`schema 99, this version knows up to ${LATEST_VERSION}`)
    expect(await adminQuery('SELECT version FROM schema_migrations ORDER BY version', [], db)).toEqual(before)
  })

  it('a database of another program: nothing is created in it', async () => {
    const url = await freshDatabase('foreign')
    const db = new URL(url).pathname.slice(1)
    await adminQuery('CREATE TABLE users (id integer PRIMARY KEY, email text)', [], db)
    const err = refusal(url)
    expect(err.code).toBe('not-a-roster-database')
    expect(err.say(en)).toMatch(/holds tables of another program and no roster schema/)
    expect(await tables(db)).toEqual(['users'])
  })

  it("another program's schema_migrations (golang-migrate's) is not ours", async () => {
    const url = await freshDatabase('othermigrations')
    const db = new URL(url).pathname.slice(1)
    await adminQuery('CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL)', [], db)
    await adminQuery('INSERT INTO schema_migrations VALUES (3, false)', [], db)
    expect(refusal(url).code).toBe('not-a-roster-database')
    expect(await tables(db)).toEqual(['schema_migrations'])
  })

  it('an empty database is made a roster database; opening it again changes nothing', async () => {
    const url = await freshDatabase('empty')
    const db = new URL(url).pathname.slice(1)
    openPostgres(url).close()
    const first = await adminQuery('SELECT version, applied_at FROM schema_migrations ORDER BY version', [], db)
    expect(first.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
    openPostgres(url).close()
    expect(await adminQuery('SELECT version, applied_at FROM schema_migrations ORDER BY version', [], db)).toEqual(first)
  })

  it('a read-only opening refuses writes', async () => {
    const url = await freshDatabase('readonly')
    const sql = openPostgres(url, { readonly: true })
    try {
      expect(() => sql.transaction(() => sql.run(`INSERT INTO config (key, value) VALUES ('a', 'b')`))).toThrow(/read-only/)
      expect(sql.get<{ n: number }>('SELECT count(*) AS n FROM config')).toEqual({ n: 0 })
    } finally {
      sql.close()
    }
  })
})
