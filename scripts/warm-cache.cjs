// Writes V8's code cache for each bundle of the CLI (dist/roster.cjs and the
// command groups' dist/roster-<group>.cjs): runs everyday commands once in
// this process against a scratch database, then saves what V8 compiled for
// each bundle, so bin/roster.cjs starts without compiling those functions
// again. Bundles these commands do not load get a cache of their top level.
// The bundles are loaded as bin/roster.cjs loads them (keep the two alike).
'use strict'
const { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join, resolve } = require('node:path')
const Module = require('node:module')
const vm = require('node:vm')

const BUNDLE = /^\.\/roster(-[a-z]+)?\.cjs$/

async function main() {
  const dir = resolve(process.argv[2] ?? 'dist')
  // Compiled under the name it will have once the build is swapped in (the
  // second argument, else where it is): the cache keeps the script's name, and
  // stack traces (ROSTER_DEBUG=1) should name dist/roster.cjs, not a build folder.
  const finalDir = resolve(process.argv[3] ?? dir)
  const scripts = new Map()
  const compile = (name) => {
    const script = new vm.Script(Module.wrap(readFileSync(join(dir, name), 'utf8')), { filename: join(finalDir, name), importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER })
    scripts.set(name, script)
    return script
  }
  const loaded = new Map()
  const load = (name) => {
    if (loaded.has(name)) return loaded.get(name).exports
    const file = join(dir, name)
    const mod = { exports: {} }
    loaded.set(name, mod)
    compile(name).runInThisContext()(mod.exports, requireFrom(file), mod, file, dir)
    return mod.exports
  }
  const requireFrom = (file) => {
    const plain = Module.createRequire(file)
    const req = (id) => (BUNDLE.test(id) ? load(id.slice(2)) : plain(id))
    req.resolve = plain.resolve
    return req
  }
  const { runCli, processDeps } = load('roster.cjs')

  const scratch = mkdtempSync(join(tmpdir(), 'roster-warm-'))
  const db = join(scratch, 'roster.db')
  const quiet = { write: () => true, isTTY: false, columns: 120 }
  const proc = { argv: [], env: { ROSTER_NOW: '2027-01-01T12:00:00', NO_COLOR: '1' }, stdout: quiet, stderr: quiet, stdin: { isTTY: false }, cwd: () => scratch }
  const deps = processDeps(proc)
  // Everyday reading commands and swap checks; generate, which runs long
  // anyway, is set up here but its compiled code is not worth the cache's size.
  const commands = [
    ['show', '--from', '2027-01-04', '--to', '2027-01-24'],
    ['--json', 'show', '--from', '2027-01-04', '--to', '2027-01-24'],
    ['show', '--across'],
    ['who', '--at', '2027-01-05T10:00'],
    ['check', '--from', '2027-01-04', '--to', '2027-01-24'],
    ['stats', '--month', '2027-01'],
    ['staff', 'list'],
    ['--as', 'ana', 'swap', 'check', '--date', '2027-01-06', '--with', 'ben'],
    ['--as', 'ana', 'swap', 'list'],
    ['log'],
    // The Chinese catalogues' bundle gets the functions a Chinese show and swap check run.
    ['--lang', 'zh-CN', 'show', '--from', '2027-01-04', '--to', '2027-01-24'],
    ['--lang', 'zh-CN', '--as', 'ana', 'swap', 'check', '--date', '2027-01-06', '--with', 'ben'],
  ]
  await runCli(['init', '--demo'], deps)
  // A three-week roster written directly, so the generator stays out of the cache.
  const Database = Module.createRequire(join(dir, 'roster.cjs'))('better-sqlite3')
  const raw = new Database(db)
  const insert = raw.prepare('INSERT INTO assignment (date, shift, staff) VALUES (?, ?, ?)')
  const people = ['ana', 'ben', 'chen', 'dev']
  for (let day = 0; day < 21; day++) {
    const date = new Date(Date.UTC(2027, 0, 4 + day)).toISOString().slice(0, 10)
    ;['A', 'B', 'C'].forEach((shift, i) => insert.run(date, shift, people[(day + i) % 4]))
  }
  raw.close()
  for (const argv of commands) await runCli(argv, deps)
  rmSync(scratch, { recursive: true, force: true })
  for (const name of readdirSync(dir)) {
    if (!BUNDLE.test(`./${name}`)) continue
    const script = scripts.get(name) ?? compile(name)
    writeFileSync(join(dir, `${name}.cache`), script.createCachedData())
  }
}

main().catch((e) => {
  // The cache only saves time: a build without it still works.
  console.error(`roster build: no code cache written (${e.message})`)
})
