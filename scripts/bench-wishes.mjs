// Part 4 of npm run bench (also on its own: node scripts/bench-wishes.mjs, or
// BENCH_PARTS=4 npm run bench): generate with wishes against the same team
// without them. Teams of 4, 12, 30 and 50 on the demo's three shifts (A, B, C,
// each needing a fifth of the team, at least one), over 3 and 12 weeks. Every
// person has 1-3 dated wishes (a day off, a shift or not a shift, on a random
// day, weight 1-10), and 20% of them (at least one) also a weekly one (every
// such weekday off, or not a given shift). Wishes are written straight into the
// database; each generate is one run of the built CLI (start-up included),
// whose --json gives the wishes granted and the quality (cost, lower bound,
// gap). Fairness spread: the most minus the least share of wishes granted among
// the people who have any. Each case is bounded by generate's own budget (some
// 3M moves at most, 0.6 s for the lower bound, or as long as the search took up to 1.8 s) and a 120 s guard.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { BIN } from './bench-cli.mjs'

const START = '2027-01-04'
const SHIFTS = [['A', 540, 1020], ['B', 720, 1200], ['C', 1200, 1320]]
const env = { ...process.env, NO_COLOR: '1', LANG: 'C', ROSTER_NOW: '2027-01-01T12:00:00', ROSTER_USER: '' }
delete env.ROSTER_DB
const folders = []

/** A small seeded generator (mulberry32): the same wishes on every run. */
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function plusDays(date, n) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

function cli(db, args) {
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 120_000 })
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  if (r.status !== 0) throw new Error(`roster ${args.join(' ')}: exit ${r.status}\n${r.stderr}`)
  return { ms, json: args.includes('--json') ? JSON.parse(r.stdout) : null }
}

export function team(people, weeks, wishes) {
  const dir = mkdtempSync(join(tmpdir(), 'roster-bench-wish-'))
  folders.push(dir)
  const db = join(dir, 'roster.db')
  cli(db, ['init', '--lead', 'boss', '--name', 'Boss'])
  const raw = new Database(db)
  const headcount = Math.max(1, Math.round(people * 0.2))
  const random = rng(people * 100 + weeks)
  raw.transaction(() => {
    raw.prepare('DELETE FROM shift_type').run()
    const ins = raw.prepare("INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES (?, ?, 'agent', 1, 1, 'bench')")
    for (let i = 0; i < people; i++) ins.run(`p${i}`, `Person ${i}`)
    const sh = raw.prepare('INSERT INTO shift_type (code, name, start_min, end_min, remote, headcount, active, position) VALUES (?, ?, ?, ?, 0, ?, 1, ?)')
    SHIFTS.forEach(([code, start, end], i) => sh.run(code, code, start, end, headcount, i))
    if (!wishes) return
    const w = raw.prepare('INSERT INTO wish (staff, from_date, to_date, weekday, kind, shift, weight, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)')
    const pick = (list) => list[Math.floor(random() * list.length)]
    const weekly = Math.max(1, Math.round(people * 0.2))
    for (let i = 0; i < people; i++) {
      const dated = 1 + Math.floor(random() * 3)
      for (let k = 0; k < dated; k++) {
        const date = plusDays(START, Math.floor(random() * weeks * 7))
        const kind = pick(['off', 'off', 'shift', 'not'])
        w.run(`p${i}`, date, date, null, kind, kind === 'off' ? null : pick(SHIFTS)[0], 1 + Math.floor(random() * 10), 'bench')
      }
      if (i < weekly) {
        const kind = pick(['off', 'not'])
        w.run(`p${i}`, null, null, Math.floor(random() * 7), kind, kind === 'off' ? null : pick(SHIFTS)[0], 5, 'bench')
      }
    }
  })()
  raw.close()
  return db
}

function spread(report) {
  const shares = report.staff.filter((s) => s.total > 0).map((s) => s.granted / s.total)
  return shares.length > 1 ? Math.max(...shares) - Math.min(...shares) : 0
}

/** `cost/bound gap`: the roster's cost for its goals, the relaxation's lower bound and the gap between them. */
const gap = (q) => (q.lowerBound === null ? `${q.objective}/- (${q.why})` : `${q.objective}/${q.lowerBound} ${(q.gap * 100).toFixed(0)}%`)

export function runWishBench() {
  const started = Date.now()
  console.log('## 4. Wishes: generate with wishes against the same team without (one run each, wall-clock with start-up)')
  console.log('people weeks  wishes   granted  spread  ms(wishes)  cost/bound gap(wishes)   ms(none)  cost/bound gap(none)')
  for (const weeks of [3, 12]) {
    for (const people of [4, 12, 30, 50]) {
      const args = ['--as', 'boss', '--json', 'generate', '--start', START, '--weeks', String(weeks)]
      const none = cli(team(people, weeks, false), args)
      const withWishes = cli(team(people, weeks, true), args)
      const r = withWishes.json.wishes
      console.log(
        `${String(people).padStart(6)} ${String(weeks).padStart(5)} ${String(r.total).padStart(7)} ${`${r.granted} (${((100 * r.granted) / r.total).toFixed(0)}%)`.padStart(9)} ${spread(r).toFixed(2).padStart(7)} ${withWishes.ms.toFixed(0).padStart(11)}  ${gap(withWishes.json.quality).padStart(22)} ${none.ms.toFixed(0).padStart(10)}  ${gap(none.json.quality).padStart(20)}`,
      )
    }
  }
  console.log(`\npart 4 took ${Math.round((Date.now() - started) / 1000)} s`)
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runWishBench()
