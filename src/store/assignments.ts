import type { Assignment, IsoDate } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

/** Assignments with `from <= date <= to`, by date, then shift start, then staff. */
export function findAssignments(db: Db, from: IsoDate, to: IsoDate, staff?: string): Assignment[] {
  if (staff) {
    return stmt(db, `SELECT a.date, a.shift, a.staff FROM assignment a LEFT JOIN shift_type s ON s.code = a.shift
                     WHERE a.staff = ? AND a.date BETWEEN ? AND ? ORDER BY a.date, s.start_min, a.shift`).all(staff, from, to) as Assignment[]
  }
  return stmt(db, `SELECT a.date, a.shift, a.staff FROM assignment a LEFT JOIN shift_type s ON s.code = a.shift
                   WHERE a.date BETWEEN ? AND ? ORDER BY a.date, s.start_min, s.position, a.shift, a.staff`).all(from, to) as Assignment[]
}

/**
 * For each (date, staff) asked, the code of the first shift (by start time) that
 * person works that day, in one query; pairs without a shift are absent.
 * Keys are the asked pairs' positions.
 */
export function findFirstShifts(db: Db, asked: readonly { date: IsoDate; staff: string }[]): Map<number, string> {
  if (!asked.length) return new Map()
  const list = JSON.stringify(asked.map((a) => [a.date, a.staff]))
  const rows = stmt(db, `SELECT k, shift FROM (
      SELECT j.key AS k, a.shift, row_number() OVER (PARTITION BY j.key ORDER BY s.start_min, a.shift) AS n
      FROM json_each(?) j
      JOIN assignment a ON a.date = (j.value ->> '$[0]') AND a.staff = (j.value ->> '$[1]')
      LEFT JOIN shift_type s ON s.code = a.shift)
    WHERE n = 1`).all(list) as { k: number; shift: string }[]
  return new Map(rows.map((r) => [r.k, r.shift]))
}

export function countAssignments(db: Db, from: IsoDate, to: IsoDate): number {
  return (stmt(db, `SELECT count(*) AS n FROM assignment WHERE date BETWEEN ? AND ?`).get(from, to) as { n: number }).n
}

/** First and last assigned dates, or null on an empty roster. */
export function assignmentBounds(db: Db): { from: IsoDate; to: IsoDate } | null {
  const r = stmt(db, `SELECT min(date) AS lo, max(date) AS hi FROM assignment`).get() as { lo: string | null; hi: string | null }
  return r.lo && r.hi ? { from: r.lo, to: r.hi } : null
}

/** The first date on or after `date` that has an assignment, or null. */
export function firstAssignedDateFrom(db: Db, date: IsoDate): IsoDate | null {
  const r = stmt(db, `SELECT min(date) AS d FROM assignment WHERE date >= ?`).get(date) as { d: string | null }
  return r.d
}

export function deleteAssignmentsInRange(db: Db, from: IsoDate, to: IsoDate, staff?: string): number {
  if (staff) return stmt(db, `DELETE FROM assignment WHERE staff = ? AND date BETWEEN ? AND ?`).run(staff, from, to).changes
  return stmt(db, `DELETE FROM assignment WHERE date BETWEEN ? AND ?`).run(from, to).changes
}

export function insertAssignment(db: Db, a: Assignment): void {
  stmt(db, `INSERT INTO assignment (date, shift, staff) VALUES (?, ?, ?)`).run(a.date, a.shift, a.staff)
}

/** Stores many assignments with one statement (a year for 200 people is 46,000 rows). */
export function insertAssignments(db: Db, list: readonly Assignment[]): void {
  if (!list.length) return
  const rows = JSON.stringify(list.map((a) => [a.date, a.shift, a.staff]))
  stmt(db, `INSERT INTO assignment (date, shift, staff) SELECT value ->> '$[0]', value ->> '$[1]', value ->> '$[2]' FROM json_each(?)`).run(rows)
}

export function deleteAssignment(db: Db, a: Assignment): number {
  return stmt(db, `DELETE FROM assignment WHERE date = ? AND shift = ? AND staff = ?`).run(a.date, a.shift, a.staff).changes
}

export function countFutureAssignmentsOfShift(db: Db, shift: string, from: IsoDate): number {
  return (stmt(db, `SELECT count(*) AS n FROM assignment WHERE shift = ? AND date >= ?`).get(shift, from) as { n: number }).n
}
