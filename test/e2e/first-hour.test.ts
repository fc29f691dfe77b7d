// The first hour (SPEC section 14): the quick start run twice, the default
// range of show and export, ranges that read the same everywhere, config
// list, and every next step the tool suggests working as printed.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import stringWidth from 'string-width'
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../src/domain/dates.js'
import { demoDb, fileHash, roster, tempDb, tempDir, type RunOptions } from '../support/cli.js'

const SUNDAY = '2027-01-03T18:00:00' // the roster generated now starts Monday 2027-01-04
const WEDNESDAY = '2027-01-13T10:00:00'

/** The commands a text suggests: `Next: roster ...`, `see "roster ..."`, `try "roster ..."`, `Waiting for ...: roster ...`. */
function suggestions(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/(?:see|try|with) "(roster [^"]+)"/g)) out.push(m[1]!)
  for (const m of text.matchAll(/(?:Next: (?:[^\n]*?e\.g\. )?|Waiting for [^:\n]+: )(roster [^\n]+?)(?: \(or [a-z]+\))?\.?$/gm)) out.push(m[1]!)
  return out
}

/** Splits a suggested command into argv (double quotes group words), without the leading `roster`. */
function argvOf(cmd: string): string[] {
  const words = [...cmd.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!)
  expect(words[0]).toBe('roster')
  return words.slice(1)
}

/** Runs every command `text` suggests against `db` as printed (no --as added, ROSTER_USER unset): each must exit 0. */
function followAll(text: string, o: RunOptions): string[] {
  const cmds = suggestions(text)
  for (const c of cmds) {
    const r = roster(argvOf(c), o)
    expect(r.code, `"${c}" (suggested by: ${text.trim()}) failed: ${r.err}`).toBe(0)
  }
  return cmds
}

/** Who works which shift on each day of the demo roster from 2027-01-04 (from `show --json`). */
function shiftsByDay(db: string): Map<string, Map<string, string>> {
  const r = roster(['show', '--from', '2027-01-04', '--to', '2027-01-24'], { db, now: SUNDAY, json: true })
  const out = new Map<string, Map<string, string>>()
  for (const a of (JSON.parse(r.out) as { assignments: { date: string; shift: string; staff: string }[] }).assignments) {
    if (!out.has(a.date)) out.set(a.date, new Map())
    out.get(a.date)!.set(a.staff, a.shift)
  }
  return out
}

/**
 * The first day of the demo roster on which ana may swap with chen (the dry run passes) and
 * ana and dev both work the day after: whatever roster the search draws, the tests below
 * need such a pair of days, not particular dates.
 */
function swapDays(db: string): { first: string; second: string } {
  const days = shiftsByDay(db)
  for (const [date] of days) {
    const second = addDays(date, 1)
    if (!days.get(second)?.has('ana') || !days.get(second)?.has('dev')) continue
    if (roster(['swap', 'check', '--date', date, '--with', 'chen'], { db, as: 'ana', now: SUNDAY }).code === 0) return { first: date, second }
  }
  throw new Error('the demo roster has no day on which ana may swap with chen and ana and dev work the day after')
}

