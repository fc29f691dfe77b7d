// Start-up of two builds side by side (issue 21: "the start-up ratio where it was"):
//   node scripts/bench-startup-compare.mjs <bin A> <bin B>   (BENCH_ROUNDS, default 21)
// node -e 0, then show / swap check / swap request of A and B, alternating which goes first
// each round (a write slows whatever process follows it), each build on a database it made.
// BENCH_CPU=1 also reports each process's CPU time (user + system, process.cpuUsage() at exit
// through a --require'd file, for every run alike, node -e 0 too): on a machine others share,
// CPU time moves less with their load than wall-clock time does.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
const bins = { base: process.argv[2], main: process.argv[3] }
const env = { ...process.env, NO_COLOR: '1', LANG: 'C', ROSTER_NOW: '2027-01-01T12:00:00' }
delete env.ROSTER_DB
const dir = mkdtempSync(join(tmpdir(), 'sbs-'))
const cpu = process.env.BENCH_CPU === '1'
const cpuFile = join(dir, 'cpu.txt')
const preload = join(dir, 'cpu.cjs')
if (cpu) writeFileSync(preload, `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(${JSON.stringify(cpuFile)}, String((u.user + u.system) / 1000)) })`)
const C = {}
const t = (args, key) => {
  const s = process.hrtime.bigint()
  const r = spawnSync(process.execPath, cpu ? ['--require', preload, ...args] : args, { env, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(args.join(' ') + r.stderr)
  const ms = Number(process.hrtime.bigint() - s) / 1e6
  if (cpu && key) (C[key] ??= []).push(Number(readFileSync(cpuFile, 'utf8')))
  if (cpu) rmSync(cpuFile, { force: true })
  return ms
}
const dbs = {}
for (const [k, b] of Object.entries(bins)) { dbs[k] = join(dir, k + '.db'); t([b, '--db', dbs[k], 'init', '--demo']); t([b, '--db', dbs[k], '--as', 'mei', 'generate', '--start', '2027-01-04']) }
// a passing swap: find with main's swap check
let swap
outer: for (let d = 6; d <= 20; d++) for (const a of ['ana','ben','chen','dev']) for (const b of ['ana','ben','chen','dev']) { if (a===b) continue; const date = `2027-01-${String(d).padStart(2,'0')}`; const r = spawnSync(process.execPath, [bins.main, '--db', dbs.main, '--as', a, '--json', 'swap', 'check', '--date', date, '--with', b], { env, encoding: 'utf8' }); if (r.status === 0 && JSON.parse(r.stdout).ok) { swap = [a, date, b]; break outer } }
const R = { node: [] }
for (const k of Object.keys(bins)) for (const c of ['show', 'check', 'request']) R[k + ' ' + c] = []
const rounds = Number(process.env.BENCH_ROUNDS ?? 21)
for (let i = 0; i < rounds; i++) {
  R.node.push(t(['-e', '0'], 'node'))
  const order = Object.entries(bins)
  if (i % 2) order.reverse()
  for (const c of ['show', 'check', 'request']) for (const [k, b] of order) {
    if (c === 'show') R[k + ' show'].push(t([b, '--db', dbs[k], 'show', '--week', '2027-01-04'], k + ' show'))
    if (c === 'check') R[k + ' check'].push(t([b, '--db', dbs[k], '--as', swap[0], 'swap', 'check', '--date', swap[1], '--with', swap[2]], k + ' check'))
    if (c === 'request') { const cp = join(dir, k + '-copy.db'); copyFileSync(dbs[k], cp); R[k + ' request'].push(t([b, '--db', cp, '--as', swap[0], 'swap', 'request', '--date', swap[1], '--with', swap[2]], k + ' request')) }
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const n = med(R.node)
console.log(`node -e 0 ${n.toFixed(1)} ms; ${rounds} rounds; swap ${swap.join(' ')}`)
for (const c of ['show', 'check', 'request']) console.log(`${c.padEnd(8)} base ${med(R['base ' + c]).toFixed(1)} ms (${(med(R['base ' + c]) / n).toFixed(2)}x)   main ${med(R['main ' + c]).toFixed(1)} ms (${(med(R['main ' + c]) / n).toFixed(2)}x)`)
if (cpu) {
  const nc = med(C.node)
  console.log(`CPU time: node -e 0 ${nc.toFixed(1)} ms`)
  for (const c of ['show', 'check', 'request']) console.log(`${c.padEnd(8)} base ${med(C['base ' + c]).toFixed(1)} ms (${(med(C['base ' + c]) / nc).toFixed(2)}x)   main ${med(C['main ' + c]).toFixed(1)} ms (${(med(C['main ' + c]) / nc).toFixed(2)}x)`)
}
