// Spawns the built CLI on a temp database, the way a user runs it.

import { spawnSync, spawn } from 'node:child_process'
import Database from 'better-sqlite3'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { realLogin, shareWithTeam } from './login.js'
import { databaseHash, openTestDb } from './test-db.js'
import { migratedDatabaseSync } from './postgres.js'

/**
 * Which database the e2e tests give the CLI: a SQLite file in a fresh folder
 * (the default), or under ROSTER_TEST_BACKEND=postgres a fresh database on
 * the run's PostgreSQL server (npm run test:postgres).
 */
export const BACKEND: 'sqlite' | 'postgres' = process.env.ROSTER_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite'

export const ROOT = resolve(__dirname, '../..')
export const BIN = join(ROOT, 'bin/roster.cjs')

export interface RunResult {
  code: number | null
  out: string
  err: string
  json?: any
  errJson?: any
}

export interface RunOptions {
  db?: string | null
  as?: string
  json?: boolean
  env?: Record<string, string>
  cwd?: string
  input?: string
  /** Frozen "now" for the CLI (ISO instant). */
  now?: string
  /**
   * Run as this real login (created with useradd if missing; the tests run as
   * root in CI), with the database's folder shared with the test logins' group.
   * Without it the CLI runs as whoever runs the tests.
   */
  login?: string
}

// The CLI runs as whoever runs the tests (root in CI, a login that is no staff
// id, so --as is the identity); tests that need a given login use `login`.
// LANG=C and empty LC_ALL / LC_MESSAGES: English, whatever the locale of whoever runs the tests.
const baseEnv: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ROSTER_USER: '' }
delete baseEnv.ROSTER_DB
// Tables and help wrap at $COLUMNS when output is not a terminal: 80 unless a test says otherwise.
delete baseEnv.COLUMNS

function argv(args: string[], o: RunOptions): string[] {
  const a = [BIN]
  if (o.db) a.push('--db', o.db)
  if (o.as) a.push('--as', o.as)
  if (o.json) a.push('--json')
  return [...a, ...args]
}

function env(o: RunOptions): Record<string, string> {
  return { ...baseEnv, ...(o.now ? { ROSTER_NOW: o.now } : {}), ...(o.env ?? {}) }
}

/** The uid and gid to run as for `o.login`, after sharing the database's folder with that login. */
function identity(o: RunOptions): { uid?: number; gid?: number } {
  if (!o.login) return {}
  const user = realLogin(o.login)
  if (o.db) shareWithTeam(dirname(o.db))
  return { uid: user.uid, gid: user.gid }
}

export function roster(args: string[], o: RunOptions = {}): RunResult {
  const r = spawnSync(process.execPath, argv(args, o), { encoding: 'utf8', cwd: o.cwd ?? ROOT, env: env(o), input: o.input ?? '', timeout: 60_000, ...identity(o) })
  const res: RunResult = { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' }
  if (o.json) {
    try { res.json = JSON.parse(res.out) } catch { res.json = undefined }
    try { res.errJson = JSON.parse(res.err.trim().split('\n').filter(Boolean).pop() ?? '') } catch { res.errJson = undefined }
  }
  return res
}

export function rosterAsync(args: string[], o: RunOptions = {}): Promise<RunResult> {
  return new Promise((done) => {
    const p = spawn(process.execPath, argv(args, o), { cwd: o.cwd ?? ROOT, env: env(o), ...identity(o) })
    let out = ''
    let err = ''
    p.stdout.on('data', (d) => (out += d))
    p.stderr.on('data', (d) => (err += d))
    p.on('close', (code) => done({ code, out, err }))
  })
}

export function tempDir(tag = 'e2e'): string {
  return mkdtempSync(join(tmpdir(), `roster-${tag}-`))
}

/**
 * A database for one test that does not exist yet (a file path), or (a
 * PostgreSQL URL) a new one with the roster schema and nothing in it: what
 * the first command on a new file leaves before it writes.
 */
export function tempDb(tag = 'e2e'): string {
  if (BACKEND === 'postgres') return migratedDatabaseSync(tag)
  return join(tempDir(tag), 'roster.db')
}

/** The database's bytes (a file), or its rows (PostgreSQL), hashed: what "unchanged" is compared by. */
export function fileHash(path: string): string {
  return databaseHash(path)
}

/** A demo database (init --demo), optionally with a generated roster from `start`. */
/**
 * A demo team without a generated roster, two days filled by hand (cover and
 * inbox tests): Mon 2027-01-04 A ana, B ben, C chen; Tue 2027-01-05 A dev, B ben, C ana.
 */
export function handDb(now: string): string {
  const db = demoDb({ now })
  insertAssignments(db, [
    ['2027-01-04', 'A', 'ana'], ['2027-01-04', 'B', 'ben'], ['2027-01-04', 'C', 'chen'],
    ['2027-01-05', 'A', 'dev'], ['2027-01-05', 'B', 'ben'], ['2027-01-05', 'C', 'ana'],
  ])
  return db
}

export function demoDb(opts: { start?: string; weeks?: number; now?: string } = {}): string {
  const db = tempDb('demo')
  const r = roster(['init', '--demo'], { db, now: opts.now })
  if (r.code !== 0) throw new Error(`init --demo failed: ${r.err}`)
  if (opts.start) {
    const g = roster(['generate', '--start', opts.start, '--weeks', String(opts.weeks ?? 3)], { db, as: 'mei', now: opts.now })
    if (g.code !== 0) throw new Error(`generate failed: ${g.err}`)
  }
  return db
}

/** Matches a stack trace line, which must never reach a user. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?/

/** Writes assignments straight into a test database, bypassing the CLI. */
export function insertAssignments(db: string, rows: [date: string, shift: string, staff: string][]): void {
  const raw = openTestDb(db)
  const ins = raw.prepare('INSERT INTO assignment (date, shift, staff) VALUES (?, ?, ?)')
  raw.transaction(() => {
    for (const r of rows) ins.run(...r)
  })()
  raw.close()
}
