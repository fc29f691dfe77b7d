// The team: the only code that speaks SQL about staff.

import type { Role, Staff } from '../domain/types.js'
import type { Sql } from './sql.js'

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

export function staffStore(sql: Sql) {
  return {
    /** Active staff by id; with includeInactive, everyone, the active first, each group by id. */
    all(opts: { includeInactive?: boolean } = {}): Staff[] {
      const text = opts.includeInactive
        ? `SELECT id, name, role, rotation, active FROM staff ORDER BY active DESC, id`
        : `SELECT id, name, role, rotation, active FROM staff WHERE active = 1 ORDER BY id`
      return sql.all<StaffRow>(text).map(rowToStaff)
    },

    /** One person by id, removed (inactive) ones included. */
    find(id: string): Staff | undefined {
      const r = sql.get<StaffRow>(`SELECT id, name, role, rotation, active FROM staff WHERE id = ?`, [id])
      return r && rowToStaff(r)
    },

    insert(s: Staff, at: string): void {
      sql.run(`INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES (?, ?, ?, ?, ?, ?)`, [
        s.id, s.name, s.role, s.rotation ? 1 : 0, s.active ? 1 : 0, at,
      ])
    },

    update(s: Staff): void {
      sql.run(`UPDATE staff SET name = ?, role = ?, rotation = ?, active = ? WHERE id = ?`, [s.name, s.role, s.rotation ? 1 : 0, s.active ? 1 : 0, s.id])
    },
  }
}

export type StaffStore = ReturnType<typeof staffStore>
