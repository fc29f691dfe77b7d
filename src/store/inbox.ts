// What waits on one person, counted cheaply for the one-line hint other
// commands print (roster inbox has the full lists). One query, every part of
// it by a partial index (migration 8): swaps to answer, and for a lead swaps,
// leave and claims to approve. Portable SQL (SQLite and PostgreSQL).

import type { Sql } from './sql.js'

export interface Waiting {
  /** Pending swaps the person is the counterpart of. */
  answer: number
  /** Accepted swaps, pending leave and pending claims the person takes no part in (counted for leads only). */
  approve: number
}

export function inboxStore(sql: Sql) {
  return {
    /** How much waits on `staff`; `lead` adds what waits for a lead's approval. */
    waiting(staff: string, lead: boolean): Waiting {
      const r = sql.get<{ answer: number; swaps: number; leaves: number; claims: number }>(`SELECT
          (SELECT count(*) FROM swap WHERE status = 'pending' AND counterpart = @me) AS answer,
          (SELECT count(*) FROM swap WHERE @lead = 1 AND status = 'accepted' AND counterpart <> @me AND requester <> @me) AS swaps,
          (SELECT count(*) FROM leave WHERE @lead = 1 AND status = 'pending' AND staff <> @me) AS leaves,
          (SELECT count(*) FROM open_claim WHERE @lead = 1 AND status = 'pending' AND staff <> @me) AS claims`, { me: staff, lead: lead ? 1 : 0 })
      return { answer: Number(r?.answer ?? 0), approve: Number(r?.swaps ?? 0) + Number(r?.leaves ?? 0) + Number(r?.claims ?? 0) }
    },
    /** One setting's stored text (notify.hint), without reading the others. */
    setting(key: string): string | undefined {
      return sql.get<{ value: string }>(`SELECT value FROM config WHERE key = ?`, [key])?.value
    },
  }
}

export type InboxStore = ReturnType<typeof inboxStore>
