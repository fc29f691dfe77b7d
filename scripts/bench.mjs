// npm run bench: measures, side by side in one run,
//   1. start-up: `roster show` and `roster swap check` against bare `node -e 0`
//      (median of alternating runs, as ratios);
//   2. scale: generate, check, stats and the swap commands on larger teams, longer
//      ranges and a long swap history (scripts/bench-scale.mjs);
//   3. quality: roster solve on the Curtois & Qu instances (scripts/bench-curtois.mjs).
// Benchmarks measure speed; the test suite checks correctness.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

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

if (parts.includes('2')) {
  console.log('')
  const { runScaleBench } = await import('./bench-scale.mjs')
  runScaleBench()
}

if (parts.includes('3')) {
  console.log('')
  const { runCurtoisBench } = await import('./bench-curtois.mjs')
  runCurtoisBench()
}
