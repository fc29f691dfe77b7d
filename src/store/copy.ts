// Copying a whole roster from one database to another, SQLite or PostgreSQL
// either way: how a team moves between the two (roster backup -o team.db
// from PostgreSQL, roster restore team.db into it). Table by table, parents
// before the tables that refer to them (the order the migrations made them),
// every column as it is, ids kept, the audit log whole; PostgreSQL's id
// sequences are set past the highest id copied.

import { ident, idents, tuples, type Sql, type SqlValue } from './sql.js'

export interface TableInfo {
  name: string
  columns: string[]
  /** Tables this one refers to. */
  parents: string[]
  /** The column PostgreSQL numbers from a sequence (an identity), if any. */
  identity?: string
}

/** The roster's tables, each after every table it refers to (creation order otherwise). */
export function rosterTables(sql: Sql): TableInfo[] {
  const tables = sql.dialect === 'sqlite' ? sqliteTables(sql) : postgresTables(sql)
  const byName = new Map(tables.map((t) => [t.name, t]))
  const ordered: TableInfo[] = []
  const seen = new Set<string>()
  const visit = (t: TableInfo) => {
    if (seen.has(t.name)) return
    seen.add(t.name)
    for (const p of t.parents) {
      const parent = byName.get(p)
      if (parent && p !== t.name) visit(parent)
    }
    ordered.push(t)
  }
  for (const t of tables) visit(t)
  return ordered
}

function sqliteTables(sql: Sql): TableInfo[] {
  const names = sql.all<{ name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).map((r) => r.name)
  return names.map((name) => ({
    name,
    columns: sql.all<{ name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid', [name]).map((c) => c.name),
    parents: [...new Set(sql.all<{ t: string }>('SELECT "table" AS t FROM pragma_foreign_key_list(?)', [name]).map((r) => r.t))],
  }))
}

function postgresTables(sql: Sql): TableInfo[] {
  const names = sql.all<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY c.oid`,
  ).map((r) => r.name)
  return names.map((name) => {
    const cols = sql.all<{ name: string; identity: string }>(
      `SELECT column_name AS name, is_identity AS identity FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
      [name],
    )
    const parents = sql.all<{ t: string }>(
      `SELECT DISTINCT f.relname AS t FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class f ON f.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname = ?`,
      [name],
    )
    const identity = cols.find((c) => c.identity === 'YES')?.name
    return { name, columns: cols.map((c) => c.name), parents: parents.map((p) => p.t), ...(identity ? { identity } : {}) }
  })
}

export interface CopyCounts {
  /** Rows copied, by table. */
  [table: string]: number
}

/**
 * Copies every row of every roster table of `from` into the same, empty,
 * tables of `to` (both at the same schema version). Run it inside a
 * transaction of `to` (and a consistent read of `from`). Returns the rows
 * copied per table.
 */
export function copyRows(from: Sql, to: Sql): CopyCounts {
  const source = rosterTables(from)
  const target = new Map(rosterTables(to).map((t) => [t.name, t]))
  const counts: CopyCounts = {}
  for (const table of source) {
    const into = target.get(table.name)
    if (!into || into.columns.join() !== table.columns.join()) {
      throw new Error(`the table ${table.name} differs between the two databases (${table.columns.join(', ')} / ${into?.columns.join(', ') ?? 'missing'})`)
    }
    const rows = from.all<Record<string, SqlValue>>(`SELECT ${idents(table.columns)} FROM ${ident(table.name)}`)
    // Many rows a statement (one round trip each on PostgreSQL), within both engines' limits on parameters.
    const batch = Math.max(1, Math.floor(2000 / table.columns.length))
    for (let i = 0; i < rows.length; i += batch) {
      const part = rows.slice(i, i + batch)
      const values: SqlValue[] = []
      for (const r of part) for (const c of table.columns) values.push(r[c] ?? null)
      to.run(`INSERT INTO ${ident(table.name)} (${idents(table.columns)}) VALUES ${tuples(part.length, table.columns.length)}`, values)
    }
    counts[table.name] = rows.length
  }
  if (to.dialect === 'postgres') resetSequences(to)
  return counts
}

/** Each identity column's sequence continues after the highest id in its table. */
export function resetSequences(sql: Sql): void {
  for (const t of rosterTables(sql)) {
    if (!t.identity) continue
    sql.get(`SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(max(${ident(t.identity)}), 0) + 1, false) AS v FROM ${ident(t.name)}`, [ident(t.name), t.identity])
  }
}

/**
 * Empties every roster table of `sql` (children first), the append-only audit
 * log included: only a restore does this, inside its transaction, which it
 * marks so the audit log's guard lets it through.
 */
export function clearRosterTables(sql: Sql): void {
  if (sql.dialect === 'postgres') sql.get(`SELECT set_config('roster.restoring', 'on', true) AS on`)
  for (const t of rosterTables(sql).reverse()) sql.run(`DELETE FROM ${ident(t.name)}`)
}
