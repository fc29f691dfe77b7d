// A process killed (SIGKILL) in the middle of "generate --replace" or a swap
// approval leaves the database as it was before or as it is after, never in
// between: each is one transaction, and SQLite's WAL (or PostgreSQL, which
// rolls back the transaction of a connection that is gone) makes it atomic.

import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { BACKEND, BIN, fileHash, ROOT, roster, tempDir } from '../support/cli.js'
import { NOW, rosterDb } from '../e2e/swap-support.js'
import { copyDb, count, integrity, rosterRows, withTestDb } from './support.js'

const FROM = '2027-01-04'
const TO = '2027-01-24'
const KILLS = 24
const SEEDS = ['2', '3']

const ENV = { ...process.env, NO_COLOR: '1', ROSTER_NOW: NOW, ROSTER_USER: '' }

/** Starts the CLI and kills it with SIGKILL after `delayMs`; resolves to whether the kill landed before it finished. */
function killAfter(db: string, args: string[], delayMs: number, cwd = ROOT): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [BIN, '--db', db, '--as', 'mei', ...args], { cwd, env: ENV, stdio: 'ignore' })
    const timer = setTimeout(() => p.kill('SIGKILL'), delayMs)
    p.on('close', (code, signal) => {
      clearTimeout(timer)
      done({ killed: signal === 'SIGKILL', code })
    })
  })
}

/** A small deterministic generator, so a failing delay can be replayed. */
function delays(n: number, seed: number, max: number): number[] {
  let s = seed
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff
    return s % (max + 1)
  })
}

/** Roster rules broken in the range, as `roster check` reports them (the CLI must open the file, too). */
function violations(db: string): unknown[] {
  const r = roster(['check', '--from', FROM, '--to', TO], { db, json: true, now: NOW })
  expect(r.code, r.err).toBe(0)
  return r.json.violations
}

describe('killed in the middle of a write', () => {
  it(`leaves the roster and the swap before or after, never between (${KILLS} kills at random points)`, async () => {
    // The template: PATTERN over three weeks and swap #1 (ana gives dev her C on 01-05 for his B) accepted.
    const template = rosterDb()
    expect(roster(['swap', 'request', '--date', '2027-01-05', '--with', 'dev'], { db: template, as: 'ana', now: NOW }).code).toBe(0)
    expect(roster(['swap', 'accept', '1'], { db: template, as: 'dev', now: NOW }).code).toBe(0)

    // The states a kill may leave, each computed by letting the command finish on a copy.
    const before = rosterRows(template, FROM, TO)
    expect(before).toHaveLength(63)
    expect(violations(template)).toEqual([])
    const afterApproval = copyDb(template, 'crash-expected')
    expect(roster(['swap', 'approve', '1'], { db: afterApproval, as: 'mei', now: NOW }).code).toBe(0)
    const approved = rosterRows(afterApproval, FROM, TO)
    expect(approved).toHaveLength(63)
    expect(approved).not.toEqual(before)
    expect(violations(afterApproval)).toEqual([])
    const generated: Record<string, string[]> = {}
    for (const seed of SEEDS) {
      const g = copyDb(template, 'crash-expected')
      expect(roster(['generate', '--start', FROM, '--weeks', '3', '--replace', '--seed', seed], { db: g, as: 'mei', now: NOW }).code).toBe(0)
      generated[seed] = rosterRows(g, FROM, TO)
      expect(generated[seed]).toHaveLength(63)
      expect(generated[seed]).not.toEqual(before)
      expect(violations(g)).toEqual([])
    }

    const outcomes = { killed: 0, before: 0, after: 0 }
    // A command on PostgreSQL takes longer to reach its transaction (a worker thread, a connection).
    const plan = delays(KILLS, 20270104, BACKEND === 'postgres' ? 1200 : 300)
    for (let i = 0; i < KILLS; i++) {
      const approving = i % 2 === 1
      const seed = SEEDS[(i >> 1) % SEEDS.length]!
      const db = copyDb(template, 'crash')
      const args = approving ? ['swap', 'approve', '1'] : ['generate', '--start', FROM, '--weeks', '3', '--replace', '--seed', seed]
      const run = await killAfter(db, args, plan[i]!)
      const what = `kill #${i} after ${plan[i]} ms of "${args.join(' ')}" (${run.killed ? 'killed' : `exited ${run.code}`})`
      if (run.killed) outcomes.killed++
      else expect(run.code, what).toBe(0)

      // The file opens (SQLite rolls the WAL forward or back) and is whole.
      expect(integrity(db), what).toBe('ok')
      const rows = rosterRows(db, FROM, TO)
      const status = withTestDb(db, (d) => (d.prepare('SELECT status FROM swap WHERE id = 1').get() as { status: string }).status)
      if (approving) {
        const done = count(db, `SELECT count(*) AS n FROM audit WHERE action = 'swap.approve'`)
        if (status === 'approved') expect({ rows, done }, what).toEqual({ rows: approved, done: 1 })
        else expect({ status, rows, done }, what).toEqual({ status: 'accepted', rows: before, done: 0 })
        outcomes[status === 'approved' ? 'after' : 'before']++
      } else {
        const done = count(db, `SELECT count(*) AS n FROM audit WHERE action = 'roster.generate'`)
        expect(status, what).toBe('accepted')
        if (done) expect(rows, what).toEqual(generated[seed])
        else expect(rows, what).toEqual(before)
        outcomes[done ? 'after' : 'before']++
      }
      // Whichever it is, every roster rule holds over the 63 shifts.
      expect(rows, what).toHaveLength(63)
      expect(violations(db), what).toEqual([])
    }
    // The loop is only worth something if kills landed before the command finished.
    expect(outcomes.killed, JSON.stringify(outcomes)).toBeGreaterThan(0)
    expect(outcomes.before + outcomes.after).toBe(KILLS)
    // (On PostgreSQL a copy is a CREATE DATABASE and each command starts a worker thread: twice the time.)
  }, BACKEND === 'postgres' ? 400_000 : 180_000)
})

