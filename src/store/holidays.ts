import type { Holiday, IsoDate } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

export function findHolidays(db: Db, from: IsoDate = '0000-01-01', to: IsoDate = '9999-12-31'): Holiday[] {
  return stmt(db, `SELECT date, name FROM holiday WHERE date BETWEEN ? AND ? ORDER BY date`).all(from, to) as Holiday[]
}

export function findHoliday(db: Db, date: IsoDate): Holiday | undefined {
  return stmt(db, `SELECT date, name FROM holiday WHERE date = ?`).get(date) as Holiday | undefined
}

export function upsertHoliday(db: Db, h: Holiday): void {
  stmt(db, `INSERT INTO holiday (date, name) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET name = excluded.name`).run(h.date, h.name)
}

export function deleteHoliday(db: Db, date: IsoDate): number {
  return stmt(db, `DELETE FROM holiday WHERE date = ?`).run(date).changes
}
