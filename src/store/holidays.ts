// Holidays and make-up working days: the only code that speaks SQL about them.

import type { Holiday, HolidayRecord, IsoDate, NameLanguage, Workday } from '../domain/types.js'
import type { Sql } from './sql.js'

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

function rowToHolidayRecord(r: HolidayRow): HolidayRecord {
  return { date: r.date, name: r.name, nameZh: r.name_zh, statutory: r.statutory === 1 }
}

export function holidaysStore(sql: Sql) {
  const upsertRecord = (h: HolidayRecord): void => {
    sql.run(`INSERT INTO holiday (date, name, name_zh, statutory) VALUES (?, ?, ?, ?)
    ON CONFLICT (date) DO UPDATE SET name = excluded.name, name_zh = excluded.name_zh, statutory = excluded.statutory`, [h.date, h.name, h.nameZh, h.statutory ? 1 : 0])
  }
  return {
    /**
     * The holidays from `from` to `to` in date order, `name` in `lang` (the
     * Chinese name under zh-CN where one is stored, else the name as given), and
     * `nameZh` where stored, so rules can word their refusals in either language.
     */
    list(from: IsoDate = '0000-01-01', to: IsoDate = '9999-12-31', lang: NameLanguage = 'en'): Holiday[] {
      const rows = sql.all<HolidayRow>(`SELECT date, name, name_zh FROM holiday WHERE date BETWEEN ? AND ? ORDER BY date`, [from, to])
      return rows.map((r) => (r.name_zh === null ? { date: r.date, name: r.name } : { date: r.date, name: lang === 'zh-CN' ? r.name_zh : r.name, nameZh: r.name_zh }))
    },

    /** The holidays as stored, with both names and the statutory mark, in date order. */
    records(from: IsoDate = '0000-01-01', to: IsoDate = '9999-12-31'): HolidayRecord[] {
      return sql.all<HolidayRow>(`SELECT date, name, name_zh, statutory FROM holiday WHERE date BETWEEN ? AND ? ORDER BY date`, [from, to]).map(rowToHolidayRecord)
    },

    find(date: IsoDate): Holiday | undefined {
      return sql.get<Holiday>(`SELECT date, name FROM holiday WHERE date = ?`, [date])
    },

    /** Adds or replaces the holiday on its date; a name given by hand has no Chinese twin and is not statutory. */
    upsert(h: Holiday): void {
      upsertRecord({ ...h, nameZh: null, statutory: false })
    },

    /** Adds or replaces the holiday on its date with both names and the statutory mark. */
    upsertRecord,

    /** Removes the holiday on `date`; returns 1 when there was one, else 0. */
    delete(date: IsoDate): number {
      return sql.run(`DELETE FROM holiday WHERE date = ?`, [date]).changes
    },

    /** The make-up working days (调休上班) from `from` to `to`, in date order. */
    workdays(from: IsoDate = '0000-01-01', to: IsoDate = '9999-12-31'): Workday[] {
      return sql.all<WorkdayRow>(`SELECT date, name, name_zh FROM workday WHERE date BETWEEN ? AND ? ORDER BY date`, [from, to]).map((r) => ({ date: r.date, name: r.name, nameZh: r.name_zh }))
    },

    /** Just the dates of the make-up working days from `from` to `to`, in order. */
    workdayDates(from: IsoDate, to: IsoDate): IsoDate[] {
      return sql.all<{ date: IsoDate }>(`SELECT date FROM workday WHERE date BETWEEN ? AND ? ORDER BY date`, [from, to]).map((r) => r.date)
    },

    upsertWorkday(w: Workday): void {
      sql.run(`INSERT INTO workday (date, name, name_zh) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE SET name = excluded.name, name_zh = excluded.name_zh`, [w.date, w.name, w.nameZh])
    },

    deleteWorkday(date: IsoDate): number {
      return sql.run(`DELETE FROM workday WHERE date = ?`, [date]).changes
    },
  }
}

export type HolidaysStore = ReturnType<typeof holidaysStore>
