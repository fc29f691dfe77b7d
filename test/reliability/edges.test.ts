// The I/O edges (SPEC 15): no -o can overwrite the database, only regular
// files are read, backups never overwrite, a refused generate --demo leaves
// nothing, empty date options are bad input, text from the database reaches
// the terminal without control characters, iCalendar folds at 75 octets, a
// failed write is an error, and reading needs no write access.

import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, ftruncateSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKEND, BIN, fileHash, roster, STACK_TRACE, tempDb, tempDir, type RunResult } from '../support/cli.js'
import { NOW, rosterDb, sql } from '../e2e/swap-support.js'
import { copyDb, count, integrity } from './support.js'

const ENV: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ROSTER_USER: '', ROSTER_OS_USER: 'roster-tests', ROSTER_NOW: NOW }
delete ENV.ROSTER_DB

/** Runs the CLI with a hard time limit: a run that hangs fails the test instead of the suite. */
function bounded(args: string[], o: { cwd: string; as?: string; json?: boolean; uid?: number; gid?: number; timeoutMs?: number }): Promise<RunResult & { timedOut: boolean }> {
  return new Promise((done) => {
    const argv = [BIN, ...(o.as ? ['--as', o.as] : []), ...(o.json ? ['--json'] : []), ...args]
    const p = spawn(process.execPath, argv, { cwd: o.cwd, env: { ...ENV, HOME: o.cwd }, ...(o.uid !== undefined ? { uid: o.uid, gid: o.gid } : {}) })
    let out = ''
    let err = ''
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      p.kill('SIGKILL')
    }, o.timeoutMs ?? 20_000)
    p.stdout.on('data', (d) => (out += d))
    p.stderr.on('data', (d) => (err += d))
    p.on('close', (code) => {
      clearTimeout(timer)
      done({ code, out, err, timedOut })
    })
  })
}

function refusedCleanly(r: RunResult & { timedOut?: boolean }, what: string): void {
  expect(r.timedOut ?? false, `${what} hung`).toBe(false)
  expect(r.code, `${what}: ${r.err}`).toBe(2)
  expect(r.err, what).not.toMatch(STACK_TRACE)
  expect(r.err, what).not.toMatch(/Unexpected failure|Wrote /)
  expect(r.err.trim().split('\n'), what).toHaveLength(1)
}

let template: string

/**
 * Where a test runs the CLI (its working folder) and what it passes as --db:
 * the database's own folder and "roster.db", or for a PostgreSQL database a
 * folder of its own and the URL.
 */
function place(db: string): { dir: string; arg: string } {
  return BACKEND === 'postgres' ? { dir: tempDir('edges-cwd'), arg: db } : { dir: dirname(db), arg: 'roster.db' }
}

beforeAll(() => {
  template = rosterDb()
  // Swap #1 so that "swap form 1" has a form to write.
  expect(roster(['swap', 'request', '--date', '2027-01-05', '--with', 'dev'], { db: template, as: 'ana', now: NOW }).code).toBe(0)
})

