// Moving a team between SQLite and PostgreSQL: a SQLite roster restored into
// PostgreSQL and backed up again into a new SQLite file keeps every row of
// every table (the swap history and the audit log included) with its id, and
// PostgreSQL goes on numbering after the highest id.

import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openPostgres } from '../../../src/store/postgres/open.js'
import { backupPostgresTo, restorePostgresFrom } from '../../../src/store/postgres/backup.js'
import { inspectBackup } from '../../../src/store/backup.js'
import { rosterTables } from '../../../src/store/copy.js'
import { sqliteSql, type Sql } from '../../../src/store/sql.js'
import type { PostgresSql } from '../../../src/store/postgres/sql.js'
import { demoDb, roster, tempDir } from '../../support/cli.js'
import { approvedSwap, rosterDb } from '../../e2e/swap-support.js'
import { freshDatabase } from '../../support/postgres.js'

/** Every row of every table, in a stable order. */
function contents(sql: Sql): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  for (const t of rosterTables(sql)) {
    const cols = t.columns.map((c) => `"${c}"`).join(', ')
    out[t.name] = sql.all(`SELECT ${cols} FROM "${t.name}" ORDER BY ${t.columns.map((_, i) => i + 1).join(', ')}`)
  }
  return out
}

function sqliteContents(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true })
  try {
    return contents(sqliteSql(db))
  } finally {
    db.close()
  }
}

describe('backup and restore between SQLite and PostgreSQL', () => {
  let team: string
  let pg: PostgresSql
  beforeAll(async () => {
    // A team with a history: a roster, an exchange and a cover asked, accepted and approved (each in the audit log).
    team = rosterDb()
    approvedSwap(team, 'ana', '2027-01-05', 'chen')
    approvedSwap(team, 'chen', '2027-01-11', 'dev', '2027-01-14')
    pg = openPostgres(await freshDatabase('restore'))
  })
  afterAll(() => pg?.close())

  it('restore puts every row of the SQLite roster into PostgreSQL, ids and audit log kept', () => {
    const counts = restorePostgresFrom(pg, team)
    const lite = sqliteContents(team)
    expect(counts.audit).toBeGreaterThan(0)
    expect(counts.swap).toBe(2)
    expect(contents(pg)).toEqual(lite)
  })

  it('after a restore PostgreSQL numbers new rows after the highest id copied', () => {
    const max = pg.get<{ m: number }>('SELECT max(id) AS m FROM audit')!.m
    const next = pg.get<{ id: number }>(`INSERT INTO audit (at, action) VALUES ('2027-01-03T00:00:00Z', 'test') RETURNING id`)!.id
    expect(next).toBe(max + 1)
    const swap = pg.get<{ id: number }>(`INSERT INTO swap (requester, counterpart, date, created_at) VALUES ('ana', 'ben', '2027-01-20', 'x') RETURNING id`)!.id
    expect(swap).toBe(3)
  })

  it('the audit log stays append-only after a restore', () => {
    expect(() => pg.run('DELETE FROM audit')).toThrow(/append-only/)
    expect(() => pg.run(`UPDATE audit SET action = 'x'`)).toThrow(/append-only/)
  })

  it('backup writes a SQLite roster file holding exactly what PostgreSQL holds', () => {
    const dir = tempDir('pgbackup')
    const target = join(dir, 'team.db')
    expect(backupPostgresTo(pg, target)).toBe(target)
    expect(statSync(target).mode & 0o777).toBe(0o660)
    expect(existsSync(`${target}-wal`)).toBe(false)
    expect(inspectBackup(target).staff).toBeGreaterThan(0)
    expect(sqliteContents(target)).toEqual(contents(pg))
    // The CLI opens it as any roster database.
    const who = roster(['staff', 'list', '--json'], { db: target })
    expect(who.code, who.err).toBe(0)
    // Never over a file.
    expect(() => backupPostgresTo(pg, target)).toThrow(/exists/)
    expect(backupPostgresTo(pg, target, { fresh: true })).toBe(join(dir, 'team-2.db'))
  })

  it('a second restore replaces everything, and a failed one changes nothing', async () => {
    const other = demoDb({ now: '2027-01-01T09:00:00Z' })
    restorePostgresFrom(pg, other)
    expect(contents(pg)).toEqual(sqliteContents(other))
    const before = contents(pg)
    // A file whose rows PostgreSQL refuses midway (a staff id PostgreSQL's CHECK does not take) rolls back whole.
    const bad = join(tempDir('badrestore'), 'bad.db')
    const { copyFileSync } = await import('node:fs')
    copyFileSync(team, bad)
    const raw = new Database(bad)
    raw.pragma('ignore_check_constraints = ON')
    raw.prepare(`INSERT INTO handover (date, shift, staff, note, created_at) VALUES ('2027-01-05', 'A', 'ana', ?, 'x')`).run('x'.repeat(2001))
    raw.close()
    expect(() => restorePostgresFrom(pg, bad)).toThrow()
    expect(contents(pg)).toEqual(before)
  })
})
