// Check-then-write under parallel writers on different connections, as eight
// people filing swaps from their own laptops at once: the roster's advisory
// lock lets exactly as many through as the rule allows; the same count-then-
// insert in a plain READ COMMITTED transaction, without the lock, lets more
// through. And several first opens of an empty database migrate it once.

import { beforeAll, describe, expect, it } from 'vitest'
import { openPostgres } from '../../../src/store/postgres/open.js'
import { MIGRATIONS } from '../../../src/store/migrations/index.js'
import { adminQuery, freshDatabase } from '../../support/postgres.js'
import { pgScript, runScript } from '../../support/pg-script.js'

const LIMIT = 3
const WRITERS = 8

/** "Count this month's swaps of ana; if fewer than 3, file one", with or without the roster's transaction. */
const LIMITED_INSERT = `
const sql = postgresSql(arg.url)
const attempt = () => {
  const n = sql.get<{ n: number }>('SELECT count(*) AS n FROM swap WHERE requester = ? AND date >= ? AND date < ?', ['ana', '2026-02-01', '2026-03-01'])!.n
  // Widen the window between the check and the write, as a slow laptop would.
  sql.get('SELECT pg_sleep(0.2)')
  if (n >= ${LIMIT}) return false
  sql.run("INSERT INTO swap (requester, counterpart, date, created_at) VALUES ('ana', 'ben', ?, 'now')", [arg.date])
  return true
}
waitUntil(arg.startAt)
let through: boolean
if (arg.locked) through = sql.transaction(attempt)
else {
  sql.run('BEGIN ISOLATION LEVEL READ COMMITTED')
  through = attempt()
  sql.run('COMMIT')
}
out({ through })
sql.close()
`

async function teamDatabase(): Promise<string> {
  const url = await freshDatabase('limit')
  const sql = openPostgres(url)
  sql.run(`INSERT INTO staff (id, name, role, created_at) VALUES ('ana', 'Ana', 'agent', 'now'), ('ben', 'Ben', 'agent', 'now')`)
  sql.close()
  return url
}

async function race(url: string, locked: boolean): Promise<number> {
  const script = pgScript('limited-insert', LIMITED_INSERT)
  const startAt = Date.now() + 3000
  const results = await Promise.all(Array.from({ length: WRITERS }, (_, i) => runScript(script, { url, locked, startAt, date: `2026-02-${String(i + 2).padStart(2, '0')}` })))
  for (const r of results) expect(r.lines, r.err).toHaveLength(1)
  const errors = results.map((r) => r.lines[0]).filter((l) => l.error !== undefined || l.message !== undefined)
  expect(errors).toEqual([])
  const through = results.filter((r) => r.lines[0].through).length
  const rows = (await adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM swap`, [], new URL(url).pathname.slice(1)))[0]!.n
  expect(rows).toBe(through)
  return through
}

describe('eight writers at once on PostgreSQL', () => {
  let locked: string
  let plain: string
  beforeAll(async () => {
    locked = await teamDatabase()
    plain = await teamDatabase()
  })

  it('inside the roster transaction (advisory lock): exactly three get through', async () => {
    expect(await race(locked, true)).toBe(LIMIT)
  })

  it('a plain READ COMMITTED count-then-insert without the lock lets more than three through', async () => {
    expect(await race(plain, false)).toBeGreaterThan(LIMIT)
  })
})

describe('first opens at once', () => {
  it('six processes opening one empty database migrate it once, and all of them open it', async () => {
    const url = await freshDatabase('firstopen')
    const script = pgScript('open', `waitUntil(arg.startAt)\nconst sql = openPostgres(arg.url)\nout({ version: sql.get<{ v: number }>('SELECT max(version) AS v FROM schema_migrations')!.v })\nsql.close()`)
    const startAt = Date.now() + 3000
    const results = await Promise.all(Array.from({ length: 6 }, () => runScript(script, { url, startAt })))
    for (const r of results) expect(r.lines, r.err).toEqual([{ version: MIGRATIONS.at(-1)!.version }])
    const db = new URL(url).pathname.slice(1)
    const applied = await adminQuery<{ version: number; n: number }>('SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version', [], db)
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, n: 1 })))
  })
})
