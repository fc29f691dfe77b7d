// Part 2 of npm run bench (also runs on its own: node scripts/bench-scale.mjs):
// how generate, check, stats and the swap commands grow with the team, the
// range and the swap history. Teams and histories are written straight into
// the database (the CLI would take minutes to type them in); every timing is
// one run of the built CLI, start-up included, wall-clock.
//
// Tables printed:
//   generate by people (12 weeks), by weeks (50 people), and the year for 200 people
//   (with --json, and once as text: one sheet per cycle);
//   check, stats and show over that year; swap check / request / list / ledger with
//   100,000 swaps in the history.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { BIN, timeNode } from './bench-cli.mjs'

const START = '2027-01-04'

/** Four shifts, 07:00-15:00, 09:00-17:00, 12:00-20:00 and 20:00-22:00. */
const FOUR = [['D', 420, 900], ['A', 540, 1020], ['B', 720, 1200], ['C', 1200, 1320]]

/** Milliseconds of one CLI run; exit 1 is fine for swap commands (a refusal is an answer). */
export function run(args, db) {
  const r = timeNode([BIN, '--db', db, ...args])
  if (r.status !== 0 && !(args.includes('swap') && r.status === 1)) throw new Error(`roster ${args.join(' ')}: exit ${r.status}\n${r.stderr}`)
  return r.ms
}

/** A new database with `people` agents p0.. on the rotation and the four shifts, each needing `headcount` people. */
/** The folders this run made, removed at its end (the year with its swaps alone is 21 MB). */
const folders = []

export function team(people, headcount) {
  const dir = mkdtempSync(join(tmpdir(), 'roster-bench-'))
  folders.push(dir)
  const db = join(dir, 'roster.db')
  run(['init', '--lead', 'boss', '--name', 'Boss'], db)
  const raw = new Database(db)
  raw.transaction(() => {
    raw.prepare('DELETE FROM shift_type').run()
    const ins = raw.prepare("INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES (?, ?, 'agent', 1, 1, 'bench')")
    for (let i = 0; i < people; i++) ins.run(`p${i}`, `Person ${i}`)
    const sh = raw.prepare('INSERT INTO shift_type (code, name, start_min, end_min, remote, headcount, active, position) VALUES (?, ?, ?, ?, 0, ?, 1, ?)')
    FOUR.forEach(([code, start, end], i) => sh.run(code, code, start, end, headcount, i))
  })()
  raw.close()
  return db
}

/** About 16% of the team on each of the four shifts: 64% at work on a day, as in the demo (3 of 4 is the most). */
export const headcountFor = (people) => Math.max(1, Math.round(people * 0.16))

function generate(people, weeks, json = true) {
  const db = team(people, headcountFor(people))
  const ms = run(['--as', 'boss', ...(json ? ['--json'] : []), 'generate', '--start', START, '--weeks', String(weeks)], db)
  return { db, ms }
}

/** A seeded generator (mulberry32), so every run writes the same history. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10)
const DAY = 86_400_000

/**
 * `count` swaps among p0..p(people-1) with D1 from 2017 to 2026 (before the
 * clock's today), in valid states: at most 3 active (pending, accepted,
 * approved) per person and month, as swap.monthly-limit allows, the rest
 * rejected, declined or cancelled, with who decided as the schema demands;
 * a third are covers paid back within two weeks.
 */
