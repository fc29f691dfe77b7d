// Fixtures for the swap and leave end-to-end tests: a demo team with a
// hand-made roster inserted straight into the store (no generator needed),
// and a frozen clock so every date is in the future.

import Database from 'better-sqlite3'
import { expect } from 'vitest'
import { fileHash, roster, tempDb, type RunResult } from '../support/cli.js'
import { openTestDb, type TestDb } from '../support/test-db.js'

/** The frozen "now" of these tests (local time): Friday 2027-01-01. */
export const NOW = '2027-01-01T12:00:00'

/**
 * Three weeks from Mon 2027-01-04 to Sun 2027-01-24, repeating every 4 days
 * (day 0 = 01-04, 01-08, 01-12, 01-16, 01-20, 01-24; day 1 = 01-05, 01-09, ...):
 *          day0 day1 day2 day3
 *  ana      -    C    B    A
 *  ben      A    -    C    B
 *  chen     B    A    -    C
 *  dev      C    B    A    -
 * Every shift is covered, nobody works more than 3 days in a row, and the
 * shortest rest between two shifts is 13 h (B, then A the next morning).
 */
export const PATTERN: Record<string, string[]> = {
  ana: ['-', 'C', 'B', 'A'],
  ben: ['A', '-', 'C', 'B'],
  chen: ['B', 'A', '-', 'C'],
  dev: ['C', 'B', 'A', '-'],
}
export const FIRST = '2027-01-04'
export const LAST = '2027-01-24'

export interface FixtureOptions {
  holidays?: Record<string, string>
  /** Raw config values, e.g. {'roster.min-rest-hours': '12'}. */
  config?: Record<string, string>
  /** Where: a new database of the test backend unless given (a PostgreSQL URL, say). */
  db?: string
}

/** A demo database (lead mei; agents ana ben chen dev) holding PATTERN over three weeks. */
export function rosterDb(o: FixtureOptions = {}): string {
  const db = o.db ?? tempDb('swap')
  const r = roster(['init', '--demo'], { db, now: NOW })
  if (r.code !== 0) throw new Error(`init --demo failed: ${r.err}`)
  sql(db, (d) => {
    const ins = d.prepare('INSERT INTO assignment (date, shift, staff) VALUES (?, ?, ?)')
    for (let i = 0; i < 21; i++) {
      const date = plusDays(FIRST, i)
      for (const [who, cols] of Object.entries(PATTERN)) if (cols[i % 4] !== '-') ins.run(date, cols[i % 4], who)
    }
    for (const [date, name] of Object.entries(o.holidays ?? {})) d.prepare('INSERT INTO holiday (date, name) VALUES (?, ?)').run(date, name)
    for (const [k, v] of Object.entries(o.config ?? {})) d.prepare('INSERT INTO config (key, value) VALUES (?, ?)').run(k, v)
  })
  return db
}

export function plusDays(date: string, n: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + n * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

/** Runs `fn` on the database file directly, then closes it. */
export function sql<T>(db: string, fn: (d: TestDb) => T): T {
  const d = openTestDb(db)
  try {
    return fn(d)
  } finally {
    d.close()
  }
}

/** The shift `staff` works on `date`, or null. */
export function shiftOf(db: string, staff: string, date: string): string | null {
  return sql(db, (d) => (d.prepare('SELECT shift FROM assignment WHERE staff = ? AND date = ?').get(staff, date) as { shift: string } | undefined)?.shift ?? null)
}

/** The CLI as `as`, at NOW, with --json. */
export function act(db: string, as: string | undefined, args: string[], now = NOW): RunResult {
  return roster(args, { db, as, json: true, now })
}

/** Runs a command that must succeed and returns its JSON. */
export function ok(db: string, as: string | undefined, args: string[], now = NOW): any {
  const r = act(db, as, args, now)
  expect(r.code, `${args.join(' ')} as ${as}: ${r.err}`).toBe(0)
  return r.json
}

/** Runs a command that must be refused with `code` (1 or 2) naming `rule`, leaving the database byte-identical. */
export function refused(db: string, as: string | undefined, args: string[], code: number, rule?: string, now = NOW): RunResult {
  const before = fileHash(db)
  const r = act(db, as, args, now)
  expect(r.code, `${args.join(' ')} as ${as}: ${r.out} ${r.err}`).toBe(code)
  if (rule) {
    expect(r.err).toContain(rule)
    expect(r.errJson?.error?.code).toBe(rule)
  }
  expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+\)?/)
  expect(r.out).toBe('')
  expect(fileHash(db), 'the database changed after a refusal').toBe(before)
  return r
}

/** The command line of a swap request (a cover when `payback` is given). */
export const swapRequest = (date: string, other: string, payback?: string) => ['swap', 'request', '--date', date, '--with', other, ...(payback ? ['--payback', payback] : [])]

/** A swap requested by `who`, accepted by `other` and approved by the lead mei; its id. */
export function approvedSwap(db: string, who: string, date: string, other: string, payback?: string): number {
  const id = ok(db, who, swapRequest(date, other, payback)).swap.id as number
  ok(db, other, ['swap', 'accept', String(id)])
  ok(db, 'mei', ['swap', 'approve', String(id)])
  return id
}
