// Injection: every value reaches SQLite as a bound parameter, so text that
// looks like SQL is stored and shown as typed, and an id that looks like SQL
// names nobody. A static check keeps values out of the SQL text in src/store.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BACKEND, ROOT, roster } from '../support/cli.js'
import { NOW, rosterDb, sql } from '../e2e/swap-support.js'
import { count } from './support.js'
import { ident, idents, marks, names, tuples } from '../../src/store/sql.js'

const HOSTILE = ["'; DROP TABLE staff; --", "Robert'); DROP TABLE swap;--", '" OR 1=1 --', '%_\\*?[a-z]', "O'Brien \"the\" Ünïcødé 李娜"]

const TABLES = BACKEND === 'postgres'
  ? `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY name`
  : `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`
const tables = (db: string) => sql(db, (d) => (d.prepare(TABLES).all() as { name: string }[]).map((t) => t.name))

describe('text that looks like SQL', () => {
  it('is stored and shown verbatim: names, holiday names, shift names, reasons, notes', () => {
    const db = rosterDb()
    const schema = tables(db)
    HOSTILE.forEach((text, i) => {
      const id = `p${i}`
      expect(roster(['staff', 'add', id, '--name', text], { db, as: 'mei', now: NOW }).code).toBe(0)
      expect(roster(['holiday', 'add', `2027-03-0${i + 1}`, '--name', text], { db, as: 'mei', now: NOW }).code).toBe(0)
      expect(roster(['handover', 'add', '--shift', 'A', '--date', '2027-01-05', '--note', text], { db, as: 'ana', now: NOW }).code).toBe(0)
    })
    expect(roster(['shift', 'add', 'X', '--start', '06:00', '--end', '08:00', '--name', HOSTILE[0]!, '--headcount', '0'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const swap = roster(['swap', 'request', '--date', '2027-01-05', '--with', 'dev', '--reason', HOSTILE[1]!], { db, as: 'ana', now: NOW, json: true })
    expect(swap.code, swap.err).toBe(0)
    const leave = roster(['leave', 'request', '--from', '2027-01-20', '--to', '2027-01-21', '--reason', HOSTILE[0]!], { db, as: 'chen', now: NOW, json: true })
    expect(leave.code, leave.err).toBe(0)

    // Every table is still there, with everything in it.
    expect(tables(db)).toEqual(schema)
    expect(count(db, 'SELECT count(*) AS n FROM staff')).toBe(5 + HOSTILE.length)
    // Shown exactly as typed, as JSON and as text.
    const staff = roster(['staff', 'list'], { db, json: true })
    expect(staff.json.staff.filter((s: { id: string }) => s.id.startsWith('p')).map((s: { name: string }) => s.name)).toEqual(HOSTILE)
    const text = roster(['staff', 'list'], { db })
    for (const t of HOSTILE) expect(text.out).toContain(t)
    const holidays = roster(['holiday', 'list'], { db, json: true })
    expect(holidays.json.holidays.map((h: { name: string }) => h.name)).toEqual(HOSTILE)
    const notes = roster(['handover', 'list', '--date', '2027-01-05'], { db, json: true })
    expect(notes.json.handovers.map((h: { note: string }) => h.note)).toEqual(HOSTILE)
    expect(roster(['shift', 'list'], { db, json: true }).json.shifts.find((s: { code: string }) => s.code === 'X').name).toBe(HOSTILE[0])
    expect(roster(['swap', 'list'], { db, json: true }).json.swaps[0].reason).toBe(HOSTILE[1])
    expect(roster(['leave', 'list'], { db, json: true }).json.leaves[0].reason).toBe(HOSTILE[0])
    expect(roster(['swap', 'form', '1'], { db }).out).toContain('Robert&#39;); DROP TABLE swap;--')
  })

  it('as an id or a filter names nobody: exit 2, nothing removed or shown', () => {
    const db = rosterDb()
    const schema = tables(db)
    for (const args of [
      ['staff', 'remove', "ana' OR '1'='1"],
      ['swap', 'list', '--staff', "ana' OR 1=1 --"],
      ['leave', 'list', '--staff', 'x" OR ""="'],
      ['show', '--staff', "' UNION SELECT * FROM staff --"],
      ['swap', 'approve', '1 OR 1=1'],
      ['assign', '2027-01-05', "A' --", 'ana'],
      ['holiday', 'remove', "2027-01-01' OR '1'='1"],
      ['config', 'get', "swap.max-per-month' OR 1=1 --"],
    ]) {
      const r = roster(args, { db, as: 'mei', now: NOW })
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2)
    }
    expect(tables(db)).toEqual(schema)
    expect(count(db, 'SELECT count(*) AS n FROM staff WHERE active = 1')).toBe(5)
  })
})

describe('the SQL text in src/store', () => {
  it('interpolates no value: only constant column lists and whole numbers in pragmas', () => {
    const dir = join(ROOT, 'src/store')
    const found: string[] = []
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, f), 'utf8')
      // Template literals that hold SQL and an interpolation.
      for (const m of source.matchAll(/`([^`]*)`/g)) {
        const body = m[1]!
        if (!/\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|VACUUM|CREATE|DROP|ALTER|WHERE)\b|^\w+ = \$\{/.test(body) || !body.includes('${')) continue
        for (const [, expr] of body.matchAll(/\$\{([^}]*)\}/g)) {
          if (expr === 'COLUMNS' || expr === 'APPLICATION_ID' || expr === 'm.version') continue
          // Placeholder lists from src/store/sql.ts (nothing but ? and @names, checked below):
          // marks(n), tuples(rows, width), and the .list of a `const x = names('prefix', ...)`.
          if (/^(marks|tuples)\([\w.]+(, [\w.]+)?\)$/.test(expr ?? '')) continue
          // Table and column names through ident()/idents() (src/store/sql.ts), which take only lowercase names (checked below).
          if (/^idents?\([\w.]+\)$/.test(expr ?? '')) continue
          const named = /^(\w+)\.list$/.exec(expr ?? '')
          if (named && new RegExp(`const ${named[1]} = names\\('[a-z]+', `).test(source)) continue
          found.push(`${f}: \${${expr}} in \`${body.slice(0, 60)}\``)
        }
      }
      // SQL glued together with +.
      for (const m of source.matchAll(/(['"`])\s*(SELECT|INSERT|UPDATE|DELETE|WHERE|AND|OR)\b[^'"`]*\1\s*\+|\+\s*(['"`])\s*(WHERE|AND|OR|SELECT)\b/g)) found.push(`${f}: ${m[0]}`)
    }
    // The busy timeout is checked to be a whole number before it goes into its pragma.
    expect(found.filter((x) => !x.includes('Number.isSafeInteger(busy)'))).toEqual([])
  })

  it('lets through only placeholder lists, which hold nothing but ? and @names and refuse anything else', () => {
    expect(marks(3)).toBe('?, ?, ?')
    expect(tuples(2, 3)).toBe('(?, ?, ?), (?, ?, ?)')
    expect(names('who', ["ana' OR 1=1 --", 'bo'])).toEqual({ list: '@who0, @who1', bind: { who0: "ana' OR 1=1 --", who1: 'bo' } })
    expect(() => marks(0)).toThrow()
    expect(() => tuples(0, 2)).toThrow()
    expect(() => names("x'; --", ['a'])).toThrow()
    expect(() => names('who', [])).toThrow()
    expect(idents(['swap', 'created_at'])).toBe('"swap", "created_at"')
    expect(() => ident('swap"; DROP TABLE staff; --')).toThrow()
    expect(() => ident('Staff')).toThrow()
    expect(() => idents([])).toThrow()
  })
})
