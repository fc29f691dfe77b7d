// Shared helpers for the reliability tests: running many CLI processes at
// once, reading a database's state straight from the file (or, under
// ROSTER_TEST_BACKEND=postgres, the PostgreSQL database), damaging files.

import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { expect } from 'vitest'
import { STACK_TRACE, tempDir, type RunResult } from '../support/cli.js'
import { copyDatabaseSync } from '../support/postgres.js'
import { openTestDb, type TestDb } from '../support/test-db.js'
import { isPostgresUrl } from '../../src/store/postgres/url.js'

/** Runs `jobs` with at most `width` at a time; results in the order of `jobs`. */
export async function inLanes<T, R>(jobs: readonly T[], width: number, run: (job: T, lane: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(jobs.length)
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async (_, lane) => {
      while (next < jobs.length) {
        const i = next++
        results[i] = await run(jobs[i]!, lane)
      }
    }),
  )
  return results
}

/** Opens the file, runs `fn`, closes it (which checkpoints and removes the WAL when no one else has it open). */
export function withDb<T>(path: string, fn: (d: Database.Database) => T, readonly = false): T {
  const d = new Database(path, { readonly, fileMustExist: true })
  try {
    return fn(d)
  } finally {
    d.close()
  }
}

/** withDb for either backend: a SQLite file or a PostgreSQL database (the few calls of TestDb). */
export function withTestDb<T>(path: string, fn: (d: TestDb) => T): T {
  if (!isPostgresUrl(path)) return withDb(path, (d) => fn(d as unknown as TestDb))
  const d = openTestDb(path)
  try {
    return fn(d)
  } finally {
    d.close()
  }
}

/**
 * SQLite's integrity_check of the file ("ok" when whole). A PostgreSQL
 * database has no file of ours to check: there it is "ok" when every roster
 * table can be read through (a damaged or half-written one cannot).
 */
export function integrity(path: string): string {
  if (isPostgresUrl(path)) {
    return withTestDb(path, (d) => {
      const tables = d.prepare(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`).all() as { tablename: string }[]
      for (const t of tables) d.prepare(`SELECT count(*) AS n FROM "${t.tablename}"`).get()
      return tables.length > 0 ? 'ok' : 'no tables'
    })
  }
  return withDb(path, (d) => String(d.pragma('integrity_check', { simple: true })))
}

export function count(path: string, sql: string, ...params: unknown[]): number {
  return withTestDb(path, (d) => Number((d.prepare(sql).get(...params) as { n: number }).n))
}

/** Every assignment in [from, to] as sorted "date shift staff" strings: a roster's fingerprint. */
export function rosterRows(path: string, from: string, to: string): string[] {
  return withTestDb(path, (d) =>
    (d.prepare('SELECT date, shift, staff FROM assignment WHERE date BETWEEN ? AND ? ORDER BY date, shift, staff').all(from, to) as { date: string; shift: string; staff: string }[])
      .map((a) => `${a.date} ${a.shift} ${a.staff}`),
  )
}

/**
 * A copy of a database: of a file (no WAL beside it: the source must be
 * closed) in a folder of its own, or of a PostgreSQL database (CREATE
 * DATABASE ... TEMPLATE: no one may be connected to the source).
 */
export function copyDb(source: string, tag = 'copy'): string {
  if (isPostgresUrl(source)) return copyDatabaseSync(source)
  expect(existsSync(`${source}-wal`), `${source} still has a WAL beside it`).toBe(false)
  const target = join(tempDir(tag), 'roster.db')
  copyFileSync(source, target)
  return target
}

/** The files in the database's folder other than the database and SQLite's own -wal/-shm. */
export function strayFiles(db: string): string[] {
  const base = db.slice(dirname(db).length + 1)
  return readdirSync(dirname(db)).filter((f) => f !== base && f !== `${base}-wal` && f !== `${base}-shm`)
}

/** Overwrites `length` bytes in the middle of every page from page 2 on with a fixed garbage pattern. */
export function damagePageMiddles(path: string, pageSize = 4096, length = 1024): void {
  const buf = readFileSync(path)
  for (let page = 1; page * pageSize < buf.length; page++) {
    const mid = page * pageSize + pageSize / 2
    for (let i = -length / 2; i < length / 2; i++) buf[mid + i] = (i * 7919 + page * 13) & 0xff
  }
  writeFileSync(path, buf)
}

/** A failed run says what is wrong in one line on stderr and nothing else: no stack trace. */
export function expectOneLineError(r: RunResult, what: string): void {
  const lines = r.err.trim().split('\n').filter(Boolean)
  expect(lines, `${what}: stderr was ${JSON.stringify(r.err)}`).toHaveLength(1)
  expect(r.err, what).not.toMatch(STACK_TRACE)
  expect(r.err, what).not.toMatch(/Unexpected failure|TypeError|ReferenceError|RangeError/)
}

/** A run's exit code and output, for assertion messages. */
export function explain(r: RunResult): string {
  return `exit ${r.code}\nstdout: ${r.out.slice(0, 500)}\nstderr: ${r.err.slice(0, 500)}`
}

/** Read-only and mutating commands, as people and scripts run them: what the tests of a database the tool cannot use run against it. */
export const COMMANDS: { args: string[]; as?: string }[] = [
  { args: ['staff', 'list'] },
  { args: ['show', '--from', '2027-01-04', '--to', '2027-01-24'] },
  { args: ['check'] },
  { args: ['log'] },
  { args: ['swap', 'list'] },
  { args: ['handover', 'add', '--shift', 'A', '--date', '2027-01-05', '--note', 'all quiet'], as: 'ana' },
  { args: ['generate', '--start', '2027-01-04', '--replace'], as: 'mei' },
  { args: ['holiday', 'add', '2027-05-01', '--name', 'Labour Day'], as: 'mei' },
  { args: ['init', '--demo'] },
  { args: ['backup', '-o', 'copy.db'] },
]