describe('every next step the tool suggests works as printed', () => {
  it('init with a lead only suggests adding people, and that works; then generate works once people are on the rotation', () => {
    const db = tempDb('hint')
    const r = roster(['init', '--lead', 'mei', '--name', 'Mei Lin'], { db })
    expect(r.out).toContain('Next: add the people on the rotation, e.g. roster staff add ana --name "Ana Souza" --as mei')
    expect(followAll(r.out, { db })).toEqual(['roster staff add ana --name "Ana Souza" --as mei'])
  })

  it('init without a lead suggests naming one, which works', () => {
    const db = tempDb('hint')
    const r = roster(['init'], { db })
    expect(followAll(r.out, { db })).toEqual(['roster staff add mei --name "Mei Lin" --role lead'])
  })

  it('init --demo suggests generate --as mei, which works', () => {
    const db = tempDb('hint')
    const r = roster(['init', '--demo'], { db })
    expect(followAll(r.out, { db })).toEqual(['roster generate --as mei'])
  })

  it('a swap request, its acceptance and a leave request name commands that work with ROSTER_USER unset', () => {
    const db = demoDb({ start: '2027-01-04', now: SUNDAY })
    const o = { db, now: SUNDAY }
    const { first } = swapDays(db)
    const req = roster(['swap', 'request', '--date', first, '--with', 'chen'], { ...o, as: 'ana' })
    expect(req.code, req.err).toBe(0)
    expect(followAll(req.out, o)).toEqual(['roster swap accept 1 --as chen'])
    const accepted = roster(['swap', 'list'], o).out
    expect(accepted).toContain('accepted')
    // The acceptance printed the approval, naming a lead who takes no part.
    const db2 = demoDb({ start: '2027-01-04', now: SUNDAY })
    const o2 = { db: db2, now: SUNDAY }
    expect(roster(['swap', 'request', '--date', swapDays(db2).first, '--with', 'chen'], { ...o2, as: 'ana' }).code).toBe(0)
    const acc = roster(['swap', 'accept', '1'], { ...o2, as: 'chen' })
    expect(acc.out).toContain('roster swap approve 1 --as mei (or reject).')
    expect(followAll(acc.out, o2)).toEqual(['roster swap approve 1 --as mei'])
    const leave = roster(['leave', 'request', '--from', '2027-01-20', '--to', '2027-01-21'], { ...o2, as: 'ben' })
    expect(followAll(leave.out, o2)).toEqual(['roster leave approve 1 --as mei'])
    const approved = roster(['leave', 'list'], { ...o2, json: true })
    expect(approved.out).toContain('"approved"')
  })

  it('a swap refused by several rules points to the dry run of that very swap, which works', () => {
    const db = demoDb({ start: '2027-01-04', now: SUNDAY })
    // ana swaps with chen on one day; a swap with dev the day after (both work it) is consecutive;
    // with a holiday that day it breaks two rules.
    const { first, second } = swapDays(db)
    expect(roster(['holiday', 'add', second, '--name', 'Test day'], { db, as: 'mei', now: SUNDAY }).code).toBe(0)
    expect(roster(['swap', 'request', '--date', first, '--with', 'chen'], { db, as: 'ana', now: SUNDAY }).code).toBe(0)
    const r = roster(['swap', 'request', '--date', second, '--with', 'dev'], { db, as: 'ana', now: SUNDAY })
    expect(r.code).toBe(1)
    expect(r.err).toContain(`see "roster swap check --date ${second} --with dev --as ana"`)
    expect(suggestions(r.err)).toEqual([`roster swap check --date ${second} --with dev --as ana`])
    // The dry run lists every rule, both broken ones included (it exits 1 as the swap would be refused).
    const dry = roster(argvOf(suggestions(r.err)[0]!), { db, now: SUNDAY })
    expect(dry.code).toBe(1)
    expect(dry.out).toMatch(/swap\.holiday +│ FAIL/)
    expect(dry.out).toMatch(/swap\.consecutive +│ FAIL/)
    // The dry run's table fits 80 columns (output is not a terminal), its reasons wrapped at spaces.
    expect(dry.out.split('\n').filter((l) => stringWidth(l) > 80)).toEqual([])
    expect(dry.out.replace(/[│\s]+/g, ' ')).toContain(`${second} is a holiday (Test day): whoever is on duty on a holiday may not swap`)
    // Every table is ruled alike: a line under the header only.
    expect(dry.out.split('\n').filter((l) => l.startsWith('├'))).toHaveLength(1)
  })

  it('with no roster yet, show and check name generate with a lead, and that works with ROSTER_USER unset', () => {
    for (const cmd of [['show'], ['check']]) {
      const db = demoDb({ now: SUNDAY })
      const r = roster(cmd, { db, now: SUNDAY })
      expect(r.out).toContain('"roster generate --as mei"')
      expect(followAll(r.out, { db, now: SUNDAY })).toEqual(['roster generate --as mei'])
    }
  })

  it('show on an empty range points to the roster\'s range, and an unknown staff id to the staff list; both work', () => {
    const db = demoDb({ start: '2027-01-04', now: SUNDAY })
    const empty = roster(['show', '--from', '2027-03-01', '--to', '2027-03-07'], { db, now: SUNDAY })
    expect(followAll(empty.out + empty.err, { db, now: SUNDAY }).length).toBeGreaterThan(0)
    const unknown = roster(['show', '--staff', 'zed'], { db, now: SUNDAY })
    expect(unknown.code).toBe(2)
    expect(followAll(unknown.err, { db, now: SUNDAY })).toEqual(['roster staff list'])
  })
})

