// What an everyday command loads: the bundle and SQLite's addon, nothing more.
// Prompts, ICS, CSV and holiday libraries load only in the commands that need
// them, and the bundle's code cache matches the bundle (a rejected cache would
// compile everything again on every start). Start-up time itself is measured by
// `npm run bench`, not here.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
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

const EVERYDAY = ['bin/roster.cjs', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node']

// SQLite's own: on PostgreSQL the login is the database role (test/e2e/postgres.test.ts),
// and a worker thread loads the driver.
describe.skipIf(BACKEND === 'postgres')('start-up', () => {
  let db: string
  beforeAll(() => {
    db = demoDb({ start: '2027-01-04', now: '2027-01-01T12:00:00' })
  })

  it.each([
    ['show', ['show', '--from', '2027-01-04', '--to', '2027-01-24']],
    ['who', ['who', '--at', '2027-01-05T10:00']],
    ['check', ['check', '--from', '2027-01-04', '--to', '2027-01-24']],
    ['stats', ['stats', '--month', '2027-01']],
    ['swap list', ['--as', 'ana', 'swap', 'list']],
    ['holiday list', ['holiday', 'list']],
  ])('%s loads only the bundle and the SQLite addon', (_name, args) => {
    expect(loaded(db, args).sort()).toEqual(EVERYDAY)
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

  it('has a code cache that V8 accepts for the bundle', () => {
    const file = join(ROOT, 'dist/roster.cjs')
    const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(`${file}.cache`) })
    expect(script.cachedDataRejected).toBe(false)
  })
})
