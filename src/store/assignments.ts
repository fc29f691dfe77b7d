// Who works which shift on which day: the only code that speaks SQL about assignments.

import type { Assignment, IsoDate } from '../domain/types.js'
import { chunks, tuples, type Sql } from './sql.js'

/** Rows per multi-row INSERT: 3 parameters each, well under every engine's limit. */
const INSERT_ROWS = 500
/** (date, staff) pairs per lookup of first shifts. */
const LOOKUP_PAIRS = 500

export function assignmentsStore(sql: Sql) {
  return {
    /** Assignments with `from <= date <= to`, by date, then shift start, then shift position and code, then staff. */
    find(from: IsoDate, to: IsoDate, staff?: string): Assignment[] {
      if (staff) {
        return sql.all<Assignment>(`SELECT a.date, a.shift, a.staff FROM assignment a LEFT JOIN shift_type s ON s.code = a.shift
                     WHERE a.staff = ? AND a.date BETWEEN ? AND ? ORDER BY a.date, s.start_min, a.shift`, [staff, from, to])
      }
      return sql.all<Assignment>(`SELECT a.date, a.shift, a.staff FROM assignment a LEFT JOIN shift_type s ON s.code = a.shift
                   WHERE a.date BETWEEN ? AND ? ORDER BY a.date, s.start_min, s.position, a.shift, a.staff`, [from, to])
    },

    /**
     * For each (date, staff) asked, the code of the first shift (by start time,
     * then code) that person works that day; pairs without a shift are absent.
     * Keys are the asked pairs' positions.
     */
    firstShifts(asked: readonly { date: IsoDate; staff: string }[]): Map<number, string> {
      // The first shift of each (date, person) asked, whatever its position: rows come by start time within a pair.
      const first = new Map<string, string>()
      const key = (date: string, staff: string) => `${date}\u0000${staff}`
      for (const part of chunks(asked, LOOKUP_PAIRS)) {
        const rows = sql.all<{ date: string; staff: string; shift: string }>(`SELECT a.date, a.staff, a.shift FROM (VALUES ${tuples(part.length, 2)}) k
            JOIN assignment a ON a.date = k.column1 AND a.staff = k.column2
            LEFT JOIN shift_type s ON s.code = a.shift
          ORDER BY a.date, a.staff, s.start_min, a.shift`, part.flatMap((p) => [p.date, p.staff]))
        for (const r of rows) if (!first.has(key(r.date, r.staff))) first.set(key(r.date, r.staff), r.shift)
      }
      const found = new Map<number, string>()
      asked.forEach((a, i) => {
        const shift = first.get(key(a.date, a.staff))
        if (shift !== undefined) found.set(i, shift)
      })
      return found
    },

    count(from: IsoDate, to: IsoDate): number {
      return Number(sql.get<{ n: number }>(`SELECT count(*) AS n FROM assignment WHERE date BETWEEN ? AND ?`, [from, to])!.n)
    },

    /** First and last assigned dates, or null on an empty roster. */
    bounds(): { from: IsoDate; to: IsoDate } | null {
      const r = sql.get<{ lo: string | null; hi: string | null }>(`SELECT min(date) AS lo, max(date) AS hi FROM assignment`)!
      return r.lo && r.hi ? { from: r.lo, to: r.hi } : null
    },

    /** The first date on or after `date` that has an assignment, or null. */
    firstDateFrom(date: IsoDate): IsoDate | null {
      return sql.get<{ d: string | null }>(`SELECT min(date) AS d FROM assignment WHERE date >= ?`, [date])!.d
    },

    /** Removes the assignments from `from` to `to` (of one person, with `staff`); returns how many. */
    deleteInRange(from: IsoDate, to: IsoDate, staff?: string): number {
      if (staff) return sql.run(`DELETE FROM assignment WHERE staff = ? AND date BETWEEN ? AND ?`, [staff, from, to]).changes
      return sql.run(`DELETE FROM assignment WHERE date BETWEEN ? AND ?`, [from, to]).changes
    },

    insert(a: Assignment): void {
      sql.run(`INSERT INTO assignment (date, shift, staff) VALUES (?, ?, ?)`, [a.date, a.shift, a.staff])
    },

    /** Stores many assignments, a few hundred rows per statement (a year for 200 people is 46,000 rows). */
    insertMany(list: readonly Assignment[]): void {
      for (const part of chunks(list, INSERT_ROWS)) {
        sql.run(`INSERT INTO assignment (date, shift, staff) VALUES ${tuples(part.length, 3)}`, part.flatMap((a) => [a.date, a.shift, a.staff]))
      }
    },

    /** Removes one assignment; returns 1 when it was there, else 0. */
    delete(a: Assignment): number {
      return sql.run(`DELETE FROM assignment WHERE date = ? AND shift = ? AND staff = ?`, [a.date, a.shift, a.staff]).changes
    },

    /** How many assignments of `shift` fall on or after `from`. */
    countFutureOfShift(shift: string, from: IsoDate): number {
      return Number(sql.get<{ n: number }>(`SELECT count(*) AS n FROM assignment WHERE shift = ? AND date >= ?`, [shift, from])!.n)
    },
  }
}

export type AssignmentsStore = ReturnType<typeof assignmentsStore>
