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
import { startupRounds } from './bench-cli.mjs'

export async function runStartupBench(log = console.log) {
  const dir = mkdtempSync(join(tmpdir(), 'roster-bench-startup-'))
  try {
    const db = join(dir, 'roster.db')
    const scratch = join(dir, 'request.db')
    const rounds = Number(process.env.BENCH_ROUNDS ?? 21)
    const m = await startupRounds(db, () => {
      rmSync(`${scratch}-wal`, { force: true })
      rmSync(`${scratch}-shm`, { force: true })
      copyFileSync(db, scratch)
      return scratch
    }, rounds)
    const line = (name, ms, goal) => log(`${name.padEnd(22)}${ms.toFixed(1).padStart(7)} ms   ratio ${(ms / m.base).toFixed(2)}x   (goal <= ${goal}x)`)
    log(`## 1. Start-up: median of ${rounds} alternating runs, the demo team's three-week roster`)
    log(`${'node -e 0'.padEnd(22)}${m.base.toFixed(1).padStart(7)} ms`)
    line('roster show (3 weeks)', m.show, 1.5)
    line('roster swap check', m.check, 2)
    line('roster swap request', m.request, 2)
    return m
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runStartupBench()
