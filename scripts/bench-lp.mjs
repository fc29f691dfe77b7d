// The LP engines side by side (after bench part 3 with BENCH_LP set; also on
// its own: node scripts/bench-lp.mjs), each in a process of its own:
//  - column generation: the first relaxation of dive.ts (the restricted master
//    priced by the row programme) to its optimum or the cap, with HiGHS (the
//    `highs` package, WebAssembly, which roster uses over 250 rows) and with the
//    dense simplex of src/domain/solver/lp.ts (roster's own; up to 700 rows):
//    seconds in all, seconds in the LP engine, solves, the bound, peak memory;
//  - the final restricted master (HiGHS's) solved once from scratch by HiGHS
//    and by glpk.js (GLPK in WebAssembly, which has no warm start to offer
//    column generation), seconds and memory.
//
//   BENCH_LP=13-24           which instances (default 13-24)
//   BENCH_LP_CAP=120         seconds of column generation (and of a solve from scratch) before it is called off
//   CURTOIS_DIR=...          where InstanceN.txt are (default ../shared/benchmarks/curtois)
//
// "MB" is the process's peak resident set (the WebAssembly heap included) less
// its resident set once the modules were loaded.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'
import { build } from 'esbuild'
import { instances, ROOT } from './bench-cli.mjs'

const CACHE = join(ROOT, 'node_modules', '.cache', 'roster-bench-lp')
const require = createRequire(join(ROOT, 'package.json'))

/** The solver's pieces from src/, bundled for this script (highs and glpk.js stay in node_modules). */
async function solverModule() {
  mkdirSync(CACHE, { recursive: true })
  const out = join(CACHE, 'solver.cjs')
  await build({
    stdin: {
      contents: `
        export { parseCurtois, curtoisModel } from './src/domain/solver/curtois.ts'
        export { dive } from './src/domain/solver/dive.ts'
        export { DenseEngine } from './src/domain/solver/lp-engine.ts'
        export { HighsEngine } from './src/domain/solver/lp-highs.ts'
      `,
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['highs', 'glpk.js'],
    logLevel: 'warning',
  })
  return require(out)
}

const clock = () => performance.now()
const peakMb = () => process.resourceUsage().maxRSS / 1024
const rssMb = () => process.memoryUsage().rss / 1024 / 1024

/** In a process of its own: column generation with one engine until the first relaxation is solved or `cap` seconds are up; with HiGHS, writes the master to a file. Prints what it took. */
async function columnGeneration(engine, n, dir, cap) {
  const s = await solverModule()
  const highs = engine === 'highs' ? await require('highs')() : null
  const text = readFileSync(join(dir, `Instance${n}.txt`), 'utf8')
  const model = s.curtoisModel(s.parseCurtois(text)).model
  const before = rssMb()
  let master = null
  let lp = 0
  let solves = 0
  const timed = (e) => {
    const solve = e.solve.bind(e)
    e.solve = (...a) => {
      const t0 = clock()
      const v = solve(...a)
      lp += clock() - t0
      solves++
      return v
    }
    return e
  }
  const t = clock()
  const r = s.dive(model, { now: clock, deadline: t + cap * 1000, boundOnly: true, forceEngine: true, engine: (b) => timed(highs ? new s.HighsEngine(highs, b) : new s.DenseEngine(b)), onMaster: (m) => (master = m) })
  const seconds = (clock() - t) / 1000
  let file = null
  if (master && highs) {
    file = join(CACHE, `master-${n}.json`)
    writeFileSync(file, JSON.stringify({ places: model.days * model.shifts, b: Array.from(master.b), columns: master.columns }))
  }
  // No result when some person has no first row (the row programme's label cap on the largest instances).
  console.log(JSON.stringify({ ok: !!r, seconds, lpSeconds: lp / 1000, solves, solved: r?.exact ?? false, bound: r?.lowerBound ?? null, mb: Math.max(0, peakMb() - before), rows: model.days * model.shifts + model.staff, columns: master?.columns.length ?? 0, file }))
}

/** In a process of its own: one engine solves the master from scratch; prints {objective, seconds, mb, optimal}. */
async function solveMaster(engine, file, cap) {
  const { places, b, columns } = JSON.parse(readFileSync(file, 'utf8'))
  const before = rssMb()
  const t = clock()
  let objective
  let optimal
  if (engine === 'glpk') {
    const glpk = await (await import('glpk.js/node')).default()
    const rows = b.map(() => [])
    columns.forEach((c, j) => c.rows.forEach((r, k) => rows[r].push({ name: `x${j}`, coef: c.values[k] })))
    const lp = {
      name: 'master',
      objective: { direction: glpk.GLP_MIN, name: 'cost', vars: columns.map((c, j) => ({ name: `x${j}`, coef: c.cost })) },
      subjectTo: rows.map((vars, i) => ({ name: `r${i}`, vars, bnds: { type: glpk.GLP_FX, lb: b[i], ub: b[i] } })),
    }
    const r = await glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, tmlim: cap, presol: true })
    objective = r.result.z
    optimal = r.result.status === glpk.GLP_OPT
  } else {
    const s = await solverModule()
    const highs = engine === 'highs' ? await require('highs')() : null
    const lp = highs ? new s.HighsEngine(highs, Float64Array.from(b)) : new s.DenseEngine(Float64Array.from(b))
    for (const c of columns) lp.add(c.cost, c.rows, c.values)
    if (!highs) {
      // The dive's first basis: each person's first row, and an under (or over) column for each place.
      const P = b.length - places
      const cover = new Float64Array(places)
      for (let p = 0; p < P; p++) for (const r of columns[2 * places + p].rows) if (r < places) cover[r]++
      const basis = []
      for (let i = 0; i < places; i++) basis.push(cover[i] <= b[i] ? i : places + i)
      for (let p = 0; p < P; p++) basis.push(2 * places + p)
      lp.start(basis)
    }
    objective = lp.solve(() => clock() - t > cap * 1000, cap)
    optimal = lp.optimal
  }
  const seconds = (clock() - t) / 1000
  console.log(JSON.stringify({ objective, seconds, mb: Math.max(0, peakMb() - before), optimal }))
}

