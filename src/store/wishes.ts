// Wishes (SPEC 9): the only code that speaks SQL about them. Portable SQL:
// runs on SQLite and on PostgreSQL through the Sql interface.

import type { IsoDate } from '../domain/types.js'
import type { Wish, WishDraft, WishKind } from '../domain/wishes/wish.js'
import type { Sql } from './sql.js'

interface WishRow {
  id: number
  staff: string
  from_date: string | null
  to_date: string | null
  weekday: number | null
  kind: string
  shift: string | null
  weight: number
  reason: string | null
  created_at: string
}

const COLUMNS = `id, staff, from_date, to_date, weekday, kind, shift, weight, reason, created_at`

function rowToWish(r: WishRow): Wish {
  return {
    id: Number(r.id),
    staff: r.staff,
    date: r.from_date,
    to: r.to_date,
    weekday: r.weekday === null ? null : Number(r.weekday),
    kind: r.kind as WishKind,
    shift: r.shift,
    weight: Number(r.weight),
    reason: r.reason,
    createdAt: r.created_at,
  }
}

export interface WishFilter {
  staff?: string
  /** Wishes that speak of a day in [from, to]: dated ones overlapping it, and every weekly one. */
  from?: IsoDate
  to?: IsoDate
}

export function wishesStore(sql: Sql) {
  const find = (id: number): Wish | undefined => {
    const r = sql.get<WishRow>(`SELECT ${COLUMNS} FROM wish WHERE id = ?`, [id])
    return r && rowToWish(r)
  }
  return {
    /** Stores a wish and returns it with its id. */
    insert(w: WishDraft, createdAt: string): Wish {
      const r = sql.get<{ id: number }>(
        `INSERT INTO wish (staff, from_date, to_date, weekday, kind, shift, weight, reason, created_at)
         VALUES (@staff, @from, @to, @weekday, @kind, @shift, @weight, @reason, @createdAt) RETURNING id`,
        { staff: w.staff, from: w.date, to: w.to, weekday: w.weekday, kind: w.kind, shift: w.shift, weight: w.weight, reason: w.reason, createdAt },
      )
      return find(Number(r!.id))!
    },
    find,
    /** Wishes matching every given filter, by person, then weekly ones, then first day, then id. */
    list(f: WishFilter = {}): Wish[] {
      const rows = sql.all<WishRow>(
        `SELECT ${COLUMNS} FROM wish
         WHERE (@staff IS NULL OR staff = @staff)
           AND (weekday IS NOT NULL OR ((@from IS NULL OR to_date >= @from) AND (@to IS NULL OR from_date <= @to)))
         ORDER BY staff, COALESCE(from_date, ''), COALESCE(weekday, -1), id`,
        { staff: f.staff ?? null, from: f.from ?? null, to: f.to ?? null },
      )
      return rows.map(rowToWish)
    },
    /** Deletes one wish; whether it was there. */
    remove(id: number): boolean {
      return sql.run(`DELETE FROM wish WHERE id = ?`, [id]).changes > 0
    },
  }
}

export type WishesStore = ReturnType<typeof wishesStore>
