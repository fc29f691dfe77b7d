// Random command lines built from the real command and flag vocabulary plus
// junk, and random holiday files, against a healthy database: every run ends
// with exit 0, 1 or 2; a failure is one line on stderr and writes nothing;
// never a crash, a stack trace or exit 3.

import { spawnSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { BACKEND, fileHash, roster, rosterAsync, STACK_TRACE, tempDir } from '../support/cli.js'
import { NOW, rosterDb } from '../e2e/swap-support.js'
import { copyDb, explain, inLanes, integrity } from './support.js'

// A fixed seed keeps the suite repeatable; FUZZ_SEED=<n> FUZZ_RUNS=<n> explore further.
const RUNS = Number(process.env.FUZZ_RUNS ?? 240)
const SEED = Number(process.env.FUZZ_SEED ?? 20270104)

/** Every command path. */
const COMMANDS: string[][] = [
  ['init'], ['staff', 'add'], ['staff', 'list'], ['staff', 'remove'],
  ['shift', 'list'], ['shift', 'add'], ['shift', 'remove'],
  ['holiday', 'add'], ['holiday', 'list'], ['holiday', 'remove'], ['holiday', 'import'],
  ['config', 'get'], ['config', 'set'],
  ['generate'], ['show'], ['who'], ['check'], ['stats'], ['assign'],
  ['swap', 'request'], ['swap', 'accept'], ['swap', 'decline'], ['swap', 'approve'], ['swap', 'reject'],
  ['swap', 'cancel'], ['swap', 'list'], ['swap', 'check'], ['swap', 'form'],
  ['leave', 'request'], ['leave', 'approve'], ['leave', 'reject'], ['leave', 'list'],
  ['handover', 'add'], ['handover', 'list'], ['log'], ['backup'], ['restore'],
  ['export'], ['swap', 'ledger'], ['config', 'list'], ['solve'],
  ['swap'], ['leave'], ['frobnicate'], [],
]

const FLAGS = [
  '--start', '--weeks', '--staff', '--seed', '--replace', '--demo', '--from', '--to', '--week', '--month', '--at',
  '--date', '--with', '--payback', '--reason', '--status', '--name', '--role', '--off-rotation', '--end', '--remote',
  '--headcount', '--note', '--shift', '--since', '--limit', '--year', '--country', '--all', '--strict', '--across',
  '--lead', '-o', '--output', '--json', '--no-color', '--lang', '--help', '--version', '--across', '--bogus', '-x',
  '--format', '--layout', '--tz', '--bom', '--time-limit', '--threads', '-o', '--output',
]

const VALUES = [
  // dates and date words, real and not
  '2027-01-05', '2027-01-11', '2027-01-24', '2027-02-28', '2027-02-30', '2027-13-01', '0000-00-00', '9999-12-31',
  '2027-1-5', '27-01-05', 'today', 'tomorrow', 'yesterday', 'mon', 'sunday', 'someday', '2027-01', '2027-00',
  // times
  '09:00', '24:00', '25:61', '2027-01-05T10:00', '2027-01-05 22:30', 'T10',
  // numbers
  '0', '1', '3', '-1', '52', '53', '100000', '1e9', '2.5', 'NaN', '0x10', '\uff13', '99999999999999999999',
  // ids, codes, roles, statuses, settings
  'ana', 'ben', 'chen', 'dev', 'mei', 'nobody', 'ANA', 'ana,ben', ',', 'A', 'B', 'C', 'Z', 'agent', 'lead', 'boss',
  'pending', 'approved', 'weird', 'swap.max-per-month', 'service.hours', 'cycle.weeks', 'no.such', 'en', 'zh-CN', 'CN', 'XX',
  // hostile text
  "'; DROP TABLE staff; --", "Robert'); DROP TABLE swap;--", '\u202eevil', 'tab\there', 'bell\u0007', '\u001b[2J',
  '李娜', 'x'.repeat(600), '',
  // files (relative to the lane's folder; the holiday file is written for the run)
  'holidays.csv', 'holidays.ics', 'missing.ics', 'notes.txt', 'out.html', 'copy.db', 'roster.db',
  // the database itself by other names, a FIFO, devices, a folder (made in each lane's folder)
  './sub/../roster.db', 'link.db', 'roster.db-wal', 'roster.db-journal', 'roster.db-shm', 'fifo.ics', 'fifo.csv', 'fifo.db',
  '/dev/zero', '/dev/full', '/dev/null', 'sub', 'sub/out.csv',
  // formats and layouts
  'csv', 'ics', 'html', 'md', 'json', 'grid', 'rows', 'UTC', 'Europe/Berlin', 'Mars/Olympus',
  // huge numbers and control characters
  '1e308', '-0', String(2 ** 53), '\u0001\u0002', '\u009b31m', '\u007f',
]

/** Junk: any short string, with no NUL (argv cannot hold one) and no path separator (no writing outside the lane's folder). */
const junk = fc.string({ maxLength: 24, unit: 'binary' }).map((s) => s.replace(/[\u0000/\\]/g, '_'))

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FLAGS) },
  { weight: 5, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 1, arbitrary: junk },
)