const child = (args, cap) => {
  const r = spawnSync(process.execPath, [import.meta.filename, ...args], { encoding: 'utf8', timeout: (cap + 120) * 1000, maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) return { error: `exit ${r.status ?? r.signal}` }
  return JSON.parse(r.stdout.trim().split('\n').pop())
}

export async function runLpBench(env = process.env, log = console.log) {
  const dir = resolve(ROOT, env.CURTOIS_DIR ?? '../shared/benchmarks/curtois')
  const cap = Number(env.BENCH_LP_CAP ?? 120)
  log(`## LP engines: column generation of the first relaxation (called off after ${cap} s), then its final master from scratch`)
  log('instance   rows | HiGHS: s    LP s solves  MB  bound    | dense: s    LP s solves  MB  bound    | master cols: HiGHS s  MB | glpk s   MB')
  const cg = (o) => (o.error ? `(${o.error})`.padEnd(41) : !o.ok ? 'no first row for someone'.padEnd(41) : `${o.solved ? '' : '>'}${o.seconds.toFixed(1)}`.padStart(7) + o.lpSeconds.toFixed(2).padStart(8) + String(o.solves).padStart(7) + o.mb.toFixed(0).padStart(5) + `  ${o.bound === null || !Number.isFinite(o.bound) ? '-' : o.bound.toFixed(1)}`.padEnd(12))
  const fresh = (o) => (o.error ? `(${o.error})`.padEnd(14) : `${o.optimal ? '' : '>'}${o.seconds.toFixed(2)}`.padStart(8) + o.mb.toFixed(0).padStart(5))
  for (const n of instances(env.BENCH_LP ?? '13-24', 'BENCH_LP', '13-24')) {
    const h = child(['--cg', 'highs', String(n), dir, String(cap)], cap)
    const rows = h.rows ?? 0
    const d = rows > 700 ? { error: 'over 700 rows' } : child(['--cg', 'dense', String(n), dir, String(cap)], cap)
    let tail = ''
    if (h.file) tail = `${String(h.columns).padStart(11)}: ${fresh(child(['--solve', 'highs', h.file, String(cap)], cap))} | ${fresh(child(['--solve', 'glpk', h.file, String(cap)], cap))}`
    log(`Instance${n}`.padEnd(10) + String(rows || '?').padStart(5) + ` | ${cg(h)} | ${cg(d)} |${tail}`)
  }
  log('(> : called off before the relaxation was priced out; bound: the best Lagrangian bound of its rounds, - when none was above 0)')
}

if (process.argv[2] === '--cg') {
  await columnGeneration(process.argv[3], Number(process.argv[4]), process.argv[5], Number(process.argv[6]))
} else if (process.argv[2] === '--solve') {
  await solveMaster(process.argv[3], process.argv[4], Number(process.argv[5]))
} else if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runLpBench()
}
