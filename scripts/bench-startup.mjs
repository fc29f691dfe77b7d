// Part 1 of npm run bench (also runs on its own: node scripts/bench-startup.mjs):
// how long everyday commands take to answer against bare `node -e 0`, run
// alternately in one loop so both see the same machine, as ratios of medians.
//
//   BENCH_ROUNDS=21    rounds (each runs every command once)
//
// The roster is the demo team's three weeks; `swap request` files a swap that
// passes every rule into a fresh copy of that database each round (the copy is
// made outside the timing), so every round measures the same accepted request.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { median, passingSwap, roster, timeNode } from './bench-cli.mjs'

export function runStartupBench(log = console.log) {
  const dir = mkdtempSync(join(tmpdir(), 'roster-bench-startup-'))
  try {
    const db = join(dir, 'roster.db')
    roster(db, ['init', '--demo'])
    roster(db, ['--as', 'mei', 'generate', '--start', '2027-01-04'])
    const [who, date, other] = passingSwap(db)
    const scratch = join(dir, 'request.db')
    const rounds = Number(process.env.BENCH_ROUNDS ?? 21)
    const base = [], show = [], check = [], request = []
    for (let i = 0; i < rounds; i++) {
      rmSync(`${scratch}-wal`, { force: true })
      rmSync(`${scratch}-shm`, { force: true })
      copyFileSync(db, scratch)
      base.push(timeNode(['-e', '0']).ms)
      show.push(roster(db, ['show', '--from', '2027-01-04', '--to', '2027-01-24']))
      check.push(roster(db, ['--as', who, 'swap', 'check', '--date', date, '--with', other]))
      request.push(roster(scratch, ['--as', who, 'swap', 'request', '--date', date, '--with', other, '--reason', 'bench']))
    }
    const b = median(base)
    const line = (name, xs, goal) => log(`${name.padEnd(22)}${median(xs).toFixed(1).padStart(7)} ms   ratio ${(median(xs) / b).toFixed(2)}x   (goal <= ${goal}x)`)
    log(`## 1. Start-up: median of ${rounds} alternating runs, the demo team's three-week roster`)
    log(`${'node -e 0'.padEnd(22)}${b.toFixed(1).padStart(7)} ms`)
    line('roster show (3 weeks)', show, 1.5)
    line('roster swap check', check, 2)
    line('roster swap request', request, 2)
    return { base: b, show: median(show), check: median(check), request: median(request) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runStartupBench()
