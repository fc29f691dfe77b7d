// Shift handover notes: the only code that speaks SQL about them.

import type { IsoDate } from '../domain/types.js'
import type { Sql } from './sql.js'

export interface Handover {
  id: number
  date: IsoDate
  shift: string
  staff: string
  note: string
  at: string
}

export function handoversStore(sql: Sql) {
  return {
    insert(h: Omit<Handover, 'id'>): Handover {
      const r = sql.get<{ id: number }>(`INSERT INTO handover (date, shift, staff, note, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`, [h.date, h.shift, h.staff, h.note, h.at])!
      return { id: Number(r.id), ...h }
    },

    /** Notes from `from` to `to`, by date, then shift start, then id (the order they were written). */
    list(from: IsoDate, to: IsoDate): Handover[] {
      return sql.all<Handover>(`SELECT h.id, h.date, h.shift, h.staff, h.note, h.created_at AS at FROM handover h
                   LEFT JOIN shift_type s ON s.code = h.shift
                   WHERE h.date BETWEEN ? AND ? ORDER BY h.date, s.start_min, h.id`, [from, to])
    },
  }
}

export type HandoversStore = ReturnType<typeof handoversStore>
