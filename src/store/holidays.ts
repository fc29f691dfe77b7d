import type { Holiday, HolidayRecord, IsoDate, NameLanguage, Workday } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

interface HolidayRow {
  date: IsoDate
  name: string
  name_zh: string | null
  statutory: number
}

interface WorkdayRow {
  date: IsoDate
  name: string
  name_zh: string | null
}

/**
 * The holidays from `from` to `to`, `name` in `lang` (the Chinese name under
 * zh-CN where one is stored, else the name as given), and `nameZh` where
 * stored, so rules can word their refusals in either language.
 */
export function findHolidays(db: Db, from: IsoDate = '0000-01-01', to: IsoDate = '9999-12-31', lang: NameLanguage = 'en'): Holiday[] {
  const rows = stmt(db, `SELECT date, name, name_zh FROM holiday WHERE date BETWEEN ? AND ? ORDER BY date`).all(from, to) as HolidayRow[]
  return rows.map((r) => (r.name_zh === null ? { date: r.date, name: r.name } : { date: r.date, name: lang === 'zh-CN' ? r.name_zh : r.name, nameZh: r.name_zh }))
}

/** The holidays as stored, with both names and the statutory mark. */
export function findHolidayRecords(db: Db, from: IsoDate = '0000-01-01', to: IsoDate = '9999-12-31'): HolidayRecord[] {
  const rows = stmt(db, `SELECT date, name, name_zh, statutory FROM holiday WHERE date BETWEEN ? AND ? ORDER BY date`).all(from, to) as HolidayRow[]
  return rows.map(rowToHolidayRecord)
}

export function findHoliday(db: Db, date: IsoDate): Holiday | undefined {
  return stmt(db, `SELECT date, name FROM holiday WHERE date = ?`).get(date) as Holiday | undefined
}

/** Adds or replaces the holiday on its date; a name given by hand has no Chinese twin and is not statutory. */
export function upsertHoliday(db: Db, h: Holiday): void {
  upsertHolidayRecord(db, { ...h, nameZh: null, statutory: false })
}

export function upsertHolidayRecord(db: Db, h: HolidayRecord): void {
  stmt(db, `INSERT INTO holiday (date, name, name_zh, statutory) VALUES (?, ?, ?, ?)
    ON CONFLICT (date) DO UPDATE SET name = excluded.name, name_zh = excluded.name_zh, statutory = excluded.statutory`)
    .run(h.date, h.name, h.nameZh, h.statutory ? 1 : 0)
}

export function deleteHoliday(db: Db, date: IsoDate): number {
  return stmt(db, `DELETE FROM holiday WHERE date = ?`).run(date).changes
}

/** The make-up working days (调休上班) from `from` to `to`, in date order. */
export function findWorkdays(db: Db, from: IsoDate = '0000-01-01', to: IsoDate = '9999-12-31'): Workday[] {
  const rows = stmt(db, `SELECT date, name, name_zh FROM workday WHERE date BETWEEN ? AND ? ORDER BY date`).all(from, to) as WorkdayRow[]
  return rows.map((r) => ({ date: r.date, name: r.name, nameZh: r.name_zh }))
}

/** Just the dates of the make-up working days from `from` to `to`. */
export function findWorkdayDates(db: Db, from: IsoDate, to: IsoDate): IsoDate[] {
  return (stmt(db, `SELECT date FROM workday WHERE date BETWEEN ? AND ? ORDER BY date`).all(from, to) as { date: IsoDate }[]).map((r) => r.date)
}

export function upsertWorkday(db: Db, w: Workday): void {
  stmt(db, `INSERT INTO workday (date, name, name_zh) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE SET name = excluded.name, name_zh = excluded.name_zh`)
    .run(w.date, w.name, w.nameZh)
}

export function deleteWorkday(db: Db, date: IsoDate): number {
  return stmt(db, `DELETE FROM workday WHERE date = ?`).run(date).changes
}

function rowToHolidayRecord(r: HolidayRow): HolidayRecord {
  return { date: r.date, name: r.name, nameZh: r.name_zh, statutory: r.statutory === 1 }
}
