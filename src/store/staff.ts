import type { Role, Staff } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

interface StaffRow {
  id: string
  name: string
  role: string
  rotation: number
  active: number
}

function rowToStaff(r: StaffRow): Staff {
  return { id: r.id, name: r.name, role: r.role as Role, rotation: r.rotation === 1, active: r.active === 1 }
}

export function findAllStaff(db: Db, opts: { includeInactive?: boolean } = {}): Staff[] {
  const sql = opts.includeInactive
    ? `SELECT id, name, role, rotation, active FROM staff ORDER BY active DESC, id`
    : `SELECT id, name, role, rotation, active FROM staff WHERE active = 1 ORDER BY id`
  return (stmt(db, sql).all() as StaffRow[]).map(rowToStaff)
}

export function findStaff(db: Db, id: string): Staff | undefined {
  const r = stmt(db, `SELECT id, name, role, rotation, active FROM staff WHERE id = ?`).get(id) as StaffRow | undefined
  return r && rowToStaff(r)
}

export function insertStaff(db: Db, s: Staff, at: string): void {
  stmt(db, `INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    s.id, s.name, s.role, s.rotation ? 1 : 0, s.active ? 1 : 0, at,
  )
}

export function updateStaff(db: Db, s: Staff): void {
  stmt(db, `UPDATE staff SET name = ?, role = ?, rotation = ?, active = ? WHERE id = ?`).run(
    s.name, s.role, s.rotation ? 1 : 0, s.active ? 1 : 0, s.id,
  )
}
