// npm run bench: measures, side by side in one run,
//   1. start-up: `roster show` and `roster swap check` against bare `node -e 0`
//      (median of alternating runs, as ratios);
//   2. scale: generate, check and stats on larger teams and longer ranges;
//   3. quality: roster solve on the Curtois & Qu instances (scripts/bench-curtois.mjs).
// Benchmarks measure speed; the test suite checks correctness.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'

const ROOT = resolve(import.meta.dirname, '..')
const BIN = join(ROOT, 'bin/roster.cjs')
const NOW = '2027-01-01T12:00:00'
const env = { ...process.env, NO_COLOR: '1', LANG: 'C', ROSTER_NOW: NOW, ROSTER_USER: '' }
delete env.ROSTER_DB

function run(args, db) {
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { env, encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  if (r.status !== 0 && !(args.includes('swap') && r.status === 1)) throw new Error(`roster ${args.join(' ')}: exit ${r.status}\n${r.stderr}`)
  return ms
}

function timeNode() {
  const t = process.hrtime.bigint()
  spawnSync(process.execPath, ['-e', '0'], { env })
  return Number(process.hrtime.bigint() - t) / 1e6
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function demo() {
  const db = join(mkdtempSync(join(tmpdir(), 'roster-bench-')), 'roster.db')
  run(['init', '--demo'], db)
  run(['--as', 'mei', 'generate', '--start', '2027-01-04'], db)
  return db
}

const parts = (process.env.BENCH_PARTS ?? '1,2,3').split(',')

if (parts.includes('1')) {
  console.log('## 1. Start-up (median of alternating runs)')
  const db = demo()
  const rounds = Number(process.env.BENCH_ROUNDS ?? 21)
  const base = [], show = [], check = []
  for (let i = 0; i < rounds; i++) {
    base.push(timeNode())
    show.push(run(['show', '--from', '2027-01-04', '--to', '2027-01-24'], db))
    check.push(run(['--as', 'ana', 'swap', 'check', '--date', '2027-01-06', '--with', 'ben'], db))
  }
  const b = median(base)
  console.log(`node -e 0            ${b.toFixed(1)} ms`)
  console.log(`roster show (3 wk)   ${median(show).toFixed(1)} ms   ratio ${(median(show) / b).toFixed(2)}x  (goal <= 1.5x)`)
  console.log(`roster swap check    ${median(check).toFixed(1)} ms   ratio ${(median(check) / b).toFixed(2)}x  (goal <= 2x)`)
}

function team(n, shifts, headcounts) {
  const db = join(mkdtempSync(join(tmpdir(), 'roster-bench-')), 'roster.db')
  run(['init', '--lead', 'boss', '--name', 'Boss'], db)
  const raw = new Database(db)
  raw.prepare('DELETE FROM shift_type').run()
  const ins = raw.prepare("INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES (?, ?, 'agent', 1, 1, 'bench')")
  for (let i = 0; i < n; i++) ins.run(`p${i}`, `Person ${i}`)
  const sh = raw.prepare('INSERT INTO shift_type (code, name, start_min, end_min, remote, headcount, active, position) VALUES (?, ?, ?, ?, 0, ?, 1, ?)')
  shifts.forEach(([code, start, end], i) => sh.run(code, code, start, end, headcounts[i], i))
  raw.close()
  return db
}
if (parts.includes('2')) console.log('\n## 2. Scale')
const FOUR = [['D', 420, 900], ['A', 540, 1020], ['B', 720, 1200], ['C', 1200, 1320]]
for (const [people, weeks, hc] of parts.includes('2') ? [[12, 3, [2, 2, 2, 2]], [25, 6, [4, 4, 4, 4]], [50, 12, [8, 8, 8, 8]]] : []) {
  const db = team(people, FOUR, hc)
  const ms = run(['--as', 'boss', 'generate', '--start', '2027-01-04', '--weeks', String(weeks)], db)
  console.log(`generate ${String(people).padStart(3)} people x 4 shifts x ${String(weeks).padStart(2)} weeks   ${ms.toFixed(0).padStart(6)} ms`)
}
if (parts.includes('2')) {
  const db = team(200, FOUR, [30, 30, 30, 30])
  const ms = run(['--as', 'boss', 'generate', '--start', '2027-01-04', '--weeks', '52'], db)
  console.log(`generate 200 people x 4 shifts x 52 weeks   ${ms.toFixed(0).padStart(6)} ms`)
  console.log(`check over that year                        ${run(['check', '--from', '2027-01-04', '--to', '2028-01-02'], db).toFixed(0).padStart(6)} ms`)
  console.log(`stats for one month                         ${run(['stats', '--month', '2027-06'], db).toFixed(0).padStart(6)} ms`)
}

if (parts.includes('3')) {
  console.log('')
  const { runCurtoisBench } = await import('./bench-curtois.mjs')
  runCurtoisBench()
}
