// roster backup [-o file] | restore <file>

import { existsSync } from 'node:fs'
import type { Command } from 'commander'
import type { Staff } from '../../../domain/types.js'
import { StorageError, UsageError } from '../../../errors.js'
import { backupTo, inspectBackup, keepDamagedCopy, openBackupReadOnly, replaceDatabaseFile, restoreFrom, type BackupInfo } from '../../../store/backup.js'
import { Ctx } from '../../context.js'
import type { App } from '../../program.js'

export function registerBackup(program: Command, app: App): void {
  program
    .command('backup')
    .description('write a consistent copy of the database while others keep working')
    .option('-o, --output <file>', 'where to write it (default: roster-YYYYMMDD-HHMMSS.db beside the database)')
    .action(app.action(async (ctx, _args, raw) => {
      const target = raw.output === undefined ? defaultBackupPath(ctx) : String(raw.output)
      await backupTo(ctx.db(), target)
      ctx.out({ backup: target }, () => ctx.t.backup.done(ctx.dbPath(), target))
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

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
}

function defaultBackupPath(ctx: Ctx): string {
  const path = ctx.dbPath()
  if (path === ':memory:') throw new UsageError('An in-memory database has no file to back up beside: pass -o <file>.')
  return path.replace(/\.db$/, '') + `-${stamp(ctx.now())}.db`
}

export async function runRestore(ctx: Ctx, file: string): Promise<{ info: BackupInfo; safetyCopy: string }> {
  const info = inspectBackup(file)
  const live = ctx.dbPath()
  if (!existsSync(live)) throw new UsageError(`There is no database at ${live} to restore into: copy ${file} there instead.`)
  const safetyCopy = freshPath(`${live.replace(/\.db$/, '')}-before-restore-${stamp(ctx.now())}`)
  let actor: Staff
  if (liveIsDamaged(ctx)) {
    // Restoring is the remedy for a damaged file, so it must work on one: who
    // may restore is judged by the backup, and the damaged file is kept as it is.
    const judge = new Ctx({ ...ctx.deps, openDb: () => openBackupReadOnly(file) }, ctx.globals)
    try {
      actor = judge.lead('restore the database')
    } finally {
      judge.close()
    }
    keepDamagedCopy(live, safetyCopy)
    replaceDatabaseFile(file, live)
  } else {
    actor = ctx.lead('restore the database')
    await backupTo(ctx.db(), safetyCopy)
    ctx.close()
    await restoreFrom(file, live)
  }
  // The restored database records who restored it and from where.
  ctx.actAs(actor)
  ctx.write(() => ctx.audit('restore', file, null, { safetyCopy, staff: info.staff, assignments: info.assignments }))
  return { info, safetyCopy }
}

function liveIsDamaged(ctx: Ctx): boolean {
  try {
    ctx.db()
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