describe('the quick start runs twice', () => {
  it('generate --demo where the database exists keeps it, says so in one line, prints its roster, exits 0 with no identity', () => {
    const dir = tempDir('twice')
    const first = roster(['generate', '--demo'], { cwd: dir, now: SUNDAY })
    expect(first.code, first.err).toBe(0)
    const db = join(dir, 'roster.db')
    const before = fileHash(db)
    const second = roster(['generate', '--demo'], { cwd: dir, now: SUNDAY })
    expect(second.code, second.err).toBe(0)
    expect(second.err).toBe('')
    expect(second.out.split('\n')[0]).toBe(`${db} already exists: kept it as it is (nothing generated). Its roster 2027-01-04 to 2027-01-24:`)
    expect(second.out.split('\n').filter((l) => l.includes('already exists'))).toHaveLength(1)
    expect(second.out).toContain('│ ana ')
    expect(fileHash(db)).toBe(before)
    const json = roster(['generate', '--demo', '--json'], { cwd: dir, now: SUNDAY })
    expect(json.code).toBe(0)
    expect(JSON.parse(json.out)).toMatchObject({ from: '2027-01-04', to: '2027-01-24', kept: true })
    expect(JSON.parse(json.out).assignments).toHaveLength(63)
    // Chinese too.
    const zh = roster(['--lang', 'zh-CN', 'generate', '--demo'], { cwd: dir, now: SUNDAY })
    expect(zh.out.split('\n')[0]).toBe(`${db} 已存在：保持原样（未重新生成）。其中 2027-01-04 至 2027-01-24 的排班：`)
  })

  it('generate --demo with bad input on an existing database still fails (exit 2) and changes nothing', () => {
    const dir = tempDir('twice-bad')
    expect(roster(['generate', '--demo'], { cwd: dir, now: SUNDAY }).code).toBe(0)
    const before = fileHash(join(dir, 'roster.db'))
    const r = roster(['generate', '--demo', '--weeks', 'x'], { cwd: dir, now: SUNDAY })
    expect(r.code).toBe(2)
    expect(fileHash(join(dir, 'roster.db'))).toBe(before)
  })
})

describe('show and export without a range', () => {
  it('generated on a Sunday: the next cycle, all three weeks, no open week', () => {
    const dir = tempDir('sunday')
    expect(roster(['generate', '--demo'], { cwd: dir, now: SUNDAY }).code).toBe(0)
    const db = join(dir, 'roster.db')
    const show = roster(['show'], { db, now: SUNDAY, json: true })
    expect([show.json.from, show.json.to, show.json.assignments.length]).toEqual(['2027-01-04', '2027-01-24', 63])
    const text = roster(['show'], { db, now: SUNDAY }).out
    expect(text.split('\n')[0]).toBe('Roster 2027-01-04 to 2027-01-24 (the next cycle: nothing is assigned today; cycle.weeks = 3):')
    expect(text).not.toContain('Open')
    const json = roster(['export', '--format', 'json'], { db, now: SUNDAY })
    expect([JSON.parse(json.out).from, JSON.parse(json.out).to, JSON.parse(json.out).assignments.length]).toEqual(['2027-01-04', '2027-01-24', 63])
    const html = roster(['export', '--format', 'html'], { db, now: SUNDAY }).out
    expect(html).toContain('<title>Duty roster 2027-01-04 to 2027-01-24</title>')
    const csv = roster(['export', '--format', 'csv'], { db, now: SUNDAY }).out.trim().split('\n')
    expect(csv).toHaveLength(64)
  })

  it('once the roster runs, the week that holds today (unchanged); with no roster after today, this week', () => {
    const db = demoDb({ start: '2027-01-04', now: SUNDAY })
    expect(roster(['show'], { db, now: WEDNESDAY, json: true }).json.from).toBe('2027-01-11')
    expect(roster(['show'], { db, now: '2027-03-03T10:00:00', json: true }).json.from).toBe('2027-03-01')
  })
})