export function insertSwapHistory(db, people, count) {
  const rnd = random(2027)
  const pick = (n) => Math.floor(rnd() * n)
  const raw = new Database(db)
  const ins = raw.prepare(`INSERT INTO swap (requester, counterpart, date, payback, status, reason, created_at, decided_by, decision_reason)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const first = Date.UTC(2017, 0, 1)
  const days = (Date.UTC(2027, 0, 1) - first) / DAY
  const active = new Map()
  raw.transaction(() => {
    for (let k = 0; k < count; k++) {
      // Dates in order, so the history grows as a real one does.
      const day = Math.floor((k * days) / count)
      const date = iso(first + day * DAY)
      const r = pick(people)
      let c = pick(people - 1)
      if (c >= r) c++
      const requester = `p${r}`
      const counterpart = `p${c}`
      const payback = rnd() < 1 / 3 ? iso(first + (day + 1 + pick(14)) * DAY) : null
      const month = date.slice(0, 7)
      const used = (p) => active.get(`${p}|${month}`) ?? 0
      let status
      const roll = rnd()
      if (roll < 0.6 && used(requester) < 3 && used(counterpart) < 3) status = 'approved'
      else status = roll < 0.8 ? 'rejected' : roll < 0.9 ? 'declined' : 'cancelled'
      if (status === 'approved') for (const p of [requester, counterpart]) active.set(`${p}|${month}`, used(p) + 1)
      const decidedBy = status === 'approved' || status === 'rejected' ? 'boss' : status === 'declined' ? counterpart : requester
      const created = `${iso(first + (day - 3 - pick(10)) * DAY)}T09:00:00.000Z`
      ins.run(requester, counterpart, date, payback, status, rnd() < 0.5 ? 'family matters' : null, created, decidedBy, status === 'rejected' ? 'short-staffed' : null)
    }
  })()
  raw.close()
}

/** The first date from `from` on which `a` works one shift and `b` another: an exchange the rules may allow. */
export function exchangeDay(db, a, b, from) {
  const raw = new Database(db, { readonly: true })
  const row = raw.prepare(`SELECT x.date, x.shift AS mine, y.shift AS theirs FROM assignment x JOIN assignment y ON y.date = x.date AND y.staff = ?
                           WHERE x.staff = ? AND x.date >= ? AND x.shift <> y.shift ORDER BY x.date LIMIT 1`).get(b, a, from)
  raw.close()
  return row.date
}

const ms = (n) => `${n.toFixed(0).padStart(7)} ms`

export function runScaleBench(log = console.log) {
  const wall = process.hrtime.bigint()
  log('## 2. Scale (one run each, wall-clock with start-up; generate with --json but once as text below)')

  // How generate grows: with the team at a fixed range, then with the range at a fixed team.
  log('\ngenerate, 4 shift types, 16% of the team on each')
  log('people  weeks  person-days        time   us per person-day')
  const row = (people, weeks, t) => log(`${String(people).padStart(6)}  ${String(weeks).padStart(5)}  ${String(people * weeks * 7).padStart(11)}  ${ms(t)}  ${((t * 1000) / (people * weeks * 7)).toFixed(1).padStart(18)}`)
  for (const people of [12, 25, 50, 100, 200]) row(people, 12, generate(people, 12).ms)
  for (const weeks of [3, 6, 26, 52]) row(50, weeks, generate(50, weeks).ms)
  const year = generate(200, 52)
  row(200, 52, year.ms)
  const text = team(200, headcountFor(200))
  log(`   200     52        72800  ${ms(run(['--as', 'boss', 'generate', '--start', START, '--weeks', '52'], text))}  as text: 18 sheets of a cycle`)
  const db = year.db

  log('\nreading the year of 200 people (2027-01-04 to 2028-01-02, 46,592 assignments)')
  log(`check over the year                    ${ms(run(['check', '--from', START, '--to', '2028-01-02'], db))}`)
  log(`check over the year --json             ${ms(run(['--json', 'check', '--from', START, '--to', '2028-01-02'], db))}`)
  log(`check over one month                   ${ms(run(['check', '--from', '2027-06-01', '--to', '2027-06-30'], db))}`)
  const months = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`)
  const stats = months.map((m) => run(['stats', '--month', m], db))
  log(`stats, each month of the year          ${ms(stats.reduce((a, b) => a + b, 0))} in all, slowest ${stats.reduce((a, b) => Math.max(a, b), 0).toFixed(0)} ms`)
  log(`stats --json, one month                ${ms(run(['--json', 'stats', '--month', '2027-06'], db))}`)
  log(`show the year (dates down)             ${ms(run(['show', '--from', START, '--to', '2028-01-02'], db))}`)
  log(`show one month as a sheet (--across)   ${ms(run(['show', '--month', '2027-06', '--across'], db))}`)

  insertSwapHistory(db, 200, 100_000)
  log('\nswaps, with 100,000 in the history (2017-2026: 60% asked approved within the monthly limit, the rest rejected, declined or cancelled)')
  const day = exchangeDay(db, 'p0', 'p1', '2027-03-01')
  log(`swap check (p0 with p1 on ${day})      ${ms(run(['--as', 'p0', 'swap', 'check', '--date', day, '--with', 'p1'], db))}`)
  log(`swap check --json                      ${ms(run(['--as', 'p0', '--json', 'swap', 'check', '--date', day, '--with', 'p1'], db))}`)
  log(`swap request                           ${ms(run(['--as', 'p0', 'swap', 'request', '--date', day, '--with', 'p1'], db))}`)
  log(`swap list --staff p7 (one person)      ${ms(run(['swap', 'list', '--staff', 'p7'], db))}`)
  log(`swap list --month 2026-06              ${ms(run(['swap', 'list', '--month', '2026-06'], db))}`)
  log(`swap list --status pending             ${ms(run(['swap', 'list', '--status', 'pending'], db))}`)
  log(`swap list --json (all 100,001)         ${ms(run(['--json', 'swap', 'list'], db))}`)
  log(`swap ledger --month 2026-06            ${ms(run(['swap', 'ledger', '--month', '2026-06'], db))}`)
  log(`swap ledger --json (every approved)    ${ms(run(['--json', 'swap', 'ledger'], db))}`)
  log(`stats --json, 2026-06 (swaps counted)  ${ms(run(['--json', 'stats', '--month', '2026-06'], db))}`)
  log(`\npart 2 took ${(Number(process.hrtime.bigint() - wall) / 1e9).toFixed(0)} s`)
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runScaleBench()
