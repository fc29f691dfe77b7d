// Many processes at once against one database file: no lost update, no rule
// broken, no "database is locked" before the busy timeout. Every command that
// checks and then writes does both in one IMMEDIATE transaction (ctx.write);
// a static check below keeps every store write inside one.

import { spawn } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { BIN, ROOT, roster, rosterAsync, STACK_TRACE, type RunResult } from '../support/cli.js'
import { isPostgresUrl } from '../../src/store/postgres/url.js'
import { ROSTER_LOCK_KEY } from '../../src/store/postgres/sql.js'
import { NOW, plusDays, rosterDb, sql } from '../e2e/swap-support.js'
import { count, explain, integrity } from './support.js'

const FROM = '2027-01-04'
const TO = '2027-01-24'
const LIMIT = 3

interface Job {
  args: string[]
  as?: string
  /** The audit action a success records; undefined for a read. */
  action?: string
}

const w = (action: string, as: string, ...args: string[]): Job => ({ args, as, action })
const r = (...args: string[]): Job => ({ args })

/**
 * The demo team holding PATTERN (see swap-support.ts) over three weeks, a
 * second lead (lee) and a manager (max), and five swaps: #1-#3 accepted
 * (waiting for a lead), #4 and #5 pending (waiting for the counterpart), and
 * chen's pending leave #1.
 */
