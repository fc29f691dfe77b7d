// The files roster writes (-o of every command, backups) and reads (holiday
// import, restore, solve), in one place: an output never lands on the
// database, a write that fails is an error and leaves no half file, and an
// input is read only when it is a regular file of a sane size.

import { closeSync, constants, fstatSync, fsyncSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { printable } from '../domain/validate.js'
import { UsageError } from '../errors.js'
import type { Messages } from '../i18n/en.js'

/** The largest file roster reads (imports, backups to restore, instances to solve). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024

/** SQLite's own files beside a database: writing any of them damages it. */
const DATABASE_SUFFIXES = ['', '-wal', '-shm', '-journal']

/**
 * Where `path` really points: symbolic links followed (also one that points
 * at a file that does not exist yet), `..` and relative parts resolved
 * against `cwd`, the folder through realpath.
 */
export function realTarget(cwd: string, path: string): string {
  let p = resolve(cwd, path)
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats
    try {
      st = lstatSync(p)
    } catch {
      break
    }
    if (!st.isSymbolicLink()) break
    p = resolve(dirname(p), readlinkSync(p))
  }
  try {
    return join(realpathSync(dirname(p)), basename(p))
  } catch {
    return p
  }
}

/**
 * Refuses (exit 2) an output path that is the database at `dbPath` or one of
 * its -wal, -shm or -journal files, by whatever spelling: relative, `..`,
 * a symbolic link, a hard link to the database file itself.
 */
export function refuseDatabaseTarget(cwd: string, raw: string, dbPath: string, flag = '-o'): string {
  const target = realTarget(cwd, raw)
  if (dbPath === ':memory:') return target
  const db = realTarget(cwd, dbPath)
  const forbidden = new Set<string>()
  for (const base of [db, resolve(cwd, dbPath)]) for (const s of DATABASE_SUFFIXES) forbidden.add(base + s)
  let same = forbidden.has(target)
  if (!same) {
    // The same file under another name (a hard link): compare what the names point at.
    const a = statOrUndefined(target)
    if (a) for (const s of DATABASE_SUFFIXES) {
      const b = statOrUndefined(db + s)
      if (b && a.dev === b.dev && a.ino === b.ino) same = true
    }
  }
  if (same) throw new UsageError((t) => t.files.isDatabase(flag, printable(raw, 120), printable(dbPath, 120)), 'output-is-database')
  return target
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/**
 * Why a write to an output file failed: exit 2 whatever the cause. SPEC 5
 * keeps exit 3 for the database itself (locked, damaged, foreign, newer); an
 * output file is an argument the user chose, like an unreadable import file,
 * so a full disk or a device that refuses it is bad input for that path.
 */
export function writeError(path: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code ?? ''
  const shown = printable(path, 120)
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return new UsageError((t) => t.files.cannotWrite(shown, t.files.diskFull), 'disk-full')
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new UsageError((t) => t.files.cannotWrite(shown, t.files.denied), 'bad-output')
  return new UsageError((t) => t.files.cannotWrite(shown, printable((e as Error).message ?? String(e), 120)), 'bad-output')
}

/**
 * Writes `content` to the file `raw` names (relative to `cwd`) after checking
 * it is not the database. A regular file (new or existing) is written through
 * a temporary file beside it, synced and renamed over it, so a reader never
 * sees half a file and a failed write leaves nothing new behind. A device or a
 * pipe someone reads (/dev/null, /dev/stdout) is written as it is: never
 * replaced by a file. Returns the path written.
 */
export function writeOutputFile(opts: { cwd: string; dbPath: string; flag?: string }, raw: string, content: string | Uint8Array): string {
  const flag = opts.flag ?? '-o'
  if (raw.trim() === '') throw new UsageError((t) => t.files.isFolder('""', flag), 'bad-output')
  const target = refuseDatabaseTarget(opts.cwd, raw, opts.dbPath, flag)
  const shown = resolve(opts.cwd, raw)
  const folder = dirname(target)
  if (!statOrUndefined(folder)?.isDirectory()) throw new UsageError((t) => t.files.noFolder(printable(dirname(shown), 120), flag), 'bad-output')
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const existing = statOrUndefined(target)
  if (existing?.isDirectory()) throw new UsageError((t) => t.files.isFolder(printable(shown, 120), flag), 'bad-output')
  if (existing && !existing.isFile()) {
    writeSpecial(target, shown, bytes, existing)
    return shown
  }
  const temp = join(folder, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temp, 'wx', existing ? existing.mode & 0o777 : 0o666)
    writeAll(fd, bytes)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temp, target)
  } catch (e) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temp, { force: true })
    throw writeError(shown, e)
  }
  return shown
}

