// The package as people install it: packed from a copy of the project with no
// dist/ (so prepack must build it), installed with `npm install -g` into an
// empty prefix (better-sqlite3 compiles its addon there, which takes a minute
// or two), and run from PATH in an empty folder. Never skipped: a machine that
// cannot pack or install fails here and says why.

import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, STACK_TRACE, tempDir } from '../support/cli.js'

const INSTALL_TIMEOUT_MS = 10 * 60_000
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string }

function run(cmd: string, args: string[], o: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd: o.cwd, env: o.env ?? process.env, encoding: 'utf8', timeout: o.timeout ?? 120_000 })
  if (r.error) throw new Error(`${cmd} ${args.join(' ')} could not run: ${r.error.message}`)
  return r
}

/** The same for the long steps (pack, install), without blocking the test runner meanwhile. */
function runAsync(cmd: string, args: string[], o: { cwd: string; timeout: number }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const p = spawn(cmd, args, { cwd: o.cwd, env: process.env })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d) => (stdout += d))
    p.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => p.kill('SIGKILL'), o.timeout)
    p.on('error', (e) => fail(new Error(`${cmd} ${args.join(' ')} could not run: ${e.message}`)))
    p.on('close', (status) => {
      clearTimeout(timer)
      done({ status, stdout, stderr })
    })
  })
}

describe('npm pack, then npm install -g of the tarball into an empty prefix', () => {
  let tarball: string
  let files: string[]
  let prefix: string
  let pathEnv: NodeJS.ProcessEnv

  beforeAll(async () => {
    // A copy of the project as a fresh clone has it: sources, no dist/ (node_modules linked for the build's tools).
    const copy = join(tempDir('pack'), 'roster')
    mkdirSync(copy)
    for (const f of ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'bin', 'scripts', 'src', 'fixtures']) {
      cpSync(join(ROOT, f), join(copy, f), { recursive: true })
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'))
    const out = tempDir('tarball')
    const pack = await runAsync('npm', ['pack', '--json', '--pack-destination', out], { cwd: copy, timeout: 300_000 })
    expect(pack.status, `npm pack failed: ${pack.stderr}`).toBe(0)
    const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[]
    tarball = join(out, info[0]!.filename)
    files = info[0]!.files.map((f) => f.path).sort()

    prefix = tempDir('prefix')
    const install = await runAsync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: tempDir('install'), timeout: INSTALL_TIMEOUT_MS })
    expect(install.status, `npm install -g ${tarball} failed:\n${install.stderr.slice(-2000)}`).toBe(0)
    const { ROSTER_DB: _db, ROSTER_USER: _user, ...rest } = process.env
    pathEnv = { ...rest, NO_COLOR: '1', LANG: 'C', LC_ALL: '', PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH ?? ''}` }
  }, INSTALL_TIMEOUT_MS + 120_000)

  it('carries the built CLI and its code cache, and no tests, scripts, fixtures or benchmark data', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/roster.cjs', 'dist/roster.cjs', 'dist/roster.cjs.cache', 'dist/roster-generate.cjs', 'dist/roster-show.cjs.cache', 'dist/roster-zh.cjs', 'dist/pg.cjs', 'package.json', 'README.md']))
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([])
    const extra = files.filter((f) => /^(test|tests|scripts|fixtures|src|coverage|node_modules)\//.test(f) || /\.test\.|BENCHMARKS|\.ci\//.test(f))
    expect(extra).toEqual([])
    const listed = run('tar', ['-tzf', tarball], { cwd: ROOT })
    expect(listed.stdout).toContain('package/dist/roster.cjs.cache')
    expect(listed.stdout).not.toMatch(/package\/test\//)
  })

  it('puts a roster on PATH that runs --version and generate --demo in an empty folder', () => {
    expect(existsSync(join(prefix, 'bin', 'roster')), 'no roster in the prefix\'s bin').toBe(true)
    const folder = tempDir('fresh')
    const version = run('roster', ['--version'], { cwd: folder, env: pathEnv })
    expect(version.status, version.stderr).toBe(0)
    expect(version.stdout.trim()).toBe(pkg.version)
    const demo = run('roster', ['generate', '--demo'], { cwd: folder, env: pathEnv })
    expect(demo.status, demo.stderr).toBe(0)
    expect(demo.stdout).toMatch(/ana/)
    expect(readdirSync(folder)).toContain('roster.db')
    const show = run('roster', ['--json', 'show'], { cwd: folder, env: pathEnv })
    expect(show.status, show.stderr).toBe(0)
    expect(JSON.parse(show.stdout).assignments.length).toBeGreaterThan(0)
  })

  it('says in one sentence what to run when npm left out the SQLite addon, and leaves no database behind', () => {
    const addonDir = join(prefix, 'lib', 'node_modules', pkg.name, 'node_modules', 'better-sqlite3', 'build')
    expect(existsSync(join(addonDir, 'Release', 'better_sqlite3.node')), 'npm install did not build better-sqlite3').toBe(true)
    renameSync(addonDir, `${addonDir}.away`)
    try {
      for (const [lang, says] of [['en', 'npm install -g --allow-scripts=better-sqlite3'], ['zh-CN', '请允许该脚本重新安装']] as const) {
        const folder = tempDir('no-addon')
        const r = run('roster', ['--lang', lang, 'generate', '--demo'], { cwd: folder, env: pathEnv })
        expect(r.status, r.stderr).toBe(3)
        expect(r.stderr).toContain(says)
        expect(r.stderr.trim().split('\n')).toHaveLength(1)
        expect(r.stderr).not.toMatch(STACK_TRACE)
        expect(readdirSync(folder)).toEqual([])
      }
      // --version needs no database, so it still answers.
      expect(run('roster', ['--version'], { cwd: tempDir('no-addon'), env: pathEnv }).status).toBe(0)
    } finally {
      renameSync(`${addonDir}.away`, addonDir)
    }
  })
})
