// The Store: the one way every command reaches the team's data. Each area
// (staff, swaps, wishes...) is a set of methods built over a Sql connection;
// the same areas run on SQLite and on PostgreSQL, and the contract suite in
// test/store/contract runs against every implementation.
//
// Adding an area: write src/store/<area>.ts with `export function <area>Store(sql: Sql)`
// returning its methods, add it below, and add its contract cases.

import { sqliteSql, type Sql } from './sql.js'
import type { Db } from './db.js'
import { wishesStore, type WishesStore } from './wishes.js'

export interface Store {
  readonly dialect: Sql['dialect']
  readonly wishes: WishesStore
  /** One write transaction (see Sql.transaction): all of `fn` or none of it. */
  transaction<T>(fn: () => T): T
  close(): void
}

/** The store over any Sql connection. */
export function createStore(sql: Sql): Store {
  return {
    dialect: sql.dialect,
    wishes: wishesStore(sql),
    transaction: (fn) => sql.transaction(fn),
    close: () => sql.close(),
  }
}

/** The store over an open SQLite database. */
export function sqliteStore(db: Db): Store {
  return createStore(sqliteSql(db))
}