// SQLite only: -o naming the database file (a PostgreSQL database has no file an -o could name).
describe.runIf(BACKEND === 'sqlite')('-o aimed at the database', () => {
  it('is refused with exit 2 for six spellings (a symbolic link among them) across every command with -o, the database byte-identical', async () => {
    const db = copyDb(template, 'edges-o')
    const dir = dirname(db)
    mkdirSync(join(dir, 'x'))
    symlinkSync('roster.db', join(dir, 'link.db'))
    symlinkSync(join(dir, 'roster.db-wal'), join(dir, 'dangling-wal-link.csv'))
    // The six spellings of the issue, across every command with -o; more spellings for export.
    const six = [db, 'roster.db', './x/../roster.db', 'link.db', 'roster.db-wal', 'roster.db-journal']
    const more = ['roster.db-shm', 'dangling-wal-link.csv', join('..', relative(dirname(dir), dir), 'roster.db')]
    const commands = [
      ['export', '--format', 'csv', '-o'],
      ['stats', '--format', 'md', '-o'],
      ['check', '--format', 'csv', '-o'],
      ['swap', 'form', '1', '-o'],
      ['backup', '-o'],
    ]
    const lines: [string[], string][] = [
      ...commands.flatMap((cmd) => six.map((target) => [cmd, target] as [string[], string])),
      ...more.map((target) => [['export', '--format', 'ics', '--output'], target] as [string[], string]),
      [['export', '--format', 'html', '-o'], 'link.db'],
      [['swap', 'ledger', '--format', 'csv', '-o'], 'roster.db-wal'],
    ]
    const before = fileHash(db)
    for (let i = 0; i < lines.length; i += 4) {
      await Promise.all(lines.slice(i, i + 4).map(async ([cmd, target]) => {
        const r = await bounded(['--db', 'roster.db', ...cmd, target], { cwd: dir, as: 'mei' })
        const what = `${cmd.join(' ')} ${target}`
        refusedCleanly(r, what)
        expect(r.err, what).toMatch(/is the roster database .*roster\.db or one of its -wal, -shm or -journal files/)
      }))
    }
    expect(fileHash(db)).toBe(before)
    // Only SQLite's own -wal and -shm may have appeared (a reader opened the database); -o wrote none of them.
    expect(readdirSync(dir).filter((f) => f !== 'roster.db-wal' && f !== 'roster.db-shm').sort()).toEqual(['dangling-wal-link.csv', 'link.db', 'roster.db', 'x'])
    if (existsSync(join(dir, 'roster.db-wal'))) expect(readFileSync(join(dir, 'roster.db-wal')).subarray(0, 1024).toString('latin1')).not.toMatch(/date|<html|\{"|Roster|,/)
    expect(integrity(db)).toBe('ok')
  }, 240_000)

  it('is refused under --json with the error code output-is-database, and in Chinese too', () => {
    const db = copyDb(template, 'edges-o-json')
    const json = roster(['export', '--format', 'csv', '-o', db], { db, json: true, now: NOW })
    expect(json.code).toBe(2)
    expect(json.errJson.error.code).toBe('output-is-database')
    const zh = roster(['--lang', 'zh-CN', 'export', '--format', 'csv', '-o', db], { db, now: NOW })
    expect(zh.code).toBe(2)
    expect(zh.err).toMatch(/是排班数据库 .* 或它的 -wal、-shm、-journal 文件/)
  })

  it('still writes an ordinary file beside the database, and a hard link to the database is refused too', () => {
    const db = copyDb(template, 'edges-o-ok')
    const dir = dirname(db)
    const r = roster(['export', '--format', 'csv', '-o', 'roster.csv'], { db, now: NOW, cwd: dir })
    expect(r.code, r.err).toBe(0)
    expect(readFileSync(join(dir, 'roster.csv'), 'utf8')).toMatch(/^date,/)
    spawnSync('ln', [db, join(dir, 'hard.csv')])
    const before = fileHash(db)
    const hard = roster(['export', '--format', 'csv', '-o', 'hard.csv'], { db, now: NOW, cwd: dir })
    expect(hard.code, hard.err).toBe(2)
    expect(fileHash(db)).toBe(before)
  })
})

describe('reading files', () => {
  let dir: string
  let db: string
  let arg: string
  beforeAll(() => {
    db = copyDb(template, 'edges-in')
    ;({ dir, arg } = place(db))
    for (const name of ['fifo.ics', 'fifo.csv', 'fifo.txt', 'fifo.db']) spawnSync('mkfifo', [join(dir, name)])
    expect(existsSync(join(dir, 'fifo.ics'))).toBe(true)
    symlinkSync('/dev/zero', join(dir, 'zero.ics'))
    mkdirSync(join(dir, 'folder.ics'))
    mkdirSync(join(dir, 'folder.db'))
    // Sparse files over 50 MB: they take no disk space, and must never be read.
    for (const name of ['huge.ics', 'huge.txt', 'huge.db']) {
      const fd = openSync(join(dir, name), 'w')
      ftruncateSync(fd, 51 * 1024 * 1024)
      closeSync(fd)
    }
  })

  const cases: [string, string[]][] = [
    ['holiday import of a FIFO', ['holiday', 'import', 'fifo.ics']],
    ['holiday import of a FIFO (csv)', ['holiday', 'import', 'fifo.csv']],
    ['holiday import of /dev/zero', ['holiday', 'import', '/dev/zero']],
    ['holiday import of /dev/zero under a .ics name', ['holiday', 'import', 'zero.ics']],
    ['holiday import of a folder', ['holiday', 'import', 'folder.ics']],
    ['holiday import of a 51 MB file', ['holiday', 'import', 'huge.ics']],
    ['restore of a FIFO', ['restore', 'fifo.db']],
    ['restore of /dev/zero', ['restore', '/dev/zero']],
    ['restore of a folder', ['restore', 'folder.db']],
    ['restore of a 51 MB file', ['restore', 'huge.db']],
    ['solve of a FIFO', ['solve', 'fifo.txt']],
    ['solve of /dev/zero', ['solve', '/dev/zero']],
    ['solve of /dev/urandom', ['solve', '/dev/urandom']],
    ['solve of a folder', ['solve', 'folder.ics']],
    ['solve of a 51 MB file', ['solve', 'huge.txt']],
  ]
  for (const [what, args] of cases) {
    it(`refuses ${what} with exit 2 without reading it, the database unchanged`, async () => {
      const before = fileHash(db)
      const r = await bounded(['--db', arg, ...args], { cwd: dir, as: 'mei', timeoutMs: 15_000 })
      refusedCleanly(r, what)
      expect(r.err).toMatch(/pipe|device|folder|MB|must end in \.ics/)
      expect(fileHash(db)).toBe(before)
    })
  }
})

describe('roster backup', () => {
  it('six backups started at once in parallel processes: six distinct files, each a whole roster database, no partial file', async () => {
    const db = copyDb(template, 'edges-backup')
    const { dir, arg } = place(db)
    const runs = await Promise.all(Array.from({ length: 6 }, () => bounded(['--db', arg, 'backup'], { cwd: dir, json: true })))
    for (const r of runs) expect(r.code, r.err).toBe(0)
    const files = runs.map((r) => JSON.parse(r.out).backup as string)
    expect(new Set(files).size).toBe(6)
    for (const f of files) {
      expect(existsSync(f), f).toBe(true)
      const copy = new Database(f, { readonly: true, fileMustExist: true })
      expect(copy.pragma('application_id', { simple: true })).toBe(0x524f5354)
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect((copy.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBeGreaterThan(0)
      copy.close()
    }
    const left = readdirSync(dir)
    expect(left.filter((f) => /partial|\.tmp$/.test(f))).toEqual([])
    expect(left.filter((f) => /^roster-(\w+-)?\d{8}-\d{6}(-\d+)?\.db$/.test(f)).sort()).toEqual(files.map((f) => f.slice(dir.length + 1)).sort())
  })

  it('refuses an -o that exists (never overwrites it) and a folder that does not exist, leaving no partial file', () => {
    const db = copyDb(template, 'edges-backup-o')
    const { dir } = place(db)
    writeFileSync(join(dir, 'keep.db'), 'precious')
    const r = roster(['backup', '-o', 'keep.db'], { db, cwd: dir, now: NOW })
    expect(r.code).toBe(2)
    expect(readFileSync(join(dir, 'keep.db'), 'utf8')).toBe('precious')
    expect(roster(['backup', '-o', 'no/such/b.db'], { db, cwd: dir, now: NOW }).code).toBe(2)
    expect(readdirSync(dir).sort()).toEqual(BACKEND === 'postgres' ? ['keep.db'] : ['keep.db', 'roster.db'])
  })
})

describe('a refused command leaves nothing behind', () => {
  // SQLite only: the database file generate --demo would create (PostgreSQL's case is the next one).
  it.runIf(BACKEND === 'sqlite')('generate --demo with a date that does not exist (or an empty one, or an unknown --staff) in an empty folder: exit 2, no database', async () => {
    for (const bad of [['--start', '2026-02-30'], ['--start', ''], ['--start', ' '], ['--staff', 'nobody'], ['--weeks', '0']]) {
      const dir = tempDir('edges-demo')
      const r = await bounded(['generate', '--demo', ...bad], { cwd: dir })
      refusedCleanly(r, `generate --demo ${bad.join(' ')}`)
      expect(readdirSync(dir), bad.join(' ')).toEqual([])
    }
    // The near miss: the same with a real date creates the demo database.
    const dir = tempDir('edges-demo-ok')
    const ok = await bounded(['generate', '--demo', '--start', '2027-01-04'], { cwd: dir })
    expect(ok.code, ok.err).toBe(0)
    expect(readdirSync(dir)).toContain('roster.db')
  })

  // PostgreSQL only: the database is there and empty, and must stay so (SQLite's case, no file at all, is the one before).
  it.runIf(BACKEND === 'postgres')('generate --demo refused on an empty database (no such date, an unknown --staff, a roster that breaks a rule): nothing written, not even the demo team', async () => {
    const db = tempDb('edges-demo')
    const dir = tempDir('edges-demo')
    const empty = fileHash(db)
    // --staff nobody and --weeks 0 are refused by generate itself, after the demo team would be made.
    for (const bad of [['--start', '2026-02-30'], ['--start', ''], ['--staff', 'nobody'], ['--staff', 'ana'], ['--weeks', '0']]) {
      const r = await bounded(['--db', db, 'generate', '--demo', ...bad], { cwd: dir })
      const what = `generate --demo ${bad.join(' ')}`
      expect(r.timedOut, what).toBe(false)
      expect([1, 2], `${what}: ${r.err}`).toContain(r.code)
      expect(r.err.trim().split('\n'), what).toHaveLength(1)
      expect(r.err, what).not.toMatch(STACK_TRACE)
      expect(count(db, 'SELECT count(*) AS n FROM staff'), what).toBe(0)
      expect(fileHash(db), what).toBe(empty)
    }
    expect(readdirSync(dir)).toEqual([])
    // The near miss: the same with a real date makes the demo team and its roster.
    const ok = await bounded(['--db', db, 'generate', '--demo', '--start', '2027-01-04'], { cwd: dir })
    expect(ok.code, ok.err).toBe(0)
    expect(count(db, 'SELECT count(*) AS n FROM staff')).toBe(5)
    expect(count(db, 'SELECT count(*) AS n FROM assignment')).toBeGreaterThan(0)
  })

  it('an empty string for a date option is bad input (exit 2) in every command, the database byte-identical', async () => {
    const db = copyDb(template, 'edges-empty')
    const { dir, arg } = place(db)
    const lines: string[][] = [
      ['generate', '--start', ''], ['generate', '--replace', '--start', ''], ['show', '--week', ''], ['show', '--from', '', '--to', '2027-01-10'],
      ['show', '--from', '2027-01-04', '--to', ''], ['show', '--month', ''], ['who', '--at', ''], ['check', '--from', ''], ['check', '--to', ''],
      ['stats', '--month', ''], ['export', '--format', 'csv', '--from', ''], ['export', '--format', 'csv', '--week', ''],
      ['export', '--format', 'csv', '--month', ''], ['swap', 'request', '--date', '', '--with', 'dev'], ['swap', 'request', '--date', '2027-01-05', '--with', 'dev', '--payback', ''],
      ['swap', 'check', '--date', '', '--with', 'dev'], ['swap', 'list', '--month', ''], ['leave', 'request', '--from', '', '--to', '2027-01-21'],
      ['leave', 'request', '--from', '2027-01-20', '--to', ''], ['handover', 'add', '--shift', 'A', '--date', '', '--note', 'x'], ['handover', 'list', '--date', ''],
      ['log', '--since', ''], ['holiday', 'list', '--year', ''], ['holiday', 'add', '', '--name', 'x'],
    ]
    const before = fileHash(db)
    for (let i = 0; i < lines.length; i += 4) {
      const batch = lines.slice(i, i + 4)
      const results = await Promise.all(batch.map((args) => bounded(['--db', arg, ...args], { cwd: dir, as: args[0] === 'swap' || args[0] === 'leave' ? 'ana' : 'mei' })))
      results.forEach((r, j) => refusedCleanly(r, batch[j]!.join(' ')))
    }
    expect(fileHash(db)).toBe(before)
  })
})

describe('what a database holds is shown safely', () => {
  // (No NUL on PostgreSQL: its text cannot hold one at all, so no command could have stored it.)
  const HOSTILE = `Ana\u001b[2J\u001b]0;owned\u0007\u001b[31mRed\u009b1m\u007f\u0008${BACKEND === 'postgres' ? '' : '\u0000'}X`
  let db: string
  beforeAll(() => {
    db = copyDb(template, 'edges-text')
    sql(db, (d) => {
      d.prepare('UPDATE staff SET name = ? WHERE id = ?').run(HOSTILE, 'ana')
      d.prepare("INSERT INTO holiday (date, name) VALUES ('2027-01-06', ?)").run('Epiphany\u001b[5m\u001bc')
    })
  })

  it('has no control characters or escape sequences in human output (tables, lists, markdown), where --json keeps the text escaped', () => {
    const human = [
      ['staff', 'list'], ['show', '--from', '2027-01-04', '--to', '2027-01-10'], ['holiday', 'list', '--year', '2027'], ['stats', '--month', '2027-01'],
      ['swap', 'list'], ['check', '--from', '2027-01-04', '--to', '2027-01-10'],
    ]
    for (const args of human) {
      const r = roster(args, { db, now: NOW })
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0)
      expect(r.out + r.err, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    }
    // The near miss: the printable part of the name is still shown.
    expect(roster(['staff', 'list'], { db, now: NOW }).out).toMatch(/Ana.*RedX/)
    const json = roster(['staff', 'list'], { db, json: true, now: NOW })
    expect(json.json.staff.find((s: { id: string }) => s.id === 'ana').name).toBe(HOSTILE)
    expect(json.out).not.toMatch(/\u001b/)
  })

  it('folds iCalendar lines at 75 octets, never inside a UTF-8 character, with no control characters', () => {
    sql(db, (d) => d.prepare('UPDATE staff SET name = ? WHERE id = ?').run('陈杰'.repeat(20) + ' 😀'.repeat(10) + '\u001b[2J', 'ben'))
    const { dir } = place(db)
    const r = roster(['export', '--format', 'ics', '--from', '2027-01-04', '--to', '2027-01-24', '-o', 'r.ics'], { db, now: NOW, cwd: dir })
    expect(r.code, r.err).toBe(0)
    const bytes = readFileSync(join(dir, 'r.ics'))
    const lines: Buffer[] = []
    let start = 0
    for (let i = 0; i < bytes.length - 1; i++) if (bytes[i] === 13 && bytes[i + 1] === 10) (lines.push(bytes.subarray(start, i)), (start = i + 2))
    expect(start).toBe(bytes.length)
    const decoder = new TextDecoder('utf-8', { fatal: true })
    let folded = 0
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75)
      expect(() => decoder.decode(line)).not.toThrow()
      if (line[0] === 32) folded++
    }
    expect(folded).toBeGreaterThan(0)
    const text = bytes.toString('utf8')
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/)
    // Unfolded, the name is whole.
    expect(text.replace(/\r\n /g, '')).toContain('陈杰'.repeat(20) + ' 😀'.repeat(10))
  })

  it('a write that fails (-o /dev/full) is exit 2 naming the full disk, never "Wrote", and no temporary file is left', () => {
    const before = readdirSync('/dev').filter((f) => f.endsWith('.tmp'))
    for (const args of [['export', '--format', 'csv'], ['stats', '--format', 'csv'], ['swap', 'form', '1']]) {
      const r = roster([...args, '-o', '/dev/full'], { db, now: NOW })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).toMatch(/Cannot write \/dev\/full: the disk is full/)
      expect(r.err).not.toMatch(/Wrote/)
    }
    expect(readdirSync('/dev').filter((f) => f.endsWith('.tmp'))).toEqual(before)
    // The near miss: /dev/null takes it, and stays the device it was.
    expect(roster(['export', '--format', 'csv', '-o', '/dev/null'], { db, now: NOW }).code).toBe(0)
    expect(spawnSync('test', ['-c', '/dev/null']).status).toBe(0)
    expect(spawnSync('test', ['-c', '/dev/full']).status).toBe(0)
  })
})

