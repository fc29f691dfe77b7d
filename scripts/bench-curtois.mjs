// Part 3 of npm run bench (also runs on its own: node scripts/bench-curtois.mjs):
// `roster solve` on the Curtois & Qu benchmark instances, one after the other,
// each with --time-limit 30 on every core, against the best known objectives.
//
//   BENCH_CURTOIS=1-12       which instances (default 1-12; e.g. 1-24, or 8,13,24)
//   BENCH_TIME_LIMIT=30      seconds per instance
//   CURTOIS_DIR=...          where InstanceN.txt are (default ../shared/benchmarks/curtois)
//   BENCH_THREADS=N          --threads (default: roster's own, one per core up to 8)
//   BENCH_LP=13-24           afterwards, the LP engines side by side on those instances' restricted masters (scripts/bench-lp.mjs)
//
// The objective is the one roster solve prints, which its own evaluator has
// checked (every hard rule kept); seconds are wall-clock, start-up included.
// "bound" is the lower bound solve proved (its relaxation; - when none), and
// "to bound %" how far the objective can be from the best: (objective - bound) / objective.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BIN, instances, ROOT } from './bench-cli.mjs'

/** Best known objectives (schedulingbenchmarks.org/nrp; all proven optimal except 15, 22, 23 and 24). */
export const BEST_KNOWN = {
  1: 607, 2: 828, 3: 1001, 4: 1716, 5: 1143, 6: 1950, 7: 1056, 8: 1300, 9: 439, 10: 4631, 11: 3443, 12: 4040,
  13: 1348, 14: 1278, 15: 3829, 16: 3225, 17: 5746, 18: 4459, 19: 3149, 20: 4769, 21: 21133, 22: 30241, 23: 17428, 24: 42463,
}
const OPTIMAL = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21])

export function runCurtoisBench(env = process.env, log = console.log) {
  const dir = resolve(ROOT, env.CURTOIS_DIR ?? '../shared/benchmarks/curtois')
  const limit = env.BENCH_TIME_LIMIT ?? '30'
  const list = instances(env.BENCH_CURTOIS ?? '1-12', 'BENCH_CURTOIS', '1-12')
  log(`## 3. Curtois & Qu benchmark: roster solve --time-limit ${limit}, one search per core (${cpus().length} cores), instances in sequence`)
  log('instance     objective   best known     gap %   seconds     bound  to bound %')
  const rows = []
  for (const n of list) {
    const file = join(dir, `Instance${n}.txt`)
    if (!existsSync(file)) {
      log(`Instance${n}`.padEnd(12) + `  (no ${file})`)
      continue
    }
    const t = process.hrtime.bigint()
    const r = spawnSync(process.execPath, [BIN, 'solve', file, '--time-limit', limit, ...(env.BENCH_THREADS ? ['--threads', env.BENCH_THREADS] : []), '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    const seconds = Number(process.hrtime.bigint() - t) / 1e9
    const best = BEST_KNOWN[n]
    const name = `Instance${n}`.padEnd(12)
    if (r.status !== 0) {
      log(`${name}  exit ${r.status}: ${(r.stderr || '').trim().split('\n').pop()}`)
      rows.push({ n, objective: null, best, gap: null, seconds })
      continue
    }
    const { objective, lowerBound } = JSON.parse(r.stdout)
    const gap = ((objective - best) / best) * 100
    rows.push({ n, objective, best, gap, seconds, lowerBound })
    const toBound = lowerBound === null ? '-' : (((objective - lowerBound) / objective) * 100).toFixed(2)
    log(`${name}${String(objective).padStart(10)}${(String(best) + (OPTIMAL.has(n) ? '*' : ' ')).padStart(13)}${gap.toFixed(2).padStart(10)}${seconds.toFixed(1).padStart(10)}${String(lowerBound ?? '-').padStart(10)}${toBound.padStart(12)}`)
  }
  const solved = rows.filter((r) => r.gap !== null)
  const within = (pct, set) => set.filter((r) => r.gap <= pct).length
  const small = solved.filter((r) => r.n <= 7)
  const mid = solved.filter((r) => r.n <= 12)
  log(`within 1%: ${within(1, small)} of ${small.length} of Instances 1-7; within 5%: ${within(5, mid)} of ${mid.length} of Instances 1-12; mean gap ${(solved.reduce((s, r) => s + r.gap, 0) / Math.max(1, solved.length)).toFixed(2)}%  (* proven optimal)`)
  return rows
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCurtoisBench()
  if (process.env.BENCH_LP) {
    console.log('')
    const { runLpBench } = await import('./bench-lp.mjs')
    await runLpBench()
  }
}