describe('killed in the middle of a backup', () => {
  it('leaves the database whole and unchanged, and never a file under a backup name that is not a whole database (10 kills)', async () => {
    const template = rosterDb()
    const hash = fileHash(template)
    const plan = delays(10, 20261206, BACKEND === 'postgres' ? 900 : 250)
    let killed = 0
    for (let i = 0; i < plan.length; i++) {
      const db = copyDb(template, 'crash-backup')
      // The copy goes beside the database file, or (PostgreSQL) into the working folder.
      const dir = BACKEND === 'postgres' ? tempDir('crash-backup') : dirname(db)
      const run = await killAfter(db, ['backup'], plan[i]!, dir)
      const what = `kill #${i} after ${plan[i]} ms of backup (${run.killed ? 'killed' : `exited ${run.code}`})`
      if (run.killed) killed++
      else expect(run.code, what).toBe(0)
      expect(integrity(db), what).toBe('ok')
      // A reader may have left the -wal/-shm beside it; the data is what it was.
      expect(rosterRows(db, FROM, TO), what).toEqual(rosterRows(template, FROM, TO))
      for (const f of readdirSync(dir).filter((f) => /^roster-(\w+-)?\d{8}-\d{6}(-\d+)?\.db$/.test(f))) {
        expect(integrity(join(dir, f)), `${what}: ${f}`).toBe('ok')
      }
    }
    expect(fileHash(template)).toBe(hash)
    expect(killed).toBeGreaterThan(0)
  })
})

/** Polls `probe` every 50 ms until it gives a value (at most `ms`). */
async function until<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await probe()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`)
    await new Promise((done) => setTimeout(done, 50))
  }
}

// PostgreSQL only: the kill is made to land half-way. A random delay, as
// above, may land before the transaction or after it; here the test holds
// the audit table, so the command makes its roster and swap writes and then
// waits for it, and is killed there. (SQLite's own case is the random one:
// its writer cannot be held half-way from outside.)
describe.runIf(BACKEND === 'postgres')('killed half-way through its transaction, on PostgreSQL', () => {
  it('generate --replace and swap approve, killed after their first writes: nothing of them is left, and the next write does not wait', async () => {
    const template = rosterDb()
    expect(roster(['swap', 'request', '--date', '2027-01-05', '--with', 'dev'], { db: template, as: 'ana', now: NOW }).code).toBe(0)
    expect(roster(['swap', 'accept', '1'], { db: template, as: 'dev', now: NOW }).code).toBe(0)
    const before = rosterRows(template, FROM, TO)
    for (const args of [['generate', '--start', FROM, '--weeks', '3', '--replace', '--seed', '2'], ['swap', 'approve', '1']]) {
      const what = args.join(' ')
      const db = copyDb(template)
      const auditBefore = count(db, 'SELECT count(*) AS n FROM audit')
      const holder = new pg.Client({ connectionString: db })
      const watcher = new pg.Client({ connectionString: db })
      await holder.connect()
      await watcher.connect()
      try {
        await holder.query('BEGIN')
        await holder.query('LOCK TABLE audit IN EXCLUSIVE MODE')
        const p = spawn(process.execPath, [BIN, '--db', db, '--as', 'mei', ...args], { cwd: tempDir('crash-half'), env: ENV, stdio: 'ignore' })
        const closed = new Promise<string | null>((done) => p.on('close', (_code, signal) => done(signal)))
        // The command's session, waiting for the audit table...
        const pid = await until(async () => (await watcher.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'roster' AND wait_event_type = 'Lock'`,
        )).rows[0]?.pid as number | undefined, 30_000, `${what} to wait for the audit table`)
        // ...having written the roster already (it holds the table's write lock).
        const wrote = await watcher.query(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = $1 AND c.relname = 'assignment' AND l.mode = 'RowExclusiveLock' AND l.granted`, [pid],
        )
        expect(wrote.rows[0].n, `${what} had written no assignment when it waited`).toBe(1)
        p.kill('SIGKILL')
        expect(await closed, what).toBe('SIGKILL')
        await holder.query('ROLLBACK')
        // The server ends the session of a client that is gone, and its transaction with it.
        await until(async () => ((await watcher.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0].n === 0 ? true : undefined), 10_000, `the session of the killed ${what} to end`)
      } finally {
        await holder.end()
        await watcher.end()
      }
      expect(rosterRows(db, FROM, TO), what).toEqual(before)
      expect(count(db, 'SELECT count(*) AS n FROM audit'), what).toBe(auditBefore)
      expect(count(db, `SELECT count(*) AS n FROM swap WHERE id = 1 AND status = 'accepted'`), what).toBe(1)
      // No lock is left behind: the next write goes through at once (lock_timeout is 5 s).
      const started = Date.now()
      const next = roster(['handover', 'add', '--shift', 'A', '--date', '2027-01-05', '--note', 'after the kill'], { db, as: 'ana', now: NOW })
      expect(next.code, next.err).toBe(0)
      expect(Date.now() - started).toBeLessThan(5000)
      // And the command itself, run again, does what it was killed doing.
      const again = roster(args, { db, as: 'mei', now: NOW })
      expect(again.code, again.err).toBe(0)
      expect(rosterRows(db, FROM, TO), what).not.toEqual(before)
    }
  })
})
