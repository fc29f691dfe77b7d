// The Store: the one way every command reaches the team's data. Each area
// (staff, swaps, wishes...) is a set of methods built over a Sql connection;
// the same areas run on SQLite and on PostgreSQL, and the contract suite in
// test/store/contract runs against every implementation.
//
// Adding an area: write src/store/<area>.ts with `export function <area>Store(sql: Sql)`
// returning its methods, add it below, and add its contract cases.

import { sqliteSql, type Sql } from './sql.js'
import { backupTo } from './backup.js'
import type { Db } from './db.js'
import { rotationsStore, type RotationsStore } from './rotations.js'
import { assignmentsStore, type AssignmentsStore } from './assignments.js'
import { auditStore, type AuditStore } from './audit.js'
import { configStore, type ConfigStore } from './config.js'
import { handoversStore, type HandoversStore } from './handovers.js'
import { holidaysStore, type HolidaysStore } from './holidays.js'
import { leavesStore, type LeavesStore } from './leaves.js'
import { shiftsStore, type ShiftsStore } from './shifts.js'
import { staffStore, type StaffStore } from './staff.js'
import { swapsStore, type SwapsStore } from './swaps.js'
import { claimsStore, type ClaimsStore } from './claims.js'
import { inboxStore, type InboxStore } from './inbox.js'
import { wishesStore, type WishesStore } from './wishes.js'
import { outboxStore, type OutboxStore } from './outbox.js'

export interface Store {
  readonly dialect: Sql['dialect']
  readonly staff: StaffStore
  readonly shifts: ShiftsStore
  readonly assignments: AssignmentsStore
  readonly holidays: HolidaysStore
  readonly config: ConfigStore
  readonly leaves: LeavesStore
  readonly swaps: SwapsStore
  readonly audit: AuditStore
  readonly handovers: HandoversStore
  /** Repeating rotations generate --cyclic drew (SPEC 10). */
  readonly rotations: RotationsStore
  /** What staff wish for (SPEC 9). */
  readonly wishes: WishesStore
  /**
   * What only a database in one file can do (an online copy of the file);
   * absent for a server database, whose copies its own tools make.
   */
  readonly file?: StoreFile
  /** What only a server database (PostgreSQL) has: its role, and copies to and from a SQLite roster file. */
  readonly server?: StoreServer
  /** One write transaction (see Sql.transaction): all of `fn` or none of it; inside another, it joins that one. */
  transaction<T>(fn: () => T): T
  close(): void
  /** Claims of open shifts (roster open). */
  readonly claims: ClaimsStore
  /** What waits on a person (the inbox hint). */
  readonly inbox: InboxStore
  /** Notifications waiting for delivery, and those sent (SPEC 12). */
  readonly outbox: OutboxStore
}

export interface StoreFile {
  /** A consistent copy of the live database written to `target` (see backupTo); returns the name written. */
  backupTo(target: string, options?: { fresh?: boolean }): Promise<string>
}

export interface StoreServer {
  /** The database's URL without its password. */
  readonly where: string
  /** The database role the connection acts as. */
  readonly role: string
  /** Writes everything into a new SQLite roster file at `target`; returns the name written. */
  backupTo(target: string, options?: { fresh?: boolean }): string
  /** Replaces everything with the rows of a (checked) SQLite roster file, in one transaction. */
  restoreFrom(file: string): Record<string, number>
}

/** The store over any Sql connection. */
export function createStore(sql: Sql, file?: StoreFile, server?: StoreServer): Store {
  return {
    dialect: sql.dialect,
    staff: staffStore(sql),
    shifts: shiftsStore(sql),
    assignments: assignmentsStore(sql),
    holidays: holidaysStore(sql),
    config: configStore(sql),
    leaves: leavesStore(sql),
    swaps: swapsStore(sql),
    audit: auditStore(sql),
    handovers: handoversStore(sql),
    rotations: rotationsStore(sql),
    ...(file ? { file } : {}),
    ...(server ? { server } : {}),
    outbox: outboxStore(sql),
    wishes: wishesStore(sql),
    transaction: (fn) => sql.transaction(fn),
    close: () => sql.close(),
    claims: claimsStore(sql),
    inbox: inboxStore(sql),
  }
}

/** The store over an open SQLite database. */
export function sqliteStore(db: Db): Store {
  return createStore(sqliteSql(db), { backupTo: (target, options) => backupTo(db, target, options) })
}
