// Backup and restore between PostgreSQL and a SQLite roster file, so a team
// can move either way and keep its history and audit log: `roster backup -o
// team.db` writes the PostgreSQL database into a new SQLite roster file,
// `roster restore team.db` replaces the PostgreSQL database's contents with a
// SQLite roster file's.

import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { UsageError } from '../../errors.js'
import { publish } from '../backup.js'
import { clearRosterTables, copyRows, type CopyCounts } from '../copy.js'
import { createPrivateFile, openDatabase } from '../db.js'
import { sqliteSql } from '../sql.js'
import type { PostgresSql } from './sql.js'

/**
 * Writes everything of the PostgreSQL database into a new SQLite roster file
 * at `target` (never over a file: with `fresh`, "-2", "-3"... are tried). The
 * rows are read in one REPEATABLE READ snapshot, so writers go on meanwhile
 * and the copy is of one moment. Returns the name written.
 */
export function backupPostgresTo(pg: PostgresSql, target: string, options: { fresh?: boolean } = {}): string {
  if (!options.fresh && existsSync(target)) throw new UsageError((m) => m.errors.backup.exists(target), 'exists')
  if (!existsSync(dirname(target))) throw new UsageError((m) => m.errors.backup.noFolder(dirname(target)), 'no-folder')
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`)
  try {
    createPrivateFile(partial)
    const db = openDatabase(partial, { create: true })
    try {
      const lite = sqliteSql(db)
      pg.run('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      try {
        lite.transaction(() => copyRows(pg, lite))
      } finally {
        pg.run('COMMIT')
      }
      // A backup is one self-contained file: no -wal or -shm beside it.
      db.pragma('journal_mode = DELETE')
    } finally {
      db.close()
    }
    return publish(partial, target, options.fresh ?? false)
  } finally {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true })
  }
}

/**
 * Replaces every row of the PostgreSQL database (the audit log too) with the
 * rows of a SQLite roster file, in one transaction under the roster lock: all
 * of it or nothing. The file is checked first by the caller (inspectBackup);
 * an older one is brought to the latest schema on a copy, never in place.
 */
export function restorePostgresFrom(pg: PostgresSql, file: string): CopyCounts {
  const dir = mkdtempSync(join(tmpdir(), 'roster-restore-'))
  try {
    const copy = join(dir, 'restore.db')
    copyFileSync(file, copy)
    const db = openDatabase(copy, { create: false })
    try {
      const lite = sqliteSql(db)
      return pg.transaction(() => {
        clearRosterTables(pg)
        return copyRows(lite, pg)
      })
    } finally {
      db.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
