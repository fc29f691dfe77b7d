// Shift types: the only code that speaks SQL about them.

import type { ShiftType } from '../domain/types.js'
import type { Sql } from './sql.js'

interface ShiftRow {
  code: string
  name: string
  start_min: number
  end_min: number
  remote: number
  headcount: number
}

function rowToShift(r: ShiftRow): ShiftType {
  return { code: r.code, name: r.name, start: r.start_min, end: r.end_min, remote: r.remote === 1, headcount: r.headcount }
}

export function shiftsStore(sql: Sql) {
  return {
    /** Active shift types in roster order (by start time, then position, then code). */
    active(): ShiftType[] {
      return sql.all<ShiftRow>(`SELECT code, name, start_min, end_min, remote, headcount FROM shift_type WHERE active = 1 ORDER BY start_min, position, code`).map(rowToShift)
    },

    /** Every shift type ever defined, removed ones included (history refers to them), in roster order. */
    all(): ShiftType[] {
      return sql.all<ShiftRow>(`SELECT code, name, start_min, end_min, remote, headcount FROM shift_type ORDER BY start_min, position, code`).map(rowToShift)
    },

    find(code: string): (ShiftType & { active: boolean }) | undefined {
      const r = sql.get<ShiftRow & { active: number }>(`SELECT code, name, start_min, end_min, remote, headcount, active FROM shift_type WHERE code = ?`, [code])
      return r && { ...rowToShift(r), active: r.active === 1 }
    },

    /** Adds a shift type (after the others in position) or changes one and makes it active again. */
    upsert(s: ShiftType): void {
      sql.run(`INSERT INTO shift_type (code, name, start_min, end_min, remote, headcount, active, position)
            VALUES (?, ?, ?, ?, ?, ?, 1, (SELECT COALESCE(max(position), 0) + 1 FROM shift_type))
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, start_min = excluded.start_min, end_min = excluded.end_min,
              remote = excluded.remote, headcount = excluded.headcount, active = 1`, [s.code, s.name, s.start, s.end, s.remote ? 1 : 0, s.headcount])
    },

    deactivate(code: string): void {
      sql.run(`UPDATE shift_type SET active = 0 WHERE code = ?`, [code])
    },
  }
}

export type ShiftsStore = ReturnType<typeof shiftsStore>
