// --db pointing at something that is not a healthy roster database: every
// command, reading or writing, exits 3 with one clear sentence and leaves the
// file byte-identical. (test/store/db.test.ts checks the store's verdicts one
// by one; this runs them through the CLI for many commands at once.)

import { copyFileSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { BACKEND, fileHash, roster, rosterAsync, tempDir, type RunResult } from '../support/cli.js'
import { NOW, rosterDb } from '../e2e/swap-support.js'
import { LATEST_VERSION } from '../../src/store/migrations/index.js'
import { COMMANDS, damagePageMiddles, expectOneLineError, explain, inLanes, strayFiles, withDb } from './support.js'


interface Fixture {
  name: string
  /** The error code printed under --json. */
  code: string
  /** Words the sentence must contain. */
  says: RegExp
  make(path: string, healthy: string): void
}

const FIXTURES: Fixture[] = [
  {
    name: 'a text file',
    code: 'not-a-roster-database',
    says: /not a SQLite database/,
    make: (p) => writeFileSync(p, 'date,shift,staff\n2027-01-04,A,ana\n'),
  },
  {
    name: 'an empty file',
    code: 'not-a-roster-database',
    says: /empty file/,
    make: (p) => writeFileSync(p, ''),
  },
  {
    name: "another program's SQLite database",
    code: 'not-a-roster-database',
    says: /another program/,
    make: (p) => {
      const d = new Database(p)
      d.exec(`CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos (path) VALUES ('a.jpg')`)
      d.close()
    },
  },
  {
    name: "another program's SQLite database with its own application_id",
    code: 'not-a-roster-database',
    says: /another program/,
    make: (p) => {
      const d = new Database(p)
      d.pragma('application_id = 1196444487') // "GPKG", a GeoPackage
      d.pragma('user_version = 2')
      d.exec('CREATE TABLE gpkg_contents (table_name TEXT)')
      d.close()
    },
  },
  {
    name: 'a roster database from a newer version',
    code: 'newer-schema',
    says: /newer version of roster/,
    make: (p, healthy) => {
      copyFileSync(healthy, p)
      withDb(p, (d) => d.pragma(`user_version = ${LATEST_VERSION + 1}`))
    },
  },
  {
    name: 'a roster database cut short',
    code: 'corrupt',
    says: /is damaged .*roster restore/,
    make: (p, healthy) => {
      copyFileSync(healthy, p)
      truncateSync(p, Math.floor(readFileSync(p).length / 2))
    },
  },
  {
    name: 'a roster database with garbage in the middle of its pages',
    code: 'corrupt',
    says: /is damaged .*roster restore/,
    make: (p, healthy) => {
      copyFileSync(healthy, p)
      damagePageMiddles(p)
    },
  },
  {
    name: 'a roster database with one b-tree page header overwritten',
    code: 'corrupt',
    says: /is damaged .*roster restore/,
    make: (p, healthy) => {
      copyFileSync(healthy, p)
      // The assignment table's root page: its header (type, free blocks, cell count) becomes nonsense.
      const root = withDb(healthy, (d) => (d.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'assignment'`).get() as { rootpage: number }).rootpage)
      const buf = readFileSync(p)
      buf.fill(0x5a, (root - 1) * 4096, (root - 1) * 4096 + 12)
      writeFileSync(p, buf)
    },
  },
]

let healthy: string

beforeAll(() => {
  if (BACKEND !== 'sqlite') return
  // A roster database with enough in it that the middle of its pages holds data.
  healthy = rosterDb()
  withDb(healthy, (d) => {
    const add = d.prepare(`INSERT INTO handover (date, shift, staff, note, created_at) VALUES ('2027-01-05', 'A', 'ana', ?, '2027-01-01T12:00:00Z')`)
    for (let i = 0; i < 40; i++) add.run(`note ${i} ${'x'.repeat(300)}`)
  })
  expect(existsSync(`${healthy}-wal`)).toBe(false)
})

// SQLite only: damaged, foreign and missing database files (PostgreSQL's unusable databases: test/e2e/postgres.test.ts).
describe.runIf(BACKEND === 'sqlite')('a --db that is not a healthy roster database', () => {
  it('is damaged in a way SQLite can see (the fixtures are what they claim)', () => {
    for (const f of FIXTURES.filter((f) => f.code === 'corrupt')) {
      const p = join(tempDir('damaged'), 'roster.db')
      f.make(p, healthy)
      let verdict: string
      try {
        verdict = withDb(p, (d) => String(d.pragma('integrity_check', { simple: true })), true)
      } catch (e) {
        verdict = (e as Error).message
      }
      expect(verdict, f.name).not.toBe('ok')
    }
  })

  it(`exits 3 with one clear sentence for ${COMMANDS.length} commands on each of ${FIXTURES.length} kinds of file, leaving the file byte-identical`, async () => {
    // (An empty file is where "roster init" may create a database: that is its one exception.)
    const runs = FIXTURES.flatMap((f) => COMMANDS.map((c) => ({ f, c }))).filter(({ f, c }) => !(f.name === 'an empty file' && c.args[0] === 'init'))
    const results = await inLanes(runs, 4, async ({ f, c }) => {
      const dir = tempDir('damaged')
      const db = join(dir, 'roster.db')
      f.make(db, healthy)
      const hash = fileHash(db)
      const r: RunResult = await rosterAsync(c.args, { db, as: c.as, json: true, now: NOW, cwd: dir })
      return { f, c, r, db, changed: fileHash(db) !== hash, stray: strayFiles(db) }
    })
    for (const { f, c, r, changed, stray, db } of results) {
      const what = `${c.args.join(' ')} on ${f.name}: ${explain(r)}`
      expect(r.code, what).toBe(3)
      expectOneLineError(r, what)
      const error = JSON.parse(r.err).error
      expect(error.code, what).toBe(f.code)
      expect(error.message, what).toMatch(f.says)
      expect(error.message, what).toContain(db)
      expect(changed, `${what}\nthe file changed`).toBe(false)
      // Not even a half-written backup beside it.
      expect(stray, what).toEqual([])
      expect(r.out, what).toBe('')
    }
  })

  it('names a missing folder and creates nothing, for reading and writing commands alike', async () => {
    const dir = tempDir('damaged')
    const db = join(dir, 'no', 'such', 'folder', 'roster.db')
    for (const c of [COMMANDS[0]!, COMMANDS[5]!, COMMANDS[8]!]) {
      const r = await rosterAsync(c.args, { db, as: c.as, now: NOW })
      expect(r.code, explain(r)).toBe(3)
      expectOneLineError(r, c.args.join(' '))
      expect(r.err).toContain(`The folder ${join(dir, 'no', 'such', 'folder')} does not exist`)
    }
    expect(existsSync(join(dir, 'no'))).toBe(false)
  })
})
