// Sync Store against the same build with every Store method wrapped to return a
// Promise (and the commands awaiting it): node bench-store-seam.mjs <sync bin> <async bin>
//   (a) start-up: show, swap check, swap request, alternating with node -e 0, median of ROUNDS
//   (b) 100 swap commands: request/accept/approve cycles, sync and async alternating per cycle on twin databases
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const [SYNC, ASYNC] = process.argv.slice(2)
const env = { ...process.env, NO_COLOR: '1', LANG: 'C', ROSTER_NOW: '2027-01-01T12:00:00', ROSTER_USER: '' }
delete env.ROSTER_DB
function time(args) {
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status, out: r.stdout, err: r.stderr }
}
function run(bin, db, args, ok = true) {
  const r = time([bin, '--db', db, ...args])
  if (ok && r.status !== 0) throw new Error(`${bin} ${args.join(' ')}: exit ${r.status}\n${r.err}`)
  return r
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const sum = (xs) => xs.reduce((a, b) => a + b, 0)

const dir = mkdtempSync(join(tmpdir(), 'roster-store-seam-'))
function main() {
  const db = join(dir, 'roster.db')
  run(SYNC, db, ['init', '--demo'])
  run(SYNC, db, ['--as', 'mei', 'generate', '--start', '2027-01-04', '--weeks', '12'])
  run(SYNC, db, ['--as', 'mei', 'config', 'set', 'swap.max-per-month', '31'])
  const people = ['ana', 'ben', 'chen', 'dev']
  const dates = Array.from({ length: 80 }, (_, i) => new Date(Date.UTC(2027, 0, 6 + i)).toISOString().slice(0, 10))
  /** The first (who, date, other) the rules let through now, by the sync build's dry run (not timed). */
  function passing(file, skip = 0) {
    for (const date of dates.slice(skip)) for (const who of people) for (const other of people) {
      if (other !== who && run(SYNC, file, ['--as', who, 'swap', 'check', '--date', date, '--with', other], false).status === 0) return [who, date, other]
    }
    throw new Error('no passing swap left')
  }

  // (a) start-up
  const [who, date, other] = passing(db)
  const rounds = Number(process.env.BENCH_ROUNDS ?? 21)
  const m = { base: [], showS: [], showA: [], checkS: [], checkA: [], reqS: [], reqA: [] }
  const scratch = join(dir, 'scratch.db')
  const fresh = () => { for (const x of ['-wal', '-shm']) rmSync(scratch + x, { force: true }); copyFileSync(db, scratch) }
  const show = ['show', '--from', '2027-01-04', '--to', '2027-01-24']
  const check = ['--as', who, 'swap', 'check', '--date', date, '--with', other]
  const request = ['--as', who, 'swap', 'request', '--date', date, '--with', other, '--reason', 'bench']
  for (let i = 0; i < rounds; i++) {
    // Which variant goes first alternates, so neither always runs on a warmer cache.
    const order = i % 2 ? [['A', ASYNC], ['S', SYNC]] : [['S', SYNC], ['A', ASYNC]]
    m.base.push(time(['-e', '0']).ms)
    for (const [k, bin] of order) m[`show${k}`].push(run(bin, db, show).ms)
    for (const [k, bin] of order) m[`check${k}`].push(run(bin, db, check).ms)
    for (const [k, bin] of order) { fresh(); m[`req${k}`].push(run(bin, scratch, request).ms) }
  }
  const b = median(m.base)
  console.log(`## (a) start-up, median of ${rounds} alternating rounds (node -e 0: ${b.toFixed(1)} ms)`)
  for (const [name, s, a] of [['show (3 weeks)', m.showS, m.showA], ['swap check', m.checkS, m.checkA], ['swap request', m.reqS, m.reqA]]) {
    console.log(`${name.padEnd(16)} sync ${median(s).toFixed(1).padStart(6)} ms (${(median(s) / b).toFixed(2)}x)   async ${median(a).toFixed(1).padStart(6)} ms (${(median(a) / b).toFixed(2)}x)   async/sync ${(median(a) / median(s)).toFixed(3)}`)
  }

  // (b) 100 swap commands: 33 request/accept/approve cycles and one last request, on twin databases
  if (process.env.BENCH_PART === 'a') return
  const twin = { S: join(dir, 'sync.db'), A: join(dir, 'async.db') }
  copyFileSync(db, twin.S)
  copyFileSync(db, twin.A)
  const spent = { S: [], A: [] }
  let skip = 0, commands = 0, id = 0
  while (commands < 100) {
    const [w, d, o] = passing(twin.S, skip)
    skip = dates.indexOf(d)
    id++
    const steps = [['--as', w, 'swap', 'request', '--date', d, '--with', o, '--reason', 'bench'], ['--as', o, 'swap', 'accept', String(id)], ['--as', 'mei', 'swap', 'approve', String(id)]]
    for (const step of steps.slice(0, Math.min(3, 100 - commands))) {
      const order = commands % 2 ? ['A', 'S'] : ['S', 'A']
      const outs = {}
      for (const k of order) { const r = run(k === 'S' ? SYNC : ASYNC, twin[k], step); spent[k].push(r.ms); outs[k] = r.out }
      if (outs.S !== outs.A) throw new Error(`the two builds answered differently:\n${outs.S}\n---\n${outs.A}`)
      commands++
    }
  }
  console.log(`## (b) 100 swap commands (request, accept, approve cycles) through the built CLI`)
  console.log(`sync  total ${(sum(spent.S) / 1000).toFixed(2)} s, median ${median(spent.S).toFixed(1)} ms per command`)
  console.log(`async total ${(sum(spent.A) / 1000).toFixed(2)} s, median ${median(spent.A).toFixed(1)} ms per command   async/sync ${(sum(spent.A) / sum(spent.S)).toFixed(3)}`)
}
try {
  main()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
