// Claims of open shifts (roster open claim / approve / reject): the only code
// that speaks SQL about them. Portable SQL (SQLite and PostgreSQL): `?` and
// `@name` placeholders, RETURNING for the new id, booleans as 0/1.

import type { Claim, ClaimStatus } from '../domain/cover/claims.js'
import type { IsoDate } from '../domain/types.js'
import type { Sql } from './sql.js'

interface ClaimRow {
  id: number
  date: string
  shift: string
  staff: string
  status: string
  auto: number
  created_at: string
  decided_by: string | null
  reason: string | null
}

const COLUMNS = `id, date, shift, staff, status, auto, created_at, decided_by, reason`

function rowToClaim(r: ClaimRow): Claim {
  return {
    id: Number(r.id), date: r.date, shift: r.shift, staff: r.staff, status: r.status as ClaimStatus, auto: Number(r.auto) === 1,
    createdAt: r.created_at, decidedBy: r.decided_by, reason: r.reason,
  }
}

export interface NewClaim {
  date: IsoDate
  shift: string
  staff: string
  createdAt: string
  reason: string | null
}

export interface ClaimFilter {
  status?: ClaimStatus
  staff?: string
  /** Claims of shifts on dates within [from, to]. */
  from?: IsoDate
  to?: IsoDate
}

export function claimsStore(sql: Sql) {
  const find = (id: number): Claim | undefined => {
    const r = sql.get<ClaimRow>(`SELECT ${COLUMNS} FROM open_claim WHERE id = ?`, [id])
    return r && rowToClaim(r)
  }
  return {
    /** Stores a new pending claim and returns it with its id. */
    insert(c: NewClaim): Claim {
      const r = sql.get<{ id: number }>(`INSERT INTO open_claim (date, shift, staff, status, auto, created_at, reason) VALUES (?, ?, ?, 'pending', 0, ?, ?) RETURNING id`, [c.date, c.shift, c.staff, c.createdAt, c.reason])
      return find(Number(r!.id))!
    },
    find,
    /** Claims matching every given filter, by date, then shift, then id. */
    list(f: ClaimFilter = {}): Claim[] {
      return sql.all<ClaimRow>(`SELECT ${COLUMNS} FROM open_claim
        WHERE (@status IS NULL OR status = @status) AND (@staff IS NULL OR staff = @staff)
          AND (@from IS NULL OR date >= @from) AND (@to IS NULL OR date <= @to)
        ORDER BY date, shift, id`, { status: f.status ?? null, staff: f.staff ?? null, from: f.from ?? null, to: f.to ?? null }).map(rowToClaim)
    },
    /** The pending claim of `staff` for that shift, if any. */
    findPending(date: IsoDate, shift: string, staff: string): Claim | undefined {
      const r = sql.get<ClaimRow>(`SELECT ${COLUMNS} FROM open_claim WHERE date = ? AND shift = ? AND staff = ? AND status = 'pending'`, [date, shift, staff])
      return r && rowToClaim(r)
    },
    /**
     * Records a decision on a pending claim: approved or rejected by `decidedBy`,
     * or approved with `decidedBy` null and auto set (open.auto-approve). False
     * when the claim was no longer pending.
     */
    decide(id: number, status: Exclude<ClaimStatus, 'pending'>, decidedBy: string | null, auto: boolean): boolean {
      return sql.run(`UPDATE open_claim SET status = ?, decided_by = ?, auto = ? WHERE id = ? AND status = 'pending'`, [status, decidedBy, auto ? 1 : 0, id]).changes === 1
    },
    /** Pending claims: the lead's count for the inbox hint (a partial index). */
    countPending(exceptStaff: string): number {
      const r = sql.get<{ n: number }>(`SELECT count(*) AS n FROM open_claim WHERE status = 'pending' AND staff <> ?`, [exceptStaff])
      return Number(r?.n ?? 0)
    },
  }
}

export type ClaimsStore = ReturnType<typeof claimsStore>