/** A holiday file: mostly-right CSV or iCalendar with damage, or bytes. */
const holidayFile = fc.oneof(
  fc.array(fc.tuple(fc.constantFrom('2027-05-01', '2027-10-01', '2027-02-30', '2027-5-1', '', 'date'), fc.constantFrom('Labour Day', '国庆节', '', 'a,b', '"quoted', 'x'.repeat(150))), { maxLength: 6 })
    .map((rows) => ({ name: 'holidays.csv', bytes: Buffer.from(rows.map(([d, n]) => `${d},${n}`).join('\n')) })),
  fc.tuple(fc.constantFrom('20270501', '20271001', '20270230', '2027-05-01', ''), fc.constantFrom('DTEND;VALUE=DATE:20270503\n', 'RRULE:FREQ=YEARLY;COUNT=3\n', 'RRULE:FREQ=DAILY\n', 'STATUS:CANCELLED\n', ''), fc.nat(200))
    .map(([start, extra, cut]) => {
      const text = `BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:${start}\n${extra}SUMMARY:Holiday\nEND:VEVENT\nEND:VCALENDAR\n`
      return { name: 'holidays.ics', bytes: Buffer.from(text.slice(0, text.length - (cut % text.length))) }
    }),
  fc.tuple(fc.constantFrom('holidays.csv', 'holidays.ics'), fc.uint8Array({ maxLength: 400 })).map(([name, b]) => ({ name, bytes: Buffer.from(b) })),
  fc.constantFrom('holidays.csv', 'holidays.ics').map((name) => ({ name, bytes: Buffer.from('2027-05-01,Labour Day\n', 'utf16le') })),
)

interface Case {
  argv: string[]
  as?: string
  json: boolean
  file?: { name: string; bytes: Buffer }
}

const CASE: fc.Arbitrary<Case> = fc
  .record({
    command: fc.constantFrom(...COMMANDS),
    rest: fc.array(token, { maxLength: 7 }),
    as: fc.option(fc.constantFrom('mei', 'ana', 'ben', 'nobody'), { nil: undefined }),
    json: fc.boolean(),
    file: fc.option(holidayFile, { nil: undefined }),
  })
  .map(({ command, rest, as, json, file }) => ({
    argv: [...command, ...(command[1] === 'import' && file ? [file.name] : []), ...rest],
    ...(as ? { as } : {}),
    json,
    ...(file ? { file } : {}),
  }))

let healthy: string

beforeAll(() => {
  healthy = rosterDb()
  // Ids to hit: swap #1, leave #1.
  expect(roster(['swap', 'request', '--date', '2027-01-05', '--with', 'dev'], { db: healthy, as: 'ana', now: NOW }).code).toBe(0)
  expect(roster(['leave', 'request', '--from', '2027-01-20', '--to', '2027-01-21'], { db: healthy, as: 'chen', now: NOW }).code).toBe(0)
})

describe('fuzzing the command line', () => {
  it(`ends ${RUNS} random command lines with exit 0, 1 or 2, a one-line error and nothing written on failure`, async () => {
    const cases = fc.sample(CASE, { seed: SEED, numRuns: RUNS })
    // Four lanes, each with its own folder and copy of the database, run side by side.
    // (A PostgreSQL lane gets a folder of its own, where roster.db is just a name.)
    const lanes = [0, 1, 2, 3].map(() => {
      const db = copyDb(healthy, 'fuzz')
      return { db, dir: BACKEND === 'postgres' ? tempDir('fuzz') : join(db, '..') }
    })
    for (const { dir } of lanes) {
      mkdirSync(join(dir, 'sub'))
      symlinkSync('roster.db', join(dir, 'link.db'))
      for (const fifo of ['fifo.ics', 'fifo.csv', 'fifo.db']) expect(spawnSync('mkfifo', [join(dir, fifo)]).status).toBe(0)
    }
    const results = await inLanes(cases, 4, async (c, lane) => {
      const { db, dir } = lanes[lane]!
      if (c.file) writeFileSync(join(dir, c.file.name), c.file.bytes)
      const before = fileHash(db)
      const r = await rosterAsync(c.argv, { db, as: c.as, json: c.json, now: NOW, cwd: dir })
      return { c, r, changed: fileHash(db) !== before }
    })
    const bad = results.filter(({ r, changed }) => {
      if (![0, 1, 2].includes(r.code ?? -1)) return true
      if (STACK_TRACE.test(r.err) || /Unexpected failure/.test(r.err)) return true
      if (r.code === 0) return false
      return changed || r.err.trim().split('\n').length !== 1
    })
    const show = ({ c, r, changed }: (typeof results)[number]) =>
      `${JSON.stringify({ argv: c.argv, as: c.as, json: c.json, file: c.file?.name })}${changed ? ' (wrote)' : ''}\n${explain(r)}`
    const refusals = results.filter(({ r }) => r.code !== 0).length
    const traces = results.filter(({ r }) => STACK_TRACE.test(r.err)).length
    console.log(`fuzz: ${results.length} inputs tried, ${refusals} refusals, ${traces} stack traces`)
    expect(bad.map(show)).toEqual([])
    // No run wrote the database through -o, whatever it was called.
    for (const { db } of lanes) expect(integrity(db)).toBe('ok')
    // The vocabulary reaches the commands: some runs pass, some are refused by a rule, many are bad input.
    const codes = new Set(results.map(({ r }) => r.code))
    expect([...codes].sort()).toEqual([0, 1, 2])
    // (On PostgreSQL each run and each look at the database starts a worker thread and logs in.)
  }, BACKEND === 'postgres' ? 600_000 : 240_000)
})