/** A character device or a FIFO: written in place. A FIFO nobody reads is refused rather than waited on. */
function writeSpecial(target: string, shown: string, bytes: Uint8Array, st: Stats): void {
  if (st.isFIFO()) {
    try {
      closeSync(openSync(target, constants.O_WRONLY | constants.O_NONBLOCK))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENXIO') throw new UsageError((t) => t.files.noReader(printable(shown, 120)), 'bad-output')
      throw writeError(shown, e)
    }
  } else if (!st.isCharacterDevice()) {
    throw new UsageError((t) => t.files.notRegular(printable(shown, 120), t.files.kinds[kindOf(st)]!, '-o'), 'bad-output')
  }
  let fd: number | undefined
  try {
    fd = openSync(target, 'w')
    writeAll(fd, bytes)
  } catch (e) {
    throw writeError(shown, e)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done)
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'folder'
  if (st.isFIFO()) return 'fifo'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device'
  if (st.isSocket()) return 'socket'
  return 'other'
}

/**
 * Checks that `path` is a regular file no larger than MAX_INPUT_BYTES without
 * reading it (and without opening a FIFO, which would wait for a writer).
 * `what` names the argument in the refusal.
 */
export function checkInputFile(path: string, what: string): Stats {
  let st: Stats
  try {
    st = statSync(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError((t) => t.files.missing(printable(path, 120)), 'not-found')
    throw new UsageError((t) => t.files.cannotRead(printable(path, 120), code === 'EACCES' ? t.files.denied : printable((e as Error).message, 120)), 'bad-input')
  }
  if (!st.isFile()) throw new UsageError((t) => t.files.notRegular(printable(path, 120), t.files.kinds[kindOf(st)]!, what), 'bad-input')
  if (st.size > MAX_INPUT_BYTES) throw tooLarge(path, st.size)
  return st
}

function tooLarge(path: string, size: number): UsageError {
  return new UsageError((t: Messages) => t.files.tooLarge(printable(path, 120), (size / 1024 / 1024).toFixed(1), MAX_INPUT_BYTES / 1024 / 1024), 'too-large')
}

/**
 * Reads a regular file of at most MAX_INPUT_BYTES: checked before it is
 * opened, opened without waiting (O_NONBLOCK, so a FIFO swapped in meanwhile
 * cannot hang it), checked again on the open file, and read no further than
 * the limit whatever the file claims.
 */
export function readInputFile(path: string, what: string): Buffer {
  checkInputFile(path, what)
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new UsageError((t) => t.files.cannotRead(printable(path, 120), code === 'EACCES' ? t.files.denied : printable((e as Error).message, 120)), 'bad-input')
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new UsageError((t) => t.files.notRegular(printable(path, 120), t.files.kinds[kindOf(st)]!, what), 'bad-input')
    if (st.size > MAX_INPUT_BYTES) throw tooLarge(path, st.size)
    const buf = Buffer.alloc(Math.min(st.size, MAX_INPUT_BYTES) + 1)
    let n = 0
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, null)
      if (got === 0) break
      n += got
    }
    if (n > MAX_INPUT_BYTES) throw tooLarge(path, n)
    return buf.subarray(0, n)
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw new UsageError((t) => t.files.cannotRead(printable(path, 120), printable((e as Error).message, 120)), 'bad-input')
  } finally {
    closeSync(fd)
  }
}
