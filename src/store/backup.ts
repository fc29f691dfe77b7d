// Consistent copies of the database, and validation of a copy before it
// replaces the live file.

import { chmodSync, constants as fsConstants, copyFileSync, existsSync, linkSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { StorageError, UsageError } from '../errors.js'
import { APPLICATION_ID, createPrivateFile, type Db } from './db.js'
import { LATEST_VERSION } from './migrations/index.js'

/**
 * An online, consistent copy through SQLite's backup API. The copy is made in
 * a partial file of this process's own beside the target and then linked to
 * the target's name, which fails rather than replace a file: two backups
 * never write one file and a reader never sees half a copy. With `fresh`
 * (the default, time-stamped names), a name already taken gets "-2", "-3"...;
 * without, it is refused. A failed backup removes its partial file. Returns the
 * name written.
 */
export async function backupTo(db: Db, target: string, options: { fresh?: boolean } = {}): Promise<string> {
  if (!options.fresh && existsSync(target)) throw new UsageError((m) => m.errors.backup.exists(target), 'exists')
  if (!existsSync(dirname(target))) throw new UsageError((m) => m.errors.backup.noFolder(dirname(target)), 'no-folder')
  // Imported here, not at the top: loading node:crypto costs every command's start-up about 2 ms.
  const { randomBytes } = await import('node:crypto')
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`)
  try {
    createPrivateFile(partial)
    await db.backup(partial)
    // A backup is a single self-contained file: no -wal or -shm beside it.
    const copy = new Database(partial)
    copy.pragma('journal_mode = DELETE')
    copy.close()
    return publish(partial, target, options.fresh ?? false)
  } finally {
    rmSync(partial, { force: true })
  }
}

/** Gives the finished copy its name without ever replacing a file (a hard link, else an exclusive copy). */
export function publish(partial: string, target: string, fresh: boolean): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? target : target.replace(/(\.db)?$/, (ext) => `-${i}${ext}`)
    try {
      try {
        linkSync(partial, name)
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        // A file system without hard links: copy, still refusing to replace a file.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw e
        copyFileSync(partial, name, fsConstants.COPYFILE_EXCL)
      }
      chmodSync(name, 0o660)
      return name
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      if (!fresh) throw new UsageError((m) => m.errors.backup.exists(target), 'exists')
      if (i >= 1000) throw e
    }
  }
}

/** A consistent snapshot taken synchronously (used before migrations). */
export function snapshotTo(db: Db, target: string): void {
  createPrivateFile(target)
  db.prepare('VACUUM INTO ?').run(target)
}

export interface BackupInfo {
  version: number
  staff: number
  assignments: number
}

/** Opens `path` read-only and checks it is a whole roster database this version can use. */
export function inspectBackup(path: string): BackupInfo {
  if (!existsSync(path)) throw new UsageError((m) => m.errors.backup.noFile(path), 'not-found')
  let src: Db
  try {
    src = new Database(path, { readonly: true, fileMustExist: true })
  } catch (e) {
    throw new UsageError((m) => m.errors.backup.cannotOpen(path, (e as Error).message), 'bad-backup')
  }
  try {
    const appId = src.pragma('application_id', { simple: true }) as number
    const version = src.pragma('user_version', { simple: true }) as number
    if (appId !== APPLICATION_ID) throw new UsageError((m) => m.errors.backup.notRoster(path), 'bad-backup')
    if (version > LATEST_VERSION) throw new StorageError((m) => m.errors.backup.newer(path, version), 'newer-schema')
    const check = src.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new UsageError((m) => m.errors.backup.damaged(path, String(check)), 'bad-backup')
    const staff = (src.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n
    const assignments = (src.prepare('SELECT count(*) AS n FROM assignment').get() as { n: number }).n
    return { version, staff, assignments }
  } catch (e) {
    if (e instanceof UsageError || e instanceof StorageError) throw e
    throw new UsageError((m) => m.errors.backup.unreadable(path, (e as Error).message), 'bad-backup')
  } finally {
    src.close()
  }
}

/** Copies the validated backup over the live database, page by page, under SQLite's locks. */
export async function restoreFrom(source: string, livePath: string): Promise<void> {
  const src = new Database(source, { readonly: true, fileMustExist: true })
  try {
    await src.backup(livePath)
  } finally {
    src.close()
  }
}

/** Opens a backup read-only (to ask who may restore it when the live file cannot be opened). */
export function openBackupReadOnly(path: string): Db {
  return new Database(path, { readonly: true, fileMustExist: true })
}

/** Keeps a damaged database file byte for byte (and its WAL, if any) under `target`, 0660. */
export function keepDamagedCopy(live: string, target: string): void {
  for (const [from, to] of [[live, target], [`${live}-wal`, `${target}-wal`]] as const) {
    if (!existsSync(from)) continue
    createPrivateFile(to)
    copyFileSync(from, to)
    chmodSync(to, 0o660)
  }
}

/**
 * Puts a copy of the validated backup in place of a live file too damaged to
 * write into: copied beside it, then renamed over it, so the live path never
 * holds half a file.
 */
export function replaceDatabaseFile(source: string, live: string): void {
  const next = `${live}.restoring`
  rmSync(next, { force: true })
  createPrivateFile(next)
  copyFileSync(source, next)
  chmodSync(next, 0o660)
  // The damaged file's WAL and shared memory belong to it, not to the backup.
  rmSync(`${live}-wal`, { force: true })
  rmSync(`${live}-shm`, { force: true })
  renameSync(next, live)
}
