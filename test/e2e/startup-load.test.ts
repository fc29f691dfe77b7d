// What an everyday command loads: the main bundle, its own command group's
// bundle and SQLite's addon, nothing more. Other groups (the solver with
// generate), the Chinese catalogues, the PostgreSQL store, prompts, ICS, CSV
// and holiday libraries load only in the commands that need them, and each
// bundle's code cache matches the bundle (a rejected cache would compile
// everything again on every start). Start-up time itself is measured by
// `npm run bench`, not here.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import Module from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import vm from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { BACKEND, BIN, ROOT, demoDb } from '../support/cli.js'

const TRACE = join(ROOT, 'test/support/load-trace.cjs')

/** The files (relative to the project) a command loaded through require. */
function loaded(db: string, args: string[]): string[] {
  const out = join(mkdtempSync(join(tmpdir(), 'roster-load-')), 'trace.json')
  const r = spawnSync(process.execPath, ['--require', TRACE, BIN, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', ROSTER_USER: '', ROSTER_NOW: '2027-01-01T12:00:00', ROSTER_LOAD_TRACE: out },
  })
  expect(r.status, r.stderr).toBe(0)
  return (JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((f) => f !== TRACE).map((f) => relative(ROOT, f))
}

const EVERYDAY = ['bin/roster.cjs', 'dist/roster.cjs', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node']

/** What a command of `group` loads: the everyday files and the group's bundle. */
const everydayWith = (...bundles: string[]) => [...EVERYDAY, ...bundles.map((b) => `dist/roster-${b}.cjs`)].sort()

// SQLite's own: on PostgreSQL the login is the database role (test/e2e/postgres.test.ts),
// and a worker thread loads the driver.
describe.skipIf(BACKEND === 'postgres')('start-up', () => {
  let db: string
  beforeAll(() => {
    db = demoDb({ start: '2027-01-04', now: '2027-01-01T12:00:00' })
  })

  it.each([
    ['show', 'show', ['show', '--from', '2027-01-04', '--to', '2027-01-24']],
    ['who', 'who', ['who', '--at', '2027-01-05T10:00']],
    ['check', 'check', ['check', '--from', '2027-01-04', '--to', '2027-01-24']],
    ['stats', 'stats', ['stats', '--month', '2027-01']],
    ['swap list', 'swap', ['--as', 'ana', 'swap', 'list']],
    ['holiday list', 'holiday', ['holiday', 'list']],
  ])('%s loads only the main bundle, its group\'s bundle and the SQLite addon', (_name, group, args) => {
    expect(loaded(db, args).sort()).toEqual(everydayWith(group))
  })

  it('loads the Chinese catalogues only in Chinese (so the check above can see a bundle load)', () => {
    expect(loaded(db, ['--lang', 'zh-CN', 'show', '--from', '2027-01-04', '--to', '2027-01-10']).sort()).toEqual(everydayWith('show', 'zh'))
  })

  it('reads every command group from one bundle for --help, and none for --version', () => {
    expect(loaded(db, ['--lang', 'zh-CN', '--help']).sort()).toEqual(['bin/roster.cjs', 'dist/roster-all.cjs', 'dist/roster-zh.cjs', 'dist/roster.cjs'])
    expect(loaded(db, ['--version']).sort()).toEqual(['bin/roster.cjs', 'dist/roster.cjs'])
  })

  it('loads the solver with generate, not with show', () => {
    const own = demoDb({ now: '2027-01-01T12:00:00' })
    expect(loaded(own, ['--as', 'mei', 'generate', '--start', '2027-01-04'])).toContain('dist/roster-generate.cjs')
    expect(loaded(own, ['show', '--week', '2027-01-04'])).not.toContain('dist/roster-generate.cjs')
  })

  it('loads the ICS and CSV libraries for the exports that need them (so the check above can see a library load)', () => {
    expect(loaded(db, ['export', '--format', 'ics', '--from', '2027-01-04', '--to', '2027-01-10']).some((f) => f.startsWith('node_modules/ical.js/'))).toBe(true)
    expect(loaded(db, ['export', '--format', 'csv', '--from', '2027-01-04', '--to', '2027-01-10']).some((f) => f.startsWith('node_modules/csv-stringify/'))).toBe(true)
  })

  it("loads China's holiday data only for holiday import --country CN", () => {
    const own = demoDb({ now: '2027-01-01T12:00:00' })
    const files = loaded(own, ['--as', 'mei', 'holiday', 'import', '--country', 'CN', '--year', '2026'])
    expect(files).toContain('node_modules/chinese-days/dist/chinese-days.json')
    expect(files.some((f) => f.startsWith('node_modules/date-holidays'))).toBe(false)
  })

  it('has a code cache that V8 accepts for each bundle', () => {
    const bundles = readdirSync(join(ROOT, 'dist')).filter((f) => /^roster(-[a-z]+)?\.cjs$/.test(f))
    expect(bundles).toEqual(expect.arrayContaining(['roster.cjs', 'roster-all.cjs', 'roster-show.cjs', 'roster-swap.cjs', 'roster-generate.cjs', 'roster-zh.cjs', 'roster-postgres.cjs']))
    for (const name of bundles) {
      const file = join(ROOT, 'dist', name)
      const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(`${file}.cache`) })
      expect(script.cachedDataRejected, name).toBe(false)
    }
  })
})
