// The repeating rotation `generate --cyclic` drew (SPEC 10): its start, cycle
// length, line order, whether lines rotate, and each line's working days, so
// that `extend` can continue it. The newest pattern is the current one.

import type { Rotation } from '../domain/rotation.js'
import type { Sql } from './sql.js'

interface RotationRow {
  id: number
  start: string
  days: number
  rotate: number
}

export function rotationsStore(sql: Sql) {
  return {
    /** The pattern drawn last, or null when no generate --cyclic ever ran. */
    current(): (Rotation & { id: number }) | null {
      const row = sql.get<RotationRow>('SELECT id, start, days, rotate FROM rotation ORDER BY id DESC LIMIT 1')
      if (!row) return null
      const order = sql.all<{ staff: string }>('SELECT staff FROM rotation_line WHERE rotation = ? ORDER BY line', [row.id]).map((r) => r.staff)
      const lines = order.map(() => new Array<string | null>(row.days).fill(null))
      for (const c of sql.all<{ line: number; day: number; shift: string }>('SELECT line, day, shift FROM rotation_cell WHERE rotation = ?', [row.id])) {
        const line = lines[c.line]
        if (line && c.day < row.days) line[c.day] = c.shift
      }
      return { id: row.id, start: row.start, days: row.days, rotate: row.rotate === 1, order, lines }
    },

    /** Keeps a newly drawn pattern as the current one; returns its id. Call inside a transaction. */
    insert(rotation: Rotation, createdAt: string): number {
      const { id } = sql.get<{ id: number }>('INSERT INTO rotation (start, days, rotate, created_at) VALUES (?, ?, ?, ?) RETURNING id', [rotation.start, rotation.days, rotation.rotate ? 1 : 0, createdAt])!
      rotation.order.forEach((staff, line) => sql.run('INSERT INTO rotation_line (rotation, line, staff) VALUES (?, ?, ?)', [id, line, staff]))
      rotation.lines.forEach((cells, line) =>
        cells.forEach((shift, day) => {
          if (shift) sql.run('INSERT INTO rotation_cell (rotation, line, day, shift) VALUES (?, ?, ?, ?)', [id, line, day, shift])
        }),
      )
      return id
    },
  }
}

export type RotationsStore = ReturnType<typeof rotationsStore>
