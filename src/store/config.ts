// Stored settings: the only code that speaks SQL about them.

import type { Sql } from './sql.js'

export function configStore(sql: Sql) {
  return {
    /** Raw stored settings; the domain parses and defaults them. */
    values(): Map<string, string> {
      return new Map(sql.all<{ key: string; value: string }>(`SELECT key, value FROM config`).map((r) => [r.key, r.value]))
    },

    upsert(key: string, value: string): void {
      sql.run(`INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, value])
    },
  }
}

export type ConfigStore = ReturnType<typeof configStore>
