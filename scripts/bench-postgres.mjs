// How fast is PostgreSQL behind the synchronous Sql interface? For the
// decision record on the driver (issue 16): the same work through
//   (a) roster's bridge: pg in a worker thread, the main thread on Atomics.wait
//       (src/store/postgres, bundled here with esbuild as the CLI bundles it);
//   (b) plain async pg with await (what an async Store would cost);
//   (c) pg-native's querySync (libpq, compiled: only if PG_NATIVE_DIR names a
//       folder whose node_modules has a built pg-native);
//   (d) synckit 0.12 around async pg (only if SYNCKIT_DIR names a folder with it).
// Each runs in a fresh process: start-up to the first answer (spawn, load,
// connect, SELECT 1, exit), then 100 simple queries and 100 transactions
// (BEGIN, the roster's advisory lock, a count, an insert, COMMIT).
//
//   node scripts/bench-postgres.mjs            starts a throwaway server (initdb; as root, as postgres)
//   BENCH_PG_URL=postgres://... node scripts/bench-postgres.mjs    uses yours (it creates a table "bench_item")
//   BENCH_ROUNDS=7 rounds per variant (medians are reported)
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { median, ROOT } from './bench-cli.mjs'

const cache = join(ROOT, 'node_modules', '.cache', 'roster-bench-pg')
mkdirSync(cache, { recursive: true })
// Both pg variants load the driver as the CLI does: dist/pg.cjs (npm run build), with the navigator shim.
const bundledPg = join(ROOT, 'dist', 'pg.cjs')
if (!existsSync(bundledPg)) throw new Error('run npm run build first (dist/pg.cjs)')
copyFileSync(bundledPg, join(cache, 'pg.cjs'))
const LOAD_PG = `if (typeof navigator === 'undefined') globalThis.navigator = { userAgent: 'Node.js' }\nconst pg = require(${JSON.stringify(join(cache, 'pg.cjs'))})`

function bundle(name, contents) {
  const outfile = join(cache, `${name}.cjs`)
  buildSync({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, external: ['pg', 'better-sqlite3'], logLevel: 'error' })
  return outfile
}

let url = process.env.BENCH_PG_URL
let stop = () => {}
if (!url) {
  const server = bundle('server', `export { startPostgres, stopPostgres } from './test/support/postgres-server.ts'`)
  const { startPostgres, stopPostgres } = await import(server)
  const s = await startPostgres()
  url = `postgres://${s.user}:${s.password}@${s.host}:${s.port}/postgres`
  stop = () => stopPostgres(s)
}

