// The LP engines side by side (part of bench part 3; also on its own:
// node scripts/bench-lp.mjs): the restricted masters of the Curtois & Qu
// instances, solved from scratch to the relaxation's optimum by each engine,
// time and peak memory, each engine in a process of its own.
//
//   BENCH_LP=13-24           which instances (default 13-24)
//   BENCH_LP_CAP=120         seconds an engine may take on one master before it is called off
//   BENCH_LP_CG=60           seconds of column generation (with HiGHS) that make the master
//   CURTOIS_DIR=...          where InstanceN.txt are (default ../shared/benchmarks/curtois)
//
// The master is the one dive.ts holds once its first relaxation is solved (or
// its pricing time is up): the places' under and over columns and every row
// the row programme priced in. Engines: `highs` (HiGHS in WebAssembly, the one
// roster uses), the dense simplex of src/domain/solver/lp.ts (roster's own,
// before), and glpk.js (GLPK in WebAssembly). "memory" is the process's peak
// resident set (the WebAssembly heap included) less that of the process before
// the engine was made.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'
import { build } from 'esbuild'

const ROOT = resolve(import.meta.dirname, '..')
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

function instances(spec) {
  const out = []
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim())
    if (!m) throw new Error(`BENCH_LP: "${part}" is not a number or a range like 13-24`)
    for (let n = Number(m[1]); n <= Number(m[2] ?? m[1]); n++) out.push(n)
  }
  return out
}

const clock = () => performance.now()
const peakMb = () => process.resourceUsage().maxRSS / 1024
const rssMb = () => process.memoryUsage().rss / 1024 / 1024

/** Column generation with HiGHS until the first relaxation is solved or `seconds` are up; writes the master to a file. */
async function makeMaster(n, dir, seconds) {
  const s = await solverModule()
  const highs = await require('highs')()
  const text = readFileSync(join(dir, `Instance${n}.txt`), 'utf8')
  const model = s.curtoisModel(s.parseCurtois(text)).model
  let master = null
  const t = clock()
  const r = s.dive(model, { now: clock, deadline: t + seconds * 1000, boundOnly: true, engine: (b) => new s.HighsEngine(highs, b), forceEngine: true, onMaster: (m) => (master = m) })
  const took = (clock() - t) / 1000
  // No master when some person has no first row (the row programme's label cap on the largest instances).
  if (!master) return null
  const file = join(CACHE, `master-${n}.json`)
  writeFileSync(file, JSON.stringify({ places: model.days * model.shifts, b: Array.from(master.b), columns: master.columns }))
  return { file, rows: master.b.length, columns: master.columns.length, seconds: took, solved: r.exact, bound: r.lowerBound }
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

export async function runLpBench(env = process.env, log = console.log) {
  const dir = resolve(ROOT, env.CURTOIS_DIR ?? '../shared/benchmarks/curtois')
  const cap = Number(env.BENCH_LP_CAP ?? 120)
  const cg = Number(env.BENCH_LP_CG ?? 60)
  log(`## LP engines on the restricted masters (column generation with HiGHS up to ${cg} s; each engine from scratch, called off after ${cap} s)`)
  log('instance   rows  columns  CG s  bound       | highs s    MB  | dense s    MB  | glpk s     MB  | objective (highs)')
  for (const n of instances(env.BENCH_LP ?? '13-24')) {
    const m = await makeMaster(n, dir, cg)
    if (!m) {
      log(`Instance${n}`.padEnd(10) + '  no master: the row programme found no first row for someone')
      continue
    }
    const cells = []
    let objective = null
    for (const engine of ['highs', 'dense', 'glpk']) {
      const r = spawnSync(process.execPath, [import.meta.filename, '--solve', engine, m.file, String(cap)], { encoding: 'utf8', timeout: (cap + 60) * 1000, maxBuffer: 64 * 1024 * 1024 })
      let cell = `(exit ${r.status ?? r.signal})`
      if (r.status === 0) {
        const o = JSON.parse(r.stdout.trim().split('\n').pop())
        cell = `${o.optimal ? '' : '>'}${o.seconds.toFixed(2)} ${o.mb.toFixed(0).padStart(5)}`
        if (engine === 'highs') objective = o.objective
        else if (o.optimal && objective !== null && Math.abs(o.objective - objective) > 1e-4 * Math.max(1, Math.abs(objective))) cell += ` (obj ${o.objective.toFixed(2)}!)`
      }
      cells.push(cell.padEnd(14))
    }
    log(`Instance${n}`.padEnd(10) + `${m.rows}`.padStart(6) + `${m.columns}`.padStart(9) + `${m.seconds.toFixed(1)}`.padStart(6) + `  ${Number.isFinite(m.bound) ? m.bound.toFixed(1) : '-'}`.padEnd(12) + ` | ${cells.join(' | ')} | ${objective === null ? '-' : objective.toFixed(2)}${m.solved ? '' : ' (master not priced out)'}`)
  }
}

if (process.argv[2] === '--solve') {
  await solveMaster(process.argv[3], process.argv[4], Number(process.argv[5]))
} else if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runLpBench()
}
