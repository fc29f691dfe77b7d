// --format csv|md and -o <file> for the reports (stats, check, swap ledger):
// the same text on stdout or in a file, written the way `export` writes.

import { resolve, extname } from 'node:path'
import type { Command } from 'commander'
import { printable } from '../domain/validate.js'
import { UsageError } from '../errors.js'
import type { Ctx } from './context.js'
import { writeExport } from './write-export.js'

export type ReportFormat = 'csv' | 'md'
export const REPORT_FORMATS: readonly ReportFormat[] = ['csv', 'md']

/** How a report is printed: as text for the terminal (no format), or CSV or Markdown, to stdout or a file. */
export interface ReportOutput {
  format?: ReportFormat
  /** The file for -o; stdout when absent. */
  output?: string
}

/** Adds --format and -o to a report command. */
export function reportOptions(cmd: Command): Command {
  return cmd
    .option('--format <format>', 'csv or md instead of the terminal table (CSV: English headers, like --json; Markdown follows --lang)')
    .option('-o, --output <file>', 'write the --format output to this file (its folder must exist) instead of stdout')
}

/** --format and -o; without --format, -o takes the format from its extension. */
export function parseReportOutput(ctx: Ctx, raw: Record<string, unknown>): ReportOutput {
  const out: ReportOutput = {}
  if (raw.output !== undefined) {
    const file = String(raw.output)
    if (file.trim() === '') throw new UsageError((m) => m.errors.usage.needsFile)
    out.output = file
  }
  if (raw.format !== undefined) {
    const f = String(raw.format).trim().toLowerCase()
    const format = f === 'markdown' ? 'md' : f
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError((m) => m.errors.usage.notReportFormat(printable(String(raw.format))), 'bad-format')
    }
    out.format = format as ReportFormat
  } else if (out.output !== undefined) {
    const file = out.output
    const ext = extname(file).slice(1).toLowerCase()
    const format = ext === 'markdown' ? 'md' : ext
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError((m) => m.errors.usage.whichReportFormat(printable(file)), 'bad-format')
    out.format = format as ReportFormat
  }
  const chosen = out.format
  if (chosen && ctx.json) throw new UsageError((m) => m.errors.usage.jsonAndFormat(chosen), 'usage')
  return out
}

/**
 * Prints a report: JSON under --json, CSV or Markdown with --format (to -o's
 * file, with a note on stderr, or to stdout), else the terminal text. The
 * CSV and Markdown writers are loaded only when asked for.
 */
export async function printReport(ctx: Ctx, out: ReportOutput, report: { json: () => unknown; text: () => string; csv: () => Promise<string>; md: () => Promise<string>; what: string }): Promise<void> {
  if (!out.format) {
    ctx.out(report.json(), report.text)
    return
  }
  const content = out.format === 'csv' ? await report.csv() : await report.md()
  if (out.output === undefined) {
    ctx.data(content)
    return
  }
  const path = writeExport(ctx, out.output, content)
  ctx.note(ctx.t.export.wroteReport(report.what, path, out.format))
}