const WORK = `
const N = 100
const simple = (q) => { for (let i = 0; i < N; i++) q('SELECT id, name FROM bench_item WHERE id = $1', [i % 10 + 1]) }
const txs = (q) => { for (let i = 0; i < N; i++) { q('BEGIN'); q('SELECT pg_advisory_xact_lock(1380930388)'); q('SELECT count(*) AS n FROM bench_item WHERE name = $1', ['x']); q('INSERT INTO bench_item (name) VALUES ($1)', ['x']); q('COMMIT') } }
`
// Each variant prints {first, simple, tx}: ms from process start to the first answer, then the two loops.
const variants = {
  bridge: bundle('bridge', `
import { postgresSql } from './src/store/postgres/sql.ts'
${WORK}
const sql = postgresSql(process.argv[2])
sql.get('SELECT 1 AS one')
const first = performance.now()
const q = (t, v) => sql.all(t.replace(/\\$\\d+/g, '?'), v)
let t = performance.now(); simple(q); const s = performance.now() - t
t = performance.now(); txs(q); const x = performance.now() - t
sql.close()
console.log(JSON.stringify({ first, simple: s, tx: x }))
`),
  async: bundle('async', `
${WORK}
${LOAD_PG}
;(async () => {
  const c = new pg.Client({ connectionString: process.argv[2] })
  await c.connect()
  await c.query('SELECT 1 AS one')
  const first = performance.now()
  let t = performance.now()
  for (let i = 0; i < N; i++) await c.query('SELECT id, name FROM bench_item WHERE id = $1', [i % 10 + 1])
  const s = performance.now() - t
  t = performance.now()
  for (let i = 0; i < N; i++) { await c.query('BEGIN'); await c.query('SELECT pg_advisory_xact_lock(1380930388)'); await c.query('SELECT count(*) AS n FROM bench_item WHERE name = $1', ['x']); await c.query('INSERT INTO bench_item (name) VALUES ($1)', ['x']); await c.query('COMMIT') }
  const x = performance.now() - t
  await c.end()
  console.log(JSON.stringify({ first, simple: s, tx: x }))
})()
`),
}
const nativeDir = process.env.PG_NATIVE_DIR
if (nativeDir && existsSync(join(nativeDir, 'node_modules', 'pg-native'))) {
  const file = join(cache, 'native.cjs')
  writeFileSync(file, `
const Client = require(${JSON.stringify(join(nativeDir, 'node_modules', 'pg-native'))})
${WORK}
const c = new Client()
c.connectSync(process.argv[2])
c.querySync('SELECT 1 AS one')
const first = performance.now()
const q = (t, v) => c.querySync(t, v || [])
let t = performance.now(); simple(q); const s = performance.now() - t
t = performance.now(); txs(q); const x = performance.now() - t
c.end()
console.log(JSON.stringify({ first, simple: s, tx: x }))
`)
  variants['pg-native'] = file
}
const synckitDir = process.env.SYNCKIT_DIR
if (synckitDir && existsSync(join(synckitDir, 'node_modules', 'synckit'))) {
  const worker = join(cache, 'synckit-worker.cjs')
  writeFileSync(worker, `
const { runAsWorker } = require(${JSON.stringify(join(synckitDir, 'node_modules', 'synckit'))})
${LOAD_PG}
let c
runAsWorker(async (op, a, b) => {
  if (op === 'connect') { c = new pg.Client({ connectionString: a }); await c.connect(); return null }
  if (op === 'end') { await c.end(); return null }
  const r = await c.query(a, b)
  return r.rows
})
`)
  const file = join(cache, 'synckit.cjs')
  writeFileSync(file, `
const { createSyncFn } = require(${JSON.stringify(join(synckitDir, 'node_modules', 'synckit'))})
${WORK}
const call = createSyncFn(${JSON.stringify(worker)})
call('connect', process.argv[2])
call('query', 'SELECT 1 AS one', [])
const first = performance.now()
const q = (t, v) => call('query', t, v || [])
let t = performance.now(); simple(q); const s = performance.now() - t
t = performance.now(); txs(q); const x = performance.now() - t
call('end')
console.log(JSON.stringify({ first, simple: s, tx: x }))
`)
  variants.synckit = file
}

// The table the loops use.
{
  const setup = bundle('setup', `
import { postgresSql } from './src/store/postgres/sql.ts'
const sql = postgresSql(process.argv[2])
sql.run('DROP TABLE IF EXISTS bench_item')
sql.run('CREATE TABLE bench_item (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text NOT NULL)')
sql.run("INSERT INTO bench_item (name) SELECT 'n' || g FROM generate_series(1, 10) g")
sql.close()
`)
  const r = spawnSync(process.execPath, [setup, url], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 7)
const results = Object.fromEntries(Object.keys(variants).map((k) => [k, { wall: [], first: [], simple: [], tx: [] }]))
const base = []
try {
  for (let i = 0; i < rounds; i++) {
    let t = process.hrtime.bigint()
    spawnSync(process.execPath, ['-e', '0'])
    base.push(Number(process.hrtime.bigint() - t) / 1e6)
    for (const [name, file] of Object.entries(variants)) {
      t = process.hrtime.bigint()
      const r = spawnSync(process.execPath, [file, url], { encoding: 'utf8' })
      const wall = Number(process.hrtime.bigint() - t) / 1e6
      if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`)
      const m = JSON.parse(r.stdout.trim().split('\n').pop())
      results[name].wall.push(wall)
      results[name].first.push(m.first)
      results[name].simple.push(m.simple)
      results[name].tx.push(m.tx)
    }
  }
} finally {
  stop()
}
console.log(`## PostgreSQL drivers: median of ${rounds} runs (node -e 0: ${median(base).toFixed(1)} ms)`)
console.log('variant      first answer   whole process   100 queries   100 transactions')
for (const [name, r] of Object.entries(results)) {
  console.log(`${name.padEnd(12)} ${median(r.first).toFixed(1).padStart(9)} ms ${median(r.wall).toFixed(1).padStart(12)} ms ${median(r.simple).toFixed(1).padStart(10)} ms ${median(r.tx).toFixed(1).padStart(14)} ms`)
}
