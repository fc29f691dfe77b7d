import type { ShiftType } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

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

/** Active shift types in roster order (by start time, then code). */
export function findShiftTypes(db: Db): ShiftType[] {
  return (stmt(db, `SELECT code, name, start_min, end_min, remote, headcount FROM shift_type WHERE active = 1 ORDER BY start_min, position, code`).all() as ShiftRow[]).map(rowToShift)
}

/** Every shift type ever defined, removed ones included (history refers to them). */
export function findAllShiftTypes(db: Db): ShiftType[] {
  return (stmt(db, `SELECT code, name, start_min, end_min, remote, headcount FROM shift_type ORDER BY start_min, position, code`).all() as ShiftRow[]).map(rowToShift)
}

export function findShiftType(db: Db, code: string): (ShiftType & { active: boolean }) | undefined {
  const r = stmt(db, `SELECT code, name, start_min, end_min, remote, headcount, active FROM shift_type WHERE code = ?`).get(code) as (ShiftRow & { active: number }) | undefined
  return r && { ...rowToShift(r), active: r.active === 1 }
}

export function upsertShiftType(db: Db, s: ShiftType): void {
  stmt(db, `INSERT INTO shift_type (code, name, start_min, end_min, remote, headcount, active, position)
            VALUES (?, ?, ?, ?, ?, ?, 1, (SELECT coalesce(max(position), 0) + 1 FROM shift_type))
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, start_min = excluded.start_min, end_min = excluded.end_min,
              remote = excluded.remote, headcount = excluded.headcount, active = 1`).run(
    s.code, s.name, s.start, s.end, s.remote ? 1 : 0, s.headcount,
  )
}

export function deactivateShiftType(db: Db, code: string): void {
  stmt(db, `UPDATE shift_type SET active = 0 WHERE code = ?`).run(code)
}