function stressDb(): string {
  const db = rosterDb()
  sql(db, (d) => {
    const add = d.prepare(`INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES (?, ?, ?, 0, 1, '2027-01-01T00:00:00Z')`)
    add.run('lee', 'Lee Wong', 'lead')
    add.run('max', 'Max Roth', 'manager')
  })
  const setup: [string, string[]][] = [
    ['ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'dev']], // #1 exchange: ana C, dev B
    ['ben', ['swap', 'request', '--date', '2027-01-08', '--with', 'chen']], // #2 exchange: ben A, chen B
    ['chen', ['swap', 'request', '--date', '2027-01-13', '--with', 'dev']], // #3 exchange: chen A, dev B
    ['ana', ['swap', 'request', '--date', '2027-01-15', '--with', 'ben']], // #4 exchange: ana A, ben B
    ['ben', ['swap', 'request', '--date', '2027-01-18', '--with', 'dev']], // #5 exchange: ben C, dev A
    ['dev', ['swap', 'accept', '1']],
    ['chen', ['swap', 'accept', '2']],
    ['dev', ['swap', 'accept', '3']],
    ['chen', ['leave', 'request', '--from', '2027-01-20', '--to', '2027-01-21']], // leave #1
  ]
  for (const [as, args] of setup) {
    const res = roster(args, { db, as, now: NOW })
    expect(res.code, `${as}: ${args.join(' ')}\n${res.err}`).toBe(0)
  }
  return db
}

/** 50 commands: races on the same swap, on the monthly limit, generate --replace against approvals, plain writers and readers. */
const JOBS: Job[] = [
  // Three approvers race for each accepted swap: exactly one may win.
  ...[1, 2, 3].flatMap((id) => ['mei', 'lee', 'max'].map((as) => w('swap.approve', as, 'swap', 'approve', String(id)))),
  // The counterpart accepts twice, declines, the requester cancels; approvers race for the result.
  w('swap.accept', 'ben', 'swap', 'accept', '4'),
  w('swap.accept', 'ben', 'swap', 'accept', '4'),
  w('swap.cancel', 'ana', 'swap', 'cancel', '4'),
  w('swap.accept', 'dev', 'swap', 'accept', '5'),
  w('swap.decline', 'dev', 'swap', 'decline', '5'),
  w('swap.approve', 'mei', 'swap', 'approve', '4'),
  w('swap.approve', 'lee', 'swap', 'approve', '5'),
  w('swap.approve', 'max', 'swap', 'approve', '4'),
  // New requests: ana and chen both have 2 swaps this month, so at most one of these five may pass.
  w('swap.request', 'ana', 'swap', 'request', '--date', '2027-01-07', '--with', 'chen'),
  w('swap.request', 'ana', 'swap', 'request', '--date', '2027-01-11', '--with', 'chen'),
  w('swap.request', 'ana', 'swap', 'request', '--date', '2027-01-21', '--with', 'chen'),
  w('swap.request', 'chen', 'swap', 'request', '--date', '2027-01-19', '--with', 'ana'),
  w('swap.request', 'chen', 'swap', 'request', '--date', '2027-01-23', '--with', 'ana'),
  // ben and dev are at the limit unless #4 or #5 ends first.
  w('swap.request', 'dev', 'swap', 'request', '--date', '2027-01-22', '--with', 'ben'),
  w('swap.request', 'ben', 'swap', 'request', '--date', '2027-01-12', '--with', 'dev'),
  w('swap.request', 'chen', 'swap', 'request', '--date', '2027-01-16', '--with', 'ben'),
  w('swap.accept', 'chen', 'swap', 'accept', '6'),
  w('swap.accept', 'ana', 'swap', 'accept', '6'),
  w('swap.approve', 'mei', 'swap', 'approve', '6'),
  // The whole range drawn up again, twice, while swaps are approved in it.
  w('roster.generate', 'mei', 'generate', '--start', FROM, '--weeks', '3', '--replace', '--seed', '5'),
  w('roster.generate', 'lee', 'generate', '--start', FROM, '--weeks', '3', '--replace', '--seed', '9'),
  w('roster.generate', 'max', 'generate', '--start', FROM, '--weeks', '3'), // refused: roster.exists
  // A newcomer joins the rotation meanwhile: a generate after it includes her, one before does not.
  w('staff.add', 'mei', 'staff', 'add', 'fay', '--name', 'Fay Chen'),
  // Leave: #1 (chen, pending) approved by two leads at once; #2 requested meanwhile (exit 2 if it does not exist yet).
  w('leave.approve', 'mei', 'leave', 'approve', '1'),
  w('leave.approve', 'lee', 'leave', 'approve', '1'),
  w('leave.request', 'ana', 'leave', 'request', '--from', '2027-01-24', '--to', '2027-01-24'),
  w('leave.approve', 'max', 'leave', 'approve', '2'),
  // A lead's manual change (refused once generate has moved the people).
  w('roster.assign', 'mei', 'assign', '2027-01-10', 'A', 'chen', '--replace', 'dev'),
  w('roster.assign', 'lee', 'assign', '2027-01-14', 'A', 'ben', '--replace', 'dev'),
  // Plain writers: none of them may be lost.
  w('handover.add', 'ana', 'handover', 'add', '--shift', 'A', '--date', '2027-01-05', '--note', 'printer jammed'),
  w('handover.add', 'ben', 'handover', 'add', '--shift', 'B', '--date', '2027-01-05', '--note', 'queue is long'),
  w('handover.add', 'chen', 'handover', 'add', '--shift', 'C', '--date', '2027-01-05', '--note', 'phone line 2 down'),
  w('handover.add', 'dev', 'handover', 'add', '--shift', 'A', '--date', '2027-01-06', '--note', 'all quiet'),
  w('holiday.add', 'mei', 'holiday', 'add', '2027-03-01', '--name', 'Team day'),
  w('holiday.add', 'lee', 'holiday', 'add', '2027-03-02', '--name', 'Offsite'),
  // Readers, which never wait for a writer in WAL mode.
  r('show', '--from', FROM, '--to', TO),
  r('check', '--from', FROM, '--to', TO),
  r('swap', 'list'),
  r('stats', '--month', '2027-01'),
  r('log'),
  r('who', '--at', '2027-01-05T10:00'),
]

describe('many processes at once on one database', () => {
  it(`runs ${JOBS.length} mixed commands from 10 parallel processes and keeps every invariant`, async () => {
    expect(JOBS).toHaveLength(50)
    const db = stressDb()
    const auditBefore = count(db, 'SELECT count(*) AS n FROM audit')
    const handoversBefore = count(db, 'SELECT count(*) AS n FROM handover')

    // Ten workers start together; each runs its five commands one after another.
    const results: { job: Job; res: RunResult }[] = []
    await Promise.all(
      Array.from({ length: 10 }, async (_, worker) => {
        for (let i = worker; i < JOBS.length; i += 10) {
          const job = JOBS[i]!
          const res = await rosterAsync(job.args, { db, as: job.as, json: true, now: NOW })
          results.push({ job, res })
        }
      }),
    )

    const label = (x: { job: Job; res: RunResult }) => `${x.job.as ?? '-'}: ${x.job.args.join(' ')} -> ${explain(x.res)}`
    // Exit codes 0, 1 and 2 only: never 3 ("locked" or otherwise), never a stack trace.
    for (const x of results) {
      expect([0, 1, 2], label(x)).toContain(x.res.code)
      expect(x.res.err, label(x)).not.toMatch(/locked|busy/i)
      expect(x.res.err, label(x)).not.toMatch(STACK_TRACE)
    }
    // Readers never fail.
    for (const x of results.filter((x) => !x.job.action)) expect(x.res.code, label(x)).toBe(0)

    // One audit entry per successful change, of the right kind: nothing lost, nothing extra.
    const succeeded = results.filter((x) => x.job.action && x.res.code === 0)
    expect(count(db, 'SELECT count(*) AS n FROM audit') - auditBefore, succeeded.map(label).join('\n')).toBe(succeeded.length)
    const byAction = (rows: string[]) => rows.reduce<Record<string, number>>((m, a) => ((m[a] = (m[a] ?? 0) + 1), m), {})
    const audited = sql(db, (d) => (d.prepare('SELECT action FROM audit WHERE id > ?').all(auditBefore) as { action: string }[]).map((a) => a.action))
    expect(byAction(audited)).toEqual(byAction(succeeded.map((x) => x.job.action!)))
    expect(count(db, 'SELECT count(*) AS n FROM handover') - handoversBefore).toBe(succeeded.filter((x) => x.job.action === 'handover.add').length)

    // Each swap is approved at most once, by one approver.
    const approvals = sql(db, (d) => d.prepare(`SELECT subject, count(*) AS n FROM audit WHERE action = 'swap.approve' GROUP BY subject`).all() as { subject: string; n: number }[])
    for (const a of approvals) expect(a.n, a.subject).toBe(1)
    expect(approvals.map((a) => a.subject).sort()).toEqual(
      sql(db, (d) => (d.prepare(`SELECT id FROM swap WHERE status = 'approved'`).all() as { id: number }[]).map((s) => `swap #${s.id}`)).sort(),
    )

    // The monthly limit and "no consecutive swaps" hold for everyone, as swap list shows them.
    const list = roster(['swap', 'list'], { db, json: true, now: NOW })
    expect(list.code).toBe(0)
    const active = (list.json.swaps as { id: number; status: string; requester: string; counterpart: string; date: string; payback: string | null }[])
      .filter((s) => ['pending', 'accepted', 'approved'].includes(s.status))
    const perPersonMonth = new Map<string, number>()
    for (const s of active) for (const p of [s.requester, s.counterpart]) perPersonMonth.set(`${p} ${s.date.slice(0, 7)}`, (perPersonMonth.get(`${p} ${s.date.slice(0, 7)}`) ?? 0) + 1)
    for (const [key, n] of perPersonMonth) expect(n, `${key} takes part in ${n} swaps`).toBeLessThanOrEqual(LIMIT)
    for (const a of active) {
      for (const b of active) {
        if (a.id >= b.id) continue
        const shared = [a.requester, a.counterpart].filter((p) => p === b.requester || p === b.counterpart)
        if (!shared.length) continue
        for (const da of [a.date, a.payback].filter(Boolean) as string[]) {
          for (const db2 of [b.date, b.payback].filter(Boolean) as string[]) {
            const apart = Math.abs(Date.parse(da) - Date.parse(db2)) / 86_400_000
            expect(apart, `swaps #${a.id} and #${b.id} of ${shared.join(', ')} on ${da} and ${db2}`).toBeGreaterThan(1)
          }
        }
      }
    }

    // Every roster rule holds; the only uncovered shifts are those approved leave emptied.
    const check = roster(['check', '--from', FROM, '--to', TO], { db, json: true, now: NOW })
    expect(check.code, check.err).toBe(0)
    const leaveDays = new Set(
      sql(db, (d) => d.prepare(`SELECT from_date, to_date FROM leave WHERE status = 'approved'`).all() as { from_date: string; to_date: string }[])
        .flatMap((l) => Array.from({ length: (Date.parse(l.to_date) - Date.parse(l.from_date)) / 86_400_000 + 1 }, (_, i) => plusDays(l.from_date, i))),
    )
    const unexplained = (check.json.violations as { rule: string; date: string; message: string }[])
      .filter((v) => !(v.rule === 'roster.coverage' && leaveDays.has(v.date)))
    expect(unexplained).toEqual([])
    expect(integrity(db)).toBe('ok')
  })

  it('reads what generate, assign and swap request check inside their IMMEDIATE transaction: a person removed while they wait for the lock gets no shift and no swap', async () => {
    const db = rosterDb()
    // eve joins the rotation; the roster's first three weeks are cleared for generate.
    sql(db, (d) => {
      d.prepare(`INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES ('eve', 'Eve Adams', 'agent', 1, 1, '2027-01-01T00:00:00Z')`).run()
      d.prepare(`DELETE FROM assignment WHERE date BETWEEN '2027-01-11' AND '2027-01-24'`).run()
      // eve works dev's B on 01-05, where ana works C: an exchange ana may ask her for.
      d.prepare(`UPDATE assignment SET staff = 'eve' WHERE date = '2027-01-05' AND staff = 'dev'`).run()
    })
    // Another process holds the write lock; generate, assign and a swap request start and queue behind it...
    const holder = await writeLock(db)
    const generating = runUntilExit(['generate', '--start', '2027-01-11', '--weeks', '2'], db)
    const assigning = runUntilExit(['assign', '2027-01-06', 'A', 'eve', '--replace', 'dev'], db)
    const requesting = runUntilExit(['swap', 'request', '--date', '2027-01-05', '--with', 'eve'], db, 'ana')
    // ...while the holder removes eve (as "roster staff remove" would) and commits.
    await new Promise((done) => setTimeout(done, 1500))
    await holder.commitAfter(`UPDATE staff SET active = 0 WHERE id = 'eve'`)
    const [generate, assign, request] = await Promise.all([generating, assigning, requesting])
    expect(generate.code, generate.err).toBe(0)
    expect(assign.code, assign.err).toBe(1)
    expect(assign.err).toContain('no longer on the team')
    expect(request.code, request.err).toBe(1)
    expect(request.err).toContain('no longer on the team')
    expect(count(db, `SELECT count(*) AS n FROM assignment WHERE staff = 'eve' AND date > '2027-01-05'`)).toBe(0)
    expect(count(db, 'SELECT count(*) AS n FROM swap')).toBe(0)
  })
})

/**
 * Takes the database's write lock as another writer would: BEGIN IMMEDIATE on
 * SQLite, the roster's advisory lock in a transaction on PostgreSQL (every
 * roster write takes it first); commitAfter runs one statement and commits.
 */
async function writeLock(db: string): Promise<{ commitAfter(statement: string): Promise<void> }> {
  if (isPostgresUrl(db)) {
    const c = new pg.Client({ connectionString: db })
    await c.connect()
    await c.query('BEGIN')
    await c.query('SELECT pg_advisory_xact_lock($1)', [ROSTER_LOCK_KEY])
    return {
      async commitAfter(statement) {
        // Each of the three waits for the lock inside its transaction before the change commits,
        // or the test proves nothing (a command waits 5 s for the lock: lock_timeout).
        let waiting = 0
        for (let i = 0; i < 60 && waiting < 3; i++) {
          waiting = (await c.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0].n
          if (waiting < 3) await new Promise((done) => setTimeout(done, 50))
        }
        expect(waiting).toBe(3)
        await c.query(statement)
        await c.query('COMMIT')
        await c.end()
      },
    }
  }
  const holder = new Database(db)
  holder.pragma('busy_timeout = 5000')
  holder.exec('BEGIN IMMEDIATE')
  return {
    async commitAfter(statement) {
      holder.prepare(statement).run()
      holder.exec('COMMIT')
      holder.close()
    },
  }
}

function runUntilExit(args: string[], db: string, as = 'mei'): Promise<RunResult> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [BIN, '--db', db, '--as', as, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ROSTER_NOW: NOW, ROSTER_USER: '' },
    })
    let out = ''
    let err = ''
    p.stdout.on('data', (d) => (out += d))
    p.stderr.on('data', (d) => (err += d))
    p.on('close', (code) => done({ code, out, err }))
  })
}

describe('every store write runs inside ctx.write (one IMMEDIATE transaction)', () => {
  const WRITES = /^(insert|update|upsert|delete|deactivate|decide)[A-Z]/
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []))

  it('finds no store write and no audit entry outside a ctx.write callback in src/cli', () => {
    const outside: string[] = []
    let writes = 0
    for (const file of files(join(ROOT, 'src/cli'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node)) {
          const callee = node.expression
          const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && callee.name.text === 'audit' ? 'ctx.audit' : ''
          if (WRITES.test(name) || name === 'ctx.audit') {
            writes++
            if (!insideWrite(node)) outside.push(`${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${name}`)
          }
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
    expect(writes).toBeGreaterThan(20)
    expect(outside).toEqual([])
  })
})

/** True when `node` sits inside the callback passed to `<x>.write(...)`, or is Ctx.audit's own body (its callers are checked). */
function insideWrite(node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isMethodDeclaration(n) && n.name.getText() === 'audit' && ts.isClassDeclaration(n.parent) && n.parent.name?.text === 'Ctx') return true
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isCallExpression(n.parent)) {
      const callee = n.parent.expression
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'write') return true
    }
  }
  return false
}
