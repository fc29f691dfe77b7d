// The one way export, the reports' -o and the swap form write a file, shared
// by those commands without one command importing another.

import type { Ctx } from './context.js'
import { writeOutputFile } from './files.js'

/**
 * Writes `content` to the -o file (never the database: see files.ts), through
 * a temporary file beside it, so a reader (a calendar subscribed to the file)
 * never sees half an export. Returns the path written.
 */
export function writeExport(ctx: Ctx, raw: string, content: string | Uint8Array): string {
  return writeOutputFile({ cwd: ctx.deps.cwd, dbPath: ctx.dbPath() }, raw, content)
}