describe('ranges read the same everywhere', () => {
  it('--from with --weeks in show, export and check; --weeks alone from this Monday', () => {
    const db = demoDb({ start: '2027-01-04', now: SUNDAY })
    const o = { db, now: WEDNESDAY }
    expect(roster(['show', '--from', '2027-01-05', '--weeks', '1'], { ...o, json: true }).json).toMatchObject({ from: '2027-01-05', to: '2027-01-11' })
    expect(JSON.parse(roster(['export', '--format', 'json', '--from', '2027-01-04', '--weeks', '2'], o).out)).toMatchObject({ from: '2027-01-04', to: '2027-01-17' })
    expect(JSON.parse(roster(['export', '--format', 'json', '--weeks', '1'], o).out)).toMatchObject({ from: '2027-01-11', to: '2027-01-17' })
    expect(roster(['check', '--from', '2027-01-04', '--weeks', '1'], { ...o, json: true }).json).toMatchObject({ from: '2027-01-04', to: '2027-01-10' })
    expect(roster(['check', '--month', '2027-01'], { ...o, json: true }).json).toMatchObject({ from: '2027-01-01', to: '2027-01-31' })
  })

  it('generate --from is generate --start', () => {
    const db = demoDb({ now: SUNDAY })
    const r = roster(['generate', '--from', '2027-02-01', '--weeks', '1'], { db, as: 'mei', now: SUNDAY, json: true })
    expect(r.code, r.err).toBe(0)
    expect([r.json.from, r.json.to]).toEqual(['2027-02-01', '2027-02-07'])
  })

  let db = ''
  beforeAll(() => {
    db = demoDb({ start: '2027-01-04', now: SUNDAY })
  })
  it.each([
    [['show', '--weeks', '0']],
    [['show', '--weeks', 'two']],
    [['show', '--from', '2027-01-04', '--to', '2027-01-10', '--weeks', '1']],
    [['show', '--month', '2027-01', '--weeks', '1']],
    [['export', '--format', 'json', '--weeks', '-1']],
    [['check', '--month', '2027-01', '--from', '2027-01-04']],
    [['check', '--weeks', '999']],
    [['generate', '--from', '2027-02-01', '--start', '2027-02-01']],
    [['generate', '--from', 'mon+x']],
  ])('bad range %j: exit 2, one sentence, database unchanged', (args) => {
    const before = fileHash(db)
    const r = roster(args, { db, as: 'mei', now: SUNDAY })
    expect(r.code).toBe(2)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(fileHash(db)).toBe(before)
  })
})

describe('config list', () => {
  it('lists every key with its value and default, in text and JSON, without an identity', () => {
    const db = demoDb({ now: SUNDAY })
    expect(roster(['config', 'set', 'swap.max-per-month', '2'], { db, as: 'mei' }).code).toBe(0)
    const r = roster(['config', 'list'], { db, json: true })
    expect(r.code).toBe(0)
    expect(r.json.config).toEqual([
      { key: 'swap.max-per-month', value: '2', default: '3' },
      { key: 'roster.min-rest-hours', value: '11', default: '11' },
      { key: 'roster.max-consecutive-days', value: '6', default: '6' },
      { key: 'service.hours', value: '09:00-24:00', default: '09:00-24:00' },
      { key: 'cycle.weeks', value: '3', default: '3' },
      { key: 'timezone', value: 'system', default: 'system' },
      { key: 'open.auto-approve', value: 'false', default: 'false' },
      { key: 'notify.hint', value: 'true', default: 'true' },
      { key: 'notify.webhook', value: 'none', default: 'none' },
      { key: 'notify.format', value: 'json', default: 'json' },
      { key: 'notify.timeout-ms', value: '2000', default: '2000' },
      { key: 'notify.lang', value: 'auto', default: 'auto' },
    ])
    const text = roster(['config', 'list'], { db }).out
    expect(text).toMatch(/│ swap\.max-per-month +│ 2 +│ 3 +│/)
    expect(roster(['--lang', 'zh-CN', 'config', 'list'], { db }).out).toContain('默认值')
  })
})

describe('the README names the relative dates the tour uses', () => {
  it('mentions mon+2 and next-mon', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')
    expect(readme).toContain('`mon+2`')
  })
})

describe('ROSTER_DEBUG=1', () => {
  it('stack traces name the TypeScript source, never a temporary build folder; without it, one sentence', () => {
    const dir = tempDir('debug')
    const args = ['--db', join(dir, 'missing-folder', 'roster.db'), 'show']
    const r = roster(args, { env: { ROSTER_DEBUG: '1' } })
    expect(r.code).toBe(3)
    expect(r.err).toMatch(/\(.*src\/store\/db\.ts:\d+:\d+\)/)
    expect(r.err).not.toMatch(/dist\.next|dist\.old/)
    const plain = roster(args)
    expect(plain.err.trim().split('\n')).toHaveLength(1)
    expect(plain.err).not.toContain('src/')
  })
})
