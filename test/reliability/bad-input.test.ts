// Bad input everywhere: malformed or impossible dates, reversed ranges, absurd
// numbers, unknown ids, overlong or control-character text, broken import
// files. Each is exit 2 with one sentence on stderr, and nothing is written.

import { mkdirSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BACKEND, fileHash, roster, rosterAsync, tempDir } from '../support/cli.js'
import { NOW, rosterDb } from '../e2e/swap-support.js'
import { copyDb, expectOneLineError, explain, inLanes } from './support.js'

const files = tempDir('bad-files')
const file = (name: string, content: string | Buffer): string => {
  const p = join(files, name)
  writeFileSync(p, content)
  return p
}

const long = (n: number, c = 'x') => c.repeat(n)

/** [who acts, the arguments]; every one must exit 2. */
const CASES: [string | undefined, string[]][] = [
  // Dates that are malformed or do not exist, and ranges the wrong way round or too long.
  [undefined, ['show', '--from', '2027-02-30', '--to', '2027-03-01']],
  [undefined, ['show', '--from', '2027-13-01']],
  [undefined, ['show', '--from', '27-1-4']],
  [undefined, ['show', '--week', '2027-02-29']],
  [undefined, ['show', '--from', '2027-01-10', '--to', '2027-01-01']],
  [undefined, ['show', '--from', '2027-01-01', '--to', '2030-01-01']],
  [undefined, ['show', '--month', '2027-00']],
  [undefined, ['check', '--from', '2027-01-10', '--to', '2027-01-01']],
  [undefined, ['stats', '--month', '2027-13']],
  [undefined, ['who', '--at', '25:99']],
  [undefined, ['who', '--at', '2027-01-05T24:30']],
  [undefined, ['log', '--since', '2027-99-01']],
  [undefined, ['handover', 'list', '--date', '2027-02-30']],
  ['mei', ['generate', '--start', '2027-02-30']],
  ['mei', ['assign', '2027-02-31', 'A', 'ana']],
  ['mei', ['holiday', 'add', '2027-02-29', '--name', 'Leap day that is not']],
  ['ana', ['leave', 'request', '--from', '2027-01-10', '--to', '2027-01-05']],
  ['ana', ['leave', 'request', '--from', '2027-01-10', '--to', '2029-01-05']],
  ['ana', ['swap', 'request', '--date', 'someday', '--with', 'ben']],
  ['ana', ['swap', 'check', '--date', '2027-01-05', '--with', 'dev', '--payback', '2027-02-30']],
  // Absurd numbers.
  ['mei', ['generate', '--weeks', '100000']],
  ['mei', ['generate', '--weeks', '-3']],
  ['mei', ['generate', '--weeks', '1e3']],
  ['mei', ['generate', '--weeks', '2.5']],
  ['mei', ['generate', '--seed', '-1']],
  ['mei', ['generate', '--cyclic', '--repeat', '0']],
  ['mei', ['generate', '--cyclic', '--repeat', '1e3']],
  ['mei', ['generate', '--repeat', '2']],
  ['mei', ['generate', '--rotate-lines']],
  ['mei', ['extend', '--cycles', 'abc']],
  ['mei', ['extend', '--cycles', '0']],
  ['mei', ['shift', 'add', 'X', '--start', '09:00', '--end', '17:00', '--headcount', '-1']],
  ['mei', ['shift', 'add', 'X', '--start', '09:00', '--end', '17:00', '--headcount', '100000']],
  ['mei', ['shift', 'add', 'X', '--start', '25:00', '--end', '17:00']],
  ['mei', ['config', 'set', 'swap.max-per-month', '-1']],
  ['mei', ['config', 'set', 'swap.max-per-month', '1e9']],
  ['mei', ['config', 'set', 'service.hours', '9-5']],
  [undefined, ['log', '--limit', '0']],
  [undefined, ['holiday', 'list', '--year', '20270']],
  // Unknown ids.
  ['mei', ['swap', 'approve', '999']],
  ['mei', ['swap', 'approve', 'abc']],
  ['mei', ['swap', 'approve', '99999999999999999999']],
  ['mei', ['leave', 'approve', '99']],
  ['mei', ['staff', 'remove', 'nobody']],
  ['mei', ['assign', '2027-01-10', 'Z', 'ana']],
  ['mei', ['assign', '2027-01-10', 'A', 'nobody']],
  ['mei', ['generate', '--start', '2027-06-07', '--staff', 'ana,nobody']],
  ['mei', ['shift', 'remove', 'Q']],
  ['mei', ['holiday', 'remove', '2027-05-09']],
  ['ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'nobody']],
  ['nobody', ['handover', 'add', '--shift', 'A', '--note', 'hello']],
  [undefined, ['swap', 'list', '--staff', 'nobody']],
  [undefined, ['swap', 'form', '42']],
  [undefined, ['config', 'get', 'no.such.key']],
  // Names and text: too long, control characters, bidi overrides, bad ids.
  ['mei', ['staff', 'add', 'zed', '--name', long(101)]],
  ['mei', ['staff', 'add', 'zed', '--name', long(100_000)]],
  ['mei', ['staff', 'add', 'zed', '--name', 'Zed\u0007Bell']],
  ['mei', ['staff', 'add', 'zed', '--name', 'Zed\nSecond line']],
  ['mei', ['staff', 'add', 'zed', '--name', '\u202eevil']],
  ['mei', ['staff', 'add', 'zed', '--name', '   ']],
  ['mei', ['staff', 'add', 'Bad Id', '--name', 'Bad']],
  ['mei', ['staff', 'add', long(33, 'z'), '--name', 'Long id']],
  ['mei', ['staff', 'add', 'zed', '--name', 'Zed', '--role', 'boss']],
  ['mei', ['shift', 'add', "A'B", '--start', '09:00', '--end', '17:00']],
  ['mei', ['holiday', 'add', '2027-05-01', '--name', '']],
  ['ana', ['handover', 'add', '--shift', 'A', '--note', long(2001)]],
  ['ana', ['handover', 'add', '--shift', 'A', '--note', 'tab\tis fine, escape \u001b[31m is not']],
  ['ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'dev', '--reason', long(501)]],
  ['ana', ['leave', 'request', '--from', '2027-01-20', '--to', '2027-01-21', '--reason', 'a\u0001b']],
  [undefined, ['init', '--lead', 'x y', '--name', 'Z']],
  // Files: missing folders, missing files.
  [undefined, ['backup', '-o', '/no/such/folder/b.db']],
  ['mei', ['restore', join(files, 'not-there.db')]],
  // Unknown commands and options.
  [undefined, ['frobnicate']],
  [undefined, ['show', '--frobnicate']],
  [undefined, ['swap', 'frobnicate']],
]

/** Broken holiday files: truncated, wrong encoding, binary, huge, malformed rows. */
function importCases(): [string | undefined, string[]][] {
  const ics = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body}END:VCALENDAR\r\n`
  const huge = file('huge.csv', '')
  truncateSync(huge, 6 * 1024 * 1024)
  mkdirSync(join(files, 'folder.csv'), { recursive: true })
  const paths = [
    file('truncated.ics', 'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270501\nSUMM'),
    file('unclosed.ics', 'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270501\nSUMMARY:Labour Day\n'),
    file('latin1.csv', Buffer.from('2027-05-01,F\xe9te du travail\n', 'latin1')),
    file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('2027-05-01,Labour Day\n', 'utf16le')])),
    file('binary.csv', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) & 0xff))),
    file('binary.ics', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 104729) & 0xff))),
    huge,
    file('impossible.csv', '2027-02-30,Nope\n'),
    file('short-row.csv', 'date,name\n2027-05-01\n'),
    file('long-name.csv', `2027-05-01,${long(200)}\n`),
    file('control.csv', '2027-05-01,a\u0007b\n'),
    file('empty.csv', ''),
    file('empty.ics', ''),
    file('bad-end.ics', ics('BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270501\r\nDTEND;VALUE=DATE:99991231\r\nSUMMARY:Forever\r\nEND:VEVENT\r\n')),
    file('endless.ics', ics('BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270501\r\nRRULE:FREQ=DAILY;COUNT=1000000\r\nSUMMARY:Daily\r\nEND:VEVENT\r\n')),
    file('second.ics', ics('BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270501\r\nRRULE:FREQ=SECONDLY;UNTIL=20990101T000000Z\r\nSUMMARY:Often\r\nEND:VEVENT\r\n')),
    join(files, 'folder.csv'),
    join(files, 'missing.ics'),
    file('notes.txt', '2027-05-01,Labour Day\n'),
  ]
  return paths.map((p) => ['mei', ['holiday', 'import', p]])
}

let healthy: string

beforeAll(() => {
  healthy = rosterDb()
  // Something to point ids at: swap #1 and leave #1, both pending.
  expect(roster(['swap', 'request', '--date', '2027-01-05', '--with', 'dev'], { db: healthy, as: 'ana', now: NOW }).code).toBe(0)
  expect(roster(['leave', 'request', '--from', '2027-01-20', '--to', '2027-01-21'], { db: healthy, as: 'chen', now: NOW }).code).toBe(0)
})

describe('bad input', () => {
  it('is exit 2 with one sentence on stderr and nothing written, for every command that takes input', async () => {
    const cases = [...CASES, ...importCases()]
    expect(cases.length).toBeGreaterThan(80)
    // Four lanes, each with its own copy, so a write can be pinned on the case that made it.
    const lanes = [0, 1, 2, 3].map(() => copyDb(healthy, 'bad-input'))
    const results = await inLanes(cases, 4, async ([as, args], lane) => {
      const db = lanes[lane]!
      const before = fileHash(db)
      const r = await rosterAsync(args, { db, as, now: NOW, cwd: files })
      return { as, args, r, changed: fileHash(db) !== before }
    })
    const wrong = results.filter(({ r, changed }) => r.code !== 2 || changed || r.out !== '' || !/^roster: \S[^\n]*[.!?]\n$/.test(r.err))
    expect(wrong.map(({ as, args, r, changed }) => `${as ?? '-'}: ${args.join(' ').slice(0, 200)}${changed ? ' (wrote to the database)' : ''} -> ${explain(r)}`)).toEqual([])
    for (const { args, r } of results) expectOneLineError(r, args.join(' ').slice(0, 200))
    // (On PostgreSQL each look at the database is a worker thread and a log-in: twice the time.)
  }, BACKEND === 'postgres' ? 400_000 : 180_000)

  it('echoes hostile input back only in a printable, bounded form', () => {
    const r = roster(['staff', 'add', `bad\u001b[2J${long(5000, 'y')}`, '--name', 'x'], { db: healthy, as: 'mei', now: NOW })
    expect(r.code).toBe(2)
    expect(r.err).not.toContain('\u001b')
    expect(r.err.length).toBeLessThan(300)
  })
})
