// Opening, validating and migrating the roster database. A file that is not
// ours, is damaged, or is newer than this version is refused before anything
// is written to it.

import { accessSync, closeSync, constants as fsConstants, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { StorageError } from '../errors.js'
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js'

export type Db = Database.Database

/** `PRAGMA application_id` of a roster database: "ROST". */
export const APPLICATION_ID = 0x524f5354
export const BUSY_TIMEOUT_MS = 5000

export interface OpenOptions {
  /** Create the file when it does not exist (init, generate --demo). */
  create?: boolean
  busyTimeoutMs?: number
  /**
   * Open for reading only (show, who, check, stats, export, every list): works
   * on a read-only file or in a read-only folder. A database that still needs
   * a migration is opened for writing instead.
   */
  readonly?: boolean
}

const SQLITE_HEADER = 'SQLite format 3\u0000'

/** Opens (and if asked, creates) the roster database at `path`, migrated to the latest schema. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const memory = path === ':memory:'
  if (options.readonly && !memory && !options.create) {
    if (mayWrite(path)) {
      // Where the file and its folder can be written, the connection is opened
      // as usual but refuses every write (query_only): on close it checkpoints
      // and removes its -wal and -shm, which a read-only connection cannot do,
      // so a reader leaves the folder as it found it.
      const db = openDatabase(path, { ...options, readonly: false })
      db.pragma('query_only = ON')
      return db
    }
    const db = openReadOnly(path, options)
    if (db) return db
  }
  let created = false
  if (!memory) created = prepareFile(path, options.create ?? false)
  let db: Db
  try {
    db = new Database(path, { fileMustExist: !memory, nativeBinding: nativeBinding() })
  } catch (e) {
    // The empty file made for a new database goes again: a failed start leaves nothing behind.
    if (created) rmSync(path, { force: true })
    throw addonError(e) ?? new StorageError((m) => m.errors.store.cannotOpen(path, (e as Error).message), 'cannot-open')
  }
  try {
    setBusyTimeout(db, options)
    validate(db, path, created || memory || (options.create ?? false))
    if (!memory) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    migrate(db, memory ? undefined : path)
    return db
  } catch (e) {
    db.close()
    throw toStorageError(e, path)
  }
}

/** Whether this process may write the database file and create files beside it (its -wal and -shm). */
function mayWrite(path: string): boolean {
  try {
    accessSync(path, fsConstants.W_OK)
    accessSync(dirname(path), fsConstants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Opens an existing, up-to-date roster database for reading only; undefined
 * when it needs a migration (the caller then opens it for writing). SQLite
 * reads a WAL-mode file only with its -shm file beside it, which it cannot
 * create in a read-only folder: there the file is read into memory (its
 * journal-mode bytes set back to the rollback journal) and opened from there,
 * a snapshot as of the last checkpoint. A WAL file that still holds changes
 * is never skipped: that is a storage error instead.
 */
function setBusyTimeout(db: Db, options: OpenOptions): void {
  // A pragma takes no bound parameter: only a whole number goes into its text.
  const busy = options.busyTimeoutMs
  db.pragma(`busy_timeout = ${busy !== undefined && Number.isSafeInteger(busy) && busy >= 0 ? busy : BUSY_TIMEOUT_MS}`)
}

function openReadOnly(path: string, options: OpenOptions): Db | undefined {
  prepareFile(path, false)
  let db: Db
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() })
    setBusyTimeout(db, options)
    db.pragma('user_version', { simple: true })
  } catch (e) {
    const code = (e as { code?: string }).code ?? ''
    if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_CANTOPEN')) throw toStorageError(e, path)
    db = openSnapshot(path)
  }
  try {
    if ((db.pragma('user_version', { simple: true }) as number) < LATEST_VERSION && (db.pragma('application_id', { simple: true }) as number) === APPLICATION_ID) {
      db.close()
      return undefined
    }
    validate(db, path, false)
    db.pragma('foreign_keys = ON')
    return db
  } catch (e) {
    db.close()
    throw toStorageError(e, path)
  }
}

function openSnapshot(path: string): Db {
  let wal = 0
  try {
    wal = statSync(`${path}-wal`).size
  } catch {
    wal = 0
  }
  if (wal > 0) {
    throw new StorageError((t) => t.files.walInReadOnlyFolder(path), 'io')
  }
  const bytes = readFileSync(path)
  // Bytes 18 and 19 of the header: 2 is WAL mode, 1 the rollback journal that a file in memory can use.
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1
    bytes[19] = 1
  }
  try {
    return new Database(bytes, { readonly: true, nativeBinding: nativeBinding() })
  } catch (e) {
    throw toStorageError(e, path)
  }
}

/**
 * The compiled SQLite addon's path, so better-sqlite3 need not search a dozen
 * places for it on every start (that search costs a command ~6 ms). Undefined
 * where the usual place does not hold it: better-sqlite3 then searches.
 */
