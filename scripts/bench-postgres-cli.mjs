// The CLI on PostgreSQL beside SQLite, for npm run bench (issue 16):
//   1b. start-up: the three commands of part 1 on a PostgreSQL database, median
//       of alternating runs against `node -e 0`, beside part 1's SQLite figures;
//   2b. the swap commands of part 2 with 100,000 swaps in the history, on the
//       same data in a SQLite file and in a PostgreSQL database (loaded from
//       that file with `roster restore`), run alternately, side by side.
// The server is a throwaway one on 127.0.0.1 (initdb; as root, as the postgres
// login; fsync off, as in the tests), or yours: BENCH_PG_URL=postgres://... (a
// role that may create databases; its databases bench_* are dropped first).
// Also runs on its own: node scripts/bench-postgres-cli.mjs (BENCH_PARTS=1 or 2).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildSync } from 'esbuild'
import pg from 'pg'
import { BIN, ROOT, roster, startupRounds } from './bench-cli.mjs'
import { exchangeDay, headcountFor, insertSwapHistory, run, team } from './bench-scale.mjs'


/** A PostgreSQL server for the bench: {base(db) -> URL, admin(sql), stop()}. */
export async function benchServer() {
  let url = process.env.BENCH_PG_URL
  let stop = async () => {}
  if (!url) {
    const cache = join(ROOT, 'node_modules', '.cache', 'roster-bench-pg')
    mkdirSync(cache, { recursive: true })
    const outfile = join(cache, 'server-cli.mjs')
    buildSync({ stdin: { contents: `export { startPostgres, stopPostgres } from './test/support/postgres-server.ts'`, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' })
    const { startPostgres, stopPostgres } = await import(pathToFileURL(outfile).href)
    const s = await startPostgres()
    url = `postgres://${s.user}:${s.password}@${s.host}:${s.port}/postgres`
    stop = async () => stopPostgres(s)
  }
  const at = (db) => {
    const u = new URL(url)
    u.pathname = `/${db}`
    return u.href
  }
  const admin = async (text) => {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    try {
      return (await c.query(text)).rows
    } finally {
      await c.end()
    }
  }
  /** A new, empty database `name` (dropped first if there); its URL. */
  const fresh = async (name, template) => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
    return at(name)
  }
  const server = await admin('SHOW server_version')
  return { url, at, admin, fresh, stop, version: server[0].server_version }
}

const cell = (ms, base) => `${ms.toFixed(1).padStart(7)} ms ${(ms / base).toFixed(2).padStart(5)}x`

/**
 * Part 1b: `sqlite` is what part 1 measured (runStartupBench's medians); the
 * same three commands on PostgreSQL, each round with node -e 0 beside them.
 */
export async function runPostgresStartupBench(sqlite, server, log = console.log) {
  const demo = await server.fresh('bench_demo')
  const rounds = Number(process.env.BENCH_ROUNDS ?? 21)
  // swap request writes: each round on a new copy of the demo database.
  const pgm = await startupRounds(demo, () => server.fresh('bench_request', 'bench_demo'), rounds)
  const b = pgm.base
  log(`\n## 1b. Start-up on PostgreSQL ${server.version} beside SQLite: median of ${rounds} alternating runs each, ratio to its own node -e 0`)
  log(`${''.padEnd(24)}${'SQLite'.padEnd(17)}   ${'PostgreSQL'.padEnd(17)}   PostgreSQL - SQLite`)
  log(`${'node -e 0'.padEnd(24)}${`${sqlite.base.toFixed(1).padStart(7)} ms`.padEnd(17)}   ${`${b.toFixed(1).padStart(7)} ms`.padEnd(17)}`)
  for (const [name, key] of [['roster show (3 weeks)', 'show'], ['roster swap check', 'check'], ['roster swap request', 'request']]) {
    log(`${name.padEnd(24)}${cell(sqlite[key], sqlite.base)}   ${cell(pgm[key], b)}   ${`${pgm[key] >= sqlite[key] ? '+' : '-'}${Math.abs(pgm[key] - sqlite[key]).toFixed(0)} ms`.padStart(8)}`)
  }
  return pgm
}

/** Part 2b: the year of 200 people with 100,000 swaps, on both backends, each command alternately. */
export async function runPostgresSwapBench(server, log = console.log) {
  const wall = process.hrtime.bigint()
  const file = team(200, headcountFor(200))
  run(['--as', 'boss', '--json', 'generate', '--start', '2027-01-04', '--weeks', '52'], file)
  insertSwapHistory(file, 200, 100_000)
  const copy = join(mkdtempSync(join(tmpdir(), 'roster-bench-pgswap-')), 'year.db')
  run(['backup', '-o', copy], file)
  const db = await server.fresh('bench_swaps')
  // restore asks who acts of the database it replaces: a lead "boss" there first.
  roster(db, ['init', '--lead', 'boss', '--name', 'Boss'])
  // Run in the copy's folder: restore keeps its safety copy of the (empty) database in the working folder.
  const t = process.hrtime.bigint()
  const loaded = spawnSync(process.execPath, [BIN, '--db', db, '--as', 'boss', 'restore', copy], { cwd: dirname(copy), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', ROSTER_DB: '' } })
  const load = Number(process.hrtime.bigint() - t) / 1e6
  if (loaded.status !== 0) throw new Error(`roster restore into PostgreSQL: exit ${loaded.status}\n${loaded.stderr}`)
  rmSync(dirname(copy), { recursive: true, force: true })
  const day = exchangeDay(file, 'p0', 'p1', '2027-03-01')
  const commands = [
    [`swap check (p0 with p1 on ${day})`, ['--as', 'p0', 'swap', 'check', '--date', day, '--with', 'p1']],
    ['swap check --json', ['--as', 'p0', '--json', 'swap', 'check', '--date', day, '--with', 'p1']],
    ['swap request', ['--as', 'p0', 'swap', 'request', '--date', day, '--with', 'p1']],
    ['swap list --staff p7 (one person)', ['swap', 'list', '--staff', 'p7']],
    ['swap list --month 2026-06', ['swap', 'list', '--month', '2026-06']],
    ['swap list --status pending', ['swap', 'list', '--status', 'pending']],
    ['swap list --json (all 100,001)', ['--json', 'swap', 'list']],
    ['swap ledger --month 2026-06', ['swap', 'ledger', '--month', '2026-06']],
    ['swap ledger --json (every approved)', ['--json', 'swap', 'ledger']],
    ['stats --json, 2026-06 (swaps counted)', ['--json', 'stats', '--month', '2026-06']],
  ]
  const ms = (n) => `${n.toFixed(0).padStart(7)} ms`
  log(`\n## 2b. The swap commands with 100,000 swaps in the history, SQLite beside PostgreSQL ${server.version} (one run each, the two alternating; wall-clock with start-up)`)
  log(`(the same year of 200 people and history as part 2, copied into PostgreSQL by roster restore in ${(load / 1000).toFixed(1)} s)`)
  log(`${''.padEnd(40)}${'SQLite'.padStart(10)}${'PostgreSQL'.padStart(13)}   ratio`)
  for (const [i, [name, args]] of commands.entries()) {
    // Alternate which goes first, so neither always meets a warm cache.
    let s, p
    if (i % 2 === 0) (s = run(args, file)), (p = run(args, db))
    else (p = run(args, db)), (s = run(args, file))
    log(`${name.padEnd(40)}${ms(s)}${ms(p).padStart(13)}   ${(p / s).toFixed(2)}x`)
  }
  log(`\npart 2b took ${(Number(process.hrtime.bigint() - wall) / 1e9).toFixed(0)} s`)
  rmSync(dirname(file), { recursive: true, force: true })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const parts = (process.env.BENCH_PARTS ?? '1,2').split(',')
  const server = await benchServer()
  try {
    if (parts.includes('1')) {
      const { runStartupBench } = await import('./bench-startup.mjs')
      await runPostgresStartupBench(await runStartupBench(), server)
    }
    if (parts.includes('2')) await runPostgresSwapBench(server)
  } finally {
    await server.stop()
  }
}