// SQLite only: file and folder permissions (on PostgreSQL what a role may write is the server's grants).
describe.runIf(BACKEND === 'sqlite')('reading needs no write access', () => {
  const USER = 'roster-readonly'
  let ids: { uid: number; gid: number } | undefined
  let dir: string
  let db: string

  beforeAll(() => {
    // Root ignores permission bits: the commands run as a real user who is not root.
    if (process.getuid && process.getuid() === 0) {
      if (spawnSync('id', ['-u', USER]).status !== 0) {
        const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', USER], { encoding: 'utf8' })
        expect(made.status, `useradd failed: ${made.stderr}`).toBe(0)
      }
      const uid = Number(spawnSync('id', ['-u', USER], { encoding: 'utf8' }).stdout.trim())
      const gid = Number(spawnSync('id', ['-g', USER], { encoding: 'utf8' }).stdout.trim())
      ids = { uid, gid }
    }
    db = copyDb(template, 'edges-ro')
    dir = dirname(db)
    chmodSync(db, 0o444)
    chmodSync(dir, 0o555)
  })
  afterAll(() => chmodSync(dir, 0o755))

  it('runs as a user who cannot write the folder (not root)', () => {
    const who = spawnSync('sh', ['-c', `touch ${dir}/probe`], { ...(ids ?? {}), encoding: 'utf8' })
    expect(who.status).not.toBe(0)
  })

  it('show, who, check, stats, export and every list work on a database in a read-only folder (file 0444), changing nothing', async () => {
    const before = fileHash(db)
    const reads = [
      ['show', '--from', '2027-01-04', '--to', '2027-01-10'], ['who', '--at', '2027-01-05T10:00'], ['check', '--from', '2027-01-04', '--to', '2027-01-10'],
      ['stats', '--month', '2027-01'], ['export', '--format', 'csv', '--from', '2027-01-04', '--to', '2027-01-10'], ['export', '--format', 'ics', '--month', '2027-01'],
      ['staff', 'list'], ['shift', 'list'], ['holiday', 'list'], ['swap', 'list'], ['leave', 'list'], ['handover', 'list'], ['log'], ['config', 'get'], ['swap', 'form', '1'],
    ]
    for (const args of reads) {
      const r = await bounded(['--db', db, ...args], { cwd: '/', ...ids })
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0)
      expect(r.out.length, args.join(' ')).toBeGreaterThan(0)
    }
    const shown = await bounded(['--db', db, 'show', '--from', '2027-01-04', '--to', '2027-01-10', '--json'], { cwd: '/', ...ids })
    expect(JSON.parse(shown.out).assignments.length).toBeGreaterThan(0)
    // The near miss: a command that writes is refused with a storage error, and nothing changes.
    const write = await bounded(['--db', db, '--as', 'mei', 'staff', 'add', 'zed', '--name', 'Zed'], { cwd: '/', ...ids })
    expect(write.code, write.err).toBe(3)
    expect(write.err).not.toMatch(STACK_TRACE)
    expect(fileHash(db)).toBe(before)
    expect(readdirSync(dir)).toEqual(['roster.db'])
  })
})
