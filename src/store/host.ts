// The host of the database: what stays specific to SQLite's one file (opening,
// validating and migrating it, copying and replacing it). The CLI opens a Store
// here and speaks to the data only through that Store; it never holds a
// better-sqlite3 handle.

import { openBackupReadOnly } from './backup.js'
import { openDatabase, type OpenOptions } from './db.js'
import { sqliteStore, type Store } from './store.js'
import { isPostgresUrl } from './postgres/url.js'
import { openPostgresStore } from './postgres/store.js'

export type { OpenOptions } from './db.js'
export { fileMode, toStorageError } from './db.js'
export { isPostgresUrl, maskUrl } from './postgres/url.js'
export { inspectBackup, keepDamagedCopy, replaceDatabaseFile, restoreFrom, type BackupInfo } from './backup.js'

/**
 * Opens (and if asked, creates) the roster database at `path`, migrated, as a
 * Store: a SQLite file, or the PostgreSQL database a postgres:// URL names.
 */
export function openStore(path: string, options: OpenOptions = {}): Store {
  if (isPostgresUrl(path)) return openPostgresStore(path, { readonly: options.readonly === true && !options.create })
  return sqliteStore(openDatabase(path, options))
}

/** A backup file opened read-only as a Store (to ask who may restore it when the live file cannot be opened). */
export function openBackupStore(path: string): Store {
  return sqliteStore(openBackupReadOnly(path))
}