function nativeBinding(): string | undefined {
  if (typeof require !== 'function') return undefined
  // The bundle runs from dist/: in a clone or an installed package, the addon is
  // in the node_modules beside it, found without asking the module resolver.
  if (typeof __dirname === 'string') {
    const near = join(__dirname, '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
    if (existsSync(near)) return near
  }
  try {
    const file = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')
    return existsSync(file) ? file : undefined
  } catch {
    return undefined
  }
}

/**
 * SQLite's addon missing (npm installed roster without running
 * better-sqlite3's install script, which compiles it) or built for another
 * Node.js: a sentence saying what to run instead of the loader's stack.
 */
export function addonError(e: unknown): StorageError | undefined {
  const err = e as NodeJS.ErrnoException
  const message = String(err?.message ?? '')
  if (/Could not locate the bindings file|better_sqlite3\.node/.test(message) && (err.code === 'MODULE_NOT_FOUND' || /Could not locate/.test(message))) {
    return new StorageError((t) => t.install.noAddon('better-sqlite3/build/Release/better_sqlite3.node'), 'no-sqlite-addon')
  }
  if (err?.code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION/.test(message)) {
    const versions = /NODE_MODULE_VERSION \d+[^.]*NODE_MODULE_VERSION \d+/.exec(message)?.[0] ?? message.split('\n')[0]!.slice(0, 160)
    return new StorageError((t) => t.install.wrongAddon(versions), 'wrong-sqlite-addon')
  }
  return undefined
}

/** Checks the folder and the file before SQLite sees it; returns true when it made a new file. */
function prepareFile(path: string, create: boolean): boolean {
  const dir = dirname(path)
  if (!existsSync(dir)) throw new StorageError((m) => m.errors.store.noFolder(dir), 'no-folder')
  if (!existsSync(path)) {
    if (!create) throw new StorageError((m) => m.errors.store.noDatabase(path), 'no-database')
    createPrivateFile(path)
    return true
  }
  if (statSync(path).isDirectory()) throw new StorageError((m) => m.errors.store.folder(path), 'not-a-roster-database')
  const header = readHeader(path)
  if (header.length === 0) {
    if (create) return true
    throw new StorageError((m) => m.errors.store.emptyFile(path), 'not-a-roster-database')
  }
  if (header !== SQLITE_HEADER) throw new StorageError((m) => m.errors.store.notSqlite(path), 'not-a-roster-database')
  return false
}

/**
 * Creates an empty file readable and writable by its owner and group only
 * (0660, whatever the umask): a roster, and every copy of it, holds the team's
 * names and whereabouts. SQLite fills an empty file as a new database.
 */
export function createPrivateFile(path: string): void {
  writeFileSync(path, '', { mode: 0o660, flag: 'wx' })
  chmodSync(path, 0o660)
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = readSync(fd, buf, 0, 16, 0)
    return buf.subarray(0, n).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

function validate(db: Db, path: string, mayInitialise: boolean): void {
  const appId = db.pragma('application_id', { simple: true }) as number
  const version = db.pragma('user_version', { simple: true }) as number
  if (appId === APPLICATION_ID) {
    if (version > LATEST_VERSION) {
      throw new StorageError((m) => m.errors.store.newer(path, version, LATEST_VERSION), 'newer-schema')
    }
    // A damaged file is refused before any command reads or writes it: writing
    // into a broken b-tree spreads the damage. The check reads every page, some
    // 3 ms per MB. On a writable connection quick_check would also evaluate every
    // CHECK constraint on every row again (as it does not on a read-only one):
    // three times the structural check on a file with a long swap history, and
    // not what keeps damage from spreading.
    db.pragma('ignore_check_constraints = ON')
    let check: string[]
    try {
      check = (db.pragma('quick_check(2)') as { quick_check: string }[]).map((r) => r.quick_check)
    } finally {
      db.pragma('ignore_check_constraints = OFF')
    }
    if (check[0] !== 'ok') throw damaged(path, check.join('\n'))
    return
  }
  const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number }
  if (appId === 0 && version === 0 && tables.n === 0 && mayInitialise) return
  throw new StorageError((m) => m.errors.store.foreign(path), 'not-a-roster-database')
}

/**
 * Applies every pending migration, each in its own IMMEDIATE transaction.
 * An existing file is first copied to `<path>.schema-<N>.bak`.
 */
export function migrate(db: Db, path?: string): void {
  const start = db.pragma('user_version', { simple: true }) as number
  // Up to date (every open but the first after an upgrade): take no write
  // lock, so opening never waits for another process's write to finish.
  if (start >= LATEST_VERSION) return
  if (path && start > 0) {
    const target = uniquePath(`${path}.schema-${start}.bak`)
    createPrivateFile(target)
    db.prepare('VACUUM INTO ?').run(target)
  }
  for (const m of MIGRATIONS) {
    const step = db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number
      if (current >= m.version) return
      db.exec(m.sql)
      db.pragma(`application_id = ${APPLICATION_ID}`)
      db.pragma(`user_version = ${m.version}`)
    })
    step.immediate()
  }
}

function uniquePath(base: string): string {
  if (!existsSync(base)) return base
  for (let i = 2; ; i++) if (!existsSync(`${base}.${i}`)) return `${base}.${i}`
}

/** The permission bits of the database file (0o777 mask), or undefined when there is no file. */
export function fileMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777
  } catch {
    return undefined
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Maps SQLite's own failures to a storage error a user can act on. */
export function toStorageError(e: unknown, path: string): unknown {
  if (e instanceof StorageError) return e
  const code = (e as { code?: string }).code ?? ''
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StorageError((m) => m.errors.store.busy(path, BUSY_TIMEOUT_MS / 1000), 'locked')
  }
  if (code === 'SQLITE_NOTADB') return new StorageError((m) => m.errors.store.notReadable(path), 'not-a-roster-database')
  if (code.startsWith('SQLITE_CORRUPT')) return damaged(path, (e as Error).message)
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM' || code === 'SQLITE_FULL') {
    return new StorageError((m) => m.errors.store.cannotWrite(path, (e as Error).message), 'io')
  }
  return e
}

function damaged(path: string, detail: string): StorageError {
  // quick_check heads its findings with "*** in database main ***": the finding itself says more.
  const first = detail.split('\n').map((l) => l.trim()).find((l) => l && !/^\*\*\*.*\*\*\*$/.test(l))?.replace(/\.$/, '')
  return new StorageError((m) => m.errors.store.damaged(path, first), 'corrupt')
}
