// roster backup [-o file] | restore <file>

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { Staff } from '../../../domain/types.js'
import { StorageError, UsageError } from '../../../errors.js'
import { inspectBackup, keepDamagedCopy, openBackupStore, replaceDatabaseFile, restoreFrom, type BackupInfo } from '../../../store/host.js'
import type { StoreFile } from '../../../store/store.js'
import { Ctx } from '../../context.js'
import type { App } from '../../app.js'
import { checkInputFile, refuseDatabaseTarget } from '../../files.js'

export function registerBackup(program: Command, app: App): void {
  program
    .command('backup')
    .description('write a consistent copy of the database while others keep working')
    .option('-o, --output <file>', 'where to write it (default: roster-YYYYMMDD-HHMMSS.db beside the database)')
    .action(app.action(async (ctx, _args, raw) => {
      // -o is checked before the database is opened: it may never name the database or its journal files.
      const target = raw.output === undefined ? defaultBackupPath(ctx) : backupOutput(ctx, String(raw.output))
      const server = ctx.store().server
      // From PostgreSQL, the copy is a SQLite roster file: a team can move either way.
      const written = server ? server.backupTo(target, { fresh: raw.output === undefined }) : await fileOf(ctx).backupTo(target, { fresh: raw.output === undefined })
      ctx.out({ backup: written }, () => ctx.t.backup.done(ctx.dbPath(), written))
    }))
  program
    .command('restore <file>')
    .description('replace the database with a backup, after checking the backup is whole (leads only)')
    .action(app.action(async (ctx, [file]) => {
      const r = await runRestore(ctx, file!)
      ctx.out({ restored: file, safetyCopy: r.safetyCopy, staff: r.info.staff, assignments: r.info.assignments }, () =>
        ctx.t.backup.restored(ctx.dbPath(), file!, r.info.staff, r.info.assignments, r.safetyCopy))
    }))
}

/** The database as a file to copy; a server database has none. */
function fileOf(ctx: Ctx): StoreFile {
  const file = ctx.store().file
  if (!file) throw new UsageError((m) => m.errors.backup.notAFile, 'usage')
  return file
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
}

/** The -o file of a backup: resolved against the working folder, never the database itself. */
function backupOutput(ctx: Ctx, raw: string): string {
  if (raw.trim() === '') throw new UsageError((t) => t.files.isFolder('""', '-o'), 'bad-output')
  refuseDatabaseTarget(ctx.deps.cwd, raw, ctx.dbPath(), '-o')
  return resolve(ctx.deps.cwd, raw)
}

function defaultBackupPath(ctx: Ctx): string {
  const path = ctx.dbPath()
  if (path === ':memory:') throw new UsageError((m) => m.errors.backup.inMemory)
  // A server database has no folder of its own: roster-<database>-<time>.db in the working folder.
  if (!ctx.isFileDb()) return resolve(ctx.deps.cwd, `roster-${serverDatabaseName(path)}-${stamp(ctx.now())}.db`)
  return path.replace(/\.db$/, '') + `-${stamp(ctx.now())}.db`
}

/** The database's name in a (masked) postgres:// URL, as a safe file-name part. */
function serverDatabaseName(url: string): string {
  let name = ''
  try {
    name = decodeURIComponent(new URL(url).pathname.slice(1))
  } catch {
    name = ''
  }
  return name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'postgres'
}

export async function runRestore(ctx: Ctx, file: string): Promise<{ info: BackupInfo; safetyCopy: string }> {
  // A FIFO, a device, a folder or a huge file is refused before SQLite opens it.
  checkInputFile(resolve(ctx.deps.cwd, file), 'restore')
  const info = inspectBackup(file)
  if (!ctx.isFileDb()) return restoreIntoServer(ctx, file, info)
  const live = ctx.dbPath()
  if (!existsSync(live)) throw new UsageError((m) => m.errors.backup.noLiveDatabase(live, file))
  let safetyCopy = freshPath(`${live.replace(/\.db$/, '')}-before-restore-${stamp(ctx.now())}`)
  let actor: Staff
  if (liveIsDamaged(ctx)) {
    // Restoring is the remedy for a damaged file, so it must work on one: who
    // may restore is judged by the backup, and the damaged file is kept as it is.
    const judge = new Ctx({ ...ctx.deps, openStore: () => openBackupStore(file) }, ctx.globals)
    try {
      actor = judge.lead('restore the database')
    } finally {
      judge.close()
    }
    keepDamagedCopy(live, safetyCopy)
    replaceDatabaseFile(file, live)
  } else {
    actor = ctx.lead('restore the database')
    safetyCopy = await fileOf(ctx).backupTo(safetyCopy, { fresh: true })
    ctx.close()
    await restoreFrom(file, live)
  }
  // The restored database records who restored it and from where.
  ctx.actAs(actor)
  ctx.write(() => ctx.audit('restore', file, null, { safetyCopy, staff: info.staff, assignments: info.assignments }))
  return { info, safetyCopy }
}

/**
 * A SQLite roster file into PostgreSQL: a lead of the live database only; what
 * it replaces is first written to roster-<database>-before-restore-<time>.db in
 * the working folder; then every row is replaced in one transaction.
 */
function restoreIntoServer(ctx: Ctx, file: string, info: BackupInfo): { info: BackupInfo; safetyCopy: string } {
  const server = ctx.store().server!
  const actor = ctx.lead('restore the database')
  const safetyCopy = server.backupTo(freshPath(resolve(ctx.deps.cwd, `roster-${serverDatabaseName(ctx.dbPath())}-before-restore-${stamp(ctx.now())}`)), { fresh: true })
  server.restoreFrom(file)
  ctx.actAs(actor)
  ctx.write(() => ctx.audit('restore', file, null, { safetyCopy, staff: info.staff, assignments: info.assignments }))
  return { info, safetyCopy }
}

function liveIsDamaged(ctx: Ctx): boolean {
  try {
    ctx.store()
    return false
  } catch (e) {
    if (e instanceof StorageError && e.code === 'corrupt') return true
    throw e
  }
}

/** `<base>.db`, or `<base>-2.db`, ... when a restore earlier that second took the name. */
function freshPath(base: string): string {
  if (!existsSync(`${base}.db`)) return `${base}.db`
  for (let i = 2; ; i++) if (!existsSync(`${base}-${i}.db`)) return `${base}-${i}.db`
}
