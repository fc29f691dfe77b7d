import type { IsoDate } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

export interface Handover {
  id: number
  date: IsoDate
  shift: string
  staff: string
  note: string
  at: string
}

export function insertHandover(db: Db, h: Omit<Handover, 'id'>): Handover {
  const r = stmt(db, `INSERT INTO handover (date, shift, staff, note, created_at) VALUES (?, ?, ?, ?, ?)`).run(h.date, h.shift, h.staff, h.note, h.at)
  return { id: Number(r.lastInsertRowid), ...h }
}

export function findHandovers(db: Db, from: IsoDate, to: IsoDate): Handover[] {
  return stmt(db, `SELECT h.id, h.date, h.shift, h.staff, h.note, h.created_at AS at FROM handover h
                   LEFT JOIN shift_type s ON s.code = h.shift
                   WHERE h.date BETWEEN ? AND ? ORDER BY h.date, s.start_min, h.id`).all(from, to) as Handover[]
}
