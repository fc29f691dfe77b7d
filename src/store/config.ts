import type { Db } from './db.js'
import { stmt } from './statements.js'

/** Raw stored settings; the domain parses and defaults them. */
export function findConfigValues(db: Db): Map<string, string> {
  const rows = stmt(db, `SELECT key, value FROM config`).all() as { key: string; value: string }[]
  return new Map(rows.map((r) => [r.key, r.value]))
}

export function upsertConfigValue(db: Db, key: string, value: string): void {
  stmt(db, `INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value)
}
